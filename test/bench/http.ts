/**
 * Piece 2: the real path over HTTP. The Bot API emulator on 127.0.0.1 and the
 * real app (startApp: long polling, inbox, pipeline) in this process; simulated
 * people act through the emulator and read their buttons from what it received.
 */
import { type App, startApp } from "../../src/app.js";
import { recordConsent } from "../../src/db/users.js";
import { BotApiEmulator, type UserHandle } from "../emulator/index.js";
import { BENCH_TOKEN, benchEnv } from "./env.js";
import { NO_FLOOD_LIMIT } from "./full-stack.js";
import { runBareOverHttp } from "./http-bare.js";
import { ClosedLoop, type LoadResult } from "./load.js";
import { Population } from "./population.js";

export interface HttpFigures {
  runs: LoadResult[];
  /** The same moves against a bare grammY echo bot over the same emulator. */
  bare: LoadResult[];
  errors: number;
  errorSamples: string[];
}

/** Ends every update's clock when the bot has finished handling it (replies included). */
function watchHandling(app: App, completed: (updateId: number) => void): void {
  const bot = app.bot;
  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhookReplyEnvelope) => {
    try {
      return await handle(update, webhookReplyEnvelope);
    } finally {
      completed(update.update_id);
    }
  };
}

export async function benchHttp(options: {
  concurrency: number;
  runMs: number;
  runs: number;
  warmupMs: number;
}): Promise<HttpFigures> {
  const emulator = new BotApiEmulator({ token: BENCH_TOKEN });
  const apiRoot = await emulator.start();
  const env = benchEnv(apiRoot);
  const app = await startApp(env.config, {
    logger: env.logger,
    pollTimeout: 1,
    rateLimit: NO_FLOOD_LIMIT,
    // Telegram's own limit is not what is measured here.
    maxPerSecond: 1_000_000,
  });
  let loop: ClosedLoop | undefined;
  watchHandling(app, (id) => loop?.completed(id));
  const people = new Map<number, UserHandle>();
  const population = new Population({
    firstId: 200_000_000,
    screenOf: (id) => {
      const shown = people
        .get(id)
        ?.messages()
        .findLast((m) => m.buttons.length > 0);
      return shown && { messageId: shown.message_id, buttons: shown.buttons };
    },
    onJoin: async (p) => {
      people.set(p.id, emulator.user({ id: p.id, first_name: `Bench${p.id}`, language_code: p.lang }));
      await recordConsent(app.deps.db, p.id, p.lang);
    },
    onLeave: (p) => people.delete(p.id),
  });

  const run = async (limits: { durationMs: number; finishedWalks?: number }) => {
    const crowd = population.run();
    const current = new ClosedLoop({
      concurrency: options.concurrency,
      ...limits,
      makeUser: crowd.makeUser,
      deliver: (user, move) => {
        const person = people.get(user.id)!;
        const update = move.kind === "text" ? person.send(move.text) : person.pressData(move.messageId, move.data);
        current.supplied(update.update_id);
        return update.update_id;
      },
      onEnd: crowd.onEnd,
    });
    loop = current;
    current.start();
    const result = await current.done;
    loop = undefined;
    crowd.carry(result);
    return { result, recorded: crowd.recorded };
  };

  try {
    await run({ durationMs: options.warmupMs, finishedWalks: Math.ceil(options.concurrency / 3) });
    const runs: LoadResult[] = [];
    const bare: LoadResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      const { result, recorded } = await run({ durationMs: options.runMs });
      runs.push(result);
      const shape = { concurrency: options.concurrency, durationMs: options.runMs };
      bare.push(await runBareOverHttp(emulator, shape, recorded, 250_000_000 + i * 1_000_000));
    }
    return { runs, bare, errors: env.errors(), errorSamples: env.errorSamples };
  } finally {
    await app.stop();
    await emulator.stop();
    env.close();
  }
}
