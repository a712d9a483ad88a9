import { type Api, GrammyError } from "grammy";
import type { Logger } from "../../logger.js";
import type { UpdateInbox } from "./inbox.js";
import type { Supplier } from "./pipeline.js";

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Long polling with our own offset: Telegram learns an update arrived only on
 * the next call, by which time it is safely in the inbox.
 */
export function pollingSupplier(api: Api, inbox: UpdateInbox, logger: Logger, timeoutSeconds = 30): Supplier {
  let offset = 0;
  return async (limit, signal) => {
    for (let wait = 200; ; wait = Math.min(wait * 2, 30_000)) {
      try {
        const updates = await api.getUpdates(
          { offset, limit: Math.max(1, Math.min(limit, 100)), timeout: timeoutSeconds },
          signal as Parameters<Api["getUpdates"]>[1],
        );
        const last = updates.at(-1);
        const fresh = await inbox.accept(updates);
        if (last) offset = last.update_id + 1;
        return fresh;
      } catch (error) {
        if (signal.aborted) throw error;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) throw error;
        logger.warn(
          { err: error instanceof Error ? error.message : String(error), retryInMs: wait },
          "getUpdates failed",
        );
        await sleep(wait, signal);
      }
    }
  };
}
