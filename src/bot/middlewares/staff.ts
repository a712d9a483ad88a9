/**
 * For staff only (citizens pass straight through): keeps their Telegram name for
 * /staff. (Their command menu follows their role through bot/commands.ts.)
 *
 * Names are dropped from every update before it is stored (delivery/sanitize.ts),
 * so a staff member's name is asked from Telegram (getChat), and kept only while
 * they have a role.
 */
import type { MiddlewareFn } from "grammy";
import { rememberStaffName } from "../../db/roles.js";
import type { BaseContext } from "../context.js";

const NAME_MAX = 120;

/** Asks Telegram for a staff member's name and keeps it; nothing happens when the chat is unknown yet. */
export async function refreshStaffName(ctx: BaseContext, id: number): Promise<void> {
  try {
    const chat = await ctx.api.getChat(id);
    if (chat.type !== "private") return;
    const name =
      [chat.first_name, chat.last_name].filter(Boolean).join(" ") + (chat.username ? ` @${chat.username}` : "");
    if (name.trim()) await rememberStaffName(ctx.deps.db, id, name.trim().slice(0, NAME_MAX));
  } catch (error) {
    ctx.log.debug({ id, err: (error as Error).message }, "staff name not known yet");
  }
}

export function staffPresence(): MiddlewareFn<BaseContext> {
  return async (ctx, next) => {
    // the person's answer first; the name after it
    await next();
    const user = ctx.user;
    if (user && user.role !== "citizen" && user.staffName === null) await refreshStaffName(ctx, user.id);
  };
}
