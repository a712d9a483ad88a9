/**
 * Reading a test's database from the outside, as an auditor would: plain
 * queries, consistency checks, and a report's stored answers without ids and
 * timestamps (so two runs of the same script compare equal). Works on either
 * engine (test/support/database.ts).
 */
import type { DatabaseTarget } from "../../src/db/client.js";
import { query } from "./database.js";

/** Rows of a query (portable SQL, `?` placeholders). `at`: a harness's database, or a target. */
export const rows = <T = Record<string, unknown>>(
  at: DatabaseTarget | { database: DatabaseTarget },
  sql: string,
  ...params: unknown[]
): Promise<T[]> => query<T>("database" in at ? at.database : at, sql, ...params);

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
export async function reportSnapshot(
  at: DatabaseTarget | { database: DatabaseTarget },
  reportId: number,
): Promise<Record<string, unknown>> {
  const [report] = await rows(at, "SELECT * FROM reports WHERE id = ?", reportId);
  const children: Record<string, unknown> = {};
  for (const table of CHILD_TABLES) {
    children[table] = (await rows(at, `SELECT * FROM ${table} WHERE report_id = ? ORDER BY id`, reportId)).map(stable);
  }
  return { report: stable(report ?? {}), ...children };
}

/**
 * Everything that would show a half-written database: SQLite's own checks (on
 * SQLite; PostgreSQL enforces its keys itself), dangling child rows, gaps in
 * item positions, submitted reports without exactly one frozen version 1, drafts
 * with a number. Empty when consistent.
 */
export async function consistencyProblems(at: DatabaseTarget | { database: DatabaseTarget }): Promise<string[]> {
  const target = "database" in at ? at.database : at;
  const problems: string[] = [];
  if (!target.url) {
    const [integrity] = await rows<{ integrity_check: string }>(target, "PRAGMA integrity_check");
    if (integrity?.integrity_check !== "ok") problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
    const fk = await rows(target, "PRAGMA foreign_key_check");
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk)}`);
  }
  for (const table of ["report_contacts", "report_transfers", "report_loans"]) {
    const gaps = await rows(
      target,
      `SELECT report_id, COUNT(*) AS n, MIN(position) AS lo, MAX(position) AS hi FROM ${table}
       GROUP BY report_id HAVING MIN(position) <> 0 OR MAX(position) <> COUNT(*) - 1`,
    );
    if (gaps.length > 0) problems.push(`${table} positions: ${JSON.stringify(gaps)}`);
  }
  const badSubmitted = await rows(
    target,
    `SELECT r.id, r.number FROM reports r WHERE r.status = 'submitted' AND (r.number IS NULL OR
       (SELECT COUNT(*) FROM report_versions v WHERE v.report_id = r.id AND v.version = 1) <> 1)`,
  );
  if (badSubmitted.length > 0) problems.push(`submitted without version 1: ${JSON.stringify(badSubmitted)}`);
  const orphanVersions = await rows(
    target,
    "SELECT v.report_id FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE r.status = 'draft'",
  );
  if (orphanVersions.length > 0) problems.push(`drafts with frozen versions: ${JSON.stringify(orphanVersions)}`);
  const numberedDrafts = await rows(target, "SELECT id FROM reports WHERE status = 'draft' AND number IS NOT NULL");
  if (numberedDrafts.length > 0) problems.push(`drafts with a number: ${JSON.stringify(numberedDrafts)}`);
  return problems;
}

/** The names of Saqbol's tables (and the migrations table) in the database. */
export async function tableNames(at: DatabaseTarget | { database: DatabaseTarget }): Promise<string[]> {
  const target = "database" in at ? at.database : at;
  const sql = target.url
    ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle') ORDER BY 1"
    : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1";
  return (await rows<{ name: string }>(target, sql)).map((r) => r.name);
}
