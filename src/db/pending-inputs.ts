/**
 * "The next message is an answer to X": set by features that ask for one piece of
 * text outside the questionnaire (a number to look up, a transfer to add). What
 * each kind takes is declared in services/expected-answer.ts, which the sanitiser
 * asks before a message is stored.
 */
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { pendingInputs, reports } from "./schema.js";

const TEN_MINUTES = 10 * 60_000;

export async function setPendingInput(
  db: Db,
  userId: number,
  kind: string,
  now = new Date(),
  ttlMs = TEN_MINUTES,
  payload: string | null = null,
): Promise<void> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insert(pendingInputs)
    .values({ userId, kind, payload, expiresAt })
    .onConflictDoUpdate({ target: pendingInputs.userId, set: { kind, payload, expiresAt } })
    .run();
}

export interface PendingInput {
  kind: string;
  payload: string | null;
}

/** The chat's awaited input, if one is open. */
export async function pendingInputRow(db: Db, userId: number, now = new Date()): Promise<PendingInput | undefined> {
  const statement = prepared(db, "pending-inputs.get", () =>
    db
      .select({ kind: pendingInputs.kind, payload: pendingInputs.payload })
      .from(pendingInputs)
      .where(
        and(eq(pendingInputs.userId, sql.placeholder("userId")), gt(pendingInputs.expiresAt, sql.placeholder("now"))),
      )
      .prepare(),
  );
  return statement.get({ userId, now: now.toISOString() });
}

export async function pendingInput(db: Db, userId: number, now = new Date()): Promise<string | undefined> {
  return (await pendingInputRow(db, userId, now))?.kind;
}

/**
 * Takes the awaited input of `kind` (open, not expired): true once, whichever process
 * handles the person's next update; false when another kind replaced it, it expired or
 * it was taken already.
 */
export async function takePendingInput(
  db: Db,
  userId: number,
  kind: string,
  now = new Date(),
): Promise<PendingInput | undefined> {
  return db
    .delete(pendingInputs)
    .where(
      and(
        eq(pendingInputs.userId, userId),
        eq(pendingInputs.kind, kind),
        gt(pendingInputs.expiresAt, now.toISOString()),
      ),
    )
    .returning({ kind: pendingInputs.kind, payload: pendingInputs.payload })
    .get();
}

export async function clearPendingInput(db: Db, userId: number): Promise<void> {
  await db.delete(pendingInputs).where(eq(pendingInputs.userId, userId)).run();
}

/** Awaited inputs past their expiry (never answered) go: a row left before consent too. Returns how many. */
export async function purgeExpiredPendingInputs(db: Db, now: Date): Promise<number> {
  return (await db.delete(pendingInputs).where(lte(pendingInputs.expiresAt, now.toISOString())).run()).changes;
}

/** Clears the chat's awaited input only if it is one of `kinds`. */
export async function clearPendingInputOf(db: Db, userId: number, kinds: readonly string[]): Promise<void> {
  await db
    .delete(pendingInputs)
    .where(and(eq(pendingInputs.userId, userId), inArray(pendingInputs.kind, [...kinds])))
    .run();
}

/** A report's ЕРДР number is awaited as "erdr:<report id>": a long number that is nobody's card. */
export const ERDR_INPUT = "erdr:";
/**
 * An officer's answer for a case file, "case_erdr:<report id>" or "case_note:<report id>": a
 * registration number, or a note about the recipients' cards — nobody's own card either.
 */
export const CASE_INPUTS = { erdr: "case_erdr:", note: "case_note:" } as const;

/** The step of the person's active draft (the question their next message answers), if they are in the questionnaire. */
export async function activeDraftStep(db: Db, userId: number): Promise<string | undefined> {
  const statement = prepared(db, "pending-inputs.draft-cursor", () =>
    db
      .select({ cursor: reports.cursor })
      .from(reports)
      .where(and(eq(reports.userId, sql.placeholder("userId")), eq(reports.status, "draft"), eq(reports.active, true)))
      .prepare(),
  );
  return (await statement.get({ userId }))?.cursor.step;
}
