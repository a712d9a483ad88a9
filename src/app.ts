/**
 * Process wiring: config → database (migrated) → signing key → catalogue → bot →
 * commands → update pipeline (polling or webhook) → background jobs. `stop()`
 * finishes updates in flight before closing the database.
 */
import type { RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { AppContext } from "./bot/context.js";
import { lateCallbackAnswers } from "./bot/delivery/callback-answers.js";
import { UpdateInbox } from "./bot/delivery/inbox.js";
import { startPipeline } from "./bot/delivery/pipeline.js";
import { pollingSupplier } from "./bot/delivery/polling.js";
import { webhookReceiver } from "./bot/delivery/webhook.js";
import type { BotDeps } from "./bot/deps.js";
import { type BotOptions, createBot } from "./bot/index.js";
import { startJobs } from "./bot/jobs/index.js";
import { CatalogHolder } from "./catalog/holder.js";
import { CatalogError } from "./catalog/load.js";
import { CatalogStore, ensureDefaultCatalog } from "./catalog/store.js";
import type { Catalog } from "./catalog/types.js";
import type { Config } from "./config.js";
import { LANGS } from "./core/model.js";
import { startCheckpointer } from "./db/checkpointer.js";
import { closeDatabase, type Db, openDatabase } from "./db/client.js";
import { loadFonts } from "./documents/pdf/fonts.js";
import { loadOrCreateSigningKey } from "./documents/signing-key.js";
import { createI18n, type I18n } from "./i18n.js";
import { createLogger, type Logger } from "./logger.js";

export interface App {
  bot: Bot<AppContext>;
  deps: BotDeps;
  stop(): Promise<void>;
}

export interface AppOptions extends BotOptions {
  logger?: Logger;
  /** Long-poll timeout in seconds (tests use short ones so stop is quick). */
  pollTimeout?: number;
  now?: () => Date;
}

const COMMANDS = ["start", "report", "check", "schemes", "myreports", "mydata", "language", "help", "cancel"] as const;

async function registerCommands(bot: Bot<AppContext>, i18n: I18n): Promise<void> {
  for (const lang of LANGS) {
    const commands = COMMANDS.map((command) => ({
      command,
      description: i18n.plain(lang, `menu:commands.${command}`),
    }));
    await bot.api.setMyCommands(commands, { language_code: lang });
    if (lang === "ru") await bot.api.setMyCommands(commands);
  }
}

export class TelegramUnreachableError extends Error {}

/** getMe, bounded: a wrong or unreachable API root stops the start with one line instead of retrying forever. */
async function reachTelegram(bot: Bot<AppContext>, apiRoot: string): Promise<void> {
  const signal = AbortSignal.timeout(30_000);
  try {
    await bot.init(signal as Parameters<typeof bot.init>[0]);
  } catch (error) {
    const why = signal.aborted ? "no answer within 30 seconds" : error instanceof Error ? error.message : String(error);
    throw new TelegramUnreachableError(`cannot reach the Telegram Bot API at ${apiRoot} (getMe): ${why}`);
  }
}

/**
 * The database, migrated and holding a catalogue: on PostgreSQL under the
 * migration lock, so instances starting together do it once. With
 * MIGRATE_AT_START=false `cli migrate` has done both already.
 */
export async function prepareDatabase(config: Config, logger: Logger): Promise<{ db: Db; catalog: Catalog }> {
  let seeded: Catalog | undefined;
  const db = await openDatabase(
    { url: config.databaseUrl, path: config.databasePath },
    {
      migrate: config.migrateAtStart,
      after: async (db) => {
        seeded = await ensureDefaultCatalog(db, { path: config.catalogPath, logger });
      },
    },
  );
  const catalog = seeded ?? (await new CatalogStore(db).loadActive());
  if (!catalog) {
    await closeDatabase(db);
    throw new CatalogError("catalogue: the database has no usable active version: run npm run --silent cli -- migrate");
  }
  return { db, catalog };
}

/** Everything that can fail on a bad environment fails here, before the bot talks to anyone. */
export async function prepareDeps(
  config: Config,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<BotDeps> {
  const { db, catalog } = await prepareDatabase(config, logger);
  try {
    const signingKey = loadOrCreateSigningKey(config.signingKeyPath, config.signingKey);
    loadFonts(config.fontPath);
    const i18n = createI18n();
    return { config, db, i18n, catalogs: new CatalogHolder(catalog), logger, signingKey, now };
  } catch (error) {
    await closeDatabase(db);
    throw error;
  }
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const deps = await prepareDeps(config, logger, options.now);
  const bot = createBot(deps, { ...options, transformers: [lateCallbackAnswers, ...(options.transformers ?? [])] });
  await reachTelegram(bot, config.apiRoot);
  await registerCommands(bot, deps.i18n);

  const inbox = new UpdateInbox(deps.db, deps.now);
  let runner: RunnerHandle;
  let closeWebhook: (() => Promise<void>) | undefined;
  if (config.mode === "webhook" && config.webhook) {
    const receiver = webhookReceiver(new URL(config.webhook.url).pathname, config.webhook.secret, inbox, logger);
    await receiver.listen(config.webhook.port);
    await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret });
    runner = startPipeline(bot, inbox, receiver.supplier, logger);
    closeWebhook = receiver.close;
  } else {
    await bot.api.deleteWebhook();
    // Telegram hands updates to one getUpdates caller at a time: several instances need webhook mode.
    if (config.databaseUrl) logger.warn("polling mode serves from one instance only; run several in webhook mode");
    runner = startPipeline(bot, inbox, pollingSupplier(bot.api, inbox, logger, options.pollTimeout ?? 30), logger);
  }
  const jobs = startJobs(bot, deps, inbox);
  const checkpoints = startCheckpointer(deps.db, config.databasePath, logger);
  // The recognition patterns compile on first use; do it soon after start, not in someone's first answer.
  setTimeout(() => void deps.catalogs.current().rules, 2000).unref();
  logger.info({ mode: config.mode, username: bot.botInfo.username }, "saqbol started");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await closeWebhook?.();
      jobs.stop();
      if (runner.isRunning()) await runner.stop();
      await checkpoints.stop();
      await closeDatabase(deps.db);
      logger.info("saqbol stopped");
    })();
    return stopping;
  };
  return { bot, deps, stop };
}
