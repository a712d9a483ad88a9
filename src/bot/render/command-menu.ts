/**
 * The «/» command menu per language and role: a citizen's commands, and for police
 * and admins their own below them. The default menu (citizens) is set at start;
 * a staff member's chat gets a chat-scoped menu when the role is granted, and the
 * default back when it is revoked (jobs/menus.ts finds every change, CLI ones too).
 *
 * NOTE (i18): the smallest version, for issue 18; issue 17 builds the one module
 * for menus per language and role — this file is meant to be replaced by it.
 */
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { LANGS, type Lang, type Role } from "../../core/model.js";
import { menuKey, menuTarget, setMenu } from "../../db/menus.js";
import { effectiveRole } from "../../db/roles.js";
import type { I18n } from "../../i18n.js";
import type { BaseContext } from "../context.js";

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
/** Police tools, in the order an investigator uses them. */
export const POLICE_MENU = ["open", "case", "reports", "lookup", "export", "stats", "notices"] as const;
export const ADMIN_MENU = ["grant", "revoke", "invite", "staff", "audit", "catalog"] as const;

export function commandMenu(i18n: I18n, lang: Lang, role: Role): BotCommand[] {
  const citizen = CITIZEN_COMMANDS.map((command) => ({
    command,
    description: i18n.plain(lang, `menu:commands.${command}`),
  }));
  const staff = [...(role === "citizen" ? [] : POLICE_MENU), ...(role === "admin" ? ADMIN_MENU : [])].map(
    (command) => ({ command, description: i18n.plain(lang, `staff:commands.${command}`) }),
  );
  return [...citizen, ...staff];
}

/** The default menus: per language, and Russian for any other. */
export async function setDefaultMenus(api: Api, i18n: I18n): Promise<void> {
  for (const lang of LANGS) {
    const commands = commandMenu(i18n, lang, "citizen");
    await api.setMyCommands(commands, { language_code: lang });
    if (lang === "ru") await api.setMyCommands(commands);
  }
}

/** One chat's menu for its role: staff get their own, citizens the default one back. */
export async function applyChatMenu(api: Api, i18n: I18n, chatId: number, lang: Lang, role: Role): Promise<void> {
  const scope = { type: "chat" as const, chat_id: chatId };
  if (role === "citizen") await api.deleteMyCommands({ scope });
  else await api.setMyCommands(commandMenu(i18n, lang, role), { scope });
}

/** Sets a person's menu for the role they have now (after /grant, /revoke or an invite). */
export async function syncMenuOf(ctx: BaseContext, userId: number): Promise<void> {
  const target = menuTarget(ctx.deps.db, userId);
  if (!target) return;
  const role = effectiveRole(ctx.deps.config.adminIds, target.role, userId);
  try {
    await applyChatMenu(ctx.api, ctx.deps.i18n, userId, target.lang, role);
    setMenu(ctx.deps.db, userId, menuKey(target.role, target.lang));
  } catch (error) {
    // the person never opened the bot (chat not found): the menus job tries again later
    ctx.deps.logger.info({ userId, err: (error as Error).message }, "staff menu not set yet");
  }
}
