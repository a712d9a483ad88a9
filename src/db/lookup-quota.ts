/**
 * The per-person limit on "has this been reported?" checks, kept in the database so
 * it holds across restarts and instances: a window opens at the first check and
 * allows `limit` checks until it ends.
 */
import { eq } from "drizzle-orm";
import { type Db, inTransaction } from "./client.js";
import { lookupQuota } from "./schema.js";

export interface QuotaRule {
  limit: number;
  windowMs: number;
}

/** Counts one check; false (nothing counted) when the person has used up the window. */
export function takeLookup(db: Db, userId: number, now: Date, rule: QuotaRule): Promise<boolean> {
  return inTransaction(db, async (db) => {
    const row = await db.select().from(lookupQuota).where(eq(lookupQuota.userId, userId)).get();
    const fresh = !row || Date.parse(row.windowStart) + rule.windowMs <= now.getTime();
    if (!fresh && row.count >= rule.limit) return false;
    const next = fresh ? { windowStart: now.toISOString(), count: 1 } : { count: row.count + 1 };
    await db
      .insert(lookupQuota)
      .values({ userId, windowStart: now.toISOString(), count: 1 })
      .onConflictDoUpdate({ target: lookupQuota.userId, set: next })
      .run();
    return true;
  });
}
