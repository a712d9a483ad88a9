/**
 * One database API over two engines. Every repository builds its queries with
 * drizzle's SQLite builders (schema.ts) on an async database whose statements
 * run either on better-sqlite3 (the embedded default, one file) or on
 * PostgreSQL (DATABASE_URL, shared by several instances). The SQL both engines
 * get stays in their common subset; what only PostgreSQL has (advisory locks,
 * SKIP LOCKED) sits behind small functions that ask `db.$engine.kind`.
 */
import { type BaseSQLiteDatabase, SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { SQLiteRemoteSession, SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";

/** What `.run()` resolves to on either engine. */
export interface RunResult {
  changes: number;
}

/** How drizzle's proxy asks an engine to run one statement. */
export type Method = "run" | "all" | "values" | "get";
// biome-ignore lint/suspicious/noExplicitAny: drizzle's proxy callback type: a row, rows, or nothing.
export type Execute = (sql: string, params: unknown[], method: Method) => Promise<{ rows: any }>;

export interface Engine {
  readonly kind: "sqlite" | "postgres";
  readonly execute: Execute;
  /**
   * Runs fn in one transaction (nested calls are savepoints), handing it the engine
   * its statements must go through, or nothing when they may go through the same one
   * (PostgreSQL finds each statement's transaction itself). See inTransaction.
   * PostgreSQL transactions are SERIALIZABLE, as SQLite's are, and fn is run again
   * after a serialization failure: it must only touch the database.
   */
  transaction<T>(fn: (inside?: Engine) => Promise<T>): Promise<T>;
  /** Runs hook if the current transaction's writes (or its savepoint's) are rolled back; nothing outside one. */
  onRollback(hook: () => void): void;
  isOpen(): boolean;
  close(): Promise<void>;
}

/** drizzle's SQLite builders, async; `.run()` resolves with the number of rows changed. */
export type Db = Omit<BaseSQLiteDatabase<"async", RunResult>, "transaction"> & {
  readonly $engine: Engine;
};

export class DatabaseOpenError extends Error {}

/** Each engine's database, so a transaction's engine maps to one db (and its prepared statements) for good. */
const databases = new WeakMap<Engine, Db>();

/** The drizzle database over an engine; `dialect` builds the SQL the engine gets. */
export function databaseOver(engine: Engine, dialect = new SQLiteAsyncDialect()): Db {
  const session = new SQLiteRemoteSession(engine.execute, dialect, undefined, undefined, {});
  const db = new SqliteRemoteDatabase("async", dialect, session, undefined) as unknown as Db & { transaction: unknown };
  // drizzle's own transaction would run BEGIN through the proxy, unaware of the pool or the queue.
  db.transaction = () => {
    throw new Error("use inTransaction(db, fn)");
  };
  Object.defineProperty(db, "$engine", { value: engine, enumerable: false });
  databases.set(engine, db);
  return db;
}

/**
 * Runs fn in one transaction on this database (see Engine.transaction). Every query of
 * the transaction goes through the db fn is given — name it `db`, so the outer one is
 * out of reach: on SQLite a statement through the outer db waits until the transaction
 * is over, and from inside it that is forever.
 */
export function inTransaction<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  return db.$engine.transaction((inside) =>
    fn(inside === undefined ? db : (databases.get(inside) ?? transactionDatabase(db, inside))),
  );
}

/** A transaction's db → the database it is a transaction of. */
const outer = new WeakMap<Db, Db>();

function transactionDatabase(db: Db, engine: Engine): Db {
  const inside = databaseOver(engine, (db as unknown as { dialect: SQLiteAsyncDialect }).dialect);
  outer.set(inside, databaseOf(db));
  return inside;
}

/** The database itself, for a transaction's db or its own: what a process remembers of its data is kept under it. */
export function databaseOf(db: Db): Db {
  return outer.get(db) ?? db;
}

/**
 * Undoes what fn set outside the database when the transaction it runs in is
 * rolled back — and so before fn runs again after a serialization failure.
 */
export function onRollback(db: Db, hook: () => void): void {
  db.$engine.onRollback(hook);
}

export function closeDatabase(db: Db): Promise<void> {
  return db.$engine.close();
}

export interface DatabaseTarget {
  /** postgres://… — PostgreSQL; otherwise the SQLite file at `path`. */
  url?: string | undefined;
  path: string;
}

export interface OpenOptions {
  /**
   * Apply pending migrations (and `after`) under the migration lock: the default.
   * False (a deployment that runs `cli migrate`): refuse a database that is behind.
   */
  migrate?: boolean;
  after?: (db: Db) => Promise<void>;
  /** PostgreSQL connections this process may hold. */
  poolSize?: number;
}

/**
 * A connection of its own to a database the bot has opened (and migrated), for
 * reading in another thread (a police export in a document worker): read-only
 * on SQLite, one pooled connection on PostgreSQL.
 */
export async function openDatabaseReadOnly(target: DatabaseTarget): Promise<Db> {
  if (target.url) {
    const { openPostgres, PostgresInsertDialect } = await import("./postgres-engine.js");
    return databaseOver(await openPostgres(target.url, { max: 1 }), new PostgresInsertDialect());
  }
  const [{ default: Database }, { sqliteEngine }] = await Promise.all([
    import("better-sqlite3"),
    import("./sqlite-engine.js"),
  ]);
  const connection = new Database(target.path, { readonly: true, fileMustExist: true });
  connection.pragma("busy_timeout = 5000");
  return databaseOver(sqliteEngine(connection, target.path));
}

/** Opens the database the configuration names, migrated (see OpenOptions). */
export async function openDatabase(target: DatabaseTarget | string, options: OpenOptions = {}): Promise<Db> {
  const { url, path } = typeof target === "string" ? { url: undefined, path: target } : target;
  let db: Db;
  if (url) {
    const { openPostgres, PostgresInsertDialect } = await import("./postgres-engine.js");
    db = databaseOver(await openPostgres(url, { max: options.poolSize }), new PostgresInsertDialect());
  } else {
    const { openSqlite } = await import("./sqlite-engine.js");
    db = databaseOver(openSqlite(path));
  }
  const { migrateDatabase, pendingMigrations } = await import("./migrate.js");
  try {
    if (options.migrate === false) {
      const behind = await pendingMigrations(db);
      if (behind > 0) {
        throw new DatabaseOpenError(
          `the database is ${behind} migration(s) behind this version: run npm run --silent cli -- migrate`,
        );
      }
    } else {
      await migrateDatabase(db, options.after);
    }
  } catch (error) {
    await db.$engine.close();
    throw error;
  }
  return db;
}
