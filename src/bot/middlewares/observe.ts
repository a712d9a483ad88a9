import type { MiddlewareFn } from "grammy";
import { updateScope } from "../../logger.js";
import type { Metrics } from "../../metrics.js";
import type { BaseContext } from "../context.js";

/** The kind of an update: its one field besides update_id (message, callback_query…). */
const kindOf = (update: object) => Object.keys(update).find((key) => key !== "update_id") ?? "unknown";

/**
 * Outermost: every log line written while an update is handled carries its id,
 * and the update is counted and timed (errors are marked by the error boundary).
 */
export function observeUpdates(metrics: Metrics): MiddlewareFn<BaseContext> {
  return (ctx, next) =>
    updateScope.run({ updateId: ctx.update.update_id }, async () => {
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
    });
}
