import type { Db } from "./client.js";
import { prepared } from "./prepared.js";

/**
 * Records that an update's effects are committed; false if it was recorded
 * before. Call inside the transaction that writes the effects.
 */
const statements = (db: Db) =>
  prepared(db, "handled-updates", () => ({
    mark: db.$client.prepare<[number]>("INSERT OR IGNORE INTO handled_updates (update_id) VALUES (?)"),
    seen: db.$client.prepare<[number]>("SELECT 1 FROM handled_updates WHERE update_id = ?"),
  }));

export function markUpdateHandled(db: Db, updateId: number): boolean {
  return statements(db).mark.run(updateId).changes === 1;
}

export function wasUpdateHandled(db: Db, updateId: number): boolean {
  return statements(db).seen.get(updateId) !== undefined;
}
