/**
 * Adding information to a submitted report: a transfer (the questionnaire's own
 * transfer questions, parsers and error texts), a police statement number, a
 * bank request number, a note, or files. Nothing is written until the addition
 * is complete; then services/versions saves it as the next signed version and
 * the person gets that version's PDF and JSON. Files are saved one by one, so
 * none is lost if the person walks away before «Done».
 *
 * A short conversation keeps the few answers of a transfer between messages;
 * it ends by itself when left alone, so a message days later is not taken as
 * an addition.
 */
import type { Conversation } from "@grammyjs/conversations";
import { MAX_SHORT_TEXT } from "../../core/questionnaire/answer.js";
import { advance } from "../../core/questionnaire/engine.js";
import { cleanText, parsers } from "../../core/questionnaire/parsers.js";
import type { StepId } from "../../core/questionnaire/steps.js";
import type { Answers } from "../../core/report/answers.js";
import { clearPendingInput, setPendingInput } from "../../db/pending-inputs.js";
import { loadReport, reportOwner } from "../../services/reports.js";
import { type Addition, type AddResult, addToReport, type Change } from "../../services/versions.js";
import { receivedEvidence } from "../api/evidence-file.js";
import { additionControlData } from "../callback-data/my-reports.js";
import type { AppContext, ConvContext } from "../context.js";
import { controlKeyboard, transferQuestionKeyboard } from "../keyboards/my-reports.js";
import { behalf, type Shown } from "../render/question.js";
import { sendReportFiles } from "../render/report-files.js";
import { currentValue, type T } from "../render/values.js";
import { external } from "./external.js";
import { decodeUpdate, fileOf } from "./questionnaire-input.js";

export const ADD_INFORMATION = "add_information";

type Conv = Conversation<AppContext, ConvContext>;

const WAIT = { maxMilliseconds: 30 * 60_000 };
/** Bounds the replay log of one run; the person can start again from «My reports». */
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

/** Answers the button press, if the update is one, and takes the buttons off its message. */
async function settle(ctx: ConvContext, options: { text?: string; close?: boolean } = {}): Promise<void> {
  if (!ctx.callbackQuery) return;
  await ctx.answerCallbackQuery(options.text ? { text: options.text } : {}).catch(ignore);
  if (options.close && ctx.callbackQuery.message) await ctx.editMessageReplyMarkup().catch(ignore);
}

/** What a version changed, in words: "a transfer, evidence". */
export const changesText = (t: T, changes: Change[]) =>
  changes.length === 0 ? t("myreports:changes.submitted") : changes.map((c) => t(`myreports:changes.${c}`)).join(", ");

type Start = { number: string; answers: Answers };
type Done = { ctx: ConvContext; addition: Addition };

async function cancelled(ctx: ConvContext): Promise<undefined> {
  await settle(ctx, { close: true });
  await ctx.reply(ctx.t("myreports:add.cancelled"));
  return undefined;
}

/** The inbox keeps a card typed now whole only while the recipient question is open (it is someone else's). */
const recipientInput = (conversation: Conv, open: boolean) =>
  external(conversation, async (c) => {
    if (!c.from) return;
    if (open) await setPendingInput(c.deps.db, c.from.id, "add_transfer_recipient", c.deps.now(), WAIT.maxMilliseconds);
    else await clearPendingInput(c.deps.db, c.from.id);
  });

