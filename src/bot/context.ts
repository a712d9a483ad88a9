import type { Context } from "grammy";
import type { TOptions } from "i18next";
import type { Lang } from "../core/model.js";
import type { User } from "../db/users.js";
import type { Logger } from "../logger.js";
import type { BotDeps } from "./deps.js";

/** What every handler can rely on. */
export interface AppFlavor {
  deps: BotDeps;
  /** The logger for what happens while this update is handled: every line carries its id. */
  readonly log: Logger;
  /** The person's language: their choice, else Telegram's language_code, else Russian until they choose. */
  lang: Lang;
  /** False when neither a choice nor Telegram's language_code told us the language. */
  langKnown: boolean;
  /** The person's row; undefined before consent. */
  user: User | undefined;
  t(key: string, options?: TOptions): string;
}

export type BaseContext = Context & AppFlavor;
/** The context of every handler (the same as BaseContext since the bot has no conversations plugin). */
export type AppContext = BaseContext;
