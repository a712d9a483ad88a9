/**
 * Police tools in the chat: open a report by number (or QR), its PDF and JSON,
 * /reports with filters and pages, /export to CSV and XLSX, /stats, and the
 * unit and region of an officer who joined by invite. The role is checked on
 * every command and every press; every action goes to the audit log.
 */
import { Composer, InputFile } from "grammy";
import { REGIONS } from "../../core/model.js";
import { SECTIONS } from "../../core/questionnaire/steps.js";
import { audit } from "../../db/audit.js";
import { linkedReports } from "../../db/links.js";
import { clearPendingInput, pendingInput, setPendingInput } from "../../db/pending-inputs.js";
import { listReports, lossesOfReports, numberState, REPORT_STATUSES } from "../../db/police-queries.js";
import { policeProfile } from "../../db/roles.js";
import { almatyDateTime } from "../../documents/format.js";
import { reportJsonFile, reportPdf } from "../../services/documents.js";
import { exportReports } from "../../services/police-export.js";
import { computeStats } from "../../services/police-stats.js";
import {
  type FilterSpec,
  parseFilterArgs,
  parseReportNumber,
  toReportFilter,
  unpackDay,
} from "../../services/report-filter.js";
import { loadReport } from "../../services/reports.js";
import { cleanUnit, updatePoliceProfile } from "../../services/staff.js";
import { policeRegionData, policeReportData, reportsPageData } from "../callback-data/police.js";
import type { AppContext, BaseContext } from "../context.js";
import { actorOf, isPolice, refuse } from "../filters/roles.js";
import { openReportsKeyboard, regionKeyboard, reportFilesKeyboard, reportsPageKeyboard } from "../keyboards/police.js";
import { documentContext } from "../render/documents.js";
import { filterLine, linkedText, reportHeader, reportLines, statsText } from "../render/police.js";
import { reviewSummary } from "../render/summary.js";
import { label } from "../render/values.js";
import { sendEvidence } from "./police-evidence.js";

export const POLICE_COMMANDS = ["open", "reports", "export", "stats"] as const;
const PAGE = 10;
const MESSAGE_MAX = 4000;
const UNIT_INPUT = "police_unit";

const record = (ctx: BaseContext, entry: Omit<Parameters<typeof audit>[1], "actor" | "at">) =>
  audit(ctx.deps.db, { ...entry, actor: actorOf(ctx), at: ctx.deps.now() });

/** The full report for police, its files, and the reports linked to it. Audited. */
export async function showReport(ctx: BaseContext, reportId: number, via: string): Promise<void> {
  const report = loadReport(ctx.deps.db, reportId);
  if (report?.status !== "submitted") {
    await ctx.reply(ctx.t("police:open.not_found"));
    return;
  }
  const linked = linkedReports(ctx.deps.db, reportId);
  record(ctx, {
    action: "report.view",
    reportNumber: report.number,
    details: { via, version: report.version, linked: linked.map((l) => l.number) },
  });
  const header = reportHeader(ctx, report);
  const summary = reviewSummary(ctx.t, report.answers, ctx.lang, [...SECTIONS]);
  const noLinks = linked.length === 0 ? `\n\n${ctx.t("police:linked.none")}` : "";
  const files = { reply_markup: reportFilesKeyboard(ctx.t, reportId, report.answers.evidence.length) };
  if (header.length + summary.length + noLinks.length + 2 <= MESSAGE_MAX) {
    await ctx.reply(`${header}\n\n${summary}${noLinks}`, files);
  } else {
    await ctx.reply(header);
    await ctx.reply(`${summary}${noLinks}`, files);
  }
  if (linked.length > 0) {
    await ctx.reply(linkedText(ctx, linked), { reply_markup: openReportsKeyboard(linked.slice(0, 10)) });
  }
}

/** A report by its number; a withdrawn or unknown number is said so. Audited. */
export async function openByNumber(ctx: BaseContext, number: string, via: string): Promise<void> {
  const state = numberState(ctx.deps.db, number);
  if (state.state === "submitted") return showReport(ctx, state.id, via);
  record(ctx, { action: "report.view", reportNumber: number, details: { via, found: state.state } });
  if (state.state === "withdrawn") {
    await ctx.reply(ctx.t("police:open.withdrawn", { number, at: almatyDateTime(state.withdrawnAt) }));
  } else {
    await ctx.reply(ctx.t("police:open.not_found"));
  }
}