async function showTransferStep(ctx: ConvContext, shown: Shown, noteKey?: string): Promise<void> {
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

async function askTransfer(conversation: Conv, ctx: ConvContext, start: Start): Promise<Done | undefined> {
  const item = start.answers.transfers.length;
  let shown: Shown = {
    answers: { ...start.answers, transfersMade: true, transfers: [...start.answers.transfers, {}] },
    cursor: { step: "transfer_amount", item },
    rev: 0,
  };
  await ctx.reply(ctx.t("myreports:add.transfer_intro", { number: start.number }));
  await showTransferStep(ctx, shown);
  for (let moves = 0; moves < MAX_MOVES; moves++) {
    const next = await conversation.wait(WAIT);
    if (additionControlData.unpack(next.callbackQuery?.data)) {
      await recipientInput(conversation, false);
      return cancelled(next);
    }
    const decoded = decodeUpdate(next, shown);
    if (decoded.kind === "foreign") await conversation.skip({ next: true });
    const input = decoded.kind === "input" ? decoded.input : undefined;
    if (decoded.kind === "stale" || (input && !["choose", "text", "file", "skip"].includes(input.type))) {
      await settle(next, { text: next.t("common:stale") });
      continue;
    }
    if (!input) {
      await showTransferStep(next, shown, "questionnaire:errors.unsupported");
      continue;
    }
    // One transfer is added at a time: several sums typed here are a question back, not a silent pick.
    if (input.type === "text" && shown.cursor.step === "transfer_amount") {
      const sums = parsers.amounts(cleanText(input.text));
      if (sums.ok && sums.value.length > 1) {
        await settle(next);
        await showTransferStep(next, shown, "questionnaire:errors.several_amounts");
        continue;
      }
    }
    const now = new Date(await external(conversation, (c) => c.deps.now().toISOString()));
    const outcome = advance(shown, input, { now, lang: next.lang });
    // The question just answered loses its buttons; an invalid answer keeps them to try again.
    await settle(next, { close: outcome.kind === "moved" });
    if (outcome.kind === "invalid") {
      await showTransferStep(next, shown, `questionnaire:errors.${outcome.error}`);
      continue;
    }
    if (outcome.kind !== "moved") {
      shown = { ...outcome.state, rev: shown.rev };
      await showTransferStep(next, shown, "questionnaire:notices.file_saved");
      continue;
    }
    const at = outcome.state.cursor;
    if (at.item !== item || !TRANSFER_STEPS.has(at.step)) {
      await recipientInput(conversation, false);
      const answers = outcome.state.answers;
      const evidence = answers.evidence.slice(start.answers.evidence.length);
      return {
        ctx: next,
        addition: { transfer: answers.transfers[item] ?? {}, ...(evidence.length ? { evidence } : {}) },
      };
    }
    shown = { ...outcome.state, rev: (shown.rev + 1) % 1000 };
    await recipientInput(conversation, at.step === "transfer_recipient");
    await showTransferStep(next, shown);
  }
  await recipientInput(conversation, false);
  return cancelled(ctx);
}

async function askText(
  conversation: Conv,
  ctx: ConvContext,
  kind: "statement_no" | "bank_request_no" | "note",
  start: Start,
): Promise<Done | undefined> {
  await ctx.reply(ctx.t(`myreports:add.ask.${kind}`, { number: start.number }), {
    reply_markup: controlKeyboard(ctx.t, ["cancel"]),
  });
  for (let tries = 0; tries < MAX_MOVES; tries++) {
    const next = await conversation.wait(WAIT);
    const data = next.callbackQuery?.data;
    if (data !== undefined) {
      if (!additionControlData.filter.test(data)) await conversation.skip({ next: true });
      return cancelled(next);
    }
    const raw = next.message?.text ?? next.message?.caption;
    const text = raw === undefined ? undefined : cleanText(raw);
    const error =
      raw === undefined
        ? "myreports:add.send_text"
        : !text
          ? "questionnaire:errors.empty"
          : text.length > (kind === "note" ? MAX_NOTE : MAX_SHORT_TEXT)
            ? "questionnaire:errors.too_long"
            : undefined;
    if (error || !text) {
      await next.reply(`⚠️ ${next.t(error ?? "questionnaire:errors.empty")}`, {
        reply_markup: controlKeyboard(next.t, ["cancel"]),
      });
      continue;
    }
    const addition: Addition =
      kind === "note" ? { note: text } : kind === "statement_no" ? { statementNo: text } : { bankRequestNo: text };
    return { ctx: next, addition };
  }
  return cancelled(ctx);
}

const save = (conversation: Conv, reportId: number, addition: Addition) =>
  external(
    conversation,
    async (c): Promise<AddResult> =>
      c.from
        ? await addToReport(c.deps.db, {
            reportId,
            userId: c.from.id,
            addition,
            keys: c.deps.keys,
            now: c.deps.now(),
            updateId: c.update.update_id,
          })
        : { ok: false, reason: "not_found" },
  );

async function announce(ctx: ConvContext, reportId: number, result: AddResult): Promise<void> {
  if (!result.ok) {
    await ctx.reply(ctx.t(result.reason === "nothing" ? "myreports:add.nothing" : "myreports:not_found"));
    return;
  }
  const change = changesText(ctx.t, result.changes);
  await ctx.reply(ctx.t("myreports:add.saved", { number: result.number, version: result.version, change }));
  await sendReportFiles(ctx, reportId, { letters: false, version: result.version });
}

async function collectFiles(conversation: Conv, ctx: ConvContext, reportId: number, start: Start): Promise<void> {
  await ctx.reply(ctx.t("myreports:add.ask.evidence", { number: start.number }), {
    reply_markup: controlKeyboard(ctx.t, ["done"]),
  });
  let last: AddResult | undefined;
  let current = ctx;
  for (let files = 0; files < MAX_MOVES; files++) {
    const next = await conversation.wait(WAIT);
    current = next;
    const data = next.callbackQuery?.data;
    if (data !== undefined) {
      if (!additionControlData.filter.test(data)) await conversation.skip({ next: true });
      await settle(next, { close: true });
      break;
    }
    const file = fileOf(next);
    if (!file) {
      await next.reply(next.t("myreports:add.send_file"), { reply_markup: controlKeyboard(next.t, ["done"]) });
      continue;
    }
    const kept = await conversation.external((c) => receivedEvidence(c, reportId, file));
    const result = await save(conversation, reportId, { evidence: [kept] });
    if (!result.ok && result.reason === "not_found") return announce(next, reportId, result);
    if (result.ok) last = result;
    const key = result.ok ? "myreports:add.file_saved" : "myreports:add.file_not_added";
    await next.reply(next.t(key, result.ok ? { version: result.version } : {}), {
      reply_markup: controlKeyboard(next.t, ["done"]),
    });
  }
  if (!last?.ok) {
    await current.reply(current.t("myreports:add.nothing"));
    return;
  }
  await announce(current, reportId, { ...last, changes: ["evidence"] });
}

export async function addInformation(conversation: Conv, ctx: ConvContext, reportId: number, kind: Change) {
  const start = await external(conversation, async (c): Promise<Start | undefined> => {
    const owner = await reportOwner(c.deps.db, reportId);
    if (!c.from || owner?.userId !== c.from.id || owner.status !== "submitted") return undefined;
    const report = await loadReport(c.deps.db, reportId);
    return report ? { number: report.number, answers: report.answers } : undefined;
  });
  if (!start) {
    await ctx.reply(ctx.t("myreports:not_found"));
    return;
  }
  if (kind === "evidence") return collectFiles(conversation, ctx, reportId, start);
  const done =
    kind === "transfer" ? await askTransfer(conversation, ctx, start) : await askText(conversation, ctx, kind, start);
  if (!done) return;
  await announce(done.ctx, reportId, await save(conversation, reportId, done.addition));
}
