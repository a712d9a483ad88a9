/**
 * Adding information to a submitted report: a transfer (the questionnaire's own
 * transfer questions, parsers and error texts), a police statement number, a
 * bank request number, a note, or files. Nothing is written until the addition
 * is complete; then services/versions saves it as the next signed version and
 * the person gets that version's PDF and JSON. Files are saved one by one, so
 * none is lost if the person walks away before «Done».
 *
 * The few answers of a transfer between messages are the chat's awaited input in
 * the database (db/pending-inputs.ts), not a conversation: any process handles the
 * next message, and a restart loses nothing. It expires when left alone, so a
 * message days later is not taken as an addition.
 */
import type { MiddlewareFn } from "grammy";
import { MAX_SHORT_TEXT } from "../../core/questionnaire/answer.js";
import { advance } from "../../core/questionnaire/engine.js";
import { cleanText, parsers } from "../../core/questionnaire/parsers.js";
import type { StepId } from "../../core/questionnaire/steps.js";
import { clearPendingInput, clearPendingInputOf, pendingInputRow, setPendingInput } from "../../db/pending-inputs.js";
import { loadReport, reportOwner } from "../../services/reports.js";
import { type Addition, type AddResult, addToReport, type Change } from "../../services/versions.js";
import { receivedEvidence } from "../api/evidence-file.js";
import { additionControlData } from "../callback-data/my-reports.js";
import type { AppContext, BaseContext } from "../context.js";
import { controlKeyboard, transferQuestionKeyboard } from "../keyboards/my-reports.js";
import { decodeUpdate, fileOf } from "../questionnaire/input.js";
import { behalf, type Shown } from "../render/question.js";
import { sendReportFiles } from "../render/report-files.js";
import { currentValue, type T } from "../render/values.js";

/** The chat's awaited input while an addition is open; at the recipient question the card typed is someone else's. */
export const ADDITION_INPUTS = { open: "add_information", recipient: "add_transfer_recipient" } as const;
const isAddition = (kind: string) => kind === ADDITION_INPUTS.open || kind === ADDITION_INPUTS.recipient;

/** Leaves an open addition (the person went elsewhere); nothing was written for it yet but files. */
export const closeAddition = (ctx: BaseContext, userId: number) =>
  clearPendingInputOf(ctx.deps.db, userId, Object.values(ADDITION_INPUTS));

const WAIT_MS = 30 * 60_000;
/** Bounds one addition; the person can start again from «My reports». */
const MAX_MOVES = 30;
const MAX_NOTE = 1000;
const TRANSFER_STEPS = new Set<StepId>([
  "transfer_amount",
  "transfer_when",
  "transfer_method",
  "transfer_loss_kind",
  "transfer_recipient",
  "transfer_recipient_bank",
  "transfer_own_bank",
  "transfer_receipt",
  "transfer_crypto",
]);
const ignore = () => undefined;

type TextKind = "statement_no" | "bank_request_no" | "note";

/**
 * Where an addition is (JSON in pending_inputs.payload): the report and its number,
 * the moves so far, the update handled last (a replayed one is not applied twice),
 * and for a transfer the answers so far with the evidence count they started from.
 */
type AdditionState = { r: number; n: string; moves: number; u?: number } & (
  | { k: "transfer"; shown: Shown; item: number; evidenceBefore: number }
  | { k: TextKind }
  | { k: "evidence"; last?: { number: string; version: number } }
);

/** Answers the button press, if the update is one, and takes the buttons off its message. */
async function settle(ctx: BaseContext, options: { text?: string; close?: boolean } = {}): Promise<void> {
  if (!ctx.callbackQuery) return;
  await ctx.answerCallbackQuery(options.text ? { text: options.text } : {}).catch(ignore);
  if (options.close && ctx.callbackQuery.message) await ctx.editMessageReplyMarkup().catch(ignore);
}

