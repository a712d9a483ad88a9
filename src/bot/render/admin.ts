/** Texts of the admin tools: the catalogue summary and diff, the audit log, the staff list, /grant. HTML, escaped. */
import type { CatalogDiff } from "../../catalog/diff.js";
import { type CatalogIssue, formatPath, problemWords } from "../../catalog/problems.js";
import type { CatalogVersionInfo } from "../../catalog/store.js";
import type { Catalog } from "../../catalog/types.js";
import type { AuditRow } from "../../db/audit.js";
import type { StaffMember } from "../../db/roles.js";
import { almatyDateTime } from "../../documents/format.js";
import type { GrantRequest, GrantResult } from "../../services/staff.js";
import type { BaseContext } from "../context.js";
import { regionsText } from "./regions.js";
import { escapeHtml } from "./values.js";

const PROBLEMS_SHOWN = 25;
const DETAILS_MAX = 160;

export function catalogSummary(ctx: BaseContext, catalog: Catalog): string {
  const lines = catalog.document.schemes.map((s) => {
    const phrases = Object.values(s.signals.phrases ?? {}).reduce((n, list) => n + Object.keys(list ?? {}).length, 0);
    const draft = s.status === "draft" ? ` · ${ctx.t("admin:catalog.draft")}` : "";
    return `• <code>${s.id}</code> — ${escapeHtml(s.title[ctx.lang])}${draft}\n  ${ctx.t(
      "admin:catalog.scheme_counts",
      {
        phrases,
        flags: s.red_flags.length,
        steps: s.urgent_steps.length,
      },
    )}`;
  });
  return [
    ctx.t("admin:catalog.active", {
      version: catalog.version,
      author: catalog.author,
      reviewed: catalog.reviewed,
      n: catalog.document.schemes.length,
    }),
    "",
    ...lines,
    "",
    ctx.t("admin:catalog.usage"),
  ].join("\n");
}

export function catalogDiffText(ctx: BaseContext, diff: CatalogDiff, draft: boolean): string {
  const ids = (list: readonly string[]) => list.map((id) => `<code>${id}</code>`).join(", ");
  const lines = [ctx.t("admin:catalog.uploaded", { version: diff.to, from: diff.from ?? "—" })];
  if (diff.added.length) lines.push(`➕ ${ctx.t("admin:catalog.added")}: ${ids(diff.added)}`);
  if (diff.removed.length) lines.push(`➖ ${ctx.t("admin:catalog.removed")}: ${ids(diff.removed)}`);
  for (const c of diff.changed) lines.push(`✏️ <code>${c.id}</code>: ${escapeHtml(c.fields.join(", "))}`);
  if (diff.sections.length)
    lines.push(`📚 ${ctx.t("admin:catalog.sections")}: ${escapeHtml(diff.sections.join(", "))}`);
  if (lines.length === 1) lines.push(ctx.t("admin:catalog.no_changes"));
  lines.push("", ctx.t(draft ? "admin:catalog.is_draft" : "admin:catalog.press_activate"));
  return lines.join("\n");
}

/** One problem in the admin's language: the scheme's id, the field, the line, what is wrong. */
export function catalogProblemLine(ctx: BaseContext, issue: CatalogIssue): string {
  const { code, values } = problemWords(issue);
  const raw = { interpolation: { escapeValue: false } };
  const message = ctx.t(`admin:catalog.problems.${code}`, values);
  const at = issue.line ? ctx.t("admin:catalog.problem.line", { line: issue.line }) : "";
  const field = (path: readonly PropertyKey[]) => escapeHtml(formatPath(path));
  if (issue.scheme !== undefined) {
    const rest = issue.path.slice(2);
    const scheme = escapeHtml(issue.scheme);
    return rest.length > 0
      ? ctx.t("admin:catalog.problem.scheme", { scheme, field: field(rest), at, message, ...raw })
      : ctx.t("admin:catalog.problem.scheme_only", { scheme, at, message, ...raw });
  }
  if (issue.path.length > 0)
    return ctx.t("admin:catalog.problem.field", { field: field(issue.path), at, message, ...raw });
  return ctx.t("admin:catalog.problem.document", { at, message, ...raw });
}

