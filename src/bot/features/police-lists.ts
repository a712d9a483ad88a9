/**
 * Police lists over many reports, always within the officer's scope: /reports with
 * filters and pages, /export to CSV and XLSX, /stats. Every use is an audited
 * staff route.
 */
import { Composer, InputFile } from "grammy";
import { BANKS, REGIONS } from "../../core/model.js";
import { listReports, lossesOfReports, REPORT_STATUSES } from "../../db/police-queries.js";
import { exportReports } from "../../services/police-export.js";
import { computeStats } from "../../services/police-stats.js";
import { type FilterSpec, parseFilterArgs, toReportFilter, unpackDay } from "../../services/report-filter.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { fromBase36, reportsPageData } from "../callback-data/police.js";
import type { AppContext, BaseContext } from "../context.js";
import { isPolice, refuse, scopeOf } from "../filters/roles.js";
import { reportsPageKeyboard } from "../keyboards/police.js";
import { audited, type Recorder } from "../middlewares/audited.js";
import { documentContext, showUploading } from "../render/documents.js";
import { filterLine, reportLines, statsText } from "../render/police.js";

const PAGE = 10;

const schemeIds = (ctx: BaseContext) =>
  ctx.deps.catalogs
    .current()
    .schemes({ includeDraft: true })
    .map((s) => s.id as string);

const usageOptions = { statuses: REPORT_STATUSES.join(", ") };

async function sendReportsPage(
  ctx: BaseContext,
  record: Recorder,
  spec: FilterSpec,
  page: number,
  edit: boolean,
): Promise<void> {
  const { db } = ctx.deps;
  const { rows, total } = await listReports(db, toReportFilter(spec, scopeOf(ctx)), {
    offset: page * PAGE,
    limit: PAGE,
  });
  await record({ details: { ...spec, page, total, shown: rows.map((r) => r.number) } });
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const losses = await lossesOfReports(
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
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard }).catch(ignoreStaleEdit);
  else await ctx.reply(text, { reply_markup: keyboard });
}

/** Reads filter words; unknown words get the usage text instead of a wrong answer. */
async function readFilter(ctx: BaseContext, args: string, usage: string): Promise<FilterSpec | undefined> {
  const { spec, unknown } = parseFilterArgs(args, schemeIds(ctx));
  if (unknown.length === 0) return spec;
  const help = ctx.t(usage, usageOptions);
  await ctx.reply(`${ctx.t("police:filter_unknown", { words: unknown.join(", ") })}\n\n${help}`);
  return undefined;
}

const reportsCommand = audited("reports", async (ctx: BaseContext, record, args: string) => {
  const spec = await readFilter(ctx, args, "police:reports.usage");
  if (spec) await sendReportsPage(ctx, record, spec, 0, false);
});

const reportsPage = audited("reports.page", async (ctx: BaseContext, record, data: string | undefined) => {
  const packed = reportsPageData.unpack(data);
  if (!packed) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
  await ctx.answerCallbackQuery();
  const spec: FilterSpec = {
    fromDay: unpackDay(packed.f),
    toDay: unpackDay(packed.t),
    region: packed.g === undefined ? undefined : REGIONS[packed.g],
    scheme: packed.s === undefined ? undefined : schemeIds(ctx)[packed.s],
    status: packed.st === undefined ? undefined : REPORT_STATUSES[packed.st],
    bank: packed.b === undefined ? undefined : BANKS[packed.b],
    minAmount: fromBase36(packed.lo),
    maxAmount: fromBase36(packed.hi),
    mine: packed.m === "1" || undefined,
  };
  await sendReportsPage(ctx, record, spec, packed.p, true);
});

const exportCommand = audited("export", async (ctx: BaseContext, record, args: string) => {
  const spec = await readFilter(ctx, args, "police:export.usage");
  if (!spec) return;
  if (!spec.fromDay || !spec.toDay) {
    await ctx.reply(ctx.t("police:export.usage", usageOptions));
    return;
  }
  await showUploading(ctx);
  const files = await exportReports(
    documentContext(ctx),
    { url: ctx.deps.config.databaseUrl, path: ctx.deps.config.databasePath },
    toReportFilter(spec, scopeOf(ctx)),
    ctx.lang,
  );
  await record({ details: { ...spec, reports: files.reports, numbers: files.numbers } });
  if (files.reports === 0) {
    await ctx.reply(ctx.t("police:export.empty"));
    return;
  }
  const name = `saqbol_${spec.fromDay}_${spec.toDay}${spec.region ? `_${spec.region}` : ""}`;
  const caption = ctx.t("police:export.caption", { n: files.reports });
  await ctx.replyWithDocument(new InputFile(files.csv, `${name}.csv`), { caption });
  await ctx.replyWithDocument(new InputFile(files.xlsx, `${name}.xlsx`), { caption });
});

const statsCommand = audited("stats", async (ctx: BaseContext, record, args: string) => {
  const spec = await readFilter(ctx, args, "police:stats.usage");
  if (!spec) return;
  const stats = await computeStats(ctx.deps.db, toReportFilter(spec, scopeOf(ctx)));
  await record({ details: { ...spec, reports: stats.reports } });
  await ctx.reply(statsText(ctx, stats, spec));
});

export function policeListsFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");
  const staff = pm.filter(isPolice);

  staff.command("reports", (ctx) => reportsCommand(ctx, ctx.match));
  staff.command("export", (ctx) => exportCommand(ctx, ctx.match));
  staff.command("stats", (ctx) => statsCommand(ctx, ctx.match));
  staff.callbackQuery(reportsPageData.filter, (ctx) => reportsPage(ctx, ctx.callbackQuery.data));

  pm.command(["reports", "export", "stats"], refuse);
  pm.callbackQuery(reportsPageData.filter, refuse);
  return composer;
}
