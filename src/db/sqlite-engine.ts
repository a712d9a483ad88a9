/**
 * The embedded engine: one better-sqlite3 connection (WAL). Statements are
 * compiled once per SQL text and kept; results come back as arrays, the shape
 * drizzle's proxy maps to typed rows.
 *
 * better-sqlite3 is synchronous, but the repositories are async: while one
 * transaction awaits between its statements, another update's statement must
 * not slip into it on the shared connection. Statements through the database
 * itself wait while a transaction is open; the transaction's own go through
 * the engine `inside` it that inTransaction hands to its function (one
 * transaction at a time on one connection, so one such engine serves them all).
 * Telling them apart by the db they use rather than by AsyncLocalStorage keeps
 * Node 20's promise hooks off: with them on, each of the ~480 promises of an
 * update cost a third of a microsecond more.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { DatabaseOpenError, type Db, type Engine, type Execute } from "./client.js";
import { secureFile, secureFolder } from "./file-modes.js";
import { UndoLog } from "./undo-log.js";

/** Distinct statements kept compiled; queries built with a varying number of values are the rest. */
const MAX_STATEMENTS = 1000;

interface Transaction {
  /** Savepoints open inside it now. */
  depth: number;
  undo: UndoLog;
}

export interface SqliteEngine extends Engine {
  readonly kind: "sqlite";
  /** The connection itself, for what only SQLite has: pragmas, checkpoints, backups. */
  readonly connection: Database.Database;
  readonly path: string;
}

/**
 * Opens (creating the folder and file if needed) the database file.
 * secure_delete makes deleted personal data unreadable in the file, not just
 * unlinked. The file and its WAL are readable by the bot's user only; damaged
 * pages are found at start (quick_check), with the file named.
 */
export function openSqlite(path: string): SqliteEngine {
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
  let connection: Database.Database;
  try {
    connection = new Database(path);
    connection.pragma("journal_mode = WAL");
  } catch (error) {
    throw new DatabaseOpenError(`DATABASE_PATH ${path} cannot be opened: ${(error as Error).message}`);
  }
  connection.pragma("synchronous = NORMAL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  connection.pragma("secure_delete = ON");
  if (!inMemory) checkPages(connection, path);
  return sqliteEngine(connection, path);
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

export function sqliteEngine(connection: Database.Database, path: string): SqliteEngine {
  const statements = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let s = statements.get(text);
    if (s === undefined) {
      s = connection.prepare(text);
      if (s.reader) s.raw(true);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      statements.set(text, s);
    }
    return s;
  };
  const run = (text: string, params: unknown[], method: string) => {
    const s = statement(text);
    if (method === "run") return { rows: [], changes: s.run(params).changes };
    if (method === "get") return { rows: s.get(params) };
    return { rows: s.all(params) };
  };

  let open: Transaction | undefined;
  let waiting: (() => void)[] = [];
  const wait = () => new Promise<void>((resolve) => waiting.push(resolve));
  // Tests set SAQBOL_DB_CHECK: the outer db used inside its own transaction then fails at
  // once with the reason, where in production it would wait for itself forever.
  const check = process.env.SAQBOL_DB_CHECK ? new AsyncLocalStorage<Transaction>() : undefined;
  const notInsideOwn = () => {
    if (check !== undefined && open !== undefined && check.getStore() === open) {
      throw new Error("the outer db was used inside its own transaction: use the db inTransaction gives its function");
    }
  };
  // The check and what follows it are in the same turn: a wait that ended in an earlier one
  // could find another transaction begun since.
  const execute: Execute = async (text, params, method) => {
    while (open !== undefined) {
      notInsideOwn();
      await wait();
    }
    return run(text, params, method);
  };

  const begin = connection.prepare("BEGIN IMMEDIATE");
  const commit = connection.prepare("COMMIT");
  const rollback = connection.prepare("ROLLBACK");

  // Savepoints are named by depth, so their few statements are compiled once like any other.
  async function savepoint<T>(tx: Transaction, fn: () => Promise<T>): Promise<T> {
    const name = `sp${++tx.depth}`;
    statement(`SAVEPOINT ${name}`).run();
    tx.undo.enter();
    try {
      const result = await fn();
      statement(`RELEASE ${name}`).run();
      tx.undo.keep();
      return result;
    } catch (error) {
      statement(`ROLLBACK TO ${name}`).run();
      statement(`RELEASE ${name}`).run();
      tx.undo.undoInner();
      throw error;
    } finally {
      tx.depth--;
    }
  }

  const current = (): Transaction => {
    if (open === undefined) throw new Error("a transaction's db was used after its transaction ended");
    return open;
  };

  const close = async () => {
    while (open !== undefined) {
      notInsideOwn();
      await wait();
    }
    if (connection.open) connection.close();
  };

  /** The open transaction's own engine: its statements run at once, inside it. */
  const inside: SqliteEngine = {
    kind: "sqlite",
    connection,
    path,
    execute: async (text, params, method) => {
      current();
      return run(text, params, method);
    },
    transaction: (fn) => savepoint(current(), () => fn(inside)),
    onRollback(hook) {
      current().undo.add(hook);
    },
    isOpen: () => connection.open,
    close,
  };

  return {
    kind: "sqlite",
    connection,
    path,
    execute,
    async transaction<T>(fn: (engine: Engine) => Promise<T>): Promise<T> {
      while (open !== undefined) {
        notInsideOwn();
        await wait();
      }
      const tx: Transaction = { depth: 0, undo: new UndoLog() };
      open = tx;
      try {
        // IMMEDIATE: the write lock at BEGIN. A deferred transaction that reads and then
        // writes fails at once with SQLITE_BUSY when another connection (the CLI, a
        // backup) wrote meanwhile, without waiting busy_timeout.
        begin.run();
        try {
          const result = await (check ? check.run(tx, () => fn(inside)) : fn(inside));
          commit.run();
          return result;
        } catch (error) {
          if (connection.inTransaction) rollback.run();
          tx.undo.undoAll();
          throw error;
        }
      } finally {
        open = undefined;
        const woken = waiting;
        waiting = [];
        for (const resolve of woken) resolve();
      }
    },
    // Outside a transaction there is nothing to roll back (inside one, its own db is the one to use).
    onRollback: notInsideOwn,
    isOpen: () => connection.open,
    close,
  };
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

/** The better-sqlite3 connection under `db`, or undefined on PostgreSQL. */
export function sqliteConnection(db: Db): Database.Database | undefined {
  return db.$engine.kind === "sqlite" ? (db.$engine as SqliteEngine).connection : undefined;
}
