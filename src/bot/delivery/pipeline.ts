/**
 * Updates flow supplier → inbox → concurrent sink → bot, with grammY runner's
 * source and sink. Whatever the supplier (long polling or webhook), updates are
 * in the inbox before they are handled and leave it once handled.
 */
import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import type { AppContext } from "../context.js";
import type { UpdateInbox } from "./inbox.js";

export type Supplier = (limit: number, signal: AbortSignal) => Promise<Update[]>;

export function startPipeline(
  bot: Bot<AppContext>,
  inbox: UpdateInbox,
  supplier: Supplier,
  logger: Logger,
): RunnerHandle {
  let replayed = false;
  const source = createSource({
    supply: async (batchSize, signal) => {
      if (!replayed) {
        replayed = true;
        await bot.init();
        const left = await inbox.pending((updateId) =>
          logger.error({ updateId }, "update given up after repeated crashes"),
        );
        if (left.length > 0) {
          logger.warn({ count: left.length }, "replaying updates left unhandled by the previous run");
          return left;
        }
      }
      return supplier(batchSize, signal as unknown as AbortSignal);
    },
  });
  // An update whose effects were committed before a crash is handled again all the
  // same: the handlers that recorded it (wasUpdateHandled) apply nothing twice, and
  // show the person where they are now — the reply may have died with the process.
  const handle = async (update: Update) => {
    try {
      await bot.handleUpdate(update);
    } finally {
      await inbox.done(update.update_id);
    }
  };
  // Updates being handled, so stopping waits for them (and for their leaving the inbox).
  const inFlight = new Set<Promise<void>>();
  const sink = createConcurrentSink<Update>(
    {
      consume: (update) => {
        const handling = handle(update);
        inFlight.add(handling);
        return handling.finally(() => inFlight.delete(handling));
      },
    },
    async (error) => {
      logger.error(
        { err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) },
        "update handling failed",
      );
    },
    { concurrency: 200 },
  );
  const runner = createRunner(source, sink);
  runner.start();
  const stop = runner.stop;
  runner.stop = async () => {
    await stop();
    await Promise.allSettled([...inFlight]);
  };
  return runner;
}
