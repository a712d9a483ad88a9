/**
 * The inbox makes update handling at-least-once and de-duplicated: updates are
 * written (sanitised) to SQLite before Telegram is told they arrived, removed
 * only once handled, and replayed after a restart.
 *
 * An update is known by where it came from (the bot's id) and its content: one
 * seen in the last day with the same content is a redelivery and dropped; one
 * whose id a source used before for other content (a new Bot API server, the
 * same database with another bot) is new, and is handled under a spare id so that
 * nothing recorded for the old one applies to it.
 *
 * A replay after a clean stop is not a crash: only a replay after a crash counts
 * an attempt, update by update (one at a time), so an update that keeps killing
 * the process is given up after three tries and the others are not.
 */
import { createHash } from "node:crypto";
import type { Update } from "grammy/types";
import type { Db } from "../../db/client.js";
import { type SanitizePolicy, sanitizeUpdate } from "./sanitize.js";

/** An update that crashed the process this many times is given up (logged), not retried forever. */
const MAX_ATTEMPTS = 3;
const KEEP_RECEIVED_MS = 24 * 3600_000;
/** Whether the last run stopped cleanly (1) or not (0); a counters row. */
const CLEAN_STOP = "inbox_clean_stop";
/** Spare ids count down from -1: Telegram's ids are positive, so they never meet. */
const SPARE_ID = "inbox_spare_update_id";

export interface InboxOptions {
  /** Which bot the updates come from (its id). */
  source: string;
  /** How to clean what this update says, as the question it answers asks (delivery knows no features). */
  policyFor?: (update: Update) => SanitizePolicy;
}

export interface Leftovers {
  /** The last run stopped cleanly: nothing in the inbox is suspect. */
  clean: boolean;
  updates: Update[];
}

/** The same content always gives the same fingerprint; the id is left out (it is compared on its own). */
export function fingerprint(update: Update): string {
  const { update_id: _, ...content } = update;
  return createHash("sha256").update(JSON.stringify(content)).digest("base64url").slice(0, 22);
}

export class UpdateInbox {
  private readonly statements;

  constructor(
    private readonly db: Db,
    private readonly options: InboxOptions,
  ) {
    const c = db.$client;
    this.statements = {
      received: c.prepare<[string, number], { fingerprint: string }>(
        "SELECT fingerprint FROM received_updates WHERE source = ? AND telegram_id = ?",
      ),
      receive: c.prepare<[string, number, string, number]>(
        "INSERT OR REPLACE INTO received_updates (source, telegram_id, fingerprint, update_id) VALUES (?, ?, ?, ?)",
      ),
      idTaken: c.prepare<[number, number], { one: number }>(
        "SELECT 1 AS one FROM update_inbox WHERE update_id = ? UNION ALL SELECT 1 FROM handled_updates WHERE update_id = ? LIMIT 1",
      ),
      insert: c.prepare<[number, string]>("INSERT INTO update_inbox (update_id, payload) VALUES (?, ?)"),
      remove: c.prepare<[number]>("DELETE FROM update_inbox WHERE update_id = ?"),
      markHandled: c.prepare<[number]>("INSERT OR IGNORE INTO handled_updates (update_id) VALUES (?)"),
      pendingRows: c.prepare<[], { update_id: number; payload: string; attempts: number }>(
        "SELECT update_id, payload, attempts FROM update_inbox ORDER BY received_at, update_id",
      ),
      bumpAttempts: c.prepare<[number]>("UPDATE update_inbox SET attempts = attempts + 1 WHERE update_id = ?"),
      spareId: c.prepare<[string], { value: number }>(
        "INSERT INTO counters (name, value) VALUES (?, -1) ON CONFLICT (name) DO UPDATE SET value = value - 1 RETURNING value",
      ),
      flag: c.prepare<[string], { value: number }>("SELECT value FROM counters WHERE name = ?"),
      setFlag: c.prepare<[string, number]>(
        "INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
      ),
      pruneHandled: c.prepare<[string]>("DELETE FROM handled_updates WHERE handled_at < ?"),
      pruneReceived: c.prepare<[string]>("DELETE FROM received_updates WHERE received_at < ?"),
    };
  }

  /** Stores new updates atomically and returns those not seen before, sanitised, with the id they are handled under. */
  accept(updates: Update[]): Update[] {
    const s = this.statements;
    const { source } = this.options;
    // Fingerprints and policies are worked out before the write lock is taken.
    const incoming = updates.map((update) => ({
      update,
      print: fingerprint(update),
      policy: this.options.policyFor?.(update),
    }));
    return this.db.$client.transaction(() => {
      const fresh: Update[] = [];
      for (const { update, print, policy } of incoming) {
        const telegramId = update.update_id;
        const seen = s.received.get(source, telegramId);
        if (seen?.fingerprint === print) continue;
        // The id is ours to use unless something (another source, an older run of this one) holds it.
        const id = seen || s.idTaken.get(telegramId, telegramId) ? s.spareId.get(SPARE_ID)!.value : telegramId;
        s.receive.run(source, telegramId, print, id);
        const clean = sanitizeUpdate({ ...update, update_id: id }, policy);
        s.insert.run(id, JSON.stringify(clean));
        fresh.push(clean);
      }
      return fresh;
    })();
  }

  /**
   * What the previous run left in the inbox. After a clean stop it is simply handled
   * again; after a crash each update is suspect, so updates that were already tried
   * MAX_ATTEMPTS times are given up, and the caller replays the rest one by one with
   * `attempt`. Marks this run as not (yet) stopped cleanly.
   */
  leftovers(onGiveUp: (updateId: number) => void): Leftovers {
    const s = this.statements;
    return this.db.$client.transaction((): Leftovers => {
      const clean = (s.flag.get(CLEAN_STOP)?.value ?? 1) === 1;
      s.setFlag.run(CLEAN_STOP, 0);
      const updates: Update[] = [];
      for (const row of s.pendingRows.all()) {
        if (!clean && row.attempts >= MAX_ATTEMPTS) {
          onGiveUp(row.update_id);
          this.forget(row.update_id);
          continue;
        }
        const update = JSON.parse(row.payload) as Update;
        // A row written by an older version may carry another id in its payload.
        updates.push({ ...update, update_id: row.update_id });
      }
      return { clean, updates };
    })();
  }

  /** Counts one more try of a suspect update, committed before it is handled (a crash in it then counts). */
  attempt(updateId: number): void {
    this.statements.bumpAttempts.run(updateId);
  }

  done(updateId: number): void {
    this.db.$client.transaction(() => this.forget(updateId))();
  }

  /** The run ends with every update it took either handled or left for the next run to handle (not suspect). */
  stoppedCleanly(): void {
    this.statements.setFlag.run(CLEAN_STOP, 1);
  }

  /** Real time, not the app's clock: the window is about Telegram redelivering an update. */
  prune(now = new Date()): void {
    const before = new Date(now.getTime() - KEEP_RECEIVED_MS).toISOString();
    this.db.$client.transaction(() => {
      this.statements.pruneHandled.run(before);
      this.statements.pruneReceived.run(before);
    })();
  }

  private forget(updateId: number): void {
    this.statements.remove.run(updateId);
    this.statements.markHandled.run(updateId);
  }
}
