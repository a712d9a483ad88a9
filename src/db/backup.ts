/**
 * Backups with SQLite's online backup API: a consistent copy while the bot keeps
 * writing (WAL mode lets it go on). A copy is written under a temporary name,
 * checked (integrity_check, Saqbol's tables) and only then given its name, so a
 * half-written backup never looks like a good one.
 *
 * Restoring replaces the database file, so it refuses while any process has the
 * database open (probed with an exclusive lock): stop the bot first. The file it
 * replaces is kept next to it as a backup of its own.
 */
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { secureFile } from "./file-modes.js";

export class BackupError extends Error {}

/** Tables every Saqbol database has; a file without them is not one of ours. */
const REQUIRED_TABLES = ["__drizzle_migrations", "users", "reports", "report_versions"];

export interface DatabaseCheck {
  pages: number;
  bytes: number;
  reports: number;
}

/** Opens `path` read-only and checks it is a sound Saqbol database; throws BackupError saying why not. */
export function checkDatabaseFile(path: string): DatabaseCheck {
  if (!existsSync(path)) throw new BackupError(`${path} does not exist`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${path} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupError(`${path} is damaged: integrity_check says ${String(integrity)}`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new BackupError(`${path} is not a Saqbol database (no ${missing.join(", ")} table)`);
    const pages = Number(db.pragma("page_count", { simple: true }));
    const reports = (db.prepare("SELECT COUNT(*) AS n FROM reports").get() as { n: number }).n;
    return { pages, bytes: statSync(path).size, reports };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${path} cannot be read: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/** A consistent copy of the live database at `dest` (which must not exist unless `overwrite`). */
export async function backupDatabase(
  source: string,
  dest: string,
  options: { overwrite?: boolean } = {},
): Promise<DatabaseCheck> {
  if (!existsSync(source)) throw new BackupError(`the database ${source} does not exist (check DATABASE_PATH)`);
  if (existsSync(dest) && !options.overwrite) throw new BackupError(`${dest} already exists; choose another name`);
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  // A backup holds what the database holds: readable by the bot's user only, from the first byte.
  secureFile(partial);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`backup of ${source} failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
  try {
    selfContained(partial);
    checkDatabaseFile(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, dest);
  return checkDatabaseFile(dest);
}

/**
 * A backup is one file: the copy leaves WAL mode (which needs -wal and -shm files
 * beside it) for a rollback journal. The bot turns WAL on again when it opens it.
 */
function selfContained(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma("journal_mode = DELETE");
  } finally {
    db.close();
  }
}

/** True when another process has the database open (a running bot). */
function openElsewhere(path: string): boolean {
  const probe = new Database(path, { fileMustExist: true });
  try {
    probe.pragma("busy_timeout = 0");
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.prepare("SELECT COUNT(*) FROM sqlite_master").get();
    probe.exec("BEGIN EXCLUSIVE; COMMIT;");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw new BackupError(`${path} cannot be opened: ${(error as Error).message}`);
  } finally {
    probe.close();
  }
}

export interface RestoreResult {
  restored: DatabaseCheck;
  /** Where the database that was replaced now lies (undefined when there was none). */
  keptAt: string | undefined;
}

/**
 * Puts the backup `from` in place of the database `target`. The backup is checked
 * first; a running bot makes it refuse; the old database is kept at `keptAt`.
 */
export async function restoreDatabase(from: string, target: string, now = new Date()): Promise<RestoreResult> {
  checkDatabaseFile(from);
  let keptAt: string | undefined;
  if (existsSync(target)) {
    if (openElsewhere(target)) {
      throw new BackupError(`the database ${target} is open in another process: stop the bot, then restore`);
    }
    keptAt = `${target}.replaced-${now.toISOString().replace(/[:.]/g, "-")}`;
    // Through the backup API, so what was in the old WAL is in the kept copy too.
    await backupDatabase(target, keptAt);
  }
  const incoming = `${target}.restoring`;
  copyFileSync(from, incoming);
  secureFile(incoming);
  try {
    checkDatabaseFile(incoming);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  // A WAL left from the old file would be replayed into the new one: remove it first.
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  return { restored: checkDatabaseFile(target), keptAt };
}
