/**
 * Long polling with our own offset: Telegram learns an update arrived only on
 * the next call, by which time it is safely in the inbox. A getUpdates that
 * Telegram never answers is abandoned after the long-poll time and a margin; a
 * failure is logged at once (TelegramHealth) and retried after a pause of at most
 * a few seconds, so the bot is never deaf for long and never deaf in silence.
 * A rejected token stops polling for good (the app is told and exits).
 */
import { type Api, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import { describeError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import type { TelegramHealth } from "../api/telegram-health.js";
import type { UpdateInbox } from "./inbox.js";
import type { Supplier } from "./pipeline.js";

/** How long past the long-poll time an unanswered getUpdates is given. */
const MARGIN_SECONDS = 10;
const FIRST_PAUSE_MS = 250;
const MAX_PAUSE_MS = 5000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

export interface PollingOptions {
  timeoutSeconds: number;
  health: TelegramHealth;
  /** When storing fails (a full disk): the updates stay with Telegram, and the people who sent them are told. */
  onStoreFailure?: (updates: Update[], error: unknown) => void;
}

export function pollingSupplier(api: Api, inbox: UpdateInbox, logger: Logger, options: PollingOptions): Supplier {
  const { timeoutSeconds, health } = options;
  let offset = 0;
  let storeFailing = false;
  return async (limit, signal) => {
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
      let updates: Update[];
      try {
        const deadline = AbortSignal.timeout((timeoutSeconds + MARGIN_SECONDS) * 1000);
        updates = await api.getUpdates(
          { offset, limit: Math.max(1, Math.min(limit, 100)), timeout: timeoutSeconds },
          AbortSignal.any([signal, deadline]) as Parameters<Api["getUpdates"]>[1],
        );
        health.succeeded("getUpdates");
      } catch (error) {
        if (signal.aborted) throw error;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
          health.unauthorized("getUpdates");
          // Nothing more to fetch with this token; the app stops (the pipeline aborts this wait).
          while (!signal.aborted) await sleep(2 ** 31 - 1, signal);
          throw error;
        }
        health.failed("getUpdates", error);
        await sleep(pause, signal);
        continue;
      }
      try {
        const fresh = await inbox.accept(updates);
        const last = updates.at(-1);
        if (last) offset = last.update_id + 1;
        if (storeFailing) logger.info("updates are stored again");
        storeFailing = false;
        return fresh;
      } catch (error) {
        // Not confirmed to Telegram: it gives them again once the database takes them.
        if (!storeFailing)
          logger.error(
            { err: describeError(error), count: updates.length },
            "updates could not be stored; kept at Telegram",
          );
        storeFailing = true;
        options.onStoreFailure?.(updates, error);
        await sleep(pause, signal);
      }
    }
  };
}
