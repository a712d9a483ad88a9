import type { BotError } from "grammy";
import type { BaseContext } from "../context.js";

/**
 * Unexpected errors end here: logged with the update id (never the update's
 * content), and the person gets a short apology in their language.
 */
export async function errorHandler(error: BotError<BaseContext>): Promise<void> {
  const ctx = error.ctx;
  const cause = error.error instanceof Error ? error.error : new Error(String(error.error));
  ctx.deps?.logger.error(
    { updateId: ctx.update.update_id, err: { message: cause.message, stack: cause.stack } },
    "update failed",
  );
  if (ctx.chat?.type !== "private" || !ctx.t) return;
  await ctx.reply(ctx.t("common:errors.generic")).catch(() => undefined);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
}
