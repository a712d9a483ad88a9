/**
 * Submitted reports as documents and police tools read them: the frozen version
 * plus the urgent steps ticked off since.
 */
import { and, asc, eq } from "drizzle-orm";
import type { SubmittedReport } from "../core/report/report.js";
import type { Db } from "../db/client.js";
import { reports, stepsDone } from "../db/schema.js";
import { loadSubmitted } from "./submit.js";

/**
 * The latest version also carries the urgent steps ticked off since it was
 * frozen; an earlier version is returned exactly as it was.
 */
export async function loadReport(db: Db, reportId: number, version?: number): Promise<SubmittedReport | undefined> {
  const report = await loadSubmitted(db, reportId, version);
  if (!report) return undefined;
  const row = await db
    .select({ status: reports.status, version: reports.version })
    .from(reports)
    .where(eq(reports.id, reportId))
    .get();
  if (version !== undefined && version !== row?.version) return report;
  const done = await db
    .select({ step: stepsDone.step, doneAt: stepsDone.doneAt })
    .from(stepsDone)
    .where(eq(stepsDone.reportId, reportId))
    .orderBy(asc(stepsDone.doneAt))
    .all();
  return { ...report, status: row?.status === "withdrawn" ? "withdrawn" : report.status, stepsDone: done };
}

export function reportOwner(
  db: Db,
  reportId: number,
): Promise<{ userId: number; number: string | null; status: string } | undefined> {
  return db
    .select({ userId: reports.userId, number: reports.number, status: reports.status })
    .from(reports)
    .where(eq(reports.id, reportId))
    .get();
}

export async function reportIdByNumber(db: Db, number: string): Promise<number | undefined> {
  const row = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.number, number), eq(reports.status, "submitted")))
    .get();
  return row?.id;
}

/** Records that the person ticked off an urgent step (once; the first time counts). */
export async function markStepDone(db: Db, reportId: number, step: string, at: Date): Promise<void> {
  await db.insert(stepsDone).values({ reportId, step, doneAt: at.toISOString() }).onConflictDoNothing().run();
}
