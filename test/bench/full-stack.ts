/**
 * Piece 1: the real bot (real deps on a temp SQLite database, the real inbox and
 * pipeline) under N simulated people walking the questionnaire, with Telegram
 * answered in-process; then the same updates against the minimal durable grammY
 * bot (durable-bot.ts) with the same runner shape, which is the floor of a bot
 * that loses nothing.
 */
import type { RunnerHandle } from "@grammyjs/runner";
import { prepareDeps } from "../../src/app.js";
import { UpdateInbox } from "../../src/bot/delivery/inbox.js";
import { startPipeline } from "../../src/bot/delivery/pipeline.js";
import type { BotDeps } from "../../src/bot/deps.js";
import { createBot } from "../../src/bot/index.js";
import { type Checkpointer, startCheckpointer } from "../../src/db/checkpointer.js";
import { closeDatabase } from "../../src/db/client.js";
import { sqliteConnection } from "../../src/db/sqlite-engine.js";
import { recordConsent } from "../../src/db/users.js";
import { startDurableBot } from "./durable-bot.js";
import { type BenchEnv, benchEnv } from "./env.js";
import { BENCH_BOT, FakeTelegram } from "./fake-api.js";
import { ClosedLoop, type LoadResult, type Recorded, replayUser, UpdateFactory } from "./load.js";
import { Population } from "./population.js";
import { QueueSupplier } from "./queue-supplier.js";
import { sqliteMs, timeSqlite } from "./sqlite-time.js";
import { median } from "./stats.js";

/** Flood control is for people; simulated ones answer in microseconds and must not be dropped. */
export const NO_FLOOD_LIMIT = { perWindow: 1_000_000, windowMs: 10_000 };

const PIPELINE_CONCURRENCY = 200;
/** People in the paced runs: enough that the rate is steady, each pausing as one reads a question. */
export const PACED_PEOPLE = 200;
/** The paced runs offer this share of the throughput measured at saturation. */
export const PACED_SHARE = 0.5;

export interface FullStackFigures {
  /** People acting as soon as their previous update was handled: the bot saturated. */
  full: LoadResult[];
  /** The minimal durable grammY bot, run right after each of Saqbol's runs. */
  durable: LoadResult[];
  /** People pausing between moves so that they offer half of the saturated throughput. */
  paced: LoadResult[];
  pacedOffered: number;
  /** One person alone: handling time without waiting behind anybody else's updates. */
  single: LoadResult;
  errors: number;
  errorSamples: string[];
  calls: Record<string, number>;
}

export interface FullStackOptions {
  /** Also start the durable baseline bot (not needed when only memory is measured). */
  durable?: boolean;
  /** Each person stops after this many moves, mid-questionnaire. */
  movesPerUser?: number;
  /** Extra environment: DATABASE_URL runs the walk on PostgreSQL. */
  env?: Record<string, string>;
}

export class FullStackBench {
  private readonly env: BenchEnv;
  private readonly fake = new FakeTelegram();
  private readonly factory = new UpdateFactory();
  private readonly fullQueue = new QueueSupplier();
  private readonly durableQueue = new QueueSupplier();
  private deps!: BotDeps & { lock: { release(): void } };
  private readonly runners: { stop(): Promise<unknown> }[] = [];
  private readonly population: Population;
  private nextDurableId = 900_000_000;
  private checkpoints?: Checkpointer;
  private readonly closing: (() => Promise<void>)[] = [];
  /** The database files of Saqbol (none on PostgreSQL) and of the durable bot, for the time spent in SQLite. */
  private sqlitePath: string | undefined;
  private durablePath: string | undefined;

  constructor(private readonly options: FullStackOptions = {}) {
    timeSqlite();
    this.env = benchEnv(undefined, options.env);
    this.population = new Population({
      firstId: 100_000_000,
      screenOf: (id) => this.fake.screen(id),
      // The walk starts at /report, which needs consent.
      onJoin: async (p) => {
        await recordConsent(this.deps.db, p.id, p.lang);
      },
      // What the person saw is the simulated person's memory, not the bot's: dropped when they leave.
      onLeave: (p) => this.fake.forget(p.id),
      ...(options.movesPerUser ? { movesPerUser: options.movesPerUser } : {}),
    });
  }

  async start(): Promise<void> {
    this.deps = await prepareDeps(this.env.config, this.env.logger);
    this.sqlitePath = sqliteConnection(this.deps.db)?.name;
    const bot = createBot(this.deps, { transformers: [this.fake.transformer] });
    const inbox = new UpdateInbox(this.deps.db, { source: "bench" });
    // The sink ends with inbox.done(): that is where handling of an update is over.
    const done = inbox.done.bind(inbox);
    inbox.done = async (updateId) => {
      await done(updateId);
      this.fullQueue.loop?.completed(updateId);
    };
    this.runners.push(
      startPipeline(
        bot,
        inbox,
        this.fullQueue.supplier((u) => inbox.accept(u)),
        this.env.logger,
        { flood: NO_FLOOD_LIMIT },
      ),
    );
    if (this.options.durable ?? true) this.runners.push(this.startDurable());
    this.checkpoints = startCheckpointer(this.deps.db, this.env.dbPath, this.env.logger);
  }

  get db() {
    return this.deps.db;
  }

  get botDeps(): BotDeps {
    return this.deps;
  }

  /** Ends the current run early: no new update is sent, those in flight are waited for. */
  stopRun(): void {
    this.fullQueue.loop?.stop();
  }

