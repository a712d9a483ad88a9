/**
 * Schema migrations (drizzle/sqlite, drizzle/pg) and what must be in the
 * database before anyone is served (the scheme catalogue), done by one process
 * at a time: on PostgreSQL every instance starting together, or `cli migrate`
 * in a deployment, waits on one advisory lock, and whoever comes second finds
 * the work done.
 */
import { drizzle as sqliteDrizzle } from "drizzle-orm/better-sqlite3";
import { migrate as sqliteMigrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as pgDrizzle } from "drizzle-orm/node-postgres";
import { migrate as pgMigrate } from "drizzle-orm/node-postgres/migrator";
import { migrationsDir } from "../paths.js";
import { DatabaseOpenError, type Db } from "./client.js";
import type { PostgresEngine } from "./postgres-engine.js";
import type { SqliteEngine } from "./sqlite-engine.js";

/** Any fixed number: every Saqbol process asks for the same lock. */
const MIGRATION_LOCK = 4_217_020;

/** What runs under the lock after the migrations (seeding the catalogue). */
export type AfterMigrations = (db: Db) => Promise<void>;

export async function migrateDatabase(db: Db, after?: AfterMigrations): Promise<void> {
  const engine = db.$engine;
  if (engine.kind === "sqlite") {
    const { connection, path } = engine as SqliteEngine;
    try {
      sqliteMigrate(sqliteDrizzle(connection), { migrationsFolder: migrationsDir.sqlite });
    } catch (error) {
      throw new DatabaseOpenError(`DATABASE_PATH ${path} cannot be migrated: ${(error as Error).message}`);
    }
    await after?.(db);
    return;
  }
  const { pool } = engine as PostgresEngine;
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await pgMigrate(pgDrizzle(client), { migrationsFolder: migrationsDir.postgres });
      await after?.(db);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Migrations the database has not had yet (0 when it is current). */
export async function pendingMigrations(db: Db): Promise<number> {
  const engine = db.$engine;
  const files = readMigrationFiles({
    migrationsFolder: engine.kind === "sqlite" ? migrationsDir.sqlite : migrationsDir.postgres,
  });
  let last: number | undefined;
  if (engine.kind === "sqlite") {
    const { connection } = engine as SqliteEngine;
    const table = connection.prepare(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'",
    );
    if (table.get()) {
      const row = connection.prepare("SELECT MAX(created_at) AS at FROM __drizzle_migrations").get() as {
        at: number | null;
      };
      last = row.at ?? undefined;
    }
  } else {
    const { pool } = engine as PostgresEngine;
    const exists = await pool.query("SELECT to_regclass('drizzle.__drizzle_migrations') AS t");
    if (exists.rows[0]?.t) {
      const row = await pool.query("SELECT MAX(created_at) AS at FROM drizzle.__drizzle_migrations");
      last = row.rows[0]?.at ?? undefined;
    }
  }
  return files.filter((m) => last === undefined || m.folderMillis > last).length;
}
