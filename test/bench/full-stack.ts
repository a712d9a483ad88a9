/**
 * Piece 1: the real bot (real deps on a temp SQLite database, the real inbox and
 * pipeline) under N simulated people walking the questionnaire, with Telegram
 * answered in-process; then the same updates against a bare grammY echo bot with
 * the same runner shape, which is the ceiling.
 */
import { createConcurrentSink, createRunner, createSource, type RunnerHandle, sequentialize } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { prepareDeps } from "../../src/app.js";
import { UpdateInbox } from "../../src/bot/delivery/inbox.js";
import { startPipeline } from "../../src/bot/delivery/pipeline.js";
import type { BotDeps } from "../../src/bot/deps.js";
import { createBot } from "../../src/bot/index.js";
import { type Checkpointer, startCheckpointer } from "../../src/db/checkpointer.js";
import { closeDatabase } from "../../src/db/client.js";
import { recordConsent } from "../../src/db/users.js";
import { type BenchEnv, benchEnv } from "./env.js";
import { BENCH_BOT, FakeTelegram } from "./fake-api.js";
import { ClosedLoop, type LoadResult, type Recorded, replayUser, UpdateFactory } from "./load.js";
import { Population } from "./population.js";
import { QueueSupplier } from "./queue-supplier.js";
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
  bare: LoadResult[];
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
  /** Also start the bare grammY bot (not needed when only memory is measured). */
  bare?: boolean;
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
  private readonly bareQueue = new QueueSupplier();
  private deps!: BotDeps;
  private readonly runners: RunnerHandle[] = [];
  private readonly population: Population;
  private nextBareId = 900_000_000;
  private checkpoints?: Checkpointer;

  constructor(private readonly options: FullStackOptions = {}) {
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
    const bot = createBot(this.deps, { transformers: [this.fake.transformer], rateLimit: NO_FLOOD_LIMIT });
    const inbox = new UpdateInbox(this.deps.db, this.deps.now);
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
      ),
    );
    if (this.options.bare ?? true) this.runners.push(this.startBare());
    this.checkpoints = startCheckpointer(this.deps.db, this.env.dbPath, this.env.logger);
  }

  get db() {
    return this.deps.db;
  }

  /** grammY with nothing but an echo, behind the same source, concurrent sink and sequentialize. */
  private startBare(): RunnerHandle {
    const bare = new Bot(this.env.config.botToken, { botInfo: BENCH_BOT });
    bare.api.config.use(this.fake.transformer);
    bare.use(sequentialize((ctx) => ctx.chat?.id.toString()));
    bare.on("message", (ctx) => ctx.reply(ctx.message.text ?? "…"));
    bare.on("callback_query", (ctx) => ctx.answerCallbackQuery());
    const sink = createConcurrentSink<Update>(
      {
        consume: async (update) => {
          try {
            await bare.handleUpdate(update);
          } finally {
            this.bareQueue.loop?.completed(update.update_id);
          }
        },
      },
      async () => undefined,
      { concurrency: PIPELINE_CONCURRENCY },
    );
    const supply = this.bareQueue.supplier();
    const source = createSource({ supply: (limit, signal) => supply(limit, signal as unknown as AbortSignal) });
    const runner = createRunner(source, sink);
    runner.start();
    return runner;
  }

  /**
   * One run of the real bot until `durationMs`, `total` updates or `finishedWalks` walks;
   * returns what each person did so the bare bot can get the same updates.
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
    loop.start();
    const result = await loop.done;
    this.fullQueue.loop = undefined;
    run.carry(result);
    return { result, recorded: run.recorded };
  }

  /** The same people and moves against the bare bot. */
  async runBare(concurrency: number, durationMs: number, recorded: Recorded[]): Promise<LoadResult> {
    const loop = new ClosedLoop({
      concurrency,
      durationMs,
      makeUser: (index) => replayUser(recorded, index, this.nextBareId++),
      deliver: (user, move) => {
        const update = this.factory.make(user, move);
        this.bareQueue.push(update);
        return update.update_id;
      },
    });
    this.bareQueue.loop = loop;
    loop.start();
    const result = await loop.done;
    this.bareQueue.loop = undefined;
    return result;
  }

  async close(): Promise<Omit<FullStackFigures, "full" | "bare" | "paced" | "pacedOffered" | "single">> {
    for (const r of this.runners) if (r.isRunning()) await r.stop();
    await this.checkpoints?.stop();
    await closeDatabase(this.deps.db);
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
 * every stage of the questionnaire), then alternates real and bare runs so both see the
 * same machine state. Latency under load is measured at half the throughput just
 * measured (paced runs): at saturation it is only the queue (people ÷ throughput).
 * Ends with one person alone.
 */
export async function benchFullStack(options: {
  concurrency: number;
  runMs: number;
  runs: number;
  warmupMs: number;
  /** Also the bare grammY bot on the same updates (default true). */
  bare?: boolean;
  env?: Record<string, string>;
}): Promise<FullStackFigures> {
  const withBare = options.bare ?? true;
  const bench = new FullStackBench({ bare: withBare, ...(options.env ? { env: options.env } : {}) });
  await bench.start();
  const { concurrency } = options;
  try {
    const full: LoadResult[] = [];
    const bare: LoadResult[] = [];
    const warm = await bench.runFull({
      concurrency,
      durationMs: options.warmupMs,
      finishedWalks: Math.ceil(concurrency / 3),
    });
    if (withBare) await bench.runBare(concurrency, Math.min(options.runMs, 1000), warm.recorded);
    for (let i = 0; i < options.runs; i++) {
      const run = await bench.runFull({ concurrency, durationMs: options.runMs });
      full.push(run.result);
      if (withBare) bare.push(await bench.runBare(concurrency, options.runMs, run.recorded));
    }
    const pacedOffered = PACED_SHARE * median(full.map((r) => r.updatesPerSecond));
    const thinkMs = (PACED_PEOPLE / pacedOffered) * 1000;
    const paced: LoadResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      paced.push((await bench.runFull({ concurrency: PACED_PEOPLE, durationMs: options.runMs, thinkMs })).result);
    }
    const single = (await bench.runFull({ concurrency: 1, durationMs: options.runMs })).result;
    return { full, bare, paced, pacedOffered, single, ...(await bench.close()) };
  } catch (error) {
    await bench.close();
    throw error;
  }
}