export function catalogProblemsText(ctx: BaseContext, issues: readonly CatalogIssue[], active: string): string {
  const shown = issues.slice(0, PROBLEMS_SHOWN).map((issue) => `• ${catalogProblemLine(ctx, issue)}`);
  const more = issues.length > PROBLEMS_SHOWN ? [ctx.t("admin:more", { n: issues.length - PROBLEMS_SHOWN })] : [];
  return [ctx.t("admin:catalog.rejected", { n: issues.length, active }), ...shown, ...more].join("\n");
}

export function catalogVersionsText(ctx: BaseContext, versions: readonly CatalogVersionInfo[]): string {
  const lines = versions.map(
    (v) =>
      `${v.active ? "✅" : "▫️"} <code>${escapeHtml(v.version)}</code> · ${escapeHtml(v.author ?? "—")} · ${almatyDateTime(v.createdAt)}${
        v.activatedAt ? ` · ${ctx.t("admin:catalog.activated_at", { at: almatyDateTime(v.activatedAt) })}` : ""
      }`,
  );
  return [ctx.t("admin:catalog.versions"), ...lines].join("\n");
}

const shortDetails = (details: Record<string, unknown> | null) => {
  if (!details) return "";
  const text = JSON.stringify(details);
  return ` · <code>${escapeHtml(text.length > DETAILS_MAX ? `${text.slice(0, DETAILS_MAX)}…` : text)}</code>`;
};

export function auditText(ctx: BaseContext, rows: readonly AuditRow[], page: number, pages: number): string {
  const lines = rows.map(
    (r) =>
      `${almatyDateTime(r.at)} · ${r.actorId ?? escapeHtml(r.operator ?? "—")} (${escapeHtml(r.actorRole)}) · <b>${escapeHtml(r.action)}</b>${
        r.reportNumber ? ` · ${escapeHtml(r.reportNumber)}` : ""
      }${shortDetails(r.details)}`,
  );
  return [ctx.t("admin:audit.title", { page: page + 1, pages }), "", ...lines].join("\n");
}

function memberLine(ctx: BaseContext, s: StaffMember): string {
  const name = s.name ? `${escapeHtml(s.name)} (<code>${s.id}</code>)` : `<code>${s.id}</code>`;
  const extra = [
    s.unit ? escapeHtml(s.unit) : undefined,
    s.role === "police" ? regionsText(ctx.t, s.regions, s.allRegions) : undefined,
    s.configured ? ctx.t("admin:staff.configured") : undefined,
  ].filter(Boolean);
  return `• ${name} — ${ctx.t(`admin:roles.${s.role}`)}${extra.length ? ` · ${extra.join(" · ")}` : ""}`;
}

export function staffText(ctx: BaseContext, staff: readonly StaffMember[]): string {
  if (staff.length === 0) return ctx.t("admin:staff.empty");
  return [ctx.t("admin:staff.title"), ...staff.map((s) => memberLine(ctx, s))].join("\n");
}

/** The answer to /grant: what changed, or why nothing did, with the person as they stand now. */
export function grantText(
  ctx: BaseContext,
  request: GrantRequest,
  result: GrantResult,
  staff: readonly StaffMember[],
): string {
  const role = (r: string) => ctx.t(`admin:roles.${r}`);
  const now = staff.find((s) => s.id === request.id);
  const line = now ? `\n${memberLine(ctx, now)}` : "";
  if (!result.ok) {
    return ctx.t(`admin:grant.${result.reason}`, {
      id: request.id,
      role: role(result.role),
      asked: role(request.role),
    });
  }
  const head = ctx.t(`admin:grant.${result.change}`, { id: request.id, role: role(result.role) });
  const noRegions =
    now?.role === "police" && !now.allRegions && now.regions.length === 0
      ? `\n${ctx.t("admin:grant.no_regions", { id: request.id })}`
      : "";
  return `${head}${line}${noRegions}`;
}
