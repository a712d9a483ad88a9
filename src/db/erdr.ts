/** The ЕРДР registration number of a report, as the person (or later an officer) gives it. */
import { and, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { reports } from "./schema.js";

/** Saves the number on the person's own submitted report; false when it is not theirs or not submitted. */
export function setErdrNumber(db: Db, reportId: number, userId: number, number: string, now: Date): boolean {
  const result = db
    .update(reports)
    .set({ erdrNumber: number, updatedAt: now.toISOString() })
    .where(and(eq(reports.id, reportId), eq(reports.userId, userId), eq(reports.status, "submitted")))
    .run();
  return result.changes > 0;
}

export function erdrNumberOf(db: Db, reportId: number): string | undefined {
  return db.select({ n: reports.erdrNumber }).from(reports).where(eq(reports.id, reportId)).get()?.n ?? undefined;
}
