/**
 * Updates flow supplier → inbox → flood gate → concurrent sink → bot, with grammY
 * runner's source and sink. Whatever the supplier (long polling or webhook),
 * updates are in the inbox before they are handled and leave it once handled.
 *
 * Stopping stops taking updates, then waits for every update being handled (and
 * the uploads it makes) before it returns: the database is closed only after. An
 * update not started by then stays in the inbox and is handled by the next run.
 */
import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { describeError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import type { AppContext } from "../context.js";
import { FloodGate, type FloodLimits } from "./flood.js";
import type { UpdateInbox } from "./inbox.js";

export type Supplier = (limit: number, signal: AbortSignal) => Promise<Update[]>;

export interface PipelineOptions {
  flood?: FloodLimits;
  /** Updates handled at once. */
  concurrency?: number;
}

export interface Pipeline {
  /** Stops taking updates and waits (up to `drainMs`) for those being handled; true when all finished. */
  stop(drainMs?: number): Promise<boolean>;
  /** Updates being handled now, and waiting in flood queues. */
  busy(): { handling: number; queued: number };
}

/** The production flood limit: 20 updates per person per 10 s (files: three times as many, then queued). */
export const DEFAULT_FLOOD: FloodLimits = { perWindow: 20, windowMs: 10_000 };

/**
 * The runner's signal comes from a polyfill: fetch and AbortSignal.any need a real one,
 * or stopping would not end a long poll (the stop waited out the whole poll).
 */
function nativeSignal(signal: {
  aborted: boolean;
  addEventListener(type: "abort", fn: () => void): void;
}): AbortSignal {
  if (signal instanceof AbortSignal) return signal;
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener("abort", () => controller.abort());
  return controller.signal;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function startPipeline(
  bot: Bot<AppContext>,
  inbox: UpdateInbox,
  supplier: Supplier,
  logger: Logger,
  options: PipelineOptions = {},
): Pipeline {
  const handling = new Set<Promise<void>>();
  let stopping = false;

  const failed = (error: unknown, updateId?: number) =>
    logger.error({ updateId, err: describeError(error) }, "update handling failed");

  // An update whose effects were committed before a crash is handled again all the
  // same: the handlers that recorded it (wasUpdateHandled) apply nothing twice, and
  // show the person where they are now — the reply may have died with the process.
  // An update the database could not let go of (a full disk) is let go of as soon as it can:
  // the person was told it was not saved, so it must not come back after a restart.
  const unforgotten = new Set<number>();
  const forget = async (updateId: number) => {
    try {
      await inbox.done(updateId);
      unforgotten.delete(updateId);
    } catch (error) {
      if (!unforgotten.has(updateId))
        logger.error({ updateId, err: describeError(error) }, "handled update kept in the inbox");
      unforgotten.add(updateId);
    }
  };
  const retryForget = setInterval(() => {
    for (const id of unforgotten) void forget(id);
  }, 5000);
  retryForget.unref();

  const handle = (update: Update): Promise<void> => {
    const run = (async () => {
      try {
        await bot.handleUpdate(update);
      } finally {
        await forget(update.update_id);
      }
    })()
      .catch((error) => failed(error, update.update_id))
      .finally(() => handling.delete(run));
    handling.add(run);
    return run;
  };

  const gate = new FloodGate(options.flood ?? DEFAULT_FLOOD, (update) => {
    if (!stopping) void handle(update);
  });
  /** Through the flood gate: handled now (the promise), queued, or dropped with a word to the person. */
  const admit = (update: Update): Promise<void> | undefined =>
    stopping || gate.admit(update) === "queued" ? undefined : handle(update);

  const source = createSource({ supply: (batchSize, signal) => supplier(batchSize, nativeSignal(signal)) });
  const sink = createConcurrentSink<Update>(
    { consume: async (update) => admit(update) },
    async (error) => failed(error),
    { concurrency: options.concurrency ?? 200 },
  );
  let runner: RunnerHandle | undefined;

  /** What the previous run left: after a clean stop handled as usual; after a crash one by one, each try counted. */
  const replay = async () => {
    await bot.init();
    const left = await inbox.leftovers((updateId) =>
      logger.error({ updateId }, "update given up after repeated crashes"),
    );
    if (left.updates.length > 0) {
      logger.warn({ count: left.updates.length, clean: left.clean }, "replaying updates left by the previous run");
    }
    if (left.clean) {
      for (const update of left.updates) void admit(update);
      return;
    }
    for (const update of left.updates) {
      if (stopping) return;
      await inbox.attempt(update.update_id);
      await handle(update);
    }
  };
  const started = replay()
    .then(() => {
      if (stopping) return;
      runner = createRunner(source, sink);
      runner.start();
      runner.task()?.catch((error: unknown) => logger.error({ err: describeError(error) }, "update source failed"));
    })
    .catch((error: unknown) => logger.fatal({ err: describeError(error) }, "the update pipeline could not start"));

  return {
    busy: () => ({ handling: handling.size, queued: gate.queued }),
    stop: async (drainMs = 15_000) => {
      stopping = true;
      gate.stop();
      const deadline = Date.now() + drainMs;
      const until = <T>(p: Promise<T>) => Promise.race([p, sleep(Math.max(0, deadline - Date.now()))]);
      await until(started);
      if (runner?.isRunning()) await until(runner.stop() ?? Promise.resolve());
      // Handlers may start one another's work (a replayed conversation): wait until none is left.
      while (handling.size > 0 && Date.now() < deadline) await until(Promise.allSettled([...handling]));
      clearInterval(retryForget);
      for (const id of [...unforgotten]) await forget(id);
      return handling.size === 0;
    },
  };
}
