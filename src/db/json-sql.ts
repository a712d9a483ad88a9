/**
 * The few JSON reads a query makes inside the database, in each engine's words:
 * JSON lives in TEXT columns on both (SQLite's json_* functions, PostgreSQL's
 * jsonb operators on a cast).
 */
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "./client.js";

/** The text at `path` (object keys and array indexes) in a JSON column; null when absent. */
export function jsonText(db: Db, column: SQLiteColumn, path: readonly (string | number)[]): SQL<string | null> {
  if (db.$engine.kind === "postgres") {
    return sql<string | null>`(${column}::jsonb #>> ${sql.raw(`'{${path.join(",")}}'`)})`;
  }
  const jsonPath = path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("");
  return sql<string | null>`json_extract(${column}, ${sql.raw(`'$${jsonPath}'`)})`;
}

/** True when the JSON array in `column` holds the string `value` (no `?` operator: `?` is a placeholder here). */
export function jsonArrayHas(db: Db, column: SQLiteColumn, value: string): SQL {
  return db.$engine.kind === "postgres"
    ? sql`(${column}::jsonb @> jsonb_build_array(${value}::text))`
    : sql`EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ${value})`;
}
