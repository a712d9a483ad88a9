/**
 * The typed rows of a submitted report follow its latest version, so police
 * queries and the linking of identifiers see facts added later. Call inside
 * the transaction that saves the version.
 */
import { eq } from "drizzle-orm";
import type { Answers } from "../core/report/answers.js";
import { answersToChildRows, answersToFields } from "./answers-rows.js";
import type { Db } from "./client.js";
import { contacts, evidence, identifiers, loans, reports, transfers } from "./schema.js";

export function rewriteSubmittedRows(
  db: Db,
  reportId: number,
  answers: Answers,
  version: { version: number; at: string },
): void {
  db.update(reports)
    .set({ ...answersToFields(answers), version: version.version, updatedAt: version.at })
    .where(eq(reports.id, reportId))
    .run();
  const rows = answersToChildRows(answers);
  for (const table of [contacts, transfers, loans, identifiers, evidence]) {
    db.delete(table).where(eq(table.reportId, reportId)).run();
  }
  const withReport = <T>(list: T[]) => list.map((r) => ({ ...r, reportId }));
  if (rows.contacts.length) db.insert(contacts).values(withReport(rows.contacts)).run();
  if (rows.transfers.length) db.insert(transfers).values(withReport(rows.transfers)).run();
  if (rows.loans.length) db.insert(loans).values(withReport(rows.loans)).run();
  if (rows.identifiers.length) db.insert(identifiers).values(withReport(rows.identifiers)).run();
  if (rows.evidence.length) db.insert(evidence).values(withReport(rows.evidence)).run();
}
