import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { migrationsDir } from "../paths.js";
import { secureFile, secureFolder } from "./file-modes.js";
import * as schema from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export class DatabaseOpenError extends Error {}

/**
 * Opens (creating the folder and file if needed) and migrates the database.
 * secure_delete makes deleted personal data unreadable in the file, not just
 * unlinked. The file and its WAL are readable by the bot's user only; damaged
 * pages are found at start (quick_check), with the file named.
 */
export function openDatabase(path: string): Db {
  const inMemory = path === ":memory:";
  if (!inMemory) {
    ensureDatabaseFolder(path);
    // SQLite would quietly take a tiny file of something else for an empty database.
    if (existsSync(path) && statSync(path).size > 0 && !isSqliteFile(path)) {
      throw new DatabaseOpenError(`DATABASE_PATH ${path} is not a SQLite database`);
    }
    secureFile(path);
    for (const suffix of ["-wal", "-shm"]) if (existsSync(path + suffix)) secureFile(path + suffix);
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
    sqlite.pragma("journal_mode = WAL");
  } catch (error) {
    throw new DatabaseOpenError(`DATABASE_PATH ${path} cannot be opened: ${(error as Error).message}`);
  }
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("secure_delete = ON");
  if (!inMemory) checkPages(sqlite, path);
  writeLockAtBegin(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  try {
    migrate(db, { migrationsFolder: migrationsDir });
  } catch (error) {
    sqlite.close();
    throw new DatabaseOpenError(`DATABASE_PATH ${path} cannot be migrated: ${(error as Error).message}`);
  }
  return db;
}

/** The folder of DATABASE_PATH, created (0700) if needed and writable, or one clear line. */
export function ensureDatabaseFolder(path: string): void {
  const folder = dirname(resolve(path));
  try {
    secureFolder(folder);
    if (!statSync(folder).isDirectory()) throw new Error("not a folder");
    accessSync(folder, constants.W_OK);
  } catch {
    throw new DatabaseOpenError(`DATABASE_PATH folder ${folder} cannot be created or written to`);
  }
}

/** A damaged page found now is a clear line at start, not a strange error in someone's answer later. */
function checkPages(sqlite: Database.Database, path: string): void {
  let problems: string[];
  try {
    // SQLite's report may run over several lines: one line for the supervisor's log.
    problems = (sqlite.pragma("quick_check(5)") as { quick_check: string }[]).map((r) =>
      r.quick_check.replace(/\s+/g, " ").trim(),
    );
  } catch (error) {
    sqlite.close();
    throw new DatabaseOpenError(`DATABASE_PATH ${path} is damaged: ${(error as Error).message}`);
  }
  if (problems.length !== 1 || problems[0] !== "ok") {
    sqlite.close();
    throw new DatabaseOpenError(
      `DATABASE_PATH ${path} is damaged (quick_check: ${problems.join("; ")}); restore a backup (npm run cli -- restore <file>)`,
    );
  }
}

/**
 * A read-only connection to a database the bot has opened (and migrated), for
 * reading in another thread (a police export in a document worker).
 */
export function openDatabaseReadOnly(path: string): Db {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Every transaction takes the write lock at BEGIN (IMMEDIATE). A deferred one that
 * reads first and then writes fails with SQLITE_BUSY at once, without waiting
 * busy_timeout, when another connection wrote or holds the lock meanwhile (the CLI
 * granting a role or importing a catalogue while the bot runs, a checkpoint, a
 * backup). Transactions here write almost always, so nothing is lost by it.
 */
function writeLockAtBegin(sqlite: Database.Database): void {
  const deferred = sqlite.transaction.bind(sqlite);
  // Each variant carries the others (.deferred, .immediate…) as better-sqlite3 makes them.
  sqlite.transaction = ((fn: Parameters<typeof deferred>[0]) => deferred(fn).immediate) as typeof sqlite.transaction;
}

const SQLITE_HEADER = "SQLite format 3\0";

function isSqliteFile(path: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString("latin1") === SQLITE_HEADER;
}

/** Runs fn in one SQLite transaction (better-sqlite3 transactions are synchronous). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn)();
}