const schemeIds = (ctx: BaseContext) =>
  ctx.deps.catalogs
    .current()
    .schemes({ includeDraft: true })
    .map((s) => s.id as string);

async function sendReportsPage(ctx: BaseContext, spec: FilterSpec, page: number, edit: boolean): Promise<void> {
  const { db } = ctx.deps;
  const { rows, total } = listReports(db, toReportFilter(spec), { offset: page * PAGE, limit: PAGE });
  record(ctx, { action: "reports.list", details: { ...spec, page, total } });
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const losses = lossesOfReports(
    db,
    rows.map((r) => r.id),
  );
  const lines = reportLines(ctx, rows, losses, page * PAGE);
  const text = [
    ctx.t("police:reports.title", { total, page: page + 1, pages }),
    filterLine(ctx, spec),
    "",
    lines.length ? lines.join("\n") : ctx.t("police:reports.empty"),
  ].join("\n");
  const schemeIndex = spec.scheme ? schemeIds(ctx).indexOf(spec.scheme) : -1;
  const keyboard = reportsPageKeyboard(rows, {
    spec,
    schemeIndex: schemeIndex >= 0 ? schemeIndex : undefined,
    page,
    pages,
  });
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => undefined);
  else await ctx.reply(text, { reply_markup: keyboard });
}

/** Reads filter words; unknown words get the usage text instead of a wrong answer. */
async function readFilter(ctx: BaseContext, args: string, usage: string): Promise<FilterSpec | undefined> {
  const { spec, unknown } = parseFilterArgs(args, schemeIds(ctx));
  if (unknown.length === 0) return spec;
  const help = ctx.t(usage, { statuses: REPORT_STATUSES.join(", ") });
  await ctx.reply(`${ctx.t("police:filter_unknown", { words: unknown.join(", ") })}\n\n${help}`);
  return undefined;
}

async function sendExport(ctx: BaseContext, args: string): Promise<void> {
  const spec = await readFilter(ctx, args, "police:export.usage");
  if (!spec) return;
  if (!spec.fromDay || !spec.toDay) {
    await ctx.reply(ctx.t("police:export.usage", { statuses: REPORT_STATUSES.join(", ") }));
    return;
  }
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  const catalog = ctx.deps.catalogs.current();
  const files = await exportReports(ctx.deps.db, toReportFilter(spec), ctx.lang, {
    i18n: ctx.deps.i18n,
    schemeTitle: (id, lang) => catalog.scheme(id)?.title[lang] ?? id,
  });
  record(ctx, { action: "reports.export", details: { ...spec, reports: files.reports } });
  if (files.reports === 0) {
    await ctx.reply(ctx.t("police:export.empty"));
    return;
  }
  const name = `saqbol_${spec.fromDay}_${spec.toDay}${spec.region ? `_${spec.region}` : ""}`;
  const caption = ctx.t("police:export.caption", { n: files.reports });
  await ctx.replyWithDocument(new InputFile(files.csv, `${name}.csv`), { caption });
  await ctx.replyWithDocument(new InputFile(files.xlsx, `${name}.xlsx`), { caption });
}

async function sendStats(ctx: BaseContext, args: string): Promise<void> {
  const spec = await readFilter(ctx, args, "police:stats.usage");
  if (!spec) return;
  const stats = computeStats(ctx.deps.db, toReportFilter(spec));
  record(ctx, { action: "stats.view", details: { ...spec, reports: stats.reports } });
  await ctx.reply(statsText(ctx, stats, spec));
}

/** The submitted report a police button points at; the press is answered either way. */
async function pressedReport(ctx: BaseContext, reportId: number) {
  const report = loadReport(ctx.deps.db, reportId);
  if (report?.status !== "submitted") {
    await ctx.answerCallbackQuery({ text: ctx.t("police:open.not_found") });
    return undefined;
  }
  await ctx.answerCallbackQuery();
  return report;
}

