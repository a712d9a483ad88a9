/**
 * Texts of the police tools: a report's header, the reports linked to it, a
 * page of /reports, /stats. HTML; every value from a report is escaped.
 */
import { formatCard } from "../../core/identifiers/card.js";
import { formatIban } from "../../core/identifiers/iban.js";
import { formatPhone } from "../../core/identifiers/phone.js";
import type { Money } from "../../core/report/answers.js";
import type { SubmittedReport } from "../../core/report/report.js";
import type { CaseFile } from "../../db/case-file.js";
import type { Key, LinkedReport } from "../../db/links.js";
import type { ReportListRow, ReportLoss } from "../../db/police-queries.js";
import { almatyDateTime, formatMoney, formatWeek } from "../../documents/format.js";
import type { Group, Stats } from "../../services/police-stats.js";
import type { FilterSpec } from "../../services/report-filter.js";
import type { BaseContext } from "../context.js";
import { escapeHtml, formatDate, label, money, type T } from "./values.js";

const LIST_MAX = 10;

/** "карта 4400 4301 2345 6789" */
export function keyText(t: T, key: Key): string {
  const value =
    key.kind === "card"
      ? formatCard(key.value)
      : key.kind === "iban"
        ? formatIban(key.value)
        : key.kind === "phone"
          ? formatPhone(key.value)
          : key.value;
  return `${t(`police:kinds.${key.kind}`)} ${escapeHtml(value)}`;
}

export const schemeName = (ctx: BaseContext, id: string | null): string =>
  id ? escapeHtml(ctx.deps.catalogs.current().scheme(id)?.title[ctx.lang] ?? id) : ctx.t("police:unknown");

const moneyList = (list: readonly Money[]) => list.map(formatMoney).join(" + ") || undefined;

/** «Дело: зарегистрировано · ЕРДР № … · ведёт Айдос Н.» */
export function caseLine(ctx: BaseContext, file: CaseFile): string {
  const parts = [
    ctx.t(`case:statuses.${file.status}`),
    file.erdrNumber ? ctx.t("case:erdr_short", { number: file.erdrNumber }) : undefined,
    file.assigneeId !== null
      ? ctx.t("case:assignee_short", { name: file.assigneeName ?? String(file.assigneeId) })
      : undefined,
  ].filter(Boolean);
  return `${ctx.t("case:title_short")}: ${parts.join(" · ")}`;
}

