/**
 * The typed rows of a submitted report follow its latest version, so police
 * queries and the linking of identifiers see facts added later. Call inside
 * the transaction that saves the version.
 */
import { eq } from "drizzle-orm";
import type { Answers } from "../core/report/answers.js";
import { answersToFields } from "./answers-rows.js";
import type { Db } from "./client.js";
import { writeReportChildren } from "./report-children.js";
import { reports } from "./schema.js";

export async function rewriteSubmittedRows(
  db: Db,
  reportId: number,
  answers: Answers,
  version: { version: number; at: string },
): Promise<void> {
  await db
    .update(reports)
    .set({ ...answersToFields(answers), version: version.version, updatedAt: version.at })
    .where(eq(reports.id, reportId))
    .run();
  await writeReportChildren(db, reportId, answers);
}
