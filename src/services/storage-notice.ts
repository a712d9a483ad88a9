/**
 * When the database takes nothing (a full disk), updates stay with Telegram and
 * are handled once it does; the people who wrote meanwhile are told so, once per
 * chat and outage, in their Telegram language: nothing is lost, the answer comes
 * later. Nothing is stored to do it.
 */
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { AppContext } from "../bot/context.js";
import type { BotDeps } from "../bot/deps.js";
import type { Lang } from "../core/model.js";
import { describeError } from "../errors.js";
import type { Logger } from "../logger.js";

/** A chat told once is told again only after this long. */
const AGAIN_MS = 10 * 60_000;

const langOf = (code: string | undefined): Lang => (code?.toLowerCase().startsWith("kk") ? "kk" : "ru");

export function storageNotice(bot: Bot<AppContext>, deps: Pick<BotDeps, "i18n">, logger: Logger) {
  const told = new Map<number, number>();
  return (updates: Update[], _error: unknown): void => {
    const now = Date.now();
    for (const update of updates) {
      const message = update.message ?? update.callback_query?.message;
      const from = update.message?.from ?? update.callback_query?.from;
      if (message?.chat.type !== "private" || !from) continue;
      const chat = message.chat.id;
      if (now - (told.get(chat) ?? 0) < AGAIN_MS) continue;
      told.set(chat, now);
      bot.api
        .sendMessage(chat, deps.i18n.t(langOf(from.language_code), "common:errors.storage_wait"))
        .catch((error: unknown) => logger.warn({ err: describeError(error) }, "storage notice not sent"));
    }
    if (told.size > 10_000) for (const [chat, at] of told) if (now - at >= AGAIN_MS) told.delete(chat);
  };
}
