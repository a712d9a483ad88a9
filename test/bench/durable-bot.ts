/**
 * The baseline Saqbol is measured against: the smallest grammY bot that loses
 * nothing. Each update is written to SQLite in one IMMEDIATE transaction before
 * its reply and marked handled in another after it (what the inbox does at the
 * least), with the same runner shape (source, concurrent sink, sequentialize)
 * and the same fake API. Below its cost no durable bot goes; a bare echo, which
 * writes nothing, measured the wrong thing.
 */
import { join } from "node:path";
import { createConcurrentSink, createRunner, createSource, type RunnerHandle, sequentialize } from "@grammyjs/runner";
import Database from "better-sqlite3";
import { Bot, type Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Supplier } from "../../src/bot/delivery/pipeline.js";

export interface DurableBot {
  runner: RunnerHandle;
  /** Its database file. */
  path: string;
  close(): Promise<void>;
}

export function startDurableBot(options: {
  dir: string;
  token: string;
  botInfo: UserFromGetMe;
  api: Transformer;
  supplier: Supplier;
  /** Handling of an update is over (after the second transaction). */
  completed: (updateId: number) => void;
  concurrency: number;
}): DurableBot {
  const path = join(options.dir, "durable.db");
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec(
    "CREATE TABLE IF NOT EXISTS inbox (update_id INTEGER PRIMARY KEY, payload TEXT NOT NULL, handled INTEGER NOT NULL DEFAULT 0)",
  );
  const insert = sqlite.prepare<[number, string]>("INSERT OR IGNORE INTO inbox (update_id, payload) VALUES (?, ?)");
  const handled = sqlite.prepare<[number]>("UPDATE inbox SET handled = 1 WHERE update_id = ?");
  // BEGIN and COMMIT as statements of the connection (what db.transaction does), so that
  // sqlite-time.ts counts the commits of this bot as it counts Saqbol's.
  const begin = sqlite.prepare("BEGIN IMMEDIATE");
  const commit = sqlite.prepare("COMMIT");
  const rollback = sqlite.prepare("ROLLBACK");
  const immediate = (write: () => void) => {
    begin.run();
    try {
      write();
      commit.run();
    } catch (error) {
      if (sqlite.inTransaction) rollback.run();
      throw error;
    }
  };
  const before = (u: Update) => immediate(() => insert.run(u.update_id, JSON.stringify(u)));
  const after = (id: number) => immediate(() => handled.run(id));

  const bot = new Bot(options.token, { botInfo: options.botInfo });
  bot.api.config.use(options.api);
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.on("message", (ctx) => ctx.reply(ctx.message.text ?? "…"));
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  const sink = createConcurrentSink<Update>(
    {
      consume: async (update) => {
        try {
          before(update);
          await bot.handleUpdate(update);
          after(update.update_id);
        } finally {
          options.completed(update.update_id);
        }
      },
    },
    async () => undefined,
    { concurrency: options.concurrency },
  );
  const source = createSource({ supply: (limit, signal) => options.supplier(limit, signal as unknown as AbortSignal) });
  const runner = createRunner(source, sink);
  runner.start();
  return {
    runner,
    path,
    close: async () => {
      if (runner.isRunning()) await runner.stop();
      sqlite.close();
    },
  };
}
