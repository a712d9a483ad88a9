/**
 * Statements built and compiled once per database and reused: building the SQL
 * (drizzle) and compiling it (SQLite) on every call was a third of the work of
 * an update on the questionnaire's hot path.
 */
import type { Db } from "./client.js";

const cache = new WeakMap<Db, Map<string, unknown>>();

/** The statement(s) `build` makes for this database, built on first use. */
export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let statements = perDb.get(key) as T | undefined;
  if (statements === undefined) {
    statements = build(db);
    perDb.set(key, statements);
  }
  return statements;
}
