import type { MiddlewareFn } from "grammy";
import type { BaseContext } from "../context.js";
import { floodedOf } from "../delivery/flood.js";

/**
 * Flood control (delivery/flood.ts) drops a person's excess updates cheaply; the
 * first one dropped in a window tells them, in their language, the rest say nothing.
 */
export const floodNotice: MiddlewareFn<BaseContext> = async (ctx, next) => {
  const flooded = floodedOf(ctx.update);
  if (!flooded) return next();
  if (flooded === "notice") await ctx.reply(ctx.t("common:errors.too_fast"));
};
