/**
 * The inbox makes update handling at-least-once and de-duplicated: updates are
 * written (sanitised) to the database before Telegram is told they arrived, removed
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
import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Update } from "grammy/types";
import { type Db, inTransaction } from "../../db/client.js";
import { prepared } from "../../db/prepared.js";
import { counters, handledUpdates, inbox, receivedUpdates } from "../../db/schema.js";
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
  policyFor?: (update: Update) => SanitizePolicy | Promise<SanitizePolicy>;
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

const statements = (db: Db) =>
  prepared(db, "inbox", () => {
    const id = sql.placeholder("id");
    const name = sql.placeholder("name");
    return {
      received: db
        .select({ fingerprint: receivedUpdates.fingerprint })
        .from(receivedUpdates)
        .where(
          and(
            eq(receivedUpdates.source, sql.placeholder("source")),
            eq(receivedUpdates.telegramId, sql.placeholder("telegramId")),
          ),
        )
        .prepare(),
      inInbox: db.select({ id: inbox.updateId }).from(inbox).where(eq(inbox.updateId, id)).prepare(),
      inHandled: db
        .select({ id: handledUpdates.updateId })
        .from(handledUpdates)
        .where(eq(handledUpdates.updateId, id))
        .prepare(),
      insert: db
        .insert(inbox)
        .values({ updateId: id, payload: sql.placeholder("payload") })
        .prepare(),
      remove: db.delete(inbox).where(eq(inbox.updateId, id)).prepare(),
      markHandled: db.insert(handledUpdates).values({ updateId: id }).onConflictDoNothing().prepare(),
      pendingRows: db
        .select({ updateId: inbox.updateId, payload: inbox.payload, attempts: inbox.attempts })
        .from(inbox)
        .orderBy(asc(inbox.receivedAt), asc(inbox.updateId))
        .prepare(),
      bumpAttempts: db
        .update(inbox)
        .set({ attempts: sql`${inbox.attempts} + 1` })
        .where(eq(inbox.updateId, id))
        .prepare(),
      spareId: db
        .insert(counters)
        .values({ name, value: -1 })
        .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} - 1` } })
        .returning({ value: counters.value })
        .prepare(),
      flag: db.select({ value: counters.value }).from(counters).where(eq(counters.name, name)).prepare(),
      pruneHandled: db
        .delete(handledUpdates)
        .where(lt(handledUpdates.handledAt, sql.placeholder("before")))
        .prepare(),
      pruneReceived: db
        .delete(receivedUpdates)
        .where(lt(receivedUpdates.receivedAt, sql.placeholder("before")))
        .prepare(),
    };
  });

export class UpdateInbox {
  constructor(
    private readonly db: Db,
    private readonly options: InboxOptions,
  ) {}

  /** Stores new updates atomically and returns those not seen before, sanitised, with the id they are handled under. */
  async accept(updates: Update[]): Promise<Update[]> {
    const s = statements(this.db);
    const { source } = this.options;
    // Fingerprints and policies are worked out before the transaction (a policy reads the database itself).
    const incoming: { update: Update; print: string; policy: SanitizePolicy | undefined }[] = [];
    for (const update of updates) {
      incoming.push({ update, print: fingerprint(update), policy: await this.options.policyFor?.(update) });
    }
    return inTransaction(this.db, async () => {
      const fresh: Update[] = [];
      for (const { update, print, policy } of incoming) {
        const telegramId = update.update_id;
        const seen = await s.received.get({ source, telegramId });
        if (seen?.fingerprint === print) continue;
        // The id is ours to use unless something (another source, an older run of this one) holds it.
        const taken =
          seen !== undefined ||
          (await s.inInbox.get({ id: telegramId })) !== undefined ||
          (await s.inHandled.get({ id: telegramId })) !== undefined;
        const id = taken ? (await s.spareId.get({ name: SPARE_ID }))!.value : telegramId;
        await this.db
          .insert(receivedUpdates)
          .values({ source, telegramId, fingerprint: print, updateId: id })
          .onConflictDoUpdate({
            target: [receivedUpdates.source, receivedUpdates.telegramId],
            set: { fingerprint: print, updateId: id, receivedAt: new Date().toISOString() },
          })
          .run();
        // Sanitised from a copy: a transaction run again after a conflict must not clean a cleaned update.
        const clean = sanitizeUpdate({ ...structuredClone(update), update_id: id }, policy);
        await s.insert.run({ id, payload: JSON.stringify(clean) });
        fresh.push(clean);
      }
      return fresh;
    });
  }

  /**
   * What the previous run left in the inbox. After a clean stop it is simply handled
   * again; after a crash each update is suspect, so updates that were already tried
   * MAX_ATTEMPTS times are given up, and the caller replays the rest one by one with
   * `attempt`. Marks this run as not (yet) stopped cleanly.
   */
  async leftovers(onGiveUp: (updateId: number) => void): Promise<Leftovers> {
    const s = statements(this.db);
    const given: number[] = [];
    const out = await inTransaction(this.db, async (): Promise<Leftovers> => {
      given.length = 0;
      const clean = ((await s.flag.get({ name: CLEAN_STOP }))?.value ?? 1) === 1;
      await this.setFlag(CLEAN_STOP, 0);
      const updates: Update[] = [];
      for (const row of await s.pendingRows.all()) {
        if (!clean && row.attempts >= MAX_ATTEMPTS) {
          given.push(row.updateId);
          await this.forget(row.updateId);
          continue;
        }
        const update = JSON.parse(row.payload) as Update;
        // A row written by an older version may carry another id in its payload.
        updates.push({ ...update, update_id: row.updateId });
      }
      return { clean, updates };
    });
    for (const id of given) onGiveUp(id);
    return out;
  }

  /** Counts one more try of a suspect update, committed before it is handled (a crash in it then counts). */
  async attempt(updateId: number): Promise<void> {
    await statements(this.db).bumpAttempts.run({ id: updateId });
  }

  done(updateId: number): Promise<void> {
    return inTransaction(this.db, () => this.forget(updateId));
  }

  /** The run ends with every update it took either handled or left for the next run to handle (not suspect). */
  stoppedCleanly(): Promise<void> {
    return this.setFlag(CLEAN_STOP, 1);
  }

  /** Real time, not the app's clock: the window is about Telegram redelivering an update. */
  prune(now = new Date()): Promise<void> {
    const before = new Date(now.getTime() - KEEP_RECEIVED_MS).toISOString();
    const s = statements(this.db);
    return inTransaction(this.db, async () => {
      await s.pruneHandled.run({ before });
      await s.pruneReceived.run({ before });
    });
  }

  private async setFlag(name: string, value: number): Promise<void> {
    await this.db
      .insert(counters)
      .values({ name, value })
      .onConflictDoUpdate({ target: counters.name, set: { value } })
      .run();
  }

  private async forget(updateId: number): Promise<void> {
    const s = statements(this.db);
    await s.remove.run({ id: updateId });
    await s.markHandled.run({ id: updateId });
  }
}
