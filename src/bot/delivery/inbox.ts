/**
 * The inbox makes update handling at-least-once and de-duplicated: updates are
 * written (sanitised) to SQLite before Telegram is told they arrived, removed
 * only once handled, and replayed after a crash. An update id seen before is
 * dropped, so Telegram's redelivery after a timeout is handled once.
 */

import { eq, lt, sql } from "drizzle-orm";
import type { Update } from "grammy/types";
import { type Db, inTransaction } from "../../db/client.js";
import { expectsOthersIdentifier } from "../../db/pending-inputs.js";
import { prepared } from "../../db/prepared.js";
import { handledUpdates, inbox } from "../../db/schema.js";
import { sanitizeUpdate } from "./sanitize.js";

/** An update that crashed the process this many times is given up (logged), not retried forever. */
const MAX_ATTEMPTS = 3;
const KEEP_HANDLED_MS = 24 * 3600_000;

const statements = (db: Db) =>
  prepared(db, "inbox", () => {
    const id = sql.placeholder("id");
    return {
      insert: db
        .insert(inbox)
        .values({ updateId: id, payload: sql.placeholder("payload"), attempts: 1, receivedAt: sql.placeholder("at") })
        .onConflictDoNothing()
        .prepare(),
      seenInbox: db.select({ id: inbox.updateId }).from(inbox).where(eq(inbox.updateId, id)).prepare(),
      seenHandled: db
        .select({ id: handledUpdates.updateId })
        .from(handledUpdates)
        .where(eq(handledUpdates.updateId, id))
        .prepare(),
      remove: db.delete(inbox).where(eq(inbox.updateId, id)).prepare(),
      markHandled: db
        .insert(handledUpdates)
        .values({ updateId: id, handledAt: sql.placeholder("at") })
        .onConflictDoNothing()
        .prepare(),
      pendingRows: db
        .select({ updateId: inbox.updateId, payload: inbox.payload, attempts: inbox.attempts })
        .from(inbox)
        .orderBy(inbox.updateId)
        .prepare(),
      bumpAttempts: db
        .update(inbox)
        .set({ attempts: sql`${inbox.attempts} + 1` })
        .where(eq(inbox.updateId, id))
        .prepare(),
      pruneHandled: db
        .delete(handledUpdates)
        .where(lt(handledUpdates.handledAt, sql.placeholder("before")))
        .prepare(),
    };
  });

export class UpdateInbox {
  private readonly othersIdentifier: (userId: number) => Promise<boolean>;

  constructor(
    private readonly db: Db,
    now: () => Date = () => new Date(),
  ) {
    this.othersIdentifier = (userId) => expectsOthersIdentifier(db, userId, now());
  }

  /** Stores new updates atomically and returns those not seen before, sanitised. */
  accept(updates: Update[]): Promise<Update[]> {
    const s = statements(this.db);
    return inTransaction(this.db, async () => {
      const fresh: Update[] = [];
      for (const update of updates) {
        const id = update.update_id;
        if ((await s.seenInbox.get({ id })) || (await s.seenHandled.get({ id }))) continue;
        const from = update.message?.from?.id;
        // A number to look up or a recipient's card is someone else's: kept whole. Own cards are cut to 4 digits.
        const keepCards =
          from !== undefined &&
          update.message?.chat.type === "private" &&
          (/^\/lookup(@\w+)?\s/.test(update.message.text ?? "") || (await this.othersIdentifier(from)));
        // Sanitised in place: a transaction run again after a conflict must not clean a cleaned update.
        const clean = sanitizeUpdate(structuredClone(update), { keepCards });
        await s.insert.run({ id, payload: JSON.stringify(clean), at: new Date().toISOString() });
        fresh.push(clean);
      }
      return fresh;
    });
  }

  /** Updates left over from a previous run; each replay counts as an attempt. */
  async pending(onGiveUp: (updateId: number) => void): Promise<Update[]> {
    const s = statements(this.db);
    const given: number[] = [];
    const out = await inTransaction(this.db, async () => {
      given.length = 0;
      const left: Update[] = [];
      for (const row of await s.pendingRows.all()) {
        if (row.attempts >= MAX_ATTEMPTS) {
          given.push(row.updateId);
          await this.done(row.updateId);
          continue;
        }
        await s.bumpAttempts.run({ id: row.updateId });
        left.push(JSON.parse(row.payload) as Update);
      }
      return left;
    });
    for (const id of given) onGiveUp(id);
    return out;
  }

  done(updateId: number): Promise<void> {
    const s = statements(this.db);
    return inTransaction(this.db, async () => {
      await s.remove.run({ id: updateId });
      await s.markHandled.run({ id: updateId, at: new Date().toISOString() });
    });
  }

  /** Real time, not the app's clock: the window is about Telegram redelivering an update. */
  async prune(now = new Date()): Promise<void> {
    await statements(this.db).pruneHandled.run({ before: new Date(now.getTime() - KEEP_HANDLED_MS).toISOString() });
  }
}
