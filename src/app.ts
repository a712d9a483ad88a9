/**
 * Process wiring: config → database (locked, checked, migrated) → signing key →
 * catalogue → bot → commands and descriptions → the operator's HTTP server (health,
 * readiness, metrics) → update pipeline (polling, or the webhook's own HTTP server) →
 * background jobs. `stop()` takes no new
 * updates, finishes those in flight (and their uploads) and the jobs, and only then closes
 * the database.
 */
import type { Bot } from "grammy";
import { reachTelegram } from "./bot/api/reach.js";
import { TelegramHealth } from "./bot/api/telegram-health.js";
import { setDefaultMenus } from "./bot/commands.js";
import type { AppContext } from "./bot/context.js";
import { lateCallbackAnswers } from "./bot/delivery/callback-answers.js";
import type { FloodLimits } from "./bot/delivery/flood.js";
import { UpdateInbox } from "./bot/delivery/inbox.js";
import { type Pipeline, startPipeline } from "./bot/delivery/pipeline.js";
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
import { closeDatabase, DatabaseOpenError, type Db, openDatabase } from "./db/client.js";
import { type FileCheck, rescueDatabase, watchDatabaseFile } from "./db/file-watch.js";
import { inboxStats } from "./db/inbox-stats.js";
import { type InstanceLock, lockDatabase } from "./db/lock.js";
import { loadFonts } from "./documents/pdf/fonts.js";
import { loadReportKeys } from "./documents/signing-key.js";
import { describeError } from "./errors.js";
import { serveHealth, serveLiveness } from "./http/health.js";
import { createHttpServer, type HttpServer } from "./http/server.js";
import { createI18n } from "./i18n.js";
import { createLogger, type Logger } from "./logger.js";
import { Metrics } from "./metrics.js";
import { DocumentWorkers } from "./services/document-workers.js";
import { secretPolicyFor } from "./services/expected-answer.js";
import { storageNotice } from "./services/storage-notice.js";
import { alignReportCounters } from "./services/submit.js";

export interface App {
  bot: Bot<AppContext>;
  deps: BotDeps;
  /** The operator's server on OPS_PORT: /healthz, /readyz, /metrics. */
  ops: HttpServer;
  /** The webhook's server on PORT (webhook mode): the webhook and /healthz, nothing else. */
  webhook: HttpServer | undefined;
  /** Stops cleanly; true when every update in flight was finished. */
  stop(): Promise<boolean>;
}

export interface AppOptions extends BotOptions {
  logger?: Logger;
  /** Long-poll timeout in seconds (tests use short ones so stop is quick). */
  pollTimeout?: number;
  now?: () => Date;
  /** Flood control per person (by default FLOOD_PER_10S updates per 10 s; files more, and queued). */
  rateLimit?: FloodLimits;
  /**
   * The app cannot go on (the token was revoked, the database file lost its path):
   * it has stopped taking updates; main.ts stops it and exits non-zero.
   */
  onFatal?: (line: string) => void;
}

/** Reads what the database holds at start; an error in it names the file (a damaged row is not a riddle). */
async function readStored<T>(path: string, what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(
      `DATABASE_PATH ${path}: the ${what} stored in it cannot be read: ${(error as Error).message}`,
    );
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
        seeded = await readStored(config.databasePath, "scheme catalogue", () =>
          ensureDefaultCatalog(db, { path: config.catalogPath, logger }),
        );
      },
    },
  );
  try {
    const catalog =
      seeded ?? (await readStored(config.databasePath, "scheme catalogue", () => new CatalogStore(db).loadActive()));
    if (!catalog) {
      throw new CatalogError(
        "catalogue: the database has no usable active version: run npm run --silent cli -- migrate",
      );
    }
    return { db, catalog };
  } catch (error) {
    await closeDatabase(db);
    throw error;
  }
}

/** Nothing to hold on PostgreSQL: several instances share it by design. */
const NO_LOCK: InstanceLock = { release: () => undefined };

/**
 * Everything that can fail on a bad environment fails here, before the bot talks to anyone.
 * One bot per SQLite file (its lock); PostgreSQL takes several instances.
 */
