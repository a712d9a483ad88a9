/**
 * Rewrites a report's typed child rows (contacts, transfers, loans, identifiers,
 * evidence) from its answers. Call inside the transaction that saves the report.
 */
import { eq, sql } from "drizzle-orm";
import type { Answers } from "../core/report/answers.js";
import { answersToChildRows, type ChildRows } from "./answers-rows.js";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { contacts, evidence, identifiers, loans, transfers } from "./schema.js";

const TABLES = { contacts, transfers, loans, identifiers, evidence } as const;
type Table = keyof typeof TABLES;
const NAMES = Object.keys(TABLES) as Table[];

const deletes = (db: Db) =>
  prepared(db, "report-children.delete", () => {
    const reportId = sql.placeholder("reportId");
    const of = (name: Table) => db.delete(TABLES[name]).where(eq(TABLES[name].reportId, reportId)).prepare();
    return Object.fromEntries(NAMES.map((name) => [name, of(name)])) as Record<Table, ReturnType<typeof of>>;
  });

/** One table's rows, in the order given (their ids keep that order). */
function insert(db: Db, reportId: number, rows: ChildRows, name: Table): Promise<unknown> {
  const withReport = <T>(list: T[]) => list.map((r) => ({ ...r, reportId }));
  switch (name) {
    case "contacts":
      return db.insert(contacts).values(withReport(rows.contacts)).run();
    case "transfers":
      return db.insert(transfers).values(withReport(rows.transfers)).run();
    case "loans":
      return db.insert(loans).values(withReport(rows.loans)).run();
    case "identifiers":
      return db.insert(identifiers).values(withReport(rows.identifiers)).run();
    case "evidence":
      return db.insert(evidence).values(withReport(rows.evidence)).run();
  }
}

/**
 * `before` is what the rows were written from last time: most answers change no
 * child row, and most of the rest change one table, so only a table whose rows
 * differ is rewritten (rewriting them all was a tenth of the work of an answer).
 */
export async function writeReportChildren(db: Db, reportId: number, answers: Answers, before?: Answers): Promise<void> {
  const rows = answersToChildRows(answers);
  const old = before && answersToChildRows(before);
  for (const name of NAMES) {
    if (old && JSON.stringify(old[name]) === JSON.stringify(rows[name])) continue;
    await deletes(db)[name].run({ reportId });
    if (rows[name].length > 0) await insert(db, reportId, rows, name);
  }
}
