/** The ЕРДР registration number of a report, as the person (or later an officer) gives it. */
import { and, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { reports } from "./schema.js";

/** Saves the number on the person's own submitted report; false when it is not theirs or not submitted. */
export async function setErdrNumber(
  db: Db,
  reportId: number,
  userId: number,
  number: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .update(reports)
    .set({ erdrNumber: number, updatedAt: now.toISOString() })
    .where(and(eq(reports.id, reportId), eq(reports.userId, userId), eq(reports.status, "submitted")))
    .run();
  return result.changes > 0;
}

export async function erdrNumberOf(db: Db, reportId: number): Promise<string | undefined> {
  const row = await db.select({ n: reports.erdrNumber }).from(reports).where(eq(reports.id, reportId)).get();
  return row?.n ?? undefined;
}
