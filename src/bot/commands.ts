/**
 * The «/» menu: which commands a person sees, in their language and for their role — the
 * one place commands are listed. A new command is one word in a list below and its
 * description in locales/<lang>/menu.json (citizens) or staff.json (staff), under
 * commands.<name>; test/unit/commands.test.ts checks both languages have it.
 *
 * Telegram shows a chat's own list before the list for its language_code, and it has no
 * Kazakh interface. So a chat gets its own list when the default one would be wrong: for
 * staff (their tools), and for anyone whose language is not their Telegram's. The list is
 * set when the language is chosen, when a role is granted or revoked (syncMenuOf; the
 * menus job catches changes made from the command line), and whenever a person's next
 * update finds their chat's list out of date (keepChatMenu). users.menu remembers which
 * list a chat has ("police:kk"; null: the default one).
 */
import type { Api, MiddlewareFn } from "grammy";
import type { BotCommand } from "grammy/types";
import { LANGS, type Lang, type Role } from "../core/model.js";
import { menuKey, menuTarget, setMenu } from "../db/menus.js";
import { effectiveRole } from "../db/roles.js";
import type { I18n } from "../i18n.js";
import type { BaseContext } from "./context.js";
import { roleOf } from "./filters/roles.js";

export const CITIZEN_COMMANDS = [
  "start",
  "report",
  "check",
  "schemes",
  "myreports",
  "mydata",
  "language",
  "help",
  "cancel",
] as const;
/** Police tools, in the order an investigator uses them; admins oversee police and have them too. */
export const POLICE_MENU = ["open", "case", "reports", "lookup", "export", "stats", "notices"] as const;
export const ADMIN_MENU = ["grant", "revoke", "invite", "staff", "audit", "catalog", "alert"] as const;

const STAFF_MENU: Record<Role, readonly string[]> = {
  citizen: [],
  police: POLICE_MENU,
  admin: [...POLICE_MENU, ...ADMIN_MENU],
};

/** The menu for one language and role: the citizens' commands, then the role's tools. */
export function commandMenu(i18n: I18n, lang: Lang, role: Role): BotCommand[] {
  return [
    ...CITIZEN_COMMANDS.map((command) => ({ command, description: i18n.plain(lang, `menu:commands.${command}`) })),
    ...STAFF_MENU[role].map((command) => ({ command, description: i18n.plain(lang, `staff:commands.${command}`) })),
  ];
}

/** Sets the menu of one person's private chat (its id is theirs). */
export async function setChatMenu(api: Api, i18n: I18n, chatId: number, lang: Lang, role: Role): Promise<void> {
  await api.setMyCommands(commandMenu(i18n, lang, role), { scope: { type: "chat", chat_id: chatId } });
}

/** At start: the citizens' menu for each Telegram language, Russian for any other. */
export async function setDefaultMenus(api: Api, i18n: I18n): Promise<void> {
  for (const lang of LANGS) await api.setMyCommands(commandMenu(i18n, lang, "citizen"), { language_code: lang });
  await api.setMyCommands(commandMenu(i18n, "ru", "citizen"));
}

/** The language of the default menu Telegram shows for a language_code (setDefaultMenus). */
const defaultMenuLang = (code: string | undefined): Lang => (code?.toLowerCase().startsWith("kk") ? "kk" : "ru");

/**
 * The person's chat menu for their language and role, set now unless it already is. With
 * a row, the language is the stored one (as the menus job reads it) and the menu is
 * remembered; without one (before consent), it is set for the language just chosen. A
 * failure is logged, never shown: keepChatMenu tries again after a later update.
 */
export async function applyChatMenu(ctx: BaseContext): Promise<void> {
  const id = ctx.from?.id;
  if (id === undefined || ctx.chat?.type !== "private") return;
  const role = roleOf(ctx);
  const user = ctx.user;
  const lang = user ? (user.language ?? "ru") : ctx.lang;
  const current = user?.menu ?? null;
  // a citizen whose Telegram menu already speaks their language needs no menu of their own
  if (role === "citizen" && current === null && lang === defaultMenuLang(ctx.from?.language_code)) return;
  const key = menuKey(role, lang);
  if (current === key) return;
  try {
    await setChatMenu(ctx.api, ctx.deps.i18n, id, lang, role);
  } catch (error) {
    ctx.log.warn({ err: error, userId: id }, "could not set the chat's command menu");
    return;
  }
  if (user) {
    await setMenu(ctx.deps.db, id, key);
    ctx.user = { ...user, menu: key };
  }
}

/**
 * After each update: a person with a row gets their chat's menu in step with their stored
 * language and role; an admin by ADMIN_IDS without a row gets the admin menu once per run.
 */
export function keepChatMenu(): MiddlewareFn<BaseContext> {
  const configuredAdmins = new Set<number>();
  return async (ctx, next) => {
    await next();
    const id = ctx.from?.id;
    if (ctx.user) return applyChatMenu(ctx);
    if (id === undefined || !ctx.deps.config.adminIds.includes(id) || configuredAdmins.has(id)) return;
    configuredAdmins.add(id);
    await applyChatMenu(ctx);
  };
}

/** Sets a person's menu for the role they have now (after /grant, /revoke or an invite). */
export async function syncMenuOf(ctx: BaseContext, userId: number): Promise<void> {
  const target = await menuTarget(ctx.deps.db, userId);
  if (!target) return;
  const role = effectiveRole(ctx.deps.config.adminIds, target.role, userId);
  try {
    await setChatMenu(ctx.api, ctx.deps.i18n, userId, target.lang, role);
    await setMenu(ctx.deps.db, userId, menuKey(role, target.lang));
  } catch (error) {
    // the person never opened the bot (chat not found): the menus job tries again later
    ctx.log.info({ userId, err: (error as Error).message }, "staff menu not set yet");
  }
}