  /** The minimal durable grammY bot, behind the same source, concurrent sink and sequentialize. */
  private startDurable(): RunnerHandle {
    const durable = startDurableBot({
      dir: this.env.dir,
      token: this.env.config.botToken,
      botInfo: BENCH_BOT,
      api: this.fake.transformer,
      supplier: this.durableQueue.supplier(),
      completed: (id) => this.durableQueue.loop?.completed(id),
      concurrency: PIPELINE_CONCURRENCY,
    });
    this.closing.push(durable.close);
    this.durablePath = durable.path;
    return durable.runner;
  }

  /**
   * One run of the real bot until `durationMs`, `total` updates or `finishedWalks` walks;
   * returns what each person did so the baseline bot can get the same updates.
   */
  async runFull(options: {
    concurrency: number;
    durationMs?: number;
    total?: number;
    finishedWalks?: number;
    thinkMs?: number;
  }): Promise<{ result: LoadResult; recorded: Recorded[] }> {
    const run = this.population.run();
    const { concurrency, durationMs, total, finishedWalks, thinkMs } = options;
    const loop = new ClosedLoop({
      concurrency,
      ...(thinkMs !== undefined ? { thinkMs } : {}),
      ...(durationMs !== undefined ? { durationMs } : {}),
      ...(total !== undefined ? { total } : {}),
      ...(finishedWalks !== undefined ? { finishedWalks } : {}),
      makeUser: run.makeUser,
      deliver: (user, move) => {
        const update = this.factory.make(user, move);
        this.fullQueue.push(update);
        return update.update_id;
      },
      onEnd: run.onEnd,
    });
    this.fullQueue.loop = loop;
    const inSqlite = this.sqliteSince(this.sqlitePath);
    loop.start();
    const result = inSqlite(await loop.done);
    this.fullQueue.loop = undefined;
    run.carry(result);
    return { result, recorded: run.recorded };
  }

  /** The same people and moves against the durable baseline bot. */
  async runDurable(concurrency: number, durationMs: number, recorded: Recorded[]): Promise<LoadResult> {
    const loop = new ClosedLoop({
      concurrency,
      durationMs,
      makeUser: (index) => replayUser(recorded, index, this.nextDurableId++),
      deliver: (user, move) => {
        const update = this.factory.make(user, move);
        this.durableQueue.push(update);
        return update.update_id;
      },
    });
    this.durableQueue.loop = loop;
    const inSqlite = this.sqliteSince(this.durablePath);
    loop.start();
    const result = inSqlite(await loop.done);
    this.durableQueue.loop = undefined;
    return result;
  }

  /** Adds to a run's result the time spent in SQLite on `path` from now until it ended. */
  private sqliteSince(path: string | undefined): (result: LoadResult) => LoadResult {
    if (path === undefined) return (result) => result;
    const start = sqliteMs(path);
    return (result) => ({ ...result, sqliteMsPerUpdate: (sqliteMs(path) - start) / result.updates });
  }

  async close(): Promise<Omit<FullStackFigures, "full" | "durable" | "paced" | "pacedOffered" | "single">> {
    for (const r of this.runners) await r.stop();
    for (const close of this.closing) await close();
    await this.checkpoints?.stop();
    await closeDatabase(this.deps.db);
    this.deps.lock.release();
    this.env.close();
    return {
      errors: this.env.errors(),
      errorSamples: this.env.errorSamples,
      calls: Object.fromEntries(this.fake.calls),
    };
  }
}

/**
 * Warms up until a third of the people have finished a walk (so the runs that count see
 * every stage of the questionnaire), then alternates real and baseline runs so both see the
 * same machine state. Latency under load is measured at half the throughput just
 * measured (paced runs): at saturation it is only the queue (people ÷ throughput).
 * Ends with one person alone.
 */
export async function benchFullStack(options: {
  concurrency: number;
  runMs: number;
  runs: number;
  warmupMs: number;
  /** Also the durable baseline bot on the same updates (default true). */
  durable?: boolean;
  env?: Record<string, string>;
  /** Called around the saturated runs (with the updates they handled), e.g. to count queries. */
  probe?: { start(): Promise<void>; stop(updates: number): Promise<void> };
}): Promise<FullStackFigures> {
  const withDurable = options.durable ?? true;
  const bench = new FullStackBench({ durable: withDurable, ...(options.env ? { env: options.env } : {}) });
  await bench.start();
  const { concurrency } = options;
  try {
    const full: LoadResult[] = [];
    const durable: LoadResult[] = [];
    const warm = await bench.runFull({
      concurrency,
      durationMs: options.warmupMs,
      finishedWalks: Math.ceil(concurrency / 3),
    });
    if (withDurable) await bench.runDurable(concurrency, Math.min(options.runMs, 1000), warm.recorded);
    await options.probe?.start();
    for (let i = 0; i < options.runs; i++) {
      const run = await bench.runFull({ concurrency, durationMs: options.runMs });
      full.push(run.result);
      if (withDurable) durable.push(await bench.runDurable(concurrency, options.runMs, run.recorded));
    }
    await options.probe?.stop(full.reduce((a, r) => a + r.updates, 0));
    const pacedOffered = PACED_SHARE * median(full.map((r) => r.updatesPerSecond));
    const thinkMs = (PACED_PEOPLE / pacedOffered) * 1000;
    const paced: LoadResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      paced.push((await bench.runFull({ concurrency: PACED_PEOPLE, durationMs: options.runMs, thinkMs })).result);
    }
    const single = (await bench.runFull({ concurrency: 1, durationMs: options.runMs })).result;
    return { full, durable, paced, pacedOffered, single, ...(await bench.close()) };
  } catch (error) {
    await bench.close();
    throw error;
  }
}
