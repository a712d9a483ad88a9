/**
 * Flood control's counts shared by every instance: a person's updates and files
 * per window, one row per person and window (windows aligned to the clock, the
 * same in every instance), added to in one statement and pruned once over.
 */
import { lt, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { floodWindows } from "./schema.js";

/** How often the windows that are over are deleted (by whichever instance counts then). */
const PRUNE_EVERY_MS = 60_000;

export interface FloodCounter {
  /** Counts one more update (or file) of the person in the window; the totals after it, over all instances. */
  count(personId: number, windowStart: number, file: boolean): Promise<{ updates: number; files: number }>;
}

const statements = (db: Db) =>
  prepared(db, "flood-windows", () => ({
    count: db
      .insert(floodWindows)
      .values({
        personId: sql.placeholder("person"),
        windowStart: sql.placeholder("start"),
        updates: sql.placeholder("updates"),
        files: sql.placeholder("files"),
      })
      .onConflictDoUpdate({
        target: [floodWindows.personId, floodWindows.windowStart],
        set: {
          updates: sql`${floodWindows.updates} + excluded.updates`,
          files: sql`${floodWindows.files} + excluded.files`,
        },
      })
      .returning({ updates: floodWindows.updates, files: floodWindows.files })
      .prepare(),
    prune: db
      .delete(floodWindows)
      .where(lt(floodWindows.windowStart, sql.placeholder("before")))
      .prepare(),
  }));

/** The database's count, for several instances; windows that ended `windowMs` ago are deleted now and then. */
export function sharedFloodCounter(db: Db, windowMs: number, clock: () => number = Date.now): FloodCounter {
  let lastPrune = 0;
  return {
    async count(personId, windowStart, file) {
      const s = statements(db);
      const now = clock();
      if (now - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now;
        await s.prune.run({ before: now - 2 * windowMs });
      }
      const row = await s.count.get({
        person: personId,
        start: windowStart,
        updates: file ? 0 : 1,
        files: file ? 1 : 0,
      });
      return row!;
    },
  };
}
