import type { MiddlewareFn } from "grammy";
import { deactivateDrafts } from "../../db/drafts.js";
import { closeAddition } from "../additions/add-information.js";
import { menuData } from "../callback-data/menu.js";
import type { AppContext } from "../context.js";

/**
 * A command or a main-menu button always means "take me there": it leaves the
 * questionnaire and an open addition first. Nothing is lost by that, because
 * answers are already in the draft and the questionnaire resumes from it.
 * Choosing the language («/language», the menu's language button) changes how the
 * bot speaks, not where the person is: the report they are answering stays the one
 * they are in, and its question is shown again in the new language
 * (features/language-offer.ts).
 */
export const leaveDialogsOnNavigation: MiddlewareFn<AppContext> = async (ctx, next) => {
  const text = ctx.message?.text;
  const command = ctx.message?.entities?.[0];
  const isCommand = text !== undefined && command?.type === "bot_command" && command.offset === 0;
  const menu = ctx.callbackQuery?.data !== undefined ? menuData.unpack(ctx.callbackQuery.data) : undefined;
  if ((isCommand || menu) && ctx.from) {
    const language = isCommand ? /^\/language(?:@\w+)?$/.test(text.slice(0, command.length)) : menu?.to === "language";
    if (!language) {
      await closeAddition(ctx, ctx.from.id);
      await deactivateDrafts(ctx.deps.db, ctx.from.id);
    }
  }
  await next();
};
