/**
 * Piece 2: over HTTP, as in production. The bot is what `npm start` runs, in its
 * own process; the Bot API emulator on 127.0.0.1 and the simulated people are in
 * this one.
 *
 * - The spike: people walk the questionnaire, each pausing between moves so that
 *   together they offer `rate` updates a second for `durationMs`. Latency is what a
 *   person waits: from their update being queued at the emulator to the bot's first
 *   message or edit in their chat.
 * - The burst: 300 people send /start at the same moment; the figure is the time
 *   until the last of them has the bot's answer.
 */
import { prepareDeps } from "../../src/app.js";
import { closeDatabase, inTransaction } from "../../src/db/client.js";
import { recordConsent } from "../../src/db/users.js";
import { BotApiEmulator, type OutboxEvent, type UserHandle } from "../emulator/index.js";
import { type ChildBot, spawnChildBot } from "./child-bot.js";
import { BENCH_TOKEN, type BenchEnv, benchEnv } from "./env.js";
import type { Screen } from "./fake-api.js";
import { ClosedLoop, type LoadResult } from "./load.js";
import { Population } from "./population.js";

export interface HttpFigures {
  spike: LoadResult;
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
const UNANSWERED_MS = 15_000;

/** An emulator, a migrated database with `consented` people in it, and the bot started in its own process. */
async function setUp(consented: number): Promise<{ emulator: BotApiEmulator; env: BenchEnv; bot: ChildBot }> {
  const emulator = new BotApiEmulator({ token: BENCH_TOKEN });
  const apiRoot = await emulator.start();
  const env = benchEnv(apiRoot);
  // The walk starts at /report, which needs consent: given before the bot starts, not written beside it.
  const deps = await prepareDeps(env.config, env.logger);
  await inTransaction(deps.db, async () => {
    for (let i = 0; i < consented; i++) await recordConsent(deps.db, FIRST_ID + i, i % 2 ? "kk" : "ru");
  });
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

export async function benchHttpSpike(options: { rate: number; durationMs: number }): Promise<HttpFigures> {
  // Each person pauses ~2 s between moves (a person reading a question takes longer).
  const people = Math.max(1, Math.round(options.rate * 2));
  const thinkMs = (people / options.rate) * 1000;
  const setup = await setUp(people * 3);
  const { emulator, bot } = setup;
  try {
    const handles = new Map<number, UserHandle>();
    const waiting = new Map<number, number>();
    let loop: ClosedLoop | undefined;
    // What each person sees now (their latest message with buttons), kept from the bot's messages as
    // they come: rebuilding it from the chat's history at every move cost more CPU than the bot.
    const screens = new Map<number, Screen>();
    // One listener for every chat: the bot's first message or edit after a person's move ends its clock.
    emulator.bot().events.on("outbox", (event: OutboxEvent) => {
      const buttons = event.message.reply_markup?.inline_keyboard;
      const shown = screens.get(event.chatId);
      if (event.kind === "new" && buttons?.length)
        screens.set(event.chatId, { messageId: event.message.message_id, buttons });
      else if (event.kind !== "new" && shown?.messageId === event.message.message_id) {
        if (event.kind === "edit" && buttons?.length) shown.buttons = buttons;
        else screens.delete(event.chatId);
      }
      const updateId = waiting.get(event.chatId);
      if (updateId === undefined || event.kind === "delete") return;
      waiting.delete(event.chatId);
      loop?.completed(updateId);
    });
    const population = new Population({
      firstId: FIRST_ID,
      screenOf: (id) => screens.get(id),
      onJoin: (p) => {
        handles.set(p.id, emulator.user({ id: p.id, first_name: `Bench${p.id}`, language_code: p.lang }));
      },
      onLeave: (p) => {
        handles.delete(p.id);
        screens.delete(p.id);
      },
    });
    const crowd = population.run();
    loop = new ClosedLoop({
      concurrency: people,
      thinkMs,
      durationMs: options.durationMs,
      makeUser: crowd.makeUser,
      deliver: (user, move) => {
        const person = handles.get(user.id)!;
        const update = move.kind === "text" ? person.send(move.text) : person.pressData(move.messageId, move.data);
        waiting.set(user.id, update.update_id);
        loop?.supplied(update.update_id);
        // A move the bot never answers would hold its person forever: after this, it counts as answered that late.
        setTimeout(() => {
          if (waiting.get(user.id) !== update.update_id) return;
          waiting.delete(user.id);
          loop?.completed(update.update_id);
        }, UNANSWERED_MS).unref();
        return update.update_id;
      },
      onEnd: crowd.onEnd,
    });
    loop.start();
    const spike = await loop.done;
    return { spike, offered: options.rate, durationMs: options.durationMs, errors: bot.errors() };
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
