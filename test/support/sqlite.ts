/**
 * Reading a test's SQLite file from the outside, as an auditor would: plain
 * queries, integrity checks, and a report's stored answers without ids and
 * timestamps (so two runs of the same script compare equal).
 */
import Database from "better-sqlite3";

export function withDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

export const rows = <T = Record<string, unknown>>(path: string, sql: string, ...params: unknown[]): T[] =>
  withDb(path, (db) => db.prepare(sql).all(...params) as T[]);

const CHILD_TABLES = ["report_contacts", "report_transfers", "report_loans", "report_identifiers", "report_evidence"];
const VOLATILE = new Set([
  "id",
  "report_id",
  "user_id",
  "created_at",
  "updated_at",
  "submitted_at",
  "number",
  "rev",
  "active",
  "recognition",
  "reminded_at",
]);

const stable = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !VOLATILE.has(k)));

/** The report row and its child rows, minus what differs between two runs of the same answers. */
export function reportSnapshot(path: string, reportId: number): Record<string, unknown> {
  return withDb(path, (db) => {
    const report = db.prepare("SELECT * FROM reports WHERE id = ?").get(reportId) as Record<string, unknown>;
    const children = Object.fromEntries(
      CHILD_TABLES.map((table) => [
        table,
        (
          db.prepare(`SELECT * FROM ${table} WHERE report_id = ? ORDER BY id`).all(reportId) as Record<
            string,
            unknown
          >[]
        ).map(stable),
      ]),
    );
    return { report: stable(report), ...children };
  });
}

/**
 * Everything that would show a half-written database: SQLite's own checks, dangling
 * child rows, gaps in item positions, submitted reports without exactly one frozen
 * version 1, drafts with a number. Empty when consistent.
 */
export function consistencyProblems(path: string): string[] {
  return withDb(path, (db) => {
    const problems: string[] = [];
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma("foreign_key_check") as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk)}`);
    for (const table of ["report_contacts", "report_transfers", "report_loans"]) {
      const gaps = db
        .prepare(
          `SELECT report_id, COUNT(*) AS n, MIN(position) AS lo, MAX(position) AS hi FROM ${table}
           GROUP BY report_id HAVING lo <> 0 OR hi <> n - 1`,
        )
        .all();
      if (gaps.length > 0) problems.push(`${table} positions: ${JSON.stringify(gaps)}`);
    }
    const badSubmitted = db
      .prepare(
        `SELECT r.id, r.number, (SELECT COUNT(*) FROM report_versions v WHERE v.report_id = r.id AND v.version = 1) AS v1
         FROM reports r WHERE r.status = 'submitted' AND (r.number IS NULL OR v1 <> 1)`,
      )
      .all();
    if (badSubmitted.length > 0) problems.push(`submitted without version 1: ${JSON.stringify(badSubmitted)}`);
    const orphanVersions = db
      .prepare(
        "SELECT v.report_id FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE r.status = 'draft'",
      )
      .all();
    if (orphanVersions.length > 0) problems.push(`drafts with frozen versions: ${JSON.stringify(orphanVersions)}`);
    const numberedDrafts = db.prepare("SELECT id FROM reports WHERE status = 'draft' AND number IS NOT NULL").all();
    if (numberedDrafts.length > 0) problems.push(`drafts with a number: ${JSON.stringify(numberedDrafts)}`);
    return problems;
  });
}
