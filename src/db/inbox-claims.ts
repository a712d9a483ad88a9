/**
 * Claims on inbox rows, so that several instances share one inbox: an instance
 * handles only the rows it claimed, each for a lease it renews while it lives.
 * Only the oldest row of a chat (by update_id: Telegram's order) can be claimed,
 * so a chat's updates are handled one at a time and in order whichever instance
 * stored them. A row whose holder is gone — its lease ran out, or (PostgreSQL)
 * the holder's presence lock vanished with its connection when it died — is taken
 * over, one at a time, its attempts counted: it may be what killed the holder.
 *
 * On PostgreSQL a fresh row is chosen `FOR UPDATE SKIP LOCKED` (two instances claiming
 * at once skip each other's rows instead of waiting or conflicting), outside the
 * SERIALIZABLE transactions the repositories use: one statement, READ COMMITTED.
 * SQLite has one instance (its lock): the same statements, nobody to skip.
 */
import { randomInt } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import type { PostgresEngine } from "./postgres-engine.js";
import { inbox } from "./schema.js";

/** The advisory lock space of instances' presence (jobs and migrations use other numbers). */
const PRESENCE_SPACE = 4_217_022;

export interface ClaimedRow {
  updateId: number;
  payload: string;
  /** Takeovers after the holder died (crash replays). */
  attempts: number;
}

/** Which instance holds claims; on PostgreSQL its presence is an advisory lock held while it lives. */
export interface Presence {
  readonly owner: string;
  release(): Promise<void>;
}

/**
 * Claims this instance's name for its life. On PostgreSQL the name is a key whose
 * session lock is held on a connection of its own: when the process dies the
 * connection drops and others may take its rows at once, without waiting out the lease.
 */
export async function holdPresence(db: Db): Promise<Presence> {
  const key = randomInt(1, 2 ** 31 - 1);
  const owner = String(key);
  if (db.$engine.kind !== "postgres") return { owner, release: async () => undefined };
  const client = await (db.$engine as PostgresEngine).pool.connect();
  // Its dropping (a database restart) must not crash the process; the lease still holds the rows a while.
  client.on("error", () => undefined);
  await client.query("SELECT pg_advisory_lock($1, $2)", [PRESENCE_SPACE, key]);
  return {
    owner,
    release: async () => {
      const failed = await client.query("SELECT pg_advisory_unlock($1, $2)", [PRESENCE_SPACE, key]).then(
        () => false,
        () => true,
      );
      client.release(failed);
    },
  };
}

/** No earlier update of the same chat is waiting: this row is its chat's turn. */
const headOfChat = sql`NOT EXISTS (SELECT 1 FROM update_inbox e WHERE e.chat_id = i.chat_id AND e.update_id < i.update_id)`;

/** The holder of row `i` is gone: its lease is over, or (PostgreSQL) its presence lock is not held. */
function holderGone(db: Db, now: number): SQL {
  const expired = sql`i.lease_until < ${now}`;
  if (db.$engine.kind !== "postgres") return expired;
  return sql`(${expired} OR NOT EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND l.classid = ${PRESENCE_SPACE} AND l.objid::text = i.claimed_by AND l.objsubid = 2 AND l.granted))`;
}

/**
 * How a claim locks the rows it picks on PostgreSQL: fresh rows `SKIP LOCKED` (another
 * instance is claiming them, or finishing them); a takeover waits instead — the row of a
 * dead instance may still be locked by its last transaction, rolled back a moment later.
 */
const locking = (db: Db, wait: boolean): SQL =>
  db.$engine.kind !== "postgres" ? sql`` : wait ? sql` FOR UPDATE` : sql` FOR UPDATE SKIP LOCKED`;

/** The rows `which` picks among rows that are their chat's turn, oldest first, at most `limit`. */
function chosen(db: Db, which: SQL, limit: number, wait = false): SQL {
  return sql`${inbox.updateId} IN (SELECT i.update_id FROM update_inbox i WHERE ${which} AND ${headOfChat} ORDER BY i.update_id LIMIT ${limit}${locking(db, wait)})`;
}

const returned = { updateId: inbox.updateId, payload: inbox.payload, attempts: inbox.attempts };

export interface ClaimScope {
  /** Only these rows (the ones just stored). */
  ids?: readonly number[];
  /** Only this chat's next row (after one of its updates was handled). */
  chatId?: number;
  limit: number;
}

/** Claims unclaimed rows that are their chat's turn, until `leaseUntil` (ms). */
export async function claimInboxRows(
  db: Db,
  owner: string,
  leaseUntil: number,
  scope: ClaimScope,
): Promise<ClaimedRow[]> {
  if (scope.ids?.length === 0 || scope.limit <= 0) return [];
  const which = [sql`i.claimed_by IS NULL`];
  if (scope.ids) which.push(inArray(sql`i.update_id`, [...scope.ids]));
  if (scope.chatId !== undefined) which.push(sql`i.chat_id = ${scope.chatId}`);
  return db
    .update(inbox)
    .set({ claimedBy: owner, leaseUntil })
    .where(and(chosen(db, sql.join(which, sql` AND `), scope.limit), isNull(inbox.claimedBy)))
    .returning(returned)
    .all();
}

/** Takes over one row whose holder is gone (that is its chat's turn), counting an attempt. */
export async function takeOverInboxRow(
  db: Db,
  owner: string,
  now: number,
  leaseUntil: number,
): Promise<ClaimedRow | undefined> {
  const which = sql`i.claimed_by IS NOT NULL AND i.claimed_by <> ${owner} AND ${holderGone(db, now)}`;
  const [row] = await db
    .update(inbox)
    .set({ claimedBy: owner, leaseUntil, attempts: sql`${inbox.attempts} + 1` })
    .where(and(chosen(db, which, 1, true), isNotNull(inbox.claimedBy), ne(inbox.claimedBy, owner)))
    .returning(returned)
    .all();
  return row;
}

/** Keeps this instance's claims alive until `leaseUntil`. */
export async function renewInboxClaims(db: Db, owner: string, leaseUntil: number): Promise<void> {
  await db.update(inbox).set({ leaseUntil }).where(eq(inbox.claimedBy, owner)).run();
}

/** Lets go of the rows this instance claimed and did not finish (a clean stop: not a crash). */
export async function releaseInboxClaims(db: Db, owner: string): Promise<void> {
  await db.update(inbox).set({ claimedBy: null, leaseUntil: null }).where(eq(inbox.claimedBy, owner)).run();
}
