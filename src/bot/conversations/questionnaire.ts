/**
 * The victim questionnaire as a conversation. The draft in SQLite is the truth:
 * every answer goes through services/questionnaire (saved before the reply), and
 * this loop only renders the current question and turns updates into inputs.
 *
 * The conversation replays its log on every update, so a questionnaire kept in
 * one conversation would get slower with every answer. Each run therefore handles
 * one answer and ends; the next answer enters it again (resume) from the draft.
 * Nothing is replayed (the benchmark measured a third less CPU per update than
 * with three answers per run), and nothing is lost: the draft holds everything.
 */
import type { Conversation } from "@grammyjs/conversations";
import type { Input } from "../../core/questionnaire/inputs.js";
import { wasUpdateHandled } from "../../db/handled-updates.js";
import { answerStep, openDraft } from "../../services/questionnaire.js";
import { receivedEvidence } from "../api/evidence-file.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import type { AppContext, ConvContext } from "../context.js";
import { answeredLabel, typedEcho } from "../render/answered.js";
import { warnIfLiveCall } from "../render/live-call.js";
import { renderQuestion, type Shown } from "../render/question.js";
import { external } from "./external.js";
import { decodeUpdate } from "./questionnaire-input.js";

export const QUESTIONNAIRE = "questionnaire";
/** Answers handled by one conversation run before it hands over to a fresh one. */
export const ANSWERS_PER_RUN = 1;

export interface Submission {
  /** Turns the draft into a submitted report; JSON-serialisable result, run once (replay-safe). */
  submit(ctx: AppContext, draftId: number): Promise<SubmitResult> | SubmitResult;
  /** Tells the person and sends the documents. */
  announce(ctx: ConvContext, result: Extract<SubmitResult, { ok: true }>): Promise<void>;
}
export type SubmitResult = { ok: true; reportId: number; number: string } | { ok: false; error: string };

/** The question, after a warning (an answer to give again), a notice (a file kept) or what an answer was read as. */
async function show(
  ctx: ConvContext,
  state: Shown,
  above: { error?: string; notice?: string; echo?: string | undefined } = {},
): Promise<void> {
  const q = renderQuestion(ctx.t, state);
  const lines = [
    above.error && `⚠️ ${ctx.t(above.error, { defaultValue: ctx.t("questionnaire:errors.generic") })}`,
    above.notice && ctx.t(above.notice),
    above.echo,
    q.text,
  ];
  await ctx.reply(lines.filter(Boolean).join("\n\n"), { reply_markup: q.keyboard });
}

/** Removes the buttons of the question just answered, so it cannot be pressed again. */
async function closeQuestion(ctx: ConvContext): Promise<void> {
  if (ctx.callbackQuery?.message) await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
}

/** The question just answered with a button keeps its text and shows the answer instead of buttons. */
async function closeAnswered(ctx: ConvContext, before: Shown, after: Shown, input: Input): Promise<void> {
  if (!ctx.callbackQuery?.message) return;
  const answer = answeredLabel(ctx.t, before, after, input);
  if (!answer) return closeQuestion(ctx);
  const q = renderQuestion(ctx.t, before);
  await ctx.editMessageText(`${q.text}\n\n<b>✓ ${answer}</b>`).catch(() => closeQuestion(ctx));
}

async function refresh(ctx: ConvContext, state: Shown): Promise<void> {
  const q = renderQuestion(ctx.t, state);
  await ctx.editMessageText(q.text, { reply_markup: q.keyboard }).catch(ignoreStaleEdit);
}

export function questionnaire(submission: Submission) {
  /**
   * Handles one update at the current question. The question is read from the
   * draft each time, never from memory: after a crash the replay log may be one
   * answer behind the database.
   */
  async function handle(
    conversation: Conversation<AppContext, ConvContext>,
    ctx: ConvContext,
    draftId: number,
  ): Promise<void> {
    const current = await external(conversation, (c) => openDraft(c.deps.db, draftId));
    // The answer was saved, then the process died before the reply went out: the
    // update comes back from the inbox. Apply nothing; show where the person is now.
    const updateId = ctx.update.update_id;
    const replayed = await external(conversation, (c) => wasUpdateHandled(c.deps.db, updateId));
    if (!current) {
      if (replayed) {
        // It was Submit: submitting again returns the same report; the documents are sent again.
        const submitted = await external(conversation, (c) => submission.submit(c, draftId));
        if (submitted.ok) {
          await submission.announce(ctx, submitted);
          return;
        }
      }
      await ctx.reply(ctx.t("questionnaire:gone"));
      return;
    }
    if (replayed) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      await show(ctx, current);
      return;
    }
    const decoded = decodeUpdate(ctx, current);
    if (decoded.kind === "foreign") await conversation.skip({ next: true });
    if (decoded.kind === "repeat") {
      await ctx.answerCallbackQuery();
      return;
    }
    if (decoded.kind === "stale") {
      await ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
      return;
    }
    if (decoded.kind !== "input") {
      await show(ctx, current, { error: "questionnaire:errors.unsupported" });
      return;
    }
    // A file is hashed and copied into storage as it arrives, before the answer is saved.
    const received = decoded.input;
    const input =
      received.type === "file"
        ? { ...received, file: await external(conversation, (c) => receivedEvidence(c, draftId, received.file)) }
        : received;
    const result = await external(conversation, (c) =>
      answerStep(c.deps.db, draftId, input, c.deps.now(), {
        lang: c.lang,
        updateId,
        // When it was sent, on the app's clock (the draft's): its age as Telegram dates it.
        ...(ctx.message ? { sentAt: new Date(c.deps.now().getTime() - (Date.now() - ctx.message.date * 1000)) } : {}),
      }),
    );
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    if (result.kind === "duplicate" || result.kind === "stale") {
      await show(ctx, current);
      return;
    }
    if (result.kind === "gone") {
      await ctx.reply(ctx.t("questionnaire:gone"));
      return;
    }
    const next: Shown = { ...result.state, rev: result.rev };
    switch (result.kind) {
      case "updated":
        if (result.notice) await show(ctx, next, { notice: `questionnaire:notices.${result.notice}` });
        else if (ctx.callbackQuery) await refresh(ctx, next);
        else await show(ctx, next, { notice: "questionnaire:notices.file_added" });
        return;
      case "invalid":
        await closeQuestion(ctx);
        await show(ctx, next, { error: `questionnaire:errors.${result.error}` });
        return;
      case "submit": {
        const submitted = await external(conversation, (c) => submission.submit(c, draftId));
        if (!submitted.ok) {
          await show(ctx, next, { error: `questionnaire:errors.${submitted.error}` });
          return;
        }
        await closeQuestion(ctx);
        await submission.announce(ctx, submitted);
        return;
      }
      case "moved":
        await closeAnswered(ctx, current, next, input);
        // A story of a call going on now: «hang up» before the next question.
        if (current.cursor.step === "narrative" && input.type === "text") await warnIfLiveCall(ctx, input.text);
        await show(ctx, next, { echo: typedEcho(ctx.t, current, next, input) });
        return;
    }
  }

  return async function run(
    conversation: Conversation<AppContext, ConvContext>,
    ctx: ConvContext,
    draftId: number,
    resume: boolean,
  ) {
    if (resume) {
      await handle(conversation, ctx, draftId);
      return;
    }
    const start = await external(conversation, (c) => openDraft(c.deps.db, draftId));
    if (!start) {
      await ctx.reply(ctx.t("questionnaire:gone"));
      return;
    }
    await show(ctx, start);
    await handle(conversation, await conversation.wait(), draftId);
  };
}
