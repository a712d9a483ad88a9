/**
 * The engine the tests run on: SQLite (default) or PostgreSQL (the "postgres"
 * project in vitest.config.ts sets SAQBOL_TEST_DB=postgres and starts a
 * throwaway cluster in test/support/postgres-setup.ts). Each test gets a fresh
 * database either way, and reads it as an auditor would: plain SQL with `?`
 * placeholders, in the subset both engines understand.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, inject } from "vitest";
import { closeDatabase, type DatabaseTarget, type Db, openDatabase } from "../../src/db/client.js";
import { toPostgres } from "../../src/db/postgres-engine.js";

export type Engine = "sqlite" | "postgres";
export const TEST_ENGINE: Engine = process.env.SAQBOL_TEST_DB === "postgres" ? "postgres" : "sqlite";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export const TEMPLATE = "saqbol_template";

/** The cluster's maintenance URL (database "postgres"). */
export function clusterUrl(): string {
  const url = process.env.SAQBOL_TEST_PG_URL || inject("postgresUrl");
  if (!url) throw new Error("no PostgreSQL cluster: run the postgres project (vitest --project postgres)");
  return url;
}

const withDatabaseName = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

let counter = 0;

/** Runs one statement on the cluster's maintenance database. */
async function onCluster(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: clusterUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface FreshDatabase {
  target: DatabaseTarget;
  /** Environment that points the bot (or the CLI) at it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * An empty database for one test. PostgreSQL: a new database copied from the
 * migrated template (fast); SQLite: a file in a new folder (`dir` if given).
 */
export async function freshDatabase(dir?: string): Promise<FreshDatabase> {
  if (TEST_ENGINE === "postgres") {
    const name = `t_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
    await onCluster(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE} STRATEGY FILE_COPY`);
    const url = withDatabaseName(clusterUrl(), name);
    const path = join(dir ?? tmpdir(), "unused.db");
    return {
      target: { url, path },
      // DATABASE_PATH stays the caller's: the files kept beside it (signing key, evidence copies) are the test's own.
      env: { DATABASE_URL: url },
      drop: () => onCluster(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const folder = dir ?? mkdtempSync(join(tmpdir(), "saqbol-db-"));
  const path = join(folder, "saqbol.db");
  return {
    target: { path },
    env: { DATABASE_PATH: path },
    drop: async () => {
      if (!dir) rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface TestDb {
  db: Db;
  fresh: FreshDatabase;
  close(): Promise<void>;
}

/** A fresh, migrated database opened through the product's own layer. */
export async function openTestDatabase(): Promise<TestDb> {
  const fresh = await freshDatabase();
  const db = await openDatabase(fresh.target);
  return {
    db,
    fresh,
    close: async () => {
      await closeDatabase(db);
      await fresh.drop();
    },
  };
}

/** Rows of a query, as plain objects, read straight from the database (not through the product). */
export async function query<T = Record<string, unknown>>(
  target: DatabaseTarget,
  sql: string,
  ...params: unknown[]
): Promise<T[]> {
  if (target.url) {
    const client = new pg.Client({
      connectionString: target.url,
      types: {
        getTypeParser: (oid, format) => (oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format)),
      },
    });
    await client.connect();
    try {
      return (await client.query(toPostgres(sql), params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(target.path, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const statement = db.prepare(sql);
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  } finally {
    db.close();
  }
}

/** Rows of a query on a database the test holds open (same SQL subset). */
export async function rowsOf<T = Record<string, unknown>>(db: Db, sql: string, ...params: unknown[]): Promise<T[]> {
  const { rows, names } = await rawQuery(db, sql, params);
  return rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]]))) as T[];
}

async function rawQuery(db: Db, sql: string, params: unknown[]): Promise<{ rows: unknown[][]; names: string[] }> {
  const engine = db.$engine as unknown as {
    connection?: Database.Database;
    pool?: pg.Pool;
  };
  if (engine.connection) {
    const statement = engine.connection.prepare(sql);
    if (!statement.reader) {
      statement.run(...params);
      return { rows: [], names: [] };
    }
    const names = statement.columns().map((c) => c.name);
    return { rows: statement.raw(true).all(...params) as unknown[][], names };
  }
  const result = await engine.pool!.query({ text: toPostgres(sql), values: params, rowMode: "array" });
  return { rows: result.rows as unknown[][], names: result.fields.map((f) => f.name) };
}

const opened: TestDb[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close()));
});

/** A fresh database closed (and dropped) after the current test. */
export async function testDb(): Promise<Db> {
  const t = await openTestDatabase();
  opened.push(t);
  return t.db;
}
