/**
 * Jobs done once across instances: on PostgreSQL a job runs only in the instance
 * that holds its advisory lock, taken for the run on a connection of its own and
 * let go when the run ends — or when the instance dies, since the lock belongs to
 * the session. Another instance that asks meanwhile skips its turn; the rows a job
 * works on are still claimed one by one, so a run cut short is finished by the
 * next. On SQLite there is one instance: the job just runs.
 */
import type { Db } from "./client.js";
import type { PostgresEngine } from "./postgres-engine.js";

/** The advisory lock space of jobs (the migration lock is another number). */
const JOB_LOCK_SPACE = 4_217_021;

/** A stable 32-bit key for a job's name (FNV-1a). */
export function jobKey(name: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(name, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export type Alone<T> = { ran: true; value: T } | { ran: false };

/** Runs `fn` unless another instance is running the job `name` now. */
export async function runAlone<T>(db: Db, name: string, fn: () => Promise<T>): Promise<Alone<T>> {
  if (db.$engine.kind !== "postgres") return { ran: true, value: await fn() };
  const { pool } = db.$engine as PostgresEngine;
  const client = await pool.connect();
  const key = jobKey(name);
  // A connection that failed a query (or lost its lock) is dropped, not given back to the pool.
  let broken = false;
  // The connection sits idle while the job runs: its dropping (a database restart) must not crash the process.
  const dropped = () => {
    broken = true;
  };
  client.on("error", dropped);
  try {
    const { rows } = await client
      .query<{ got: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS got", [JOB_LOCK_SPACE, key])
      .catch((error: unknown) => {
        broken = true;
        throw error;
      });
    if (!rows[0]?.got) return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, $2)", [JOB_LOCK_SPACE, key]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.off("error", dropped);
    client.release(broken);
  }
}
