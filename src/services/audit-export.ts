/** The audit log as a CSV document for admins, in the same Excel-ready format as report exports. */
import type { AuditRow } from "../db/audit.js";
import { csvBytes } from "../documents/export/csv.js";
import type { Column } from "../documents/index.js";

/** Headers are given by the caller (in the admin's language), in this order. */
export const AUDIT_COLUMNS = [
  "at",
  "actor_id",
  "actor_role",
  "operator",
  "action",
  "report_number",
  "details",
] as const;
export type AuditColumn = (typeof AUDIT_COLUMNS)[number];

export function auditCsv(rows: readonly AuditRow[], header: (column: AuditColumn) => string): Buffer {
  const value: Record<AuditColumn, (r: AuditRow) => string | number | undefined> = {
    at: (r) => r.at,
    actor_id: (r) => r.actorId ?? undefined,
    actor_role: (r) => r.actorRole,
    operator: (r) => r.operator ?? undefined,
    action: (r) => r.action,
    report_number: (r) => r.reportNumber ?? undefined,
    details: (r) => (r.details ? JSON.stringify(r.details) : undefined),
  };
  const columns: Column<AuditRow>[] = AUDIT_COLUMNS.map((c) => ({
    header: header(c),
    type: c === "actor_id" ? "integer" : "text",
    width: 20,
    value: value[c],
  }));
  return csvBytes(columns, rows);
}
