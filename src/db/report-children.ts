/**
 * Rewrites a report's typed child rows (contacts, transfers, loans, identifiers,
 * evidence) from its answers. Call inside the transaction that saves the report.
 */
import { eq, sql } from "drizzle-orm";
import type { Answers } from "../core/report/answers.js";
import { answersToChildRows } from "./answers-rows.js";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { contacts, evidence, identifiers, loans, transfers } from "./schema.js";

const deletes = (db: Db) =>
  prepared(db, "report-children.delete", () =>
    [contacts, transfers, loans, identifiers, evidence].map((table) =>
      db
        .delete(table)
        .where(eq(table.reportId, sql.placeholder("reportId")))
        .prepare(),
    ),
  );

/**
 * `before` is what the rows were written from last time: most answers change no
 * child row, and rewriting them all was a tenth of the work of an answer.
 */
export async function writeReportChildren(db: Db, reportId: number, answers: Answers, before?: Answers): Promise<void> {
  const rows = answersToChildRows(answers);
  if (before && JSON.stringify(answersToChildRows(before)) === JSON.stringify(rows)) return;
  for (const statement of deletes(db)) await statement.run({ reportId });
  const withReport = <T>(list: T[]) => list.map((r) => ({ ...r, reportId }));
  if (rows.contacts.length) await db.insert(contacts).values(withReport(rows.contacts)).run();
  if (rows.transfers.length) await db.insert(transfers).values(withReport(rows.transfers)).run();
  if (rows.loans.length) await db.insert(loans).values(withReport(rows.loans)).run();
  if (rows.identifiers.length) await db.insert(identifiers).values(withReport(rows.identifiers)).run();
  if (rows.evidence.length) await db.insert(evidence).values(withReport(rows.evidence)).run();
}
