/**
 * Piece 2: over HTTP, as in production. The bot is what `npm start` runs, in its
 * own process; the Bot API emulator on 127.0.0.1 and the simulated people are in
 * this one.
 *
 * - The spike: people walk the questionnaire, each pausing between moves so that
 *   together they offer `rate` updates a second for `durationMs`. Latency is what a
 *   person waits: from their update being queued at the emulator to the bot's first
 *   message or edit in their chat. As the in-process pieces do, the spike that counts
 *   comes after a warm-up at the same rate (`warmupMs`): a spike hits a bot that is
 *   running, with people at every step, where a cold one has every person at /report
 *   and its code not compiled yet. The warm-up's own latencies are kept (`cold`).
 * - The burst: 300 people send /start at the same moment; the figure is the time
 *   until the last of them has the bot's answer.
 */
import { prepareDeps } from "../../src/app.js";
import { closeDatabase } from "../../src/db/client.js";
import { BotApiEmulator } from "../emulator/index.js";
import { type ChildBot, spawnChildBot } from "./child-bot.js";
import { consentAhead, EmulatorWalk } from "./emulator-walk.js";
import { BENCH_TOKEN, type BenchEnv, benchEnv } from "./env.js";
import type { LoadResult } from "./load.js";

export interface HttpFigures {
  spike: LoadResult;
  /** The same rate on the bot just started, everybody starting at /report: the warm-up. */
  cold: LoadResult;
  warmupMs: number;
  /** The rate the people offered (updates a second) and for how long. */
  offered: number;
  durationMs: number;
  errors: number;
}

export interface BurstFigures {
  people: number;
  /** Seconds from the 300 /start to each answer, in arrival order. */
  answeredAfter: number[];
  errors: number;
}

const FIRST_ID = 200_000_000;

/** An emulator, a migrated database with `consented` people in it, and the bot started in its own process. */
async function setUp(consented: number): Promise<{ emulator: BotApiEmulator; env: BenchEnv; bot: ChildBot }> {
  const emulator = new BotApiEmulator({ token: BENCH_TOKEN });
  const apiRoot = await emulator.start();
  const env = benchEnv(apiRoot);
  const deps = await prepareDeps(env.config, env.logger);
  await consentAhead(deps.db, FIRST_ID, consented);
  await closeDatabase(deps.db);
  // The bot in its own process takes the database's single-instance lock next.
  deps.lock.release();
  const bot = await spawnChildBot(env, apiRoot);
  await bot.started;
  return { emulator, env, bot };
}

async function tearDown(s: { emulator: BotApiEmulator; env: BenchEnv; bot: ChildBot }): Promise<void> {
  await s.bot.stop();
  await s.emulator.stop();
  s.env.close();
}

export async function benchHttpSpike(options: {
  rate: number;
  durationMs: number;
  warmupMs: number;
}): Promise<HttpFigures> {
  // Each person pauses ~2 s between moves (a person reading a question takes longer).
  const people = Math.max(1, Math.round(options.rate * 2));
  const thinkMs = (people / options.rate) * 1000;
  const setup = await setUp(people * 3);
  try {
    const walk = new EmulatorWalk(setup.emulator, FIRST_ID);
    // People still mid-walk when the warm-up ends carry on in the spike (population.ts).
    const cold = await walk.run({ concurrency: people, thinkMs, durationMs: options.warmupMs });
    const spike = await walk.run({ concurrency: people, thinkMs, durationMs: options.durationMs });
    return {
      spike,
      cold,
      warmupMs: options.warmupMs,
      offered: options.rate,
      durationMs: options.durationMs,
      errors: setup.bot.errors(),
    };
  } finally {
    await tearDown(setup);
  }
}

export async function benchBurst(people: number): Promise<BurstFigures> {
  const setup = await setUp(0);
  const { emulator, bot } = setup;
  try {
    const users = Array.from({ length: people }, (_, i) =>
      emulator.user({ id: FIRST_ID + 50_000 + i, first_name: "Burst", language_code: i % 2 ? "kk" : "ru" }),
    );
    const started = performance.now();
    const answers = users.map((u) => {
      u.command("start");
      return u.nextReply({ timeoutMs: 120_000 }).then(() => (performance.now() - started) / 1000);
    });
    const answeredAfter = (await Promise.all(answers)).sort((a, b) => a - b);
    return { people, answeredAfter, errors: bot.errors() };
  } finally {
    await tearDown(setup);
  }
}
