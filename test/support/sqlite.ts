/**
 * A test's SQLite file opened directly, for what only a file has: pragmas,
 * triggers, a damaged row written behind the bot's back (SQLite-only tests).
 * Reading rows on either engine is test/support/db-reader.ts.
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
