import { type BotError, GrammyError } from "grammy";
import { DocumentError } from "../../services/document-workers.js";
import type { BaseContext } from "../context.js";

/** Telegram refuses an edit that changes nothing: the screen already shows it, so nothing is wrong. */
export const isNotModified = (error: unknown): boolean =>
  error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);

/**
 * Unexpected errors end here: logged with the update id (never the update's
 * content), and the person gets a short apology in their language — a document
 * that could not be made says so.
 */
export async function errorHandler(error: BotError<BaseContext>): Promise<void> {
  const ctx = error.ctx;
  if (isNotModified(error.error)) return;
  const cause = error.error instanceof Error ? error.error : new Error(String(error.error));
  ctx.deps?.logger.error(
    { updateId: ctx.update.update_id, err: { message: cause.message, stack: cause.stack } },
    "update failed",
  );
  if (ctx.chat?.type !== "private" || !ctx.t) return;
  const text = ctx.t(cause instanceof DocumentError ? "common:errors.document" : "common:errors.generic");
  try {
    await ctx.reply(text);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  } catch (failed) {
    // Telegram unreachable or the person blocked the bot: the apology is lost, the log line above is not.
    ctx.deps?.logger.warn({ updateId: ctx.update.update_id, err: (failed as Error).message }, "apology not sent");
  }
}
