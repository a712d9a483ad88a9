/**
 * A person's reports as «My reports» lists them, and the versions of one report.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { CaseStatus } from "../core/case/status.js";
import type { Recognition } from "../core/report/report.js";
import type { Db } from "./client.js";
import { reports, reportVersions } from "./schema.js";

export interface ReportListItem {
  id: number;
  number: string;
  submittedAt: string;
  version: number;
  /** The scheme recognised with the highest score, if any. */
  topScheme: string | undefined;
  /** Where the police case stands. */
  caseStatus: CaseStatus;
}

/** Submitted reports of the person, newest first. */
export async function submittedReportsOf(db: Db, userId: number, limit = 30): Promise<ReportListItem[]> {
  const rows = await db
    .select({
      id: reports.id,
      number: reports.number,
      submittedAt: reports.submittedAt,
      version: reports.version,
      recognition: reports.recognition,
      caseStatus: reports.caseStatus,
    })
    .from(reports)
    .where(and(eq(reports.userId, userId), eq(reports.status, "submitted")))
    .orderBy(desc(reports.submittedAt), desc(reports.id))
    .limit(limit)
    .all();
  return rows
    .filter((r) => r.number !== null && r.submittedAt !== null)
    .map((r) => ({
      id: r.id,
      number: r.number!,
      submittedAt: r.submittedAt!,
      version: r.version,
      topScheme: (r.recognition as Recognition | null)?.schemes[0]?.id,
      caseStatus: r.caseStatus,
    }));
}

export interface VersionListItem {
  version: number;
  createdAt: string;
  /** What changed, as stored by services/versions (null for the submission). */
  note: string | null;
}

export function versionsOf(db: Db, reportId: number): Promise<VersionListItem[]> {
  return db
    .select({ version: reportVersions.version, createdAt: reportVersions.createdAt, note: reportVersions.note })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(asc(reportVersions.version))
    .all();
}

/** True when the person has filed at least one report that stands (submitted, not withdrawn). */
export async function hasSubmittedReport(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.userId, userId), eq(reports.status, "submitted")))
    .get();
  return row !== undefined;
}