export async function prepareDeps(
  config: Config,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<BotDeps & { lock: InstanceLock }> {
  const lock = config.databaseUrl ? NO_LOCK : lockDatabase(config.databasePath);
  let db: Db;
  let catalog: Catalog;
  try {
    ({ db, catalog } = await prepareDatabase(config, logger));
  } catch (error) {
    lock.release();
    throw error;
  }
  try {
    const moved = await readStored(config.databasePath, "report numbers", () => alignReportCounters(db));
    if (moved.length > 0) logger.warn({ moved }, "report number counters were behind the reports; moved forward");
    const keys = loadReportKeys(config.signing);
    loadFonts(config.fontPath);
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
    return { config, db, i18n, catalogs, logger, keys, documents, metrics, now, lock };
  } catch (error) {
    await closeDatabase(db);
    lock.release();
    throw error;
  }
}

/** The bot's id (the part of the token before ":"): where updates come from. */
const botIdOf = (token: string) => token.split(":")[0]!;

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const deps = await prepareDeps(config, logger, options.now);
  const pollTimeout = options.pollTimeout ?? 30;
  const startedAt = Date.now();
  let fatal: (line: string) => void = () => undefined;
  const health = new TelegramHealth(logger, (line) => fatal(line));
  const bot = createBot(deps, {
    ...options,
    health,
    callTimeoutSeconds: options.callTimeoutSeconds ?? pollTimeout + 10,
    transformers: [lateCallbackAnswers, ...(options.transformers ?? [])],
  });
  const httpFailed = (error: unknown) => logger.error({ err: describeError(error) }, "HTTP request failed");
  const ops = createHttpServer("OPS_PORT", httpFailed);
  const hook = config.mode === "webhook" && config.webhook ? createHttpServer("PORT", httpFailed) : undefined;
  let pipeline: Pipeline | undefined;
  try {
    bot.botInfo = await reachTelegram(config.botToken, config.apiRoot);
    await setDefaultMenus(bot.api, deps.i18n);
    await setDescriptions(bot.api, deps.i18n);

    const inbox = new UpdateInbox(deps.db, {
      source: botIdOf(config.botToken),
      policyFor: secretPolicyFor(deps.db, deps.now),
    });
    const onStoreFailure = storageNotice(bot, deps, logger);
    let lost: FileCheck | undefined;
    const watch = watchDatabaseFile(deps.db, config.databasePath, (check) => {
      lost = check;
      logger.fatal({ problem: check.problem }, `the database file ${config.databasePath}: ${check.detail}`);
      fatal(`the database file ${config.databasePath} was ${check.problem} while the bot ran`);
    });
    ops.route("GET", "/metrics", (_req, res) => deps.metrics.serve(res));
    serveHealth(ops, async () => {
      const file = watch.check();
      const depth = await inboxStats(deps.db);
      const oldestSeconds = Math.round(depth.oldestSeconds);
      const busy = pipeline?.busy() ?? { handling: 0, queued: 0 };
      const t = health.status;
      const since = (ms: number | undefined) => (ms === undefined ? undefined : Math.round((Date.now() - ms) / 1000));
      const updatesAge = Math.round((Date.now() - (t.lastUpdates ?? startedAt)) / 1000);
      return {
        database: config.databaseUrl ? { ...file, engine: "postgres" } : { ...file, path: config.databasePath },
        inbox: { ok: oldestSeconds <= 120, depth: depth.depth, oldestSeconds, ...busy },
        telegram: {
          ok: t.failingSince === undefined && (config.mode === "webhook" || updatesAge <= pollTimeout + 30),
          mode: config.mode,
          lastUpdatesSecondsAgo: updatesAge,
          failingForSeconds: since(t.failingSince),
        },
      };
    });
    await ops.listen(config.opsPort);
    const flood = options.rateLimit ?? { perWindow: config.floodPer10s, windowMs: 10_000 };
    if (hook && config.webhook) {
      serveLiveness(hook);
      const supplier = webhookReceiver(hook, inbox, logger, {
        path: new URL(config.webhook.url).pathname,
        secret: config.webhook.secret,
        health,
        onStoreFailure,
      });
      await hook.listen(config.port);
      await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret });
      pipeline = startPipeline(bot, inbox, supplier, logger, { flood });
    } else {
      await bot.api.deleteWebhook();
      // Telegram hands updates to one getUpdates caller at a time: several instances need webhook mode.
      if (config.databaseUrl) logger.warn("polling mode serves from one instance only; run several in webhook mode");
      const supplier = pollingSupplier(bot.api, inbox, logger, { timeoutSeconds: pollTimeout, health, onStoreFailure });
      pipeline = startPipeline(bot, inbox, supplier, logger, { flood });
    }
    const running = pipeline;
    const jobs = startJobs(bot, deps, inbox);
    const checkpoints = startCheckpointer(deps.db, config.databasePath, logger);
    // The recognition patterns compile on first use, and a document worker loads its libraries:
    // soon after start, not in someone's first answer or first document.
    setTimeout(() => {
      void deps.catalogs.current().rules;
      deps.documents.warm();
    }, 2000).unref();
    logger.info(
      { mode: config.mode, username: bot.botInfo.username, opsPort: ops.port, webhookPort: hook?.port },
      "saqbol started",
    );

    let stopping: Promise<boolean> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await hook?.close();
        const drained = await running.stop();
        await jobs.stop();
        watch.stop();
        await checkpoints.stop();
        await deps.documents.close();
        // Readiness and metrics answer while the work drains; not once the database closes.
        await ops.close();
        if (lost) {
          const at = await rescueDatabase(deps.db, config.databasePath, lost.problem).catch((error: unknown) => {
            logger.fatal({ err: describeError(error) }, "the database could not be saved from the open file");
            return undefined;
          });
          if (at) logger.warn({ at }, "the data of the open database file was saved");
        } else if (drained) {
          await inbox.stoppedCleanly();
        }
        await closeDatabase(deps.db);
        deps.lock.release();
        logger.info({ drained }, "saqbol stopped");
        return drained && !lost;
      })();
      return stopping;
    };
    fatal = (line) => {
      fatal = () => undefined;
      // Take no more updates at once; main.ts (or a test) ends the process.
      void running.stop(0);
      options.onFatal?.(line);
    };
    return { bot, deps, ops, webhook: hook, stop };
  } catch (error) {
    await pipeline?.stop(0);
    await hook?.close(0);
    await ops.close(0);
    await deps.documents.close();
    await closeDatabase(deps.db);
    deps.lock.release();
    throw error;
  }
}
