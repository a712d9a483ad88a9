import type { Db } from "./client.js";
import { prepared } from "./prepared.js";

/** Updates in the inbox (received, not yet handled) and the age of the oldest, for metrics and readiness. */
const statements = (db: Db) =>
  prepared(db, "inbox-stats", () => ({
    stats: db.$client.prepare<[], { depth: number; oldest: string | null }>(
      "SELECT COUNT(*) AS depth, MIN(received_at) AS oldest FROM update_inbox",
    ),
  }));

export function inboxStats(db: Db, now = new Date()): { depth: number; oldestSeconds: number } {
  const row = statements(db).stats.get();
  const oldest = row?.oldest ? Date.parse(row.oldest) : Number.NaN;
  return {
    depth: row?.depth ?? 0,
    oldestSeconds: Number.isNaN(oldest) ? 0 : Math.max(0, (now.getTime() - oldest) / 1000),
  };
}
