/**
 * The urgent checklist after a report: one step at a time, most urgent first (each bank
 * and lender its own step), each with «Done» so the person sees progress; the report
 * records which steps were done and when. Texts and contacts come from the catalogue.
 */
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { buildChecklist, type Checklist, timeSince } from "../../core/advice/checklist.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { loadReport, markStepDone, reportOwner } from "../../services/reports.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { callbackCodec } from "../callback-data/codec.js";
import type { AppContext, BaseContext } from "../context.js";
import { erdrButtons } from "../keyboards/erdr.js";
import { stepText } from "../render/checklist.js";
import { escapeHtml } from "../render/values.js";

const index = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number);
export const checklistData = callbackCodec("chk", {
  r: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number),
  i: index,
  a: z.enum(["done", "next", "prev"]),
});

export interface ChecklistView {
  checklist: Checklist;
  done: Set<string>;
  report: SubmittedReport;
}

async function viewOf(ctx: BaseContext, reportId: number): Promise<ChecklistView | undefined> {
  const report = await loadReport(ctx.deps.db, reportId);
  if (!report) return undefined;
  const checklist = buildChecklist(report.answers);
  const done = new Set([...checklist.alreadyDone, ...report.stepsDone.map((s) => s.step)]);
  return { checklist, done, report };
}

function render(
  ctx: BaseContext,
  reportId: number,
  view: ChecklistView,
  at: number,
): { text: string; keyboard: InlineKeyboard } {
  const catalog = ctx.deps.catalogs.current();
  const { checklist, done, report } = view;
  const steps = checklist.steps;
  const total = steps.length;
  const i = Math.min(Math.max(at, 0), total - 1);
  const step = steps[i]!;
  const last = checklist.lastTransferAt;
  const headline = last
    ? catalog.triage(timeSince(last, ctx.deps.now(), catalog.calendar)).headline[ctx.lang]
    : undefined;
  const progress = steps.map((s) => (done.has(s.key) ? "✅" : "⬜")).join("");
  const parts = [
    headline ? `⏱ <b>${escapeHtml(headline)}</b>` : undefined,
    ctx.t("guidance:checklist.title", { number: report.number }),
    `${progress}\n${ctx.t("guidance:checklist.step", { n: i + 1, total })}${done.has(step.key) ? ` — ${ctx.t("guidance:checklist.done_mark")}` : ""}`,
    stepText(catalog, ctx.t, ctx.lang, report.answers, step),
    steps.every((s) => done.has(s.key)) ? ctx.t("guidance:checklist.all_done") : undefined,
  ];
  const nav = [];
  if (i > 0) nav.push(InlineKeyboard.text("‹", checklistData.pack({ r: reportId, i, a: "prev" })));
  if (!done.has(step.key))
    nav.push(InlineKeyboard.text(ctx.t("guidance:checklist.done"), checklistData.pack({ r: reportId, i, a: "done" })));
  if (i < total - 1)
    nav.push(InlineKeyboard.text(ctx.t("guidance:checklist.next"), checklistData.pack({ r: reportId, i, a: "next" })));
  const extra = step.action === "get_erdr_number" ? [erdrButtons(ctx.t, reportId)] : [];
  return { text: parts.filter(Boolean).join("\n\n"), keyboard: InlineKeyboard.from([...extra, nav]) };
}

/** Shows the first step not yet done. */
export async function showChecklist(ctx: BaseContext, reportId: number): Promise<void> {
  const view = await viewOf(ctx, reportId);
  if (!view || view.checklist.steps.length === 0) return;
  const first = view.checklist.steps.findIndex((s) => !view.done.has(s.key));
  const { text, keyboard } = render(ctx, reportId, view, first === -1 ? 0 : first);
  await ctx.reply(text, { reply_markup: keyboard });
}

export function checklistFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  composer.chatType("private").callbackQuery(checklistData.filter, async (ctx) => {
    const data = checklistData.unpack(ctx.callbackQuery.data);
    const owner = data ? await reportOwner(ctx.deps.db, data.r) : undefined;
    if (!data || owner?.userId !== ctx.from.id || owner.status !== "submitted") {
      return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    }
    const before = await viewOf(ctx, data.r);
    const step = before?.checklist.steps[data.i];
    if (!before || !step) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    if (data.a === "done") await markStepDone(ctx.deps.db, data.r, step.key, ctx.deps.now());
    const view = (await viewOf(ctx, data.r))!;
    let at = data.i + (data.a === "next" ? 1 : data.a === "prev" ? -1 : 0);
    if (data.a === "done") {
      const nextOpen = view.checklist.steps.findIndex((s, k) => k > data.i && !view.done.has(s.key));
      at = nextOpen === -1 ? data.i : nextOpen;
    }
    const { text, keyboard } = render(ctx, data.r, view, at);
    await ctx.answerCallbackQuery(data.a === "done" ? { text: ctx.t("guidance:checklist.saved") } : {});
    await ctx.editMessageText(text, { reply_markup: keyboard }).catch(ignoreStaleEdit);
  });
  return composer;
}
