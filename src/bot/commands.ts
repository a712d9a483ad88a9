/**
 * The «/» menu: which commands a person sees, in their language and for their role. The
 * one list of commands; a new command is one line in COMMANDS and its description in
 * locales/<lang>/menu.json (commands.<name>) — a test checks both languages have it.
 *
 * Telegram shows a chat's own list before the list for its language_code, and it has no
 * Kazakh interface: so each person's chat gets the list in the language they chose, for
 * their role, whenever either changes (keepChatMenu below notices it on their next update;
 * role changes can call setChatMenu at once). People who never chose see the list for
 * their Telegram language, set at start.
 */
import type { Api, MiddlewareFn } from "grammy";
import type { BotCommand } from "grammy/types";
import { LANGS, type Lang, type Role } from "../core/model.js";
import { setCommandsMenu } from "../db/users.js";
import type { I18n } from "../i18n.js";
import type { BaseContext } from "./context.js";
import { roleOf } from "./filters/roles.js";

type Audience = "everyone" | "police" | "admin";

/** In menu order. Police tools are for police officers and the admins who oversee them. */
export const COMMANDS: readonly { command: string; audience: Audience }[] = [
  { command: "start", audience: "everyone" },
  { command: "report", audience: "everyone" },
  { command: "check", audience: "everyone" },
  { command: "schemes", audience: "everyone" },
  { command: "myreports", audience: "everyone" },
  { command: "mydata", audience: "everyone" },
  { command: "language", audience: "everyone" },
  { command: "help", audience: "everyone" },
  { command: "cancel", audience: "everyone" },
  { command: "open", audience: "police" },
  { command: "reports", audience: "police" },
  { command: "lookup", audience: "police" },
  { command: "export", audience: "police" },
  { command: "stats", audience: "police" },
  { command: "grant", audience: "admin" },
  { command: "revoke", audience: "admin" },
  { command: "invite", audience: "admin" },
  { command: "staff", audience: "admin" },
  { command: "audit", audience: "admin" },
  { command: "catalog", audience: "admin" },
  { command: "alert", audience: "admin" },
];

const AUDIENCES: Record<Role, readonly Audience[]> = {
  citizen: ["everyone"],
  police: ["everyone", "police"],
  admin: ["everyone", "police", "admin"],
};

/** The menu for one language and role, descriptions from locales/<lang>/menu.json. */
export function commandMenu(i18n: I18n, lang: Lang, role: Role): BotCommand[] {
  return COMMANDS.filter((c) => AUDIENCES[role].includes(c.audience)).map(({ command }) => ({
    command,
    description: i18n.plain(lang, `menu:commands.${command}`),
  }));
}

/** What a chat's menu is, as remembered in users.commands_menu. */
export const menuKey = (lang: Lang, role: Role): string => `${lang}:${role}`;

/** Sets the menu of one person's private chat (its id is theirs). */
export async function setChatMenu(api: Api, i18n: I18n, chatId: number, lang: Lang, role: Role): Promise<void> {
  await api.setMyCommands(commandMenu(i18n, lang, role), { scope: { type: "chat", chat_id: chatId } });
}

/** At start: the citizens' menu for each Telegram language, Russian for any other. */
export async function setDefaultMenus(api: Api, i18n: I18n): Promise<void> {
  for (const lang of LANGS) await api.setMyCommands(commandMenu(i18n, lang, "citizen"), { language_code: lang });
  await api.setMyCommands(commandMenu(i18n, "ru", "citizen"));
}

/**
 * Sets the person's chat menu for their language and role now, unless it already is
 * (remembered on their row, when they have one). A failure is logged, never shown to
 * them: keepChatMenu tries again after a later update.
 */
export async function applyChatMenu(ctx: BaseContext): Promise<void> {
  const id = ctx.from?.id;
  if (id === undefined || ctx.chat?.type !== "private") return;
  const role = roleOf(ctx);
  const key = menuKey(ctx.lang, role);
  if (ctx.user?.commandsMenu === key) return;
  try {
    await setChatMenu(ctx.api, ctx.deps.i18n, id, ctx.lang, role);
  } catch (error) {
    ctx.deps.logger.warn({ err: error, userId: id }, "could not set the chat's command menu");
    return;
  }
  if (ctx.user) {
    setCommandsMenu(ctx.deps.db, id, key);
    ctx.user = { ...ctx.user, commandsMenu: key };
  }
}

/**
 * After each update of a person with a row: if their language or role is not what their
 * chat's menu was set for (a role granted by an admin or the command line, a language
 * stored at consent, a menu never set), the menu is set and remembered.
 */
export const keepChatMenu: MiddlewareFn<BaseContext> = async (ctx, next) => {
  await next();
  if (ctx.user) await applyChatMenu(ctx);
};
