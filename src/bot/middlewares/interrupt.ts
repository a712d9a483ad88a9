import type { MiddlewareFn } from "grammy";
import { deactivateDrafts } from "../../db/drafts.js";
import { closeAddition } from "../additions/add-information.js";
import { menuData } from "../callback-data/menu.js";
import type { AppContext } from "../context.js";

/**
 * A command or a main-menu button always means "take me there": it leaves the
 * questionnaire and an open addition first. Nothing is lost by that, because
 * answers are already in the draft and the questionnaire resumes from it.
 */
export const leaveDialogsOnNavigation: MiddlewareFn<AppContext> = async (ctx, next) => {
  const text = ctx.message?.text;
  const isCommand =
    text !== undefined && ctx.message?.entities?.[0]?.type === "bot_command" && ctx.message.entities[0].offset === 0;
  const isMenu = ctx.callbackQuery?.data !== undefined && menuData.unpack(ctx.callbackQuery.data) !== undefined;
  if ((isCommand || isMenu) && ctx.from) {
    await closeAddition(ctx, ctx.from.id);
    await deactivateDrafts(ctx.deps.db, ctx.from.id);
  }
  await next();
};
