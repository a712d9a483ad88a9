/**
 * A report's typed child rows (contacts, transfers, loans, identifiers, evidence):
 * rewritten from its answers inside the transaction that saves the report, and
 * read back for a draft on every answer.
 *
 * Reading six tables per answer was most of the database work of an update, and an
 * answer changes one table at most. So this process remembers the rows it last read
 * or kept of each draft, valid while the report's updated_at is the one they were
 * read under: every save sets it (drafts.ts), so rows another process wrote come
 * with another time and are read again. A table rewritten here is read again; a
 * transaction that rolls back forgets the report.
 */
import { asc, eq, getTableColumns, sql } from "drizzle-orm";
import { sameJson } from "../core/json.js";
import type { Answers } from "../core/report/answers.js";
import { answersToChildRows, type ChildRows, type LoadedRows } from "./answers-rows.js";
import { type Db, databaseOf, onRollback } from "./client.js";
import { prepared } from "./prepared.js";
import { contacts, evidence, identifiers, loans, transfers } from "./schema.js";

const TABLES = { contacts, transfers, loans, identifiers, evidence } as const;
type Table = keyof typeof TABLES;
const NAMES = Object.keys(TABLES) as Table[];

type Loaded = Omit<LoadedRows, "report">;

const reads = (db: Db) =>
  prepared(db, "report-children.read", () => {
    const reportId = sql.placeholder("reportId");
    // Rows come back in the order they were given, not the order of an index.
    return {
      contacts: db.select().from(contacts).where(eq(contacts.reportId, reportId)).orderBy(contacts.position).prepare(),
      transfers: db
        .select()
        .from(transfers)
        .where(eq(transfers.reportId, reportId))
        .orderBy(transfers.position)
        .prepare(),
      loans: db.select().from(loans).where(eq(loans.reportId, reportId)).orderBy(loans.position).prepare(),
      identifiers: db
        .select()
        .from(identifiers)
        .where(eq(identifiers.reportId, reportId))
        .orderBy(asc(identifiers.id))
        .prepare(),
      evidence: db.select().from(evidence).where(eq(evidence.reportId, reportId)).orderBy(asc(evidence.id)).prepare(),
    };
  });

interface Remembered {
  /** The report's updated_at when these rows were read or kept. */
  stamp: string;
  tables: Partial<Loaded>;
}
/** Drafts being answered at once in one process: enough for a crowd, a few MB at most. */
const REMEMBERED = 5000;
const remembered = new WeakMap<Db, Map<number, Remembered>>();

function rememberedOf(db: Db): Map<number, Remembered> {
  const database = databaseOf(db);
  let reports = remembered.get(database);
  if (!reports) {
    reports = new Map();
    remembered.set(database, reports);
  }
  return reports;
}

/** Remembers `entry` as the most recently used (the first is the one to forget), until a rollback. */
function remember(db: Db, reportId: number, entry: Remembered): void {
  const reports = rememberedOf(db);
  reports.delete(reportId);
  reports.set(reportId, entry);
  if (reports.size > REMEMBERED) reports.delete(reports.keys().next().value as number);
  onRollback(db, () => reports.delete(reportId));
}

/** The report's child rows as stored under `stamp` (its updated_at just read); tables not remembered are read. */
export async function readReportChildren(db: Db, reportId: number, stamp: string): Promise<Loaded> {
  let entry = rememberedOf(db).get(reportId);
  if (entry?.stamp !== stamp) entry = { stamp, tables: {} };
  remember(db, reportId, entry);
  const s = reads(db);
  const { tables } = entry;
  tables.contacts ??= await s.contacts.all({ reportId });
  tables.transfers ??= await s.transfers.all({ reportId });
  tables.loans ??= await s.loans.all({ reportId });
  tables.identifiers ??= await s.identifiers.all({ reportId });
  tables.evidence ??= await s.evidence.all({ reportId });
  return tables as Loaded;
}

/** Forgets what was read of a report (it is gone, or no longer a draft). */
export function forgetReportChildren(db: Db, reportId: number): void {
  rememberedOf(db).delete(reportId);
}

const deletes = (db: Db) =>
  prepared(db, "report-children.delete", () => {
    const reportId = sql.placeholder("reportId");
    const of = (name: Table) => db.delete(TABLES[name]).where(eq(TABLES[name].reportId, reportId)).prepare();
    return Object.fromEntries(NAMES.map((name) => [name, of(name)])) as Record<Table, ReturnType<typeof of>>;
  });

/**
 * One row's insert per table, prepared: building a multi-row insert with drizzle on
 * every write cost more than SQLite's work. Values are bound as given (SQL, not
 * drizzle params), so a flag is bound as 1/0 and null as null here.
 */
const inserts = (db: Db) =>
  prepared(db, "report-children.insert", () => {
    const of = (name: Table) => {
      const keys = Object.keys(getTableColumns(TABLES[name])).filter((key) => key !== "id");
      const values = Object.fromEntries(keys.map((key) => [key, sql`${sql.placeholder(key)}`]));
      return {
        keys,
        statement: db
          .insert(TABLES[name])
          .values(values as never)
          .prepare(),
      };
    };
    return Object.fromEntries(NAMES.map((name) => [name, of(name)])) as Record<Table, ReturnType<typeof of>>;
  });

const bound = (value: unknown) => (typeof value === "boolean" ? (value ? 1 : 0) : (value ?? null));

/** One table's rows, in the order given (their ids keep that order). */
async function insert(db: Db, reportId: number, rows: ChildRows, name: Table): Promise<void> {
  const { keys, statement } = inserts(db)[name];
  for (const row of rows[name] as Record<string, unknown>[]) {
    const params: Record<string, unknown> = {};
    for (const key of keys) params[key] = key === "reportId" ? reportId : bound(row[key]);
    await statement.run(params);
  }
}

/**
 * A new report's child rows, inserted in its creating transaction: it has none to delete
 * (ids are never reused), and the tables it has no rows in are known to be empty under
 * its first time, so showing its first question reads none of them.
 */
export async function writeNewReportChildren(db: Db, reportId: number, answers: Answers, stamp: string): Promise<void> {
  const rows = answersToChildRows(answers);
  const tables: Partial<Record<Table, unknown[]>> = {};
  for (const name of NAMES) {
    if (rows[name].length > 0) await insert(db, reportId, rows, name);
    else tables[name] = [];
  }
  remember(db, reportId, { stamp, tables: tables as Partial<Loaded> });
}

/**
 * `before` is what the rows were written from last time: most answers change no
 * child row, and most of the rest change one table, so only a table whose rows
 * differ is rewritten (rewriting them all was a tenth of the work of an answer).
 */
export async function writeReportChildren(
  db: Db,
  reportId: number,
  answers: Answers,
  before?: Answers,
  stamp?: { from: string; to: string },
): Promise<void> {
  const rows = answersToChildRows(answers);
  const old = before && answersToChildRows(before);
  const reports = rememberedOf(db);
  const entry = reports.get(reportId);
  // The rows remembered stay true under the new time only if they were read under the one the answers came from.
  const kept = stamp && entry?.stamp === stamp.from ? entry : undefined;
  if (kept && stamp) kept.stamp = stamp.to;
  else reports.delete(reportId);
  onRollback(db, () => reports.delete(reportId));
  for (const name of NAMES) {
    if (old && sameJson(old[name], rows[name])) continue;
    if (kept) delete kept.tables[name];
    await deletes(db)[name].run({ reportId });
    if (rows[name].length > 0) await insert(db, reportId, rows, name);
  }
}
