import type { MiddlewareFn } from "grammy";
import type { Metrics } from "../../metrics.js";
import type { BaseContext } from "../context.js";

/** The kind of an update: its one field besides update_id (message, callback_query…). */
const kindOf = (update: object) => Object.keys(update).find((key) => key !== "update_id") ?? "unknown";

/** Outermost: the update is counted and timed (errors are marked by the error boundary). */
export function observeUpdates(metrics: Metrics): MiddlewareFn<BaseContext> {
  return async (ctx, next) => {
    const stop = metrics.updateSeconds.startTimer();
    metrics.inFlight.inc();
    let failed = true;
    try {
      await next();
      failed = metrics.failed.has(ctx.update);
    } finally {
      metrics.inFlight.dec();
      stop();
      metrics.updates.inc({ kind: kindOf(ctx.update), outcome: failed ? "error" : "ok" });
    }
  };
}
