/**
 * The ceiling over HTTP: a bare grammY echo bot polling the same emulator with
 * the same runner shape (source, concurrent sink, sequentialize), fed the moves
 * the Saqbol run recorded.
 */
import { createConcurrentSink, createRunner, createSource, sequentialize } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotApiEmulator, UserHandle } from "../emulator/index.js";
import { ClosedLoop, type LoadResult, type Recorded, replayUser } from "./load.js";

export const BARE_TOKEN = "654321:BENCH-bare-grammy";

export async function runBareOverHttp(
  emulator: BotApiEmulator,
  options: { concurrency: number; durationMs: number },
  recorded: Recorded[],
  firstUserId: number,
): Promise<LoadResult> {
  let loop: ClosedLoop | undefined;
  const bare = new Bot(BARE_TOKEN, { client: { apiRoot: emulator.apiRoot } });
  bare.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bare.on("message", (ctx) => ctx.reply(ctx.message.text ?? "…"));
  bare.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  await bare.init();
  let offset = 0;
  const source = createSource({
    supply: async (limit, signal) => {
      const updates = await bare.api.getUpdates(
        { offset, limit: Math.max(1, Math.min(limit, 100)), timeout: 1 },
        signal as unknown as Parameters<typeof bare.api.getUpdates>[1],
      );
      const last = updates.at(-1);
      if (last) offset = last.update_id + 1;
      return updates;
    },
  });
  const sink = createConcurrentSink<Update>(
    {
      consume: async (update) => {
        try {
          await bare.handleUpdate(update);
        } finally {
          loop?.completed(update.update_id);
        }
      },
    },
    async () => undefined,
    { concurrency: 200 },
  );
  const runner = createRunner(source, sink);
  runner.start();
  const people = new Map<number, UserHandle>();
  let nextId = firstUserId;
  loop = new ClosedLoop({
    ...options,
    makeUser: (index) => {
      const user = replayUser(recorded, index, nextId++);
      people.set(user.id, emulator.user({ id: user.id, first_name: "Bare" }, { token: BARE_TOKEN }));
      return user;
    },
    deliver: (user, move) => {
      const person = people.get(user.id)!;
      const update = move.kind === "text" ? person.send(move.text) : person.pressData(move.messageId, move.data);
      loop?.supplied(update.update_id);
      return update.update_id;
    },
  });
  loop.start();
  const result = await loop.done;
  await runner.stop();
  return result;
}