/** What a version changed, in words: "a transfer, evidence". */
export const changesText = (t: T, changes: Change[]) =>
  changes.length === 0 ? t("myreports:changes.submitted") : changes.map((c) => t(`myreports:changes.${c}`)).join(", ");

async function keep(ctx: BaseContext, state: AdditionState): Promise<void> {
  const atRecipient = state.k === "transfer" && state.shown.cursor.step === "transfer_recipient";
  const kind = atRecipient ? ADDITION_INPUTS.recipient : ADDITION_INPUTS.open;
  const payload = JSON.stringify({ ...state, u: ctx.update.update_id });
  await setPendingInput(ctx.deps.db, ctx.from!.id, kind, ctx.deps.now(), WAIT_MS, payload);
}

const close = (ctx: BaseContext) => clearPendingInput(ctx.deps.db, ctx.from!.id);

async function cancelled(ctx: BaseContext): Promise<void> {
  await close(ctx);
  await settle(ctx, { close: true });
  await ctx.reply(ctx.t("myreports:add.cancelled"));
}

async function showTransferStep(ctx: BaseContext, shown: Shown, noteKey?: string): Promise<void> {
  const { step, item = 0 } = shown.cursor;
  // A notice ("file kept") is good news; only an answer to give again gets the warning sign.
  const text = noteKey && ctx.t(noteKey, { defaultValue: ctx.t("questionnaire:errors.generic") });
  const note = text && (noteKey.includes(":notices.") ? text : `⚠️ ${text}`);
  const now = currentValue(ctx.t, step, shown.answers, item);
  const parts = [
    note,
    ctx.t(`questionnaire:steps.${step}.q`, { ...behalf(shown), n: item + 1 }),
    now ? ctx.t("questionnaire:current", { value: now, interpolation: { escapeValue: false } }) : undefined,
  ];
  await ctx.reply(parts.filter(Boolean).join("\n\n"), { reply_markup: transferQuestionKeyboard(ctx.t, shown) });
}

const askTextAgain = (ctx: BaseContext, key: string) =>
  ctx.reply(`⚠️ ${ctx.t(key)}`, { reply_markup: controlKeyboard(ctx.t, ["cancel"]) });

/** Asks what the addition needs first. */
async function ask(ctx: BaseContext, state: AdditionState): Promise<void> {
  if (state.k === "transfer") {
    await ctx.reply(ctx.t("myreports:add.transfer_intro", { number: state.n }));
    return showTransferStep(ctx, state.shown);
  }
  const key = state.k === "evidence" ? "myreports:add.ask.evidence" : `myreports:add.ask.${state.k}`;
  await ctx.reply(ctx.t(key, { number: state.n }), {
    reply_markup: controlKeyboard(ctx.t, [state.k === "evidence" ? "done" : "cancel"]),
  });
}

const save = (ctx: BaseContext, reportId: number, addition: Addition): Promise<AddResult> =>
  addToReport(ctx.deps.db, {
    reportId,
    userId: ctx.from!.id,
    addition,
    keys: ctx.deps.keys,
    now: ctx.deps.now(),
    updateId: ctx.update.update_id,
  });

async function announce(ctx: BaseContext, reportId: number, result: AddResult): Promise<void> {
  if (!result.ok) {
    await ctx.reply(ctx.t(result.reason === "nothing" ? "myreports:add.nothing" : "myreports:not_found"));
    return;
  }
  const change = changesText(ctx.t, result.changes);
  await ctx.reply(ctx.t("myreports:add.saved", { number: result.number, version: result.version, change }));
  await sendReportFiles(ctx, reportId, { letters: false, version: result.version });
}

async function finish(ctx: BaseContext, reportId: number, addition: Addition): Promise<void> {
  await close(ctx);
  await announce(ctx, reportId, await save(ctx, reportId, addition));
}

