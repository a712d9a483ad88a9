import { eq, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { handledUpdates } from "./schema.js";

/**
 * Records that an update's effects are committed; false if it was recorded
 * before. Call inside the transaction that writes the effects.
 */
const statements = (db: Db) =>
  prepared(db, "handled-updates", () => ({
    mark: db
      .insert(handledUpdates)
      .values({ updateId: sql.placeholder("id"), handledAt: sql.placeholder("at") })
      .onConflictDoNothing()
      .prepare(),
    seen: db
      .select({ id: handledUpdates.updateId })
      .from(handledUpdates)
      .where(eq(handledUpdates.updateId, sql.placeholder("id")))
      .prepare(),
  }));

export async function markUpdateHandled(db: Db, updateId: number, now = new Date()): Promise<boolean> {
  return (await statements(db).mark.run({ id: updateId, at: now.toISOString() })).changes === 1;
}

export async function wasUpdateHandled(db: Db, updateId: number): Promise<boolean> {
  return (await statements(db).seen.get({ id: updateId })) !== undefined;
}
