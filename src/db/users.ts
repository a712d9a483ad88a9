/**
 * People who agreed to the personal-data notice. Nobody has a row before
 * consent: language choices before that travel in callback data only.
 */
import { eq, sql } from "drizzle-orm";
import type { Lang, Role } from "../core/model.js";
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

export async function setLanguage(db: Db, id: number, language: Lang): Promise<void> {
  await db.update(users).set({ language, updatedAt: nowIso() }).where(eq(users.id, id)).run();
}

export async function setRole(
  db: Db,
  id: number,
  role: Role,
  police?: { unit?: string | null; region?: string | null },
): Promise<void> {
  const at = nowIso();
  const policeFields =
    role === "police" ? { policeUnit: police?.unit ?? null, policeRegion: police?.region ?? null } : {};
  await db
    .insert(users)
    .values({ id, role, ...policeFields })
    .onConflictDoUpdate({ target: users.id, set: { role, ...policeFields, updatedAt: at } })
    .run();
}

export async function setAlerts(db: Db, id: number, subscribed: boolean): Promise<void> {
  await db.update(users).set({ alertsSubscribed: subscribed, updatedAt: nowIso() }).where(eq(users.id, id)).run();
}

export async function markBlocked(db: Db, id: number, blocked: boolean): Promise<void> {
  await db.update(users).set({ blockedBot: blocked, updatedAt: nowIso() }).where(eq(users.id, id)).run();
}
