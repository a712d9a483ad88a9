import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { TOptions } from "i18next";
import type { Lang } from "../core/model.js";
import type { User } from "../db/users.js";
import type { BotDeps } from "./deps.js";

/** What every handler can rely on, inside and outside conversations. */
export interface AppFlavor {
  deps: BotDeps;
  /** The person's language: their choice, else Telegram's language_code, else Russian until they choose. */
  lang: Lang;
  /** False when neither a choice nor Telegram's language_code told us the language. */
  langKnown: boolean;
  /** The person's row; undefined before consent. */
  user: User | undefined;
  t(key: string, options?: TOptions): string;
}

export type BaseContext = Context & AppFlavor;
/** The context outside conversations. */
export type AppContext = ConversationFlavor<BaseContext>;
/** The context inside conversations (no ctx.conversation there). */
export type ConvContext = BaseContext;
