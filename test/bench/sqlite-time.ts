/**
 * The time this thread spends inside SQLite, per database file: statements, BEGIN and
 * COMMIT (the commit writes the WAL frames) and pragmas. better-sqlite3 is synchronous,
 * so the time between entering and leaving a call is SQLite's work on the thread that
 * made it. It tells how much of an update's CPU the database takes whatever the code
 * around it does: the part no rewrite of the JavaScript would remove.
 *
 * The driver is patched once, before the databases are opened; statements prepared
 * before that are not timed. Each call gains two clock reads (well under a microsecond),
 * which the CPU figures of the runs include.
 */
import Database from "better-sqlite3";

const spent = new Map<string, number>();
let installed = false;

const add = (name: string, started: number) => spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);

/** Wraps a method so that its time counts against the database `owner` names. */
function timed<T extends object>(target: T, method: string, owner: (self: T) => string): void {
  const original = (target as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
  (target as Record<string, unknown>)[method] = function (this: T, ...args: unknown[]) {
    const started = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      add(owner(this), started);
    }
  };
}

/** Starts timing, in this thread, the statements prepared from now on and every pragma and exec (once; later calls do nothing). */
export function timeSqlite(): void {
  if (installed) return;
  installed = true;
  const proto = Database.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const prepare = proto.prepare as (this: Database.Database, sql: string) => Database.Statement;
  proto.prepare = function (this: Database.Database, sql: unknown) {
    const statement = prepare.call(this, sql as string);
    const name = this.name;
    for (const method of ["run", "get", "all"]) timed(statement, method, () => name);
    return statement;
  };
  for (const method of ["pragma", "exec"]) timed(proto, method, (db) => (db as unknown as Database.Database).name);
}

/** Milliseconds spent in SQLite on the database at `path` since timing started. */
export function sqliteMs(path: string): number {
  return spent.get(path) ?? 0;
}
