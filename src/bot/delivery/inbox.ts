/**
 * The inbox makes update handling at-least-once and de-duplicated: updates are
 * written (sanitised) to SQLite before Telegram is told they arrived, removed
 * only once handled, and replayed after a crash. An update id seen before is
 * dropped, so Telegram's redelivery after a timeout is handled once.
 */
import type { Update } from "grammy/types";
import type { Db } from "../../db/client.js";
import { cardPolicy } from "../../db/pending-inputs.js";
import { sanitizeUpdate } from "./sanitize.js";

/** An update that crashed the process this many times is given up (logged), not retried forever. */
const MAX_ATTEMPTS = 3;
const KEEP_HANDLED_MS = 24 * 3600_000;

export class UpdateInbox {
  private readonly insert;
  private readonly seenInbox;
  private readonly seenHandled;
  private readonly remove;
  private readonly markHandled;
  private readonly pendingRows;
  private readonly bumpAttempts;
  private readonly pruneHandled;

  private readonly cards: (userId: number) => "keep" | "story" | "mask";

  constructor(
    private readonly db: Db,
    now: () => Date = () => new Date(),
  ) {
    this.cards = (userId) => cardPolicy(db, userId, now());
    const c = db.$client;
    this.insert = c.prepare<[number, string]>("INSERT OR IGNORE INTO update_inbox (update_id, payload) VALUES (?, ?)");
    this.seenInbox = c.prepare<[number], { one: number }>("SELECT 1 AS one FROM update_inbox WHERE update_id = ?");
    this.seenHandled = c.prepare<[number], { one: number }>("SELECT 1 AS one FROM handled_updates WHERE update_id = ?");
    this.remove = c.prepare<[number]>("DELETE FROM update_inbox WHERE update_id = ?");
    this.markHandled = c.prepare<[number]>("INSERT OR IGNORE INTO handled_updates (update_id) VALUES (?)");
    this.pendingRows = c.prepare<[], { update_id: number; payload: string; attempts: number }>(
      "SELECT update_id, payload, attempts FROM update_inbox ORDER BY update_id",
    );
    this.bumpAttempts = c.prepare<[number]>("UPDATE update_inbox SET attempts = attempts + 1 WHERE update_id = ?");
    this.pruneHandled = c.prepare<[string]>("DELETE FROM handled_updates WHERE handled_at < ?");
  }

  /** Stores new updates atomically and returns those not seen before, sanitised. */
  accept(updates: Update[]): Update[] {
    return this.db.$client.transaction(() => {
      const fresh: Update[] = [];
      for (const update of updates) {
        const id = update.update_id;
        if (this.seenInbox.get(id) || this.seenHandled.get(id)) continue;
        const from = update.message?.from?.id;
        // A number to look up or a recipient's card is someone else's: kept whole. Own cards are cut to 4 digits;
        // in the story, each card by the words around it.
        const policy =
          from !== undefined && update.message?.chat.type === "private"
            ? /^\/lookup(@\w+)?\s/.test(update.message.text ?? "")
              ? "keep"
              : this.cards(from)
            : "mask";
        const clean = sanitizeUpdate(update, { keepCards: policy === "keep", storyCards: policy === "story" });
        this.insert.run(id, JSON.stringify(clean));
        this.bumpAttempts.run(id);
        fresh.push(clean);
      }
      return fresh;
    })();
  }

  /** Updates left over from a previous run; each replay counts as an attempt. */
  pending(onGiveUp: (updateId: number) => void): Update[] {
    return this.db.$client.transaction(() => {
      const out: Update[] = [];
      for (const row of this.pendingRows.all()) {
        if (row.attempts >= MAX_ATTEMPTS) {
          onGiveUp(row.update_id);
          this.done(row.update_id);
          continue;
        }
        this.bumpAttempts.run(row.update_id);
        out.push(JSON.parse(row.payload) as Update);
      }
      return out;
    })();
  }

  done(updateId: number): void {
    this.db.$client.transaction(() => {
      this.remove.run(updateId);
      this.markHandled.run(updateId);
    })();
  }

  /** Real time, not the app's clock: the window is about Telegram redelivering an update. */
  prune(now = new Date()): void {
    this.pruneHandled.run(new Date(now.getTime() - KEEP_HANDLED_MS).toISOString());
  }
}
