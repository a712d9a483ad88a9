/**
 * The victim questionnaire: a plain handler over the draft. The draft in the
 * database is the truth (its cursor is the state machine of core/questionnaire):
 * every answer goes through services/questionnaire (saved before the reply), and
 * this only renders the current question and turns updates into inputs. Nothing
 * about the dialog is kept in memory or in a conversation log, so any process may
 * handle a person's next update, and a restart loses nothing.
 */
import type { MiddlewareFn } from "grammy";
import type { Input } from "../../core/questionnaire/inputs.js";
import { activeDraftId, lastSubmittedFromQuestionnaire } from "../../db/drafts.js";
import { wasUpdateHandled } from "../../db/handled-updates.js";
import { answerStep, openDraft } from "../../services/questionnaire.js";
import { receivedEvidence } from "../api/evidence-file.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import type { AppContext, BaseContext } from "../context.js";
import { answeredLabel, typedEcho } from "../render/answered.js";
import { warnIfLiveCall } from "../render/live-call.js";
import { questionScreenText, renderQuestion, type Shown } from "../render/question.js";
import { decodeUpdate, isQuestionnaireUpdate } from "./input.js";

export interface Submission {
  /** Turns the draft into a submitted report; submitting a submitted draft again returns the same report. */
  submit(ctx: BaseContext, draftId: number): Promise<SubmitResult> | SubmitResult;
  /** Tells the person and sends the documents. */
  announce(ctx: BaseContext, result: Extract<SubmitResult, { ok: true }>): Promise<void>;
}
export type SubmitResult = { ok: true; reportId: number; number: string } | { ok: false; error: string };

/** The question, after a warning (an answer to give again), a notice (a file kept) or what an answer was read as. */
async function show(
  ctx: BaseContext,
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
async function closeQuestion(ctx: BaseContext): Promise<void> {
  if (ctx.callbackQuery?.message) await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
}

/** The question just answered with a button keeps its text and shows the answer instead of buttons. */
async function closeAnswered(ctx: BaseContext, before: Shown, after: Shown, input: Input): Promise<void> {
  if (!ctx.callbackQuery?.message) return;
  const answer = answeredLabel(ctx.t, before, after, input);
  if (!answer) return closeQuestion(ctx);
  await ctx
    .editMessageText(`${questionScreenText(ctx.t, before)}\n\n<b>✓ ${answer}</b>`)
    .catch(() => closeQuestion(ctx));
}

async function refresh(ctx: BaseContext, state: Shown): Promise<void> {
  const q = renderQuestion(ctx.t, state);
  await ctx.editMessageText(q.text, { reply_markup: q.keyboard }).catch(ignoreStaleEdit);
}

/** Shows the question the draft is at (entering the questionnaire, new or resumed). */
export async function showCurrentQuestion(ctx: BaseContext, draftId: number): Promise<void> {
  const current = await openDraft(ctx.deps.db, draftId);
  if (!current) return void (await ctx.reply(ctx.t("questionnaire:gone")));
  await show(ctx, current);
}

/**
 * The update of a person whose draft is active (in the questionnaire), read from
 * the database on every update: handled at the draft's current question. Anything
 * else goes on to the features.
 */
export function questionnaireHandler(submission: Submission): MiddlewareFn<AppContext> {
  /** Handles one update at the current question, read from the draft. */
  async function handle(ctx: BaseContext, draftId: number, skip: () => Promise<void>): Promise<void> {
    const { db } = ctx.deps;
    const current = await openDraft(db, draftId);
    // The answer was saved, then the process died before the reply went out: the
    // update comes back from the inbox. Apply nothing; show where the person is now.
    const updateId = ctx.update.update_id;
    const replayed = await wasUpdateHandled(db, updateId);
    if (!current) {
      if (replayed) {
        // It was Submit: submitting again returns the same report; the documents are sent again.
        const submitted = await submission.submit(ctx, draftId);
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
    if (decoded.kind === "foreign") return skip();
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
      received.type === "file" ? { ...received, file: await receivedEvidence(ctx, draftId, received.file) } : received;
    const now = ctx.deps.now();
    const result = await answerStep(db, draftId, input, now, {
      lang: ctx.lang,
      updateId,
      known: current.loaded,
      // When it was sent, on the app's clock (the draft's): its age as Telegram dates it.
      ...(ctx.message ? { sentAt: new Date(now.getTime() - (Date.now() - ctx.message.date * 1000)) } : {}),
    });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    if (result.kind === "duplicate" || result.kind === "stale") {
      await show(ctx, current);
      return;
    }
    if (result.kind === "gone") {
      await ctx.reply(ctx.t("questionnaire:gone"));
      return;
    }
    const next: Shown = { answers: result.state.answers, cursor: result.state.cursor, rev: result.rev };
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
        const submitted = await submission.submit(ctx, draftId);
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

  return async (ctx, next) => {
    if (!ctx.from || ctx.chat?.type !== "private" || !isQuestionnaireUpdate(ctx)) return next();
    let draftId = await activeDraftId(ctx.deps.db, ctx.from.id);
    // A Submit replayed after a crash finds its draft submitted already; handle()
    // then sends the documents again.
    if (draftId === undefined && (await wasUpdateHandled(ctx.deps.db, ctx.update.update_id))) {
      draftId = await lastSubmittedFromQuestionnaire(ctx.deps.db, ctx.from.id);
    }
    if (draftId === undefined) return next();
    await handle(ctx, draftId, next);
  };
}
