/**
 * A Telegram update as a questionnaire input: a button of the current question,
 * a text, or a file. Buttons of an earlier message are "stale".
 */
import type { Context } from "grammy";
import type { EvidenceKind } from "../../core/model.js";
import { optionsFor } from "../../core/questionnaire/answer.js";
import type { Input } from "../../core/questionnaire/inputs.js";
import { sameCursor, stepDef } from "../../core/questionnaire/steps.js";
import type { Evidence } from "../../core/report/answers.js";
import { QUESTION_ACTIONS, questionData, sectionAt } from "../callback-data/questionnaire.js";
import { type Shown, selectedOf } from "../render/question.js";

export type Decoded =
  | { kind: "input"; input: Input }
  /** A button of an earlier question, or data that does not unpack. */
  | { kind: "stale" }
  /** Not for the questionnaire (another feature's button). */
  | { kind: "foreign" }
  /** A sticker, location, poll…: explain what is expected. */
  | { kind: "unsupported" }
  /** The second tap of a double tap on a toggle: already done, nothing to do. */
  | { kind: "repeat" };

export function fileOf(ctx: Context): Evidence | undefined {
  const m = ctx.message;
  if (!m) return undefined;
  const receivedAt = new Date(m.date * 1000).toISOString();
  const base = (kind: EvidenceKind, f: { file_id: string; file_unique_id: string; file_size?: number }) => ({
    fileId: f.file_id,
    fileUniqueId: f.file_unique_id,
    kind,
    receivedAt,
    ...(f.file_size !== undefined ? { size: f.file_size } : {}),
  });
  if (m.photo && m.photo.length > 0) return { ...base("photo", m.photo[m.photo.length - 1]!), mime: "image/jpeg" };
  if (m.document) {
    const name = m.document.file_name;
    return {
      ...base("document", m.document),
      ...(m.document.mime_type ? { mime: m.document.mime_type } : {}),
      ...(name ? { name } : {}),
    };
  }
  if (m.voice) return { ...base("voice", m.voice), ...(m.voice.mime_type ? { mime: m.voice.mime_type } : {}) };
  if (m.audio) return { ...base("audio", m.audio), ...(m.audio.mime_type ? { mime: m.audio.mime_type } : {}) };
  if (m.video) return { ...base("video", m.video), ...(m.video.mime_type ? { mime: m.video.mime_type } : {}) };
  if (m.video_note) return base("video_note", m.video_note);
  return undefined;
}

/** True for what the questionnaire takes as an answer: its own buttons, texts and files. */
export const isQuestionnaireUpdate = (ctx: Context): boolean => {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return questionData.filter.test(data);
  return ctx.message !== undefined;
};

/**
 * A double tap sends the same toggle twice, both from the message as it was
 * before the first tap changed it. What the person saw tells what they meant
 * (render/question.ts marks ticked options with ✅): ticking an option that is
 * ticked by now, or clearing one that is clear, is that second tap.
 */
function repeatedToggle(ctx: Context, data: string, option: string, state: Shown): boolean {
  const message = ctx.callbackQuery?.message;
  const markup = message && "reply_markup" in message ? message.reply_markup : undefined;
  const pressed = markup?.inline_keyboard.flat().find((b) => "callback_data" in b && b.callback_data === data);
  if (!pressed) return false;
  const sawTicked = pressed.text.startsWith("✅");
  return selectedOf(state).includes(option) !== sawTicked;
}

export function decodeUpdate(ctx: Context, state: Shown): Decoded {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    if (!questionData.filter.test(data)) return { kind: "foreign" };
    const q = questionData.unpack(data);
    if (!q || q.r !== state.rev) return { kind: "stale" };
    if (!sameCursor({ step: q.s, ...(q.i !== undefined ? { item: q.i } : {}) }, state.cursor)) return { kind: "stale" };
    const action = QUESTION_ACTIONS[q.a];
    if (action === "choose" || action === "toggle") {
      const option = q.o === undefined ? undefined : optionsFor(state.cursor.step, state.answers, state.cursor)[q.o];
      if (option === undefined) return { kind: "stale" };
      if (action === "toggle" && repeatedToggle(ctx, data, option, state)) return { kind: "repeat" };
      return { kind: "input", input: { type: action, option } };
    }
    if (action === "edit") {
      const section = sectionAt(q.o);
      return section ? { kind: "input", input: { type: "edit", section } } : { kind: "stale" };
    }
    return { kind: "input", input: { type: action } };
  }
  const text = ctx.message?.text;
  // A forwarded message is material for the story, not the person's answer to a button question.
  if (text !== undefined && ctx.message?.forward_origin && stepDef(state.cursor.step).kind !== "text") {
    return { kind: "unsupported" };
  }
  if (text !== undefined) return { kind: "input", input: { type: "text", text } };
  const file = fileOf(ctx);
  if (file) return { kind: "input", input: { type: "file", file } };
  if (ctx.message?.caption !== undefined) return { kind: "input", input: { type: "text", text: ctx.message.caption } };
  return ctx.message ? { kind: "unsupported" } : { kind: "foreign" };
}
