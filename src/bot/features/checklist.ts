/**
 * The urgent checklist after a report: one step at a time, most urgent first,
 * each with «Done» so the person sees progress; the report records which steps
 * were done and when. Texts and contacts come from the catalogue.
 */
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import type { Catalog } from "../../catalog/types.js";
import { buildChecklist, type Checklist } from "../../core/advice/checklist.js";
import type { Lang } from "../../core/model.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { loadReport, markStepDone, reportOwner } from "../../services/reports.js";
import { callbackCodec } from "../callback-data/codec.js";
import type { AppContext, BaseContext } from "../context.js";
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

function viewOf(ctx: BaseContext, reportId: number): ChecklistView | undefined {
  const report = loadReport(ctx.deps.db, reportId);
  if (!report) return undefined;
  const checklist = buildChecklist(report.answers, new Date(report.submittedAt));
  const done = new Set([...checklist.alreadyDone, ...report.stepsDone.map((s) => s.step)]);
  return { checklist, done, report };
}

/** A contact is shown only if someone checked it; otherwise the safe general advice. */
function contactLine(
  catalog: Catalog,
  report: SubmittedReport,
  contactId: string | undefined,
  lang: Lang,
): string | undefined {
  if (!contactId) return undefined;
  if (contactId === "own_bank") {
    const bank = report.answers.ownBank ?? report.answers.transfers.find((t) => t.ownBank)?.ownBank;
    const c = bank ? catalog.bankContact(bank) : undefined;
    return c?.checked && c.phone
      ? `☎️ ${escapeHtml(c.name[lang])}: <b>${escapeHtml(c.phone)}</b>`
      : `☎️ ${escapeHtml(catalog.bankContactFallback[lang])}`;
  }
  const c = catalog.contact(contactId);
  if (!c?.checked) return undefined;
  const how = [c.phone && `<b>${escapeHtml(c.phone)}</b>`, c.url && escapeHtml(c.url)].filter(Boolean).join(", ");
  return how ? `☎️ ${escapeHtml(c.name[lang])}: ${how}` : undefined;
}

function render(
  ctx: BaseContext,
  reportId: number,
  view: ChecklistView,
  at: number,
): { text: string; keyboard: InlineKeyboard } {
  const catalog = ctx.deps.catalogs.current();
  const { checklist, done, report } = view;
  const total = checklist.actions.length;
  const i = Math.min(Math.max(at, 0), total - 1);
  const id = checklist.actions[i]!;
  const action = catalog.action(id);
  const hours =
    checklist.hoursSinceTransfer === undefined
      ? undefined
      : (ctx.deps.now().getTime() - new Date(report.submittedAt).getTime()) / 3600_000 + checklist.hoursSinceTransfer;
  const headline = hours === undefined ? undefined : catalog.triage(hours).headline[ctx.lang];
  const progress = checklist.actions.map((a) => (done.has(a) ? "✅" : "⬜")).join("");
  const parts = [
    headline ? `⏱ <b>${escapeHtml(headline)}</b>` : undefined,
    ctx.t("guidance:checklist.title", { number: report.number }),
    `${progress}\n${ctx.t("guidance:checklist.step", { n: i + 1, total })}${done.has(id) ? ` — ${ctx.t("guidance:checklist.done_mark")}` : ""}`,
    action ? escapeHtml(action.text[ctx.lang]) : id,
    contactLine(catalog, report, action?.contact, ctx.lang),
    done.size >= total ? ctx.t("guidance:checklist.all_done") : undefined,
  ];
  const nav = [];
  if (i > 0) nav.push(InlineKeyboard.text("‹", checklistData.pack({ r: reportId, i, a: "prev" })));
  if (!done.has(id))
    nav.push(InlineKeyboard.text(ctx.t("guidance:checklist.done"), checklistData.pack({ r: reportId, i, a: "done" })));
  if (i < total - 1)
    nav.push(InlineKeyboard.text(ctx.t("guidance:checklist.next"), checklistData.pack({ r: reportId, i, a: "next" })));
  return { text: parts.filter(Boolean).join("\n\n"), keyboard: InlineKeyboard.from([nav]) };
}

/** Shows the first step not yet done. */
export async function showChecklist(ctx: BaseContext, reportId: number): Promise<void> {
  const view = viewOf(ctx, reportId);
  if (!view || view.checklist.actions.length === 0) return;
  const first = view.checklist.actions.findIndex((a) => !view.done.has(a));
  const { text, keyboard } = render(ctx, reportId, view, first === -1 ? 0 : first);
  await ctx.reply(text, { reply_markup: keyboard });
}

export function checklistFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  composer.chatType("private").callbackQuery(checklistData.filter, async (ctx) => {
    const data = checklistData.unpack(ctx.callbackQuery.data);
    const owner = data ? reportOwner(ctx.deps.db, data.r) : undefined;
    if (!data || owner?.userId !== ctx.from.id || owner.status !== "submitted") {
      return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    }
    const before = viewOf(ctx, data.r);
    const id = before?.checklist.actions[data.i];
    if (!before || !id) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    if (data.a === "done") markStepDone(ctx.deps.db, data.r, id, ctx.deps.now());
    const view = viewOf(ctx, data.r)!;
    let at = data.i + (data.a === "next" ? 1 : data.a === "prev" ? -1 : 0);
    if (data.a === "done") {
      const nextOpen = view.checklist.actions.findIndex((a, k) => k > data.i && !view.done.has(a));
      at = nextOpen === -1 ? data.i : nextOpen;
    }
    const { text, keyboard } = render(ctx, data.r, view, at);
    await ctx.answerCallbackQuery(data.a === "done" ? { text: ctx.t("guidance:checklist.saved") } : {});
    await ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => undefined);
  });
  return composer;
}
