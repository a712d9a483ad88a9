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
 *
 * Shared (PostgreSQL, several instances): nothing is replayed wholesale at start.
 * An instance handles the rows it claims (db/inbox-claims.ts) — only a chat's
 * oldest, so each chat is handled in Telegram's order across instances — and takes
 * over, one at a time and counted as a crash replay, rows whose holder died.
 */
import { createHash } from "node:crypto";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Update } from "grammy/types";
import { copyJson } from "../../core/json.js";
import { type Db, inTransaction } from "../../db/client.js";
import {
  type ClaimedRow,
  type ClaimScope,
  claimInboxRows,
  holdPresence,
  type Presence,
  releaseInboxClaims,
  renewInboxClaims,
  takeOverInboxRow,
} from "../../db/inbox-claims.js";
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
/** How long a claim holds without renewal: a hung instance's rows go to another after it. */
export const LEASE_MS = 30_000;

export interface InboxOptions {
  /** Which bot the updates come from (its id). */
  source: string;
  /** How to clean what this update says, as the question it answers asks (delivery knows no features). */
  policyFor?: (update: Update) => SanitizePolicy | Promise<SanitizePolicy>;
  /** Several instances share the inbox through claims (default: on PostgreSQL). */
  shared?: boolean;
  /** Real time in ms (leases); tests move it. */
  clock?: () => number;
}

/** A row taken over from an instance that died, with the crash replays it has had. */
export interface TakenOver {
  update: Update;
  attempts: number;
}

/** The chat whose updates are handled in order (grammY's ctx.chat): none for inline queries and the like. */
export function chatIdOf(u: Update): number | undefined {
  const m = u.message ?? u.edited_message ?? u.channel_post ?? u.edited_channel_post ?? u.callback_query?.message;
  return (m ?? u.my_chat_member ?? u.chat_member ?? u.chat_join_request)?.chat.id;
}

