/**
 * «Hang up» before anything else, when a story tells of a call still going on: the
 * catalogue's danger headline and its live-call advice (the bank by the number on the
 * card, the police on 102), with the call check one tap away.
 */
import { InlineKeyboard } from "grammy";
import { isLiveCall } from "../../core/advice/live-call.js";
import { menuData } from "../callback-data/menu.js";
import type { BaseContext } from "../context.js";
import { escapeHtml } from "./values.js";

export { isLiveCall };

export function liveCallWarning(ctx: BaseContext): { text: string; keyboard: InlineKeyboard } {
  const check = ctx.deps.catalogs.current().callCheck;
  return {
    text: `⛔ <b>${escapeHtml(check.verdict.danger.headline[ctx.lang])}</b>\n\n${escapeHtml(check.liveCall[ctx.lang])}`,
    keyboard: InlineKeyboard.from([[InlineKeyboard.text(ctx.t("menu:items.check"), menuData.pack({ to: "check" }))]]),
  };
}

/** Says «hang up» first when the text tells of a call going on now; true when it did. */
export async function warnIfLiveCall(ctx: BaseContext, text: string): Promise<boolean> {
  if (!isLiveCall(text)) return false;
  const warning = liveCallWarning(ctx);
  await ctx.reply(warning.text, { reply_markup: warning.keyboard });
  return true;
}
