/**
 * The database a CLI command works on: DATABASE_URL (PostgreSQL) or the SQLite
 * file at DATABASE_PATH (default ./data/saqbol.db), as the bot reads them. It is
 * migrated first unless MIGRATE_AT_START=false (then `cli migrate` does that),
 * and closed when the command is done.
 */
import { closeDatabase, type Db, openDatabase } from "../db/client.js";
import type { CliIo } from "./command.js";

export interface CliDatabaseOptions {
  /** Migrate even when MIGRATE_AT_START=false (`cli migrate`). */
  migrate?: boolean;
  /** Runs under the migration lock, after the migrations. */
  after?: (db: Db) => Promise<void>;
}

export async function withDatabase<T>(
  env: CliIo["env"],
  fn: (db: Db) => Promise<T>,
  options: CliDatabaseOptions = {},
): Promise<T> {
  const db = await openDatabase(
    { url: env.DATABASE_URL || undefined, path: env.DATABASE_PATH || "./data/saqbol.db" },
    {
      migrate: options.migrate ?? env.MIGRATE_AT_START !== "false",
      ...(options.after ? { after: options.after } : {}),
    },
  );
  try {
    return await fn(db);
  } finally {
    await closeDatabase(db);
  }
}
