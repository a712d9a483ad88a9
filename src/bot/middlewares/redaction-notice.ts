import type { MiddlewareFn } from "grammy";
import type { BaseContext } from "../context.js";
import { redactedKinds } from "../delivery/sanitize.js";

/** When a code, CVV, PIN or password was masked in what the person typed, say so gently. */
export const redactionNotice: MiddlewareFn<BaseContext> = async (ctx, next) => {
  if (redactedKinds(ctx.update).length > 0) await ctx.reply(ctx.t("common:redacted"));
  await next();
};
