import type { Db } from "./client.js";

/**
 * Records that an update's effects are committed; false if it was recorded
 * before. Call inside the transaction that writes the effects.
 */
export function markUpdateHandled(db: Db, updateId: number): boolean {
  return db.$client.prepare("INSERT OR IGNORE INTO handled_updates (update_id) VALUES (?)").run(updateId).changes === 1;
}

export function wasUpdateHandled(db: Db, updateId: number): boolean {
  return db.$client.prepare("SELECT 1 FROM handled_updates WHERE update_id = ?").get(updateId) !== undefined;
}
