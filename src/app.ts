/**
 * Process wiring: config → database (migrated) → signing key → catalogue → bot →
 * commands and descriptions → update pipeline (polling or webhook) → background jobs. `stop()`
 * finishes updates in flight before closing the database.
 */
import type { RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import { reachTelegram } from "./bot/api/reach.js";
import { setDefaultMenus } from "./bot/commands.js";
import type { AppContext } from "./bot/context.js";
import { lateCallbackAnswers } from "./bot/delivery/callback-answers.js";
import { UpdateInbox } from "./bot/delivery/inbox.js";
import { startPipeline } from "./bot/delivery/pipeline.js";
import { pollingSupplier } from "./bot/delivery/polling.js";
import { webhookReceiver } from "./bot/delivery/webhook.js";
import type { BotDeps } from "./bot/deps.js";
import { setDescriptions } from "./bot/descriptions.js";
import { type BotOptions, createBot } from "./bot/index.js";
import { startJobs } from "./bot/jobs/index.js";
import { CatalogHolder } from "./catalog/holder.js";
import { CatalogError } from "./catalog/load.js";
import { CatalogStore, ensureDefaultCatalog } from "./catalog/store.js";
import type { Catalog } from "./catalog/types.js";
import type { Config } from "./config.js";
import { startCheckpointer } from "./db/checkpointer.js";
import { closeDatabase, type Db, openDatabase } from "./db/client.js";
import { inboxStats } from "./db/inbox-stats.js";
import { loadFonts } from "./documents/pdf/fonts.js";
import { loadReportKeys } from "./documents/signing-key.js";
import { createI18n } from "./i18n.js";
import { createLogger, type Logger } from "./logger.js";
import { Metrics } from "./metrics.js";
import { DocumentWorkers } from "./services/document-workers.js";

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
  let keys: ReturnType<typeof loadReportKeys>;
  try {
    keys = loadReportKeys(config.signing);
    loadFonts(config.fontPath);
  } catch (error) {
    await closeDatabase(db);
    throw error;
  }
  const i18n = createI18n();
  const catalogs = new CatalogHolder(catalog);
  const metrics = new Metrics();
  // Threads start with the first document, not here.
  const documents = new DocumentWorkers({
    logger,
    fontPath: config.fontPath,
    ...(config.documentWorkers ? { size: config.documentWorkers } : {}),
    memoryMb: config.memoryLimitMb,
    onDone: (kind, seconds, ok) => metrics.documentSeconds.observe({ kind, outcome: ok ? "ok" : "error" }, seconds),
  });
  metrics.watchQueues({ inbox: () => inboxStats(db), documentsQueued: () => documents.queued });
  return { config, db, i18n, catalogs, logger, keys, documents, metrics, now };
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const deps = await prepareDeps(config, logger, options.now);
  const bot = createBot(deps, { ...options, transformers: [lateCallbackAnswers, ...(options.transformers ?? [])] });
  bot.botInfo = await reachTelegram(config.botToken, config.apiRoot);
  await setDefaultMenus(bot.api, deps.i18n);
  await setDescriptions(bot.api, deps.i18n);

  const inbox = new UpdateInbox(deps.db, deps.now);
  let runner: RunnerHandle;
  let closeWebhook: (() => Promise<void>) | undefined;
  if (config.mode === "webhook" && config.webhook) {
    const receiver = webhookReceiver(
      new URL(config.webhook.url).pathname,
      config.webhook.secret,
      inbox,
      logger,
      deps.metrics,
    );
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
  // The recognition patterns compile on first use, and a document worker loads its libraries:
  // soon after start, not in someone's first answer or first document.
  setTimeout(() => {
    void deps.catalogs.current().rules;
    deps.documents.warm();
  }, 2000).unref();
  logger.info({ mode: config.mode, username: bot.botInfo.username }, "saqbol started");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await closeWebhook?.();
      jobs.stop();
      if (runner.isRunning()) await runner.stop();
      await checkpoints.stop();
      await deps.documents.close();
      await closeDatabase(deps.db);
      logger.info("saqbol stopped");
    })();
    return stopping;
  };
  return { bot, deps, stop };
}
