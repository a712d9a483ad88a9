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
import { ensureDefaultCatalog } from "./catalog/store.js";
import type { Config } from "./config.js";
import { startCheckpointer } from "./db/checkpointer.js";
import { type Db, openDatabase } from "./db/client.js";
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

/** Everything that can fail on a bad environment fails here, before the bot talks to anyone. */
export function prepareDeps(config: Config, logger: Logger, now: () => Date = () => new Date()): BotDeps {
  const db: Db = openDatabase(config.databasePath);
  const keys = loadReportKeys(config.signing);
  loadFonts(config.fontPath);
  const i18n = createI18n();
  const catalogs = new CatalogHolder(ensureDefaultCatalog(db, { path: config.catalogPath, logger }));
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
  const deps = prepareDeps(config, logger, options.now);
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
      deps.db.$client.close();
      logger.info("saqbol stopped");
    })();
    return stopping;
  };
  return { bot, deps, stop };
}
