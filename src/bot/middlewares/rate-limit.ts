import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { BaseContext } from "../context.js";

/**
 * Per-person flood control: past the limit, a chat's updates are dropped cheaply
 * (the person is told once per window), so everybody else is answered as usual.
 */
export function rateLimit(perWindow: number, windowMs: number): MiddlewareFn<BaseContext> {
  return limit<BaseContext, never>({
    timeFrame: windowMs,
    limit: perWindow,
    keyGenerator: (ctx) => (ctx.from ? String(ctx.from.id) : undefined),
    // A failure to say so reaches the error boundary like any other.
    onLimitExceeded: (ctx) => ctx.reply(ctx.t("common:errors.too_fast")),
  });
}
