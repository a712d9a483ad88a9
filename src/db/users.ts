/**
 * People who agreed to the personal-data notice. Nobody has a row before
 * consent: language choices before that travel in callback data only.
 */
import { eq, sql } from "drizzle-orm";
import type { Lang } from "../core/model.js";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { users } from "./schema.js";

export type User = typeof users.$inferSelect;

const nowIso = () => new Date().toISOString();

export function getUser(db: Db, id: number): Promise<User | undefined> {
  const statement = prepared(db, "users.get", () =>
    db
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder("id")))
      .prepare(),
  );
  return statement.get({ id });
}

/** Records consent; creates the row (the first personal data) at that moment. */
export function recordConsent(db: Db, id: number, language: Lang): Promise<User> {
  const at = nowIso();
  return db
    .insert(users)
    .values({ id, language, consentAt: at })
    .onConflictDoUpdate({ target: users.id, set: { language, consentAt: at, updatedAt: at } })
    .returning()
    .get();
}

/** The person's choice of language; an earlier «no, keep mine» to an offer no longer holds. */
export async function setLanguage(db: Db, id: number, language: Lang): Promise<void> {
  await db.update(users).set({ language, declinedLanguage: null, updatedAt: nowIso() }).where(eq(users.id, id)).run();
}

/** The other language was offered at `at` (null: answered, it may be offered again later). */
export async function markLanguageOffered(db: Db, id: number, at: string | null): Promise<void> {
  await db.update(users).set({ languageOfferedAt: at }).where(eq(users.id, id)).run();
}

/** The person said no to continuing in `language`: the bot does not offer it again. */
export async function declineLanguage(db: Db, id: number, language: Lang): Promise<void> {
  await db.update(users).set({ declinedLanguage: language, updatedAt: nowIso() }).where(eq(users.id, id)).run();
}

export async function setAlerts(db: Db, id: number, subscribed: boolean): Promise<void> {
  await db.update(users).set({ alertsSubscribed: subscribed, updatedAt: nowIso() }).where(eq(users.id, id)).run();
}

export async function markBlocked(db: Db, id: number, blocked: boolean): Promise<void> {
  await db.update(users).set({ blockedBot: blocked, updatedAt: nowIso() }).where(eq(users.id, id)).run();
}
