/**
 * Whether a staff member may open a report: it is in their scope (their regions,
 * a case they took, or everything), or they opened it by the QR on its paper —
 * the person brought the document to them, wherever they serve.
 */
import type { SubmittedReport } from "../core/report/report.js";
import { openedByQr } from "../db/audit.js";
import type { Db } from "../db/client.js";
import { inScope } from "../db/police-queries.js";
import type { Scope } from "../db/scope.js";
import { loadReport } from "./reports.js";

export type Opened =
  | { ok: true; report: SubmittedReport }
  | { ok: false; reason: "not_found" }
  /** The report exists but belongs to a region the officer does not work in. */
  | { ok: false; reason: "out_of_scope"; number: string; region: string | undefined };

export async function openForStaff(
  db: Db,
  scope: Scope,
  actorId: number,
  reportId: number,
  byQr = false,
): Promise<Opened> {
  const report = await loadReport(db, reportId);
  if (report?.status !== "submitted") return { ok: false, reason: "not_found" };
  if (byQr || (await inScope(db, scope, reportId)) || (await openedByQr(db, actorId, report.number))) {
    return { ok: true, report };
  }
  return { ok: false, reason: "out_of_scope", number: report.number, region: report.answers.region };
}