export function reportHeader(ctx: BaseContext, report: SubmittedReport, file?: CaseFile): string {
  const catalog = ctx.deps.catalogs.current();
  const schemes = (report.recognition?.schemes ?? [])
    .slice(0, 3)
    .map((s) => `${schemeName(ctx, s.id)} (${Math.round(s.score * 100)}%)`)
    .join(", ");
  const techniques = (report.recognition?.techniques ?? []).map((id) => catalog.technique(id).title[ctx.lang]);
  return [
    ctx.t("police:report.title", { number: report.number, version: report.version }),
    ctx.t("police:report.submitted", { at: almatyDateTime(report.submittedAt) }),
    report.version > 1 ? ctx.t("police:report.updated", { at: almatyDateTime(report.versionAt) }) : undefined,
    `${ctx.t("police:report.schemes")}: ${schemes || ctx.t("police:report.no_scheme")}`,
    techniques.length > 0 ? `${ctx.t("police:report.techniques")}: ${escapeHtml(techniques.join(", "))}` : undefined,
    file ? caseLine(ctx, file) : undefined,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The linked reports the officer may open, and how many more there are in other regions. */
export function linkedText(ctx: BaseContext, linked: readonly LinkedReport[], elsewhere: number): string {
  const more = elsewhere > 0 ? `\n${ctx.t("police:linked.elsewhere", { n: elsewhere })}` : "";
  if (linked.length === 0) return `${ctx.t("police:linked.none")}${more}`;
  return `${linkedList(ctx, linked)}${more}`;
}

function linkedList(ctx: BaseContext, linked: readonly LinkedReport[]): string {
  const lines = linked
    .slice(0, LIST_MAX)
    .map(
      (l, i) =>
        `${i + 1}. <b>${l.number}</b> · ${almatyDateTime(l.submittedAt)} — ${l.shared.map((k) => keyText(ctx.t, k)).join("; ")}`,
    );
  const more = linked.length > LIST_MAX ? `\n${ctx.t("police:more", { n: linked.length - LIST_MAX })}` : "";
  return `${ctx.t("police:linked.title", { n: linked.length })}\n${lines.join("\n")}${more}`;
}

export function filterLine(ctx: BaseContext, spec: FilterSpec): string {
  const tenge = (n: number | undefined) => (n === undefined ? "…" : money({ amountMinor: n * 100, currency: "KZT" }));
  const amount =
    spec.minAmount !== undefined || spec.maxAmount !== undefined
      ? `${tenge(spec.minAmount)} — ${tenge(spec.maxAmount)}`
      : undefined;
  const parts = [
    spec.fromDay || spec.toDay
      ? ctx.t("police:filter_incident", {
          from: formatDate(spec.fromDay) ?? "…",
          to: formatDate(spec.toDay) ?? "…",
        })
      : undefined,
    spec.region ? label(ctx.t, "regions", spec.region) : undefined,
    spec.scheme ? schemeName(ctx, spec.scheme) : undefined,
    spec.bank ? label(ctx.t, "banks", spec.bank) : undefined,
    amount,
    spec.status ? ctx.t(`police:statuses.${spec.status}`) : undefined,
    spec.mine ? ctx.t("police:filter_mine") : undefined,
  ].filter(Boolean);
  return `${ctx.t("police:filter")}: ${parts.length ? parts.join(" · ") : ctx.t("police:filter_none")}`;
}

/** One line per report: number, incident date, region, scheme, money lost, case status. */
export function reportLines(
  ctx: BaseContext,
  rows: readonly ReportListRow[],
  losses: readonly ReportLoss[],
  first: number,
): string[] {
  return rows.map((r, i) => {
    const lost = moneyList(losses.filter((l) => l.reportId === r.id));
    const bits = [
      r.incidentDate ? formatDate(r.incidentDate) : almatyDateTime(r.submittedAt),
      r.region ? label(ctx.t, "regions", r.region) : undefined,
      schemeName(ctx, r.scheme),
      lost,
      r.caseStatus !== "new" ? ctx.t(`case:statuses.${r.caseStatus}`) : undefined,
    ].filter(Boolean);
    return `${first + i + 1}. <b>${r.number}</b> · ${bits.join(" · ")}`;
  });
}

function groupLines(ctx: BaseContext, groups: readonly Group[], name: (key: string) => string): string {
  if (groups.length === 0) return ctx.t("police:stats.nothing");
  const lines = groups.slice(0, LIST_MAX).map((g) => {
    const lost = moneyList(g.losses);
    return `• ${name(g.key)} — ${ctx.t("police:stats.reports", { n: g.reports })}${lost ? ` · ${lost}` : ""}`;
  });
  if (groups.length > LIST_MAX) lines.push(ctx.t("police:more", { n: groups.length - LIST_MAX }));
  return lines.join("\n");
}

export function statsText(ctx: BaseContext, stats: Stats, spec: FilterSpec): string {
  const unknown = (key: string, named: (k: string) => string) =>
    key === "unknown" ? ctx.t("police:unknown") : named(key);
  const recurring = stats.recurring.length
    ? stats.recurring
        .map((r) => `• ${keyText(ctx.t, r)} — ${ctx.t("police:stats.reports", { n: r.reports })}`)
        .join("\n")
    : ctx.t("police:stats.nothing");
  return [
    ctx.t("police:stats.title"),
    filterLine(ctx, spec),
    ctx.t("police:stats.total", { n: stats.reports, losses: moneyList(stats.losses) ?? "0" }),
    "",
    `<b>${ctx.t("police:stats.by_scheme")}</b>`,
    groupLines(ctx, stats.byScheme, (k) => unknown(k, (id) => schemeName(ctx, id))),
    "",
    `<b>${ctx.t("police:stats.by_region")}</b>`,
    groupLines(ctx, stats.byRegion, (k) => unknown(k, (id) => label(ctx.t, "regions", id))),
    "",
    `<b>${ctx.t("police:stats.by_week")}</b>`,
    groupLines(ctx, stats.byWeek, formatWeek),
    "",
    `<b>${ctx.t("police:stats.recurring")}</b>`,
    recurring,
  ].join("\n");
}