async function sendFile(ctx: BaseContext, reportId: number, kind: "p" | "j", lang: "kk" | "ru"): Promise<void> {
  const report = await pressedReport(ctx, reportId);
  if (!report) return;
  record(ctx, {
    action: kind === "p" ? "report.pdf" : "report.json",
    reportNumber: report.number,
    details: { version: report.version, ...(kind === "p" ? { lang } : {}) },
  });
  await ctx.replyWithChatAction("upload_document").catch(() => undefined);
  const docs = documentContext(ctx);
  const file = kind === "p" ? await reportPdf(docs, report, lang) : reportJsonFile(docs, report);
  await ctx.replyWithDocument(new InputFile(file.bytes, file.name));
}

async function sendReportEvidence(ctx: BaseContext, reportId: number): Promise<void> {
  const report = await pressedReport(ctx, reportId);
  if (!report) return;
  record(ctx, {
    action: "report.evidence",
    reportNumber: report.number,
    details: { version: report.version, files: report.answers.evidence.length },
  });
  await sendEvidence(ctx, report, reportId);
}

/** After joining by invite: ask the unit, then the region, whichever is still missing. */
export async function askPoliceProfile(ctx: BaseContext): Promise<void> {
  const id = ctx.from?.id;
  const profile = id === undefined ? undefined : policeProfile(ctx.deps.db, id);
  if (!profile || id === undefined) return;
  if (!profile.unit) {
    setPendingInput(ctx.deps.db, id, UNIT_INPUT, ctx.deps.now(), 24 * 3600_000);
    await ctx.reply(ctx.t("police:profile.ask_unit"));
  } else if (!profile.region) {
    await ctx.reply(ctx.t("police:profile.ask_region"), { reply_markup: regionKeyboard(ctx.t) });
  } else {
    await ctx.reply(
      ctx.t("police:profile.saved", { unit: profile.unit, region: label(ctx.t, "regions", profile.region) }),
    );
  }
}

export function policeFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");
  const staff = pm.filter(isPolice);

  staff.command("open", async (ctx) => {
    const number = parseReportNumber(ctx.match);
    if (!number) return ctx.reply(ctx.t("police:open.usage"));
    await openByNumber(ctx, number, "number");
  });
  staff.command("reports", async (ctx) => {
    const spec = await readFilter(ctx, ctx.match, "police:reports.usage");
    if (spec) await sendReportsPage(ctx, spec, 0, false);
  });
  staff.command("export", (ctx) => sendExport(ctx, ctx.match));
  staff.command("stats", (ctx) => sendStats(ctx, ctx.match));

  staff.callbackQuery(policeReportData.filter, async (ctx) => {
    const data = policeReportData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    if (data.a === "e") return sendReportEvidence(ctx, data.r);
    if (data.a !== "o") return sendFile(ctx, data.r, data.a, data.l ?? ctx.lang);
    await ctx.answerCallbackQuery();
    await showReport(ctx, data.r, "button");
  });
  staff.callbackQuery(reportsPageData.filter, async (ctx) => {
    const data = reportsPageData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    await ctx.answerCallbackQuery();
    const spec: FilterSpec = {
      fromDay: unpackDay(data.f),
      toDay: unpackDay(data.t),
      region: data.g === undefined ? undefined : REGIONS[data.g],
      scheme: data.s === undefined ? undefined : schemeIds(ctx)[data.s],
      status: data.st === undefined ? undefined : REPORT_STATUSES[data.st],
    };
    await sendReportsPage(ctx, spec, data.p, true);
  });

  staff.callbackQuery(policeRegionData.filter, async (ctx) => {
    const data = policeRegionData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    await ctx.answerCallbackQuery();
    updatePoliceProfile(ctx.deps.db, actorOf(ctx), { region: data.r }, ctx.deps.now());
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await askPoliceProfile(ctx);
  });
  staff.on("message:text", async (ctx, next) => {
    const { db } = ctx.deps;
    if (ctx.message.text.startsWith("/") || pendingInput(db, ctx.from.id, ctx.deps.now()) !== UNIT_INPUT) {
      return next();
    }
    clearPendingInput(db, ctx.from.id);
    const unit = cleanUnit(ctx.message.text);
    if (unit) updatePoliceProfile(db, actorOf(ctx), { unit }, ctx.deps.now());
    await askPoliceProfile(ctx);
  });

  pm.command([...POLICE_COMMANDS], refuse);
  pm.callbackQuery([policeReportData.filter, reportsPageData.filter, policeRegionData.filter], refuse);
  return composer;
}