/** Starts adding `kind` to the person's submitted report: asks the first question. */
export async function startAddition(ctx: BaseContext, reportId: number, kind: Change): Promise<void> {
  const owner = await reportOwner(ctx.deps.db, reportId);
  const report =
    ctx.from && owner?.userId === ctx.from.id && owner.status === "submitted"
      ? await loadReport(ctx.deps.db, reportId)
      : undefined;
  if (!report) return void (await ctx.reply(ctx.t("myreports:not_found")));
  const base = { r: reportId, n: report.number, moves: 0 };
  const { answers } = report;
  const state: AdditionState =
    kind === "transfer"
      ? {
          ...base,
          k: "transfer",
          item: answers.transfers.length,
          evidenceBefore: answers.evidence.length,
          shown: {
            answers: { ...answers, transfersMade: true, transfers: [...answers.transfers, {}] },
            cursor: { step: "transfer_amount", item: answers.transfers.length },
            rev: 0,
          },
        }
      : kind === "evidence"
        ? { ...base, k: "evidence" }
        : { ...base, k: kind };
  await keep(ctx, state);
  await ask(ctx, state);
}

/** One update of a transfer being added. */
async function transferMove(
  ctx: BaseContext,
  state: Extract<AdditionState, { k: "transfer" }>,
  skip: () => Promise<void>,
) {
  if (additionControlData.unpack(ctx.callbackQuery?.data)) return cancelled(ctx);
  const { shown, item } = state;
  const decoded = decodeUpdate(ctx, shown);
  if (decoded.kind === "foreign") return skip();
  const again = (s: AdditionState) => keep(ctx, { ...s, moves: s.moves + 1 });
  const input = decoded.kind === "input" ? decoded.input : undefined;
  if (decoded.kind === "stale" || (input && !["choose", "text", "file", "skip"].includes(input.type))) {
    await settle(ctx, { text: ctx.t("common:stale") });
    return again(state);
  }
  if (!input) {
    await again(state);
    return showTransferStep(ctx, shown, "questionnaire:errors.unsupported");
  }
  // One transfer is added at a time: several sums typed here are a question back, not a silent pick.
  if (input.type === "text" && shown.cursor.step === "transfer_amount") {
    const sums = parsers.amounts(cleanText(input.text));
    if (sums.ok && sums.value.length > 1) {
      await settle(ctx);
      await again(state);
      return showTransferStep(ctx, shown, "questionnaire:errors.several_amounts");
    }
  }
  const outcome = advance(shown, input, { now: ctx.deps.now(), lang: ctx.lang });
  // The question just answered loses its buttons; an invalid answer keeps them to try again.
  await settle(ctx, { close: outcome.kind === "moved" });
  if (outcome.kind === "invalid") {
    await again(state);
    return showTransferStep(ctx, shown, `questionnaire:errors.${outcome.error}`);
  }
  if (outcome.kind !== "moved") {
    const kept = { ...outcome.state, rev: shown.rev };
    await again({ ...state, shown: kept });
    return showTransferStep(ctx, kept, "questionnaire:notices.file_saved");
  }
  const at = outcome.state.cursor;
  if (at.item !== item || !TRANSFER_STEPS.has(at.step)) {
    const answers = outcome.state.answers;
    const evidence = answers.evidence.slice(state.evidenceBefore);
    return finish(ctx, state.r, { transfer: answers.transfers[item] ?? {}, ...(evidence.length ? { evidence } : {}) });
  }
  const next = { ...outcome.state, rev: (shown.rev + 1) % 1000 };
  await again({ ...state, shown: next });
  await showTransferStep(ctx, next);
}

