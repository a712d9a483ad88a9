/**
 * "The next message is an answer to X": set by features that ask for one piece of
 * text outside the questionnaire (a number to look up, a transfer to add). Also
 * tells the sanitiser that a card number typed now belongs to someone else.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { pendingInputs, reports } from "./schema.js";

const TEN_MINUTES = 10 * 60_000;

export function setPendingInput(db: Db, userId: number, kind: string, now = new Date(), ttlMs = TEN_MINUTES): void {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  db.insert(pendingInputs)
    .values({ userId, kind, expiresAt })
    .onConflictDoUpdate({ target: pendingInputs.userId, set: { kind, expiresAt } })
    .run();
}

export function pendingInput(db: Db, userId: number, now = new Date()): string | undefined {
  const statement = prepared(db, "pending-inputs.get", () =>
    db
      .select({ kind: pendingInputs.kind })
      .from(pendingInputs)
      .where(
        and(eq(pendingInputs.userId, sql.placeholder("userId")), gt(pendingInputs.expiresAt, sql.placeholder("now"))),
      )
      .prepare(),
  );
  return statement.get({ userId, now: now.toISOString() })?.kind;
}

export function clearPendingInput(db: Db, userId: number): void {
  db.delete(pendingInputs).where(eq(pendingInputs.userId, userId)).run();
}

/** Kinds of pending input whose answer is an identifier of someone else (kept whole, cards included). */
export const IDENTIFIER_INPUTS = new Set(["lookup", "add_transfer_recipient", "police_lookup"]);
/** A report's ЕРДР number is awaited as "erdr:<report id>": a long number that is nobody's card. */
export const ERDR_INPUT = "erdr:";
/**
 * An officer's answer for a case file, "case_erdr:<report id>" or "case_note:<report id>": a
 * registration number, or a note about the recipients' cards — nobody's own card either.
 */
export const CASE_INPUTS = { erdr: "case_erdr:", note: "case_note:" } as const;
const OTHERS_PREFIXES = [ERDR_INPUT, CASE_INPUTS.erdr, CASE_INPUTS.note];

/**
 * How card numbers typed now are kept: whole when they are someone else's ("keep"), by
 * the words around each in the story ("story": «на карту 4400 …» stays, «моя карта» is
 * cut), otherwise cut to the last four digits ("mask").
 */
export function cardPolicy(db: Db, userId: number, now = new Date()): "keep" | "story" | "mask" {
  const kind = pendingInput(db, userId, now);
  if (kind && (IDENTIFIER_INPUTS.has(kind) || OTHERS_PREFIXES.some((p) => kind.startsWith(p)))) return "keep";
  const statement = prepared(db, "pending-inputs.draft-cursor", () =>
    db
      .select({ cursor: reports.cursor })
      .from(reports)
      .where(and(eq(reports.userId, sql.placeholder("userId")), eq(reports.status, "draft"), eq(reports.active, true)))
      .prepare(),
  );
  const step = statement.get({ userId })?.cursor.step;
  return step === "transfer_recipient" ? "keep" : step === "narrative" ? "story" : "mask";
}
