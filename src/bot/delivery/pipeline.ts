/**
 * Updates flow supplier → inbox → flood gate → concurrent sink → bot, with grammY
 * runner's source and sink. Whatever the supplier (long polling or webhook),
 * updates are in the inbox before they are handled and leave it once handled.
 *
 * Stopping stops taking updates, then waits for every update being handled (and
 * the uploads it makes) before it returns: the database is closed only after. An
 * update not started by then stays in the inbox and is handled by the next run.
 *
 * With a shared inbox (several instances) an update is handled only once claimed:
 * those just stored if they are their chat's turn; after an update is handled, its
 * chat's next one (whichever instance stored it); and every second, whatever is
 * waiting unclaimed, and — one at a time — rows of instances that died.
 */
import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { sharedFloodCounter } from "../../db/flood-windows.js";
import { describeError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import type { AppContext } from "../context.js";
import { FloodGate, type FloodLimits } from "./flood.js";
import { chatIdOf, LEASE_MS, type UpdateInbox } from "./inbox.js";

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

/** How often a shared inbox is looked at for rows nobody handles (its chat's turn came while none was looking, an instance died). */
const SWEEP_MS = 1000;

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

  const shared = inbox.shared;
  const concurrency = options.concurrency ?? 200;
  const giveUp = (updateId: number) => logger.error({ updateId }, "update given up after repeated crashes");
  const claimFailed = (error: unknown) =>
    logger.warn({ err: describeError(error) }, "inbox claim failed; the rows wait for the next look");

  const handle = (update: Update): Promise<void> => {
    const run = (async () => {
      try {
        await bot.handleUpdate(update);
      } finally {
        await forget(update.update_id);
      }
    })()
      .catch((error) => failed(error, update.update_id))
      // Shared: the chat's next update may be waiting in the inbox, stored by any instance.
      .then(() => (shared ? nextOfChat(update) : undefined))
      .finally(() => handling.delete(run));
    handling.add(run);
    return run;
  };

  const flood = options.flood ?? DEFAULT_FLOOD;
  const gate = new FloodGate(
    flood,
    (update) => {
      if (!stopping) void handle(update);
    },
    Date.now,
    shared ? sharedFloodCounter(inbox.db, flood.windowMs) : undefined,
  );
  /** Through the flood gate: handled now (the promise), queued, or dropped with a word to the person. */
  const admit = (update: Update): Promise<void> | undefined => {
    if (stopping) return undefined;
    const verdict = gate.admit(update);
    if (typeof verdict === "string") return verdict === "queued" ? undefined : handle(update);
    // The shared count could not be asked: the update goes through (flood control never loses one).
    return verdict.then(
      (v) => (v === "queued" || stopping ? undefined : handle(update)),
      () => (stopping ? undefined : handle(update)),
    );
  };

  const claimed = async (claim: () => Promise<Update[]>): Promise<Update[]> => {
    if (stopping) return [];
    try {
      return await claim();
    } catch (error) {
      claimFailed(error);
      return [];
    }
  };
  async function nextOfChat(update: Update): Promise<void> {
    const chatId = chatIdOf(update);
    if (chatId === undefined) return;
    for (const next of await claimed(() => inbox.claim({ chatId, limit: 1 }))) void admit(next);
  }

  /** Rows of instances that died, one at a time (each may be what killed its holder), until none is left. */
  let takingOver: Promise<void> | undefined;
  const takeOver = async () => {
    while (!stopping) {
      const taken = await inbox.takeOver(giveUp);
      if (!taken) return;
      logger.warn(
        { updateId: taken.update.update_id, attempt: taken.attempts },
        "taking over an update of an instance that stopped",
      );
      await handle(taken.update);
    }
  };
  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    sweeping ??= (async () => {
      const room = Math.min(100, concurrency - handling.size - gate.queued);
      for (const update of await claimed(() => inbox.claim({ limit: room }))) void admit(update);
      takingOver ??= takeOver()
        .catch(claimFailed)
        .finally(() => {
          takingOver = undefined;
        });
    })().finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  };
  const timers: NodeJS.Timeout[] = [];

  /** Shared: of the updates just stored, those that are their chat's turn (the others come by nextOfChat). */
  const supply: Supplier = shared
    ? async (limit, signal) => {
        const fresh = await supplier(limit, signal);
        return claimed(() => inbox.claim({ ids: fresh.map((u) => u.update_id), limit: fresh.length }));
      }
    : supplier;
  const source = createSource({ supply: (batchSize, signal) => supply(batchSize, nativeSignal(signal)) });
  const sink = createConcurrentSink<Update>(
    { consume: async (update) => admit(update) },
    async (error) => failed(error),
    { concurrency },
  );
  let runner: RunnerHandle | undefined;

  /** What the previous run left: after a clean stop handled as usual; after a crash one by one, each try counted. */
  const replay = async () => {
    await bot.init();
    if (shared) {
      await inbox.open();
      const every = (ms: number, fn: () => Promise<unknown>) =>
        timers.push(setInterval(() => void fn().catch(claimFailed), ms).unref());
      every(SWEEP_MS, sweep);
      every(LEASE_MS / 3, () => inbox.renew());
      await sweep();
      return;
    }
    const left = await inbox.leftovers(giveUp);
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
      for (const timer of timers) clearInterval(timer);
      await until(Promise.allSettled([sweeping, takingOver]));
      for (const id of [...unforgotten]) await forget(id);
      // What this instance claimed and did not finish goes back to the others (or the next run), not as a crash.
      if (shared) await inbox.close().catch(claimFailed);
      return handling.size === 0;
    },
  };
}