/** One update of a statement number, a bank request number or a note. */
async function textMove(ctx: BaseContext, state: Extract<AdditionState, { k: TextKind }>, skip: () => Promise<void>) {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return additionControlData.filter.test(data) ? cancelled(ctx) : skip();
  const raw = ctx.message?.text ?? ctx.message?.caption;
  const text = raw === undefined ? undefined : cleanText(raw);
  const error =
    raw === undefined
      ? "myreports:add.send_text"
      : !text
        ? "questionnaire:errors.empty"
        : text.length > (state.k === "note" ? MAX_NOTE : MAX_SHORT_TEXT)
          ? "questionnaire:errors.too_long"
          : undefined;
  if (error || !text) {
    await keep(ctx, { ...state, moves: state.moves + 1 });
    return void (await askTextAgain(ctx, error ?? "questionnaire:errors.empty"));
  }
  const addition: Addition =
    state.k === "note" ? { note: text } : state.k === "statement_no" ? { statementNo: text } : { bankRequestNo: text };
  await finish(ctx, state.r, addition);
}

/** One update while files are sent: each is saved as a version at once; «Done» ends. */
async function fileMove(ctx: BaseContext, state: Extract<AdditionState, { k: "evidence" }>, skip: () => Promise<void>) {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) {
    if (!additionControlData.filter.test(data)) return skip();
    await settle(ctx, { close: true });
    return filesDone(ctx, state);
  }
  const file = fileOf(ctx);
  if (!file) {
    await keep(ctx, { ...state, moves: state.moves + 1 });
    return void (await ctx.reply(ctx.t("myreports:add.send_file"), { reply_markup: controlKeyboard(ctx.t, ["done"]) }));
  }
  const kept = await receivedEvidence(ctx, state.r, file);
  const result = await save(ctx, state.r, { evidence: [kept] });
  if (!result.ok && result.reason === "not_found") {
    await close(ctx);
    return announce(ctx, state.r, result);
  }
  const last = result.ok ? { number: result.number, version: result.version } : state.last;
  await keep(ctx, { ...state, moves: state.moves + 1, ...(last ? { last } : {}) });
  const key = result.ok ? "myreports:add.file_saved" : "myreports:add.file_not_added";
  await ctx.reply(ctx.t(key, result.ok ? { version: result.version } : {}), {
    reply_markup: controlKeyboard(ctx.t, ["done"]),
  });
}

async function filesDone(ctx: BaseContext, state: Extract<AdditionState, { k: "evidence" }>): Promise<void> {
  await close(ctx);
  if (!state.last) return void (await ctx.reply(ctx.t("myreports:add.nothing")));
  await announce(ctx, state.r, { ok: true, ...state.last, changes: ["evidence"] });
}

/** Re-asks where the addition is (a replayed update, already handled). */
async function askAgain(ctx: BaseContext, state: AdditionState): Promise<void> {
  await settle(ctx);
  if (state.k === "transfer") return showTransferStep(ctx, state.shown);
  await ctx.reply(
    ctx.t(state.k === "evidence" ? "myreports:add.send_file" : `myreports:add.ask.${state.k}`, { number: state.n }),
    {
      reply_markup: controlKeyboard(ctx.t, [state.k === "evidence" ? "done" : "cancel"]),
    },
  );
}

/**
 * The next update of a person adding information (an open addition in the database):
 * handled here; anything else goes on.
 */
export const additionHandler: MiddlewareFn<AppContext> = async (ctx, next) => {
  if (!ctx.from || ctx.chat?.type !== "private" || (!ctx.message && !ctx.callbackQuery)) return next();
  const open = await pendingInputRow(ctx.deps.db, ctx.from.id, ctx.deps.now());
  if (!open || !isAddition(open.kind) || !open.payload) return next();
  const state = JSON.parse(open.payload) as AdditionState;
  if (state.u === ctx.update.update_id) return askAgain(ctx, state);
  // Bounded: a transfer or a text is cancelled, files sent so far are announced.
  if (state.moves >= MAX_MOVES) return state.k === "evidence" ? filesDone(ctx, state) : cancelled(ctx);
  if (state.k === "transfer") return transferMove(ctx, state, next);
  if (state.k === "evidence") return fileMove(ctx, state, next);
  return textMove(ctx, state, next);
};
