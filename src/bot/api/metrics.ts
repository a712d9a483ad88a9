/**
 * Counts every Bot API call attempt by method and result (ok, Telegram's error
 * code, or "network"), and Telegram's 429 "wait" answers with the seconds asked.
 * Installed innermost, below the retry transformer, so each retry is an attempt of its own.
 */
import type { Transformer } from "grammy";
import type { Metrics } from "../../metrics.js";

export function apiMetrics(metrics: Metrics): Transformer {
  return async (prev, method, payload, signal) => {
    let result: Awaited<ReturnType<typeof prev>>;
    try {
      result = await prev(method, payload, signal);
    } catch (error) {
      metrics.apiCalls.inc({ method, code: "network" });
      throw error;
    }
    if (result.ok) {
      metrics.apiCalls.inc({ method, code: "ok" });
      return result;
    }
    metrics.apiCalls.inc({ method, code: String(result.error_code) });
    const wait = result.parameters?.retry_after;
    if (result.error_code === 429) {
      metrics.waits429.inc({ method });
      if (typeof wait === "number") metrics.waited429.inc(wait);
    }
    return result;
  };
}
