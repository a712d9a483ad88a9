/**
 * The victim questionnaire as a conversation. The draft in SQLite is the truth:
 * every answer goes through services/questionnaire (saved before the reply), and
 * this loop only renders the current question and turns updates into inputs.
 * Its replay log lets a restarted process continue at the same message.
 */
import type { Conversation } from "@grammyjs/conversations";
import type { QState } from "../../core/questionnaire/engine.js";
import { answerStep, openDraft } from "../../services/questionnaire.js";
import type { AppContext, ConvContext } from "../context.js";
import { renderQuestion } from "../render/question.js";
import { decodeUpdate } from "./questionnaire-input.js";

export const QUESTIONNAIRE = "questionnaire";

export interface Submission {
  /** Turns the draft into a submitted report; JSON-serialisable result, run once (replay-safe). */
  submit(ctx: AppContext, draftId: number): Promise<SubmitResult> | SubmitResult;
  /** Tells the person and sends the documents. */
  announce(ctx: ConvContext, result: Extract<SubmitResult, { ok: true }>): Promise<void>;
}
export type SubmitResult = { ok: true; reportId: number; number: string } | { ok: false; error: string };

async function show(ctx: ConvContext, state: QState): Promise<number> {
  const q = renderQuestion(ctx.t, state, ctx.lang);
  const sent = await ctx.reply(q.text, { reply_markup: q.keyboard });
  return sent.message_id;
}

/** Replaces the buttons of a finished question by nothing, so they cannot be pressed again. */
async function closeQuestion(ctx: ConvContext, messageId: number | undefined): Promise<void> {
  if (messageId === undefined || !ctx.chat) return;
  await ctx.api.editMessageReplyMarkup(ctx.chat.id, messageId).catch(() => undefined);
}

async function refresh(ctx: ConvContext, messageId: number, state: QState): Promise<void> {
  if (!ctx.chat) return;
  const q = renderQuestion(ctx.t, state, ctx.lang);
  await ctx.api.editMessageText(ctx.chat.id, messageId, q.text, { reply_markup: q.keyboard }).catch(() => undefined);
}

export function questionnaire(submission: Submission) {
  return async function run(conversation: Conversation<AppContext, ConvContext>, ctx: ConvContext, draftId: number) {
    const start = await conversation.external((c) => openDraft(c.deps.db, draftId));
    if (!start) {
      await ctx.reply(ctx.t("questionnaire:gone"));
      return;
    }
    let state: QState = { answers: start.answers, cursor: start.cursor };
    let messageId: number | undefined = await show(ctx, state);

    for (;;) {
      const next = await conversation.wait();
      const decoded = decodeUpdate(next, state, messageId);
      if (decoded.kind === "foreign") await conversation.skip({ next: true });
      if (decoded.kind === "stale") {
        await next.answerCallbackQuery({ text: next.t("common:stale") }).catch(() => undefined);
        continue;
      }
      if (decoded.kind === "unsupported") {
        await closeQuestion(next, messageId);
        messageId = await showWithNote(next, state, "questionnaire:errors.unsupported");
        continue;
      }
      if (decoded.kind !== "input") continue;
      const input = decoded.input;
      const result = await conversation.external((c) => answerStep(c.deps.db, draftId, input, c.deps.now(), c.lang));
      if (next.callbackQuery) await next.answerCallbackQuery().catch(() => undefined);
      if (result.kind === "gone") {
        await next.reply(next.t("questionnaire:gone"));
        return;
      }
      state = result.state;
      if (result.kind === "updated") {
        if (result.notice) {
          await next.reply(next.t(`questionnaire:notices.${result.notice}`));
          await closeQuestion(next, messageId);
          messageId = await show(next, state);
        } else if (messageId !== undefined && next.callbackQuery) {
          await refresh(next, messageId, state);
        } else {
          await closeQuestion(next, messageId);
          messageId = await showWithNote(next, state, "questionnaire:notices.file_added");
        }
        continue;
      }
      if (result.kind === "invalid") {
        await closeQuestion(next, messageId);
        messageId = await showWithNote(next, state, `questionnaire:errors.${result.error}`);
        continue;
      }
      await closeQuestion(next, messageId);
      if (result.kind === "submit") {
        const submitted = await conversation.external((c) => submission.submit(c, draftId));
        if (submitted.ok) return submission.announce(next, submitted);
        messageId = await showWithNote(next, state, `questionnaire:errors.${submitted.error}`);
        continue;
      }
      messageId = await show(next, state);
    }
  };
}

async function showWithNote(ctx: ConvContext, state: QState, noteKey: string): Promise<number> {
  const q = renderQuestion(ctx.t, state, ctx.lang);
  const note = ctx.t(noteKey, { defaultValue: ctx.t("questionnaire:errors.generic") });
  const sent = await ctx.reply(`⚠️ ${note}\n\n${q.text}`, { reply_markup: q.keyboard });
  return sent.message_id;
}
