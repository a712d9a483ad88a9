/**
 * One bot per database. Two processes on the same SQLite file would both poll
 * Telegram and both answer (a second instance double-handled 200 updates into
 * 310 replies). The lock is an exclusive SQLite lock on a small file beside the
 * database, `<DATABASE_PATH>.lock`: held while the bot runs, released by the
 * operating system when the process ends however it ends (kill -9 included), so
 * there is never a stale lock to clean up. The CLI does not take it.
 */
import Database from "better-sqlite3";
import { DatabaseOpenError } from "./client.js";
import { secureFile } from "./file-modes.js";
import { ensureDatabaseFolder } from "./sqlite-engine.js";

export class DatabaseLockedError extends DatabaseOpenError {}

export interface InstanceLock {
  release(): void;
}

export function lockDatabase(path: string): InstanceLock {
  if (path === ":memory:") return { release: () => undefined };
  ensureDatabaseFolder(path);
  const lockPath = `${path}.lock`;
  let lock: Database.Database;
  try {
    secureFile(lockPath);
    lock = new Database(lockPath);
  } catch (error) {
    throw new DatabaseOpenError(`DATABASE_PATH lock ${lockPath} cannot be created: ${(error as Error).message}`);
  }
  try {
    lock.pragma("busy_timeout = 0");
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.pragma("journal_mode = DELETE");
    // The first write takes the exclusive lock; in EXCLUSIVE mode it is kept until close.
    lock.exec("CREATE TABLE IF NOT EXISTS owner (pid INTEGER, started TEXT)");
    lock.prepare("INSERT INTO owner (pid, started) VALUES (?, ?)").run(process.pid, new Date().toISOString());
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) {
      throw new DatabaseLockedError(
        `DATABASE_PATH ${path} is in use by another Saqbol process (lock ${lockPath}); stop it first — two bots on one database answer twice`,
      );
    }
    throw error;
  }
  return {
    release: () => {
      if (lock.open) lock.close();
    },
  };
}
