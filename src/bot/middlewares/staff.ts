/**
 * For staff only (citizens pass straight through): keeps their Telegram name for
 * /staff, and sets their command menu when it does not match their role — someone
 * granted a role before they ever opened the bot gets it with their first message,
 * and someone revoked gets the default one back.
 *
 * Names are dropped from every update before it is stored (delivery/sanitize.ts),
 * so a staff member's name is asked from Telegram (getChat), and kept only while
 * they have a role.
 */
import type { MiddlewareFn } from "grammy";
import { menuKey } from "../../db/menus.js";
import { rememberStaffName } from "../../db/roles.js";
import type { BaseContext } from "../context.js";
import { applyChatMenu, syncMenuOf } from "../render/command-menu.js";

const NAME_MAX = 120;

/** Asks Telegram for a staff member's name and keeps it; nothing happens when the chat is unknown yet. */
export async function refreshStaffName(ctx: BaseContext, id: number): Promise<void> {
  try {
    const chat = await ctx.api.getChat(id);
    if (chat.type !== "private") return;
    const name =
      [chat.first_name, chat.last_name].filter(Boolean).join(" ") + (chat.username ? ` @${chat.username}` : "");
    if (name.trim()) rememberStaffName(ctx.deps.db, id, name.trim().slice(0, NAME_MAX));
  } catch (error) {
    ctx.deps.logger.debug({ id, err: (error as Error).message }, "staff name not known yet");
  }
}

export function staffPresence(): MiddlewareFn<BaseContext> {
  /** Admins by ADMIN_IDS whose menu this bot has set (they may have no row to keep it in). */
  const configuredAdmins = new Set<number>();
  return async (ctx, next) => {
    // the person's answer first; the name and the menu after it
    await next();
    const user = ctx.user;
    const id = ctx.from?.id;
    if (id !== undefined && ctx.deps.config.adminIds.includes(id) && !configuredAdmins.has(id)) {
      configuredAdmins.add(id);
      await applyChatMenu(ctx.api, ctx.deps.i18n, id, ctx.lang, "admin").catch(() => configuredAdmins.delete(id));
    } else if (user && (user.role !== "citizen" || user.menu !== null)) {
      if (user.role !== "citizen" && user.staffName === null) await refreshStaffName(ctx, user.id);
      if (user.menu !== menuKey(user.role, user.language ?? "ru")) await syncMenuOf(ctx, user.id);
    }
  };
}
