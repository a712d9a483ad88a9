import { count, min } from "drizzle-orm";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { inbox } from "./schema.js";

/** Updates in the inbox (received, not yet handled) and the age of the oldest, for metrics and readiness. */
export async function inboxStats(db: Db, now = new Date()): Promise<{ depth: number; oldestSeconds: number }> {
  const statement = prepared(db, "inbox-stats", () =>
    db
      .select({ depth: count(), oldest: min(inbox.receivedAt) })
      .from(inbox)
      .prepare(),
  );
  const row = await statement.get();
  const oldest = row?.oldest ? Date.parse(row.oldest) : Number.NaN;
  return {
    depth: row?.depth ?? 0,
    oldestSeconds: Number.isNaN(oldest) ? 0 : Math.max(0, (now.getTime() - oldest) / 1000),
  };
}
