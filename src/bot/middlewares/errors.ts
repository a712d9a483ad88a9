import type { BotError } from "grammy";
import type { Lang } from "../../core/model.js";
import { describeError, isStorageFailure } from "../../errors.js";
import { DocumentError } from "../../services/document-workers.js";
import { isNotModified } from "../api/expected-errors.js";
import type { BaseContext } from "../context.js";
import type { BotDeps } from "../deps.js";

const telegramLang = (code: string | undefined): Lang => (code?.toLowerCase().startsWith("kk") ? "kk" : "ru");

/**
 * Unexpected errors end here, from any middleware (context loading and flood control
 * included): logged with the update id and their cause (never the update's content),
 * and the person gets a short apology in their language — their Telegram language
 * when the failure came before theirs was known. A document that could not be made
 * says so; when the database could not store what they sent, the apology says so and
 * asks them to send it again: it never claims their answer was saved.
 */
export function errorHandler(deps: BotDeps) {
  return async (error: BotError<BaseContext>): Promise<void> => {
    const ctx = error.ctx;
    if (isNotModified(error.error)) return;
    deps.metrics.failed.add(ctx.update);
    const storage = isStorageFailure(error.error);
    deps.logger.error({ updateId: ctx.update.update_id, storage, err: describeError(error.error) }, "update failed");
    if (ctx.chat?.type !== "private") return;
    const key =
      error.error instanceof DocumentError
        ? "common:errors.document"
        : storage
          ? "common:errors.not_saved"
          : "common:errors.generic";
    const text = ctx.t ? ctx.t(key) : deps.i18n.t(telegramLang(ctx.from?.language_code), key);
    try {
      await ctx.reply(text);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    } catch (failed) {
      // Telegram unreachable or the person blocked the bot: the apology is lost, the log line above is not.
      deps.logger.warn({ updateId: ctx.update.update_id, err: describeError(failed) }, "apology not sent");
    }
  };
}
