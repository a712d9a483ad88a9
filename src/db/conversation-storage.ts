/**
 * Storage for @grammyjs/conversations over the same SQLite file, so a person
 * mid-conversation continues at the same step after a restart.
 */
import type { VersionedStateStorage } from "@grammyjs/conversations";
import type { Db } from "./client.js";

/** `now`: the app's clock, the one `purgeIdleConversations` is given. */
export function conversationStorage<S>(db: Db, now: () => Date = () => new Date()): VersionedStateStorage<string, S> {
  const read = db.$client.prepare<[string], { state: string }>("SELECT state FROM conversations WHERE key = ?");
  const write = db.$client.prepare<[string, string, string]>(
    `INSERT INTO conversations (key, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const remove = db.$client.prepare<[string]>("DELETE FROM conversations WHERE key = ?");
  return {
    read: (key) => {
      const row = read.get(key);
      return row ? JSON.parse(row.state) : undefined;
    },
    write: (key, state) => {
      write.run(key, JSON.stringify(state), now().toISOString());
    },
    delete: (key) => {
      remove.run(key);
    },
  };
}

/**
 * Conversation states untouched for `days` go with the drafts purged then: their
 * replay logs hold what the person typed.
 */
export function purgeIdleConversations(db: Db, days: number, now = new Date()): number {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.$client.prepare("DELETE FROM conversations WHERE updated_at < ?").run(before).changes;
}