const updateOf = (row: ClaimedRow): Update => ({ ...(JSON.parse(row.payload) as Update), update_id: row.updateId });

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
      /**
       * Whether the id is waiting in the inbox or was handled: one statement for both, at most
       * a row from each. No LIMIT: on a compound select SQLite took ten times as long with one.
       */
      idUsed: db
        .select({ id: inbox.updateId })
        .from(inbox)
        .where(eq(inbox.updateId, id))
        .unionAll(
          db.select({ id: handledUpdates.updateId }).from(handledUpdates).where(eq(handledUpdates.updateId, id)),
        )
        .prepare(),
      receive: db
        .insert(receivedUpdates)
        .values({
          source: sql.placeholder("source"),
          telegramId: sql.placeholder("telegramId"),
          fingerprint: sql.placeholder("fingerprint"),
          updateId: id,
        })
        .onConflictDoUpdate({
          target: [receivedUpdates.source, receivedUpdates.telegramId],
          set: {
            fingerprint: sql`${sql.placeholder("fingerprint")}`,
            updateId: sql`${id}`,
            receivedAt: sql`${sql.placeholder("at")}`,
          },
        })
        .prepare(),
      insert: db
        .insert(inbox)
        .values({ updateId: id, payload: sql.placeholder("payload"), chatId: sql.placeholder("chatId") })
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
  /** Whether claims share the inbox among instances; otherwise one instance owns it all (its lock). */
  readonly shared: boolean;
  private presence: Presence | undefined;
  /** Handled updates waiting for the next let-go transaction (see done). */
  private finished: { updateId: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private forgetting = false;
  private readonly clock: () => number;

  constructor(
    readonly db: Db,
    private readonly options: InboxOptions,
  ) {
    this.shared = options.shared ?? db.$engine.kind === "postgres";
    this.clock = options.clock ?? Date.now;
  }

  /** Shared: takes this instance's name (and presence) for claims; before the first claim. */
  async open(): Promise<void> {
    if (this.shared && !this.presence) this.presence = await holdPresence(this.db);
  }

  /** Shared: lets go of unfinished claims (a clean stop: others handle them, not as a crash) and of the presence. */
  async close(): Promise<void> {
    const presence = this.presence;
    if (!presence) return;
    this.presence = undefined;
    try {
      await releaseInboxClaims(this.db, presence.owner);
    } finally {
      await presence.release();
    }
  }

  /** Claims rows that are their chat's turn (see ClaimScope), for this instance to handle. */
  async claim(scope: ClaimScope): Promise<Update[]> {
    const rows = await claimInboxRows(this.db, this.owner, this.clock() + LEASE_MS, scope);
    return rows.sort((a, b) => a.updateId - b.updateId).map(updateOf);
  }

  /**
   * Takes over one row whose holder died, its attempts counted; undefined when there
   * is none. A row that was taken over MAX_ATTEMPTS times already is given up.
   */
  async takeOver(onGiveUp: (updateId: number) => void): Promise<TakenOver | undefined> {
    for (;;) {
      const now = this.clock();
      const row = await takeOverInboxRow(this.db, this.owner, now, now + LEASE_MS);
      if (!row) return undefined;
      if (row.attempts <= MAX_ATTEMPTS) return { update: updateOf(row), attempts: row.attempts };
      await this.done(row.updateId);
      onGiveUp(row.updateId);
    }
  }

  /** Keeps this instance's claims from being taken over while it lives. */
  renew(): Promise<void> {
    return renewInboxClaims(this.db, this.owner, this.clock() + LEASE_MS);
  }

  private get owner(): string {
    if (!this.presence) throw new Error("the shared inbox is not open");
    return this.presence.owner;
  }

  /** Stores new updates atomically and returns those not seen before, sanitised, with the id they are handled under. */
  async accept(updates: Update[]): Promise<Update[]> {
    const { source } = this.options;
    // Fingerprints and policies are worked out before the transaction (a policy reads the database itself).
    const incoming: { update: Update; print: string; policy: SanitizePolicy | undefined }[] = [];
    for (const update of updates) {
      incoming.push({ update, print: fingerprint(update), policy: await this.options.policyFor?.(update) });
    }
    return inTransaction(this.db, async (db) => {
      const s = statements(db);
      const fresh: Update[] = [];
      for (const { update, print, policy } of incoming) {
        const telegramId = update.update_id;
        const seen = await s.received.get({ source, telegramId });
        if (seen?.fingerprint === print) continue;
        // The id is ours to use unless something (another source, an older run of this one) holds it.
        const taken = seen !== undefined || (await s.idUsed.get({ id: telegramId })) !== undefined;
        const id = taken ? (await s.spareId.get({ name: SPARE_ID }))!.value : telegramId;
        await s.receive.run({ source, telegramId, fingerprint: print, id, at: new Date().toISOString() });
        // Sanitised from a copy: a transaction run again after a conflict must not clean a cleaned update.
        const clean = sanitizeUpdate({ ...copyJson(update), update_id: id }, policy);
        await s.insert.run({ id, payload: JSON.stringify(clean), chatId: chatIdOf(clean) ?? null });
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
    const given: number[] = [];
    const out = await inTransaction(this.db, async (db): Promise<Leftovers> => {
      const s = statements(db);
      given.length = 0;
      const clean = ((await s.flag.get({ name: CLEAN_STOP }))?.value ?? 1) === 1;
      await this.setFlag(CLEAN_STOP, 0, db);
      const updates: Update[] = [];
      for (const row of await s.pendingRows.all()) {
        if (!clean && row.attempts >= MAX_ATTEMPTS) {
          given.push(row.updateId);
          await this.forget(row.updateId, db);
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

  /**
   * Lets go of a handled update. Those finished while the previous let-go was being
   * written go together in the next transaction (one commit for many): until it is
   * committed the update would be replayed after a crash, which its handlers allow.
   */
  done(updateId: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.finished.push({ updateId, resolve, reject });
      if (!this.forgetting) {
        this.forgetting = true;
        void this.forgetFinished();
      }
    });
  }

  private async forgetFinished(): Promise<void> {
    // Those that finish in this turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.finished.length > 0) {
      const batch = this.finished;
      this.finished = [];
      try {
        await inTransaction(this.db, async (db) => {
          for (const { updateId } of batch) await this.forget(updateId, db);
        });
        for (const { resolve } of batch) resolve();
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
    // In the same turn as the last look at the queue: an update finished after it starts a new round.
    this.forgetting = false;
  }

  /** The run ends with every update it took either handled or left for the next run to handle (not suspect). */
  stoppedCleanly(): Promise<void> {
    return this.setFlag(CLEAN_STOP, 1);
  }

  /** Real time, not the app's clock: the window is about Telegram redelivering an update. */
  prune(now = new Date()): Promise<void> {
    const before = new Date(now.getTime() - KEEP_RECEIVED_MS).toISOString();
    return inTransaction(this.db, async (db) => {
      const s = statements(db);
      await s.pruneHandled.run({ before });
      await s.pruneReceived.run({ before });
    });
  }

  private async setFlag(name: string, value: number, db = this.db): Promise<void> {
    await db
      .insert(counters)
      .values({ name, value })
      .onConflictDoUpdate({ target: counters.name, set: { value } })
      .run();
  }

  private async forget(updateId: number, db = this.db): Promise<void> {
    const s = statements(db);
    await s.remove.run({ id: updateId });
    await s.markHandled.run({ id: updateId });
  }
}
