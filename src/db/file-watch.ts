/**
 * The database file the bot opened must stay the one at DATABASE_PATH. If it is
 * deleted (or replaced) while the bot runs, SQLite goes on writing into the open
 * file that no path leads to any more: reports "go nowhere", and after a restart a
 * fresh database would hand out report numbers again. The watch notices within
 * seconds; readiness fails at once; the app stops taking updates, puts its data
 * back at the path (or beside the file that replaced it) and exits, to be started
 * again on its data.
 */
import { statSync } from "node:fs";
import type { Db } from "./client.js";
import { secureFile } from "./file-modes.js";
import { sqliteConnection } from "./sqlite-engine.js";

export interface FileCheck {
  ok: boolean;
  problem?: "deleted" | "replaced" | "unreachable";
  detail?: string;
}

export interface DatabaseWatch {
  check(): FileCheck;
  stop(): void;
}

const identity = (path: string) => {
  const s = statSync(path);
  return `${s.dev}:${s.ino}`;
};

export function watchDatabaseFile(
  db: Db,
  path: string,
  onLost: (check: FileCheck) => void,
  intervalMs = 2000,
): DatabaseWatch {
  const sqlite = sqliteConnection(db);
  // PostgreSQL has no file of ours to watch; an in-memory database neither.
  if (path === ":memory:" || !sqlite) return { check: () => ({ ok: true }), stop: () => undefined };
  const opened = identity(path);
  let reported = false;
  const check = (): FileCheck => {
    let now: string;
    try {
      now = identity(path);
    } catch {
      return { ok: false, problem: "deleted", detail: `${path} no longer exists` };
    }
    if (now !== opened)
      return { ok: false, problem: "replaced", detail: `${path} is another file than the one opened` };
    try {
      sqlite.prepare("SELECT 1").get();
    } catch (error) {
      return { ok: false, problem: "unreachable", detail: (error as Error).message };
    }
    return { ok: true };
  };
  const timer = setInterval(() => {
    const result = check();
    if (result.ok || reported || result.problem === "unreachable") return;
    reported = true;
    onLost(result);
  }, intervalMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}

/**
 * Saves what the open connection holds when its file lost its path: back at the
 * path if nothing is there, else beside the file that took its place. Returns where.
 */
export async function rescueDatabase(
  db: Db,
  path: string,
  problem: FileCheck["problem"],
  now = new Date(),
): Promise<string> {
  const target = problem === "deleted" ? path : `${path}.displaced-${now.toISOString().replace(/[:.]/g, "-")}`;
  if (problem === "deleted") secureFile(target);
  const sqlite = sqliteConnection(db);
  if (!sqlite) throw new Error("only a SQLite file can be rescued");
  await sqlite.backup(target);
  secureFile(target);
  return target;
}
