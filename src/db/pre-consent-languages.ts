/**
 * A language chosen, or an offered one declined, before the person agreed to the
 * terms. Only a language code is kept, keyed by the Telegram id: it tells nothing
 * about the person (no name, no story, no number), so it may be written before
 * consent, and every instance behind the load balancer sees it. At consent it moves
 * to the users row and this one goes.
 */
import { eq, lt, sql } from "drizzle-orm";
import type { Lang } from "../core/model.js";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { preConsentLanguages } from "./schema.js";

export interface PreConsentLanguage {
  language: Lang | null;
  declinedLanguage: Lang | null;
  languageOfferedAt: string | null;
}

export function preConsentLanguage(db: Db, userId: number): Promise<PreConsentLanguage | undefined> {
  const statement = prepared(db, "pre-consent-languages.get", () =>
    db
      .select({
        language: preConsentLanguages.language,
        declinedLanguage: preConsentLanguages.declinedLanguage,
        languageOfferedAt: preConsentLanguages.languageOfferedAt,
      })
      .from(preConsentLanguages)
      .where(eq(preConsentLanguages.userId, sql.placeholder("userId")))
      .prepare(),
  );
  return statement.get({ userId });
}

/** A new choice; an earlier «no» to an offer no longer holds. */
export async function choosePreConsentLanguage(db: Db, userId: number, language: Lang, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insert(preConsentLanguages)
    .values({ userId, language, declinedLanguage: null, updatedAt: at })
    .onConflictDoUpdate({
      target: preConsentLanguages.userId,
      set: { language, declinedLanguage: null, updatedAt: at },
    })
    .run();
}

export async function declinePreConsentLanguage(db: Db, userId: number, declined: Lang, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insert(preConsentLanguages)
    .values({ userId, declinedLanguage: declined, updatedAt: at })
    .onConflictDoUpdate({ target: preConsentLanguages.userId, set: { declinedLanguage: declined, updatedAt: at } })
    .run();
}

/** The other language was offered at `at` (null: answered). */
export async function markPreConsentOffer(db: Db, userId: number, at: string | null, now: Date): Promise<void> {
  const updatedAt = now.toISOString();
  await db
    .insert(preConsentLanguages)
    .values({ userId, languageOfferedAt: at, updatedAt })
    .onConflictDoUpdate({ target: preConsentLanguages.userId, set: { languageOfferedAt: at, updatedAt } })
    .run();
}

export async function forgetPreConsentLanguage(db: Db, userId: number): Promise<void> {
  await db.delete(preConsentLanguages).where(eq(preConsentLanguages.userId, userId)).run();
}

/** Choices of people who never agreed are not kept forever. Returns how many went. */
export async function purgePreConsentLanguages(db: Db, days: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  return (await db.delete(preConsentLanguages).where(lt(preConsentLanguages.updatedAt, before)).run()).changes;
}
