/**
 * Storage for @grammyjs/conversations in the database, so a person
 * mid-conversation continues at the same step after a restart.
 */
import type { VersionedStateStorage } from "@grammyjs/conversations";
import { eq, lt, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { conversations } from "./schema.js";

const statements = (db: Db) =>
  prepared(db, "conversations", () => {
    const key = sql.placeholder("key");
    return {
      read: db.select({ state: conversations.state }).from(conversations).where(eq(conversations.key, key)).prepare(),
      write: db
        .insert(conversations)
        .values({ key, state: sql.placeholder("state"), updatedAt: sql.placeholder("at") })
        .onConflictDoUpdate({
          target: conversations.key,
          set: { state: sql`excluded.state`, updatedAt: sql`excluded.updated_at` },
        })
        .prepare(),
      remove: db.delete(conversations).where(eq(conversations.key, key)).prepare(),
    };
  });

/** `now`: the app's clock, the one `purgeIdleConversations` is given. */
export function conversationStorage<S>(db: Db, now: () => Date = () => new Date()): VersionedStateStorage<string, S> {
  const s = statements(db);
  return {
    read: async (key) => {
      const row = await s.read.get({ key });
      return row ? JSON.parse(row.state) : undefined;
    },
    write: async (key, state) => {
      await s.write.run({ key, state: JSON.stringify(state), at: now().toISOString() });
    },
    delete: async (key) => {
      await s.remove.run({ key });
    },
  };
}

/**
 * Conversation states untouched for `days` go with the drafts purged then: their
 * replay logs hold what the person typed.
 */
export async function purgeIdleConversations(db: Db, days: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  return (await db.delete(conversations).where(lt(conversations.updatedAt, before)).run()).changes;
}
