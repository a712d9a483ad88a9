/**
 * Inside a conversation, the plugin replays the recorded results of earlier API
 * calls through the whole transformer chain on every update, and it records
 * below our transformers. A 429 or a 5xx that auto-retry waited out is therefore
 * replayed too, and auto-retry would wait again on every later update of the
 * run. On replayed contexts this transformer takes auto-retry's place: the same
 * decisions, in the same order (so the recorded results line up), without waiting.
 */
import { HttpError, type Transformer } from "grammy";

export const RETRY = { maxRetryAttempts: 6, maxDelaySeconds: 60 } as const;

/** Mirrors @grammyjs/auto-retry 2.x with the options in RETRY, minus the pauses. */
export function replayRetry(): Transformer {
  return async (prev, method, payload, signal) => {
    let remaining: number = RETRY.maxRetryAttempts;
    const call = async () => {
      for (;;) {
        try {
          return await prev(method, payload, signal);
        } catch (e) {
          if (!signal?.aborted && e instanceof HttpError) continue;
          throw e;
        }
      }
    };
    let result: Awaited<ReturnType<typeof prev>>;
    do {
      result = await call();
      const retryAfter = result.ok ? undefined : result.parameters?.retry_after;
      const retry =
        (typeof retryAfter === "number" && retryAfter <= RETRY.maxDelaySeconds) ||
        (!result.ok && result.error_code >= 500);
      if (!retry) return result;
    } while (!result.ok && remaining-- > 0);
    return result;
  };
}
