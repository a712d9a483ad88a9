import type { MiddlewareFn } from "grammy";
import type { Logger } from "../../logger.js";
import type { BaseContext } from "../context.js";

/**
 * Saqbol works only in private chats: in groups and channels it processes
 * nothing and sends nothing, and leaves any group or channel it is added to.
 */
export function privateOnly(logger: Logger): MiddlewareFn<BaseContext> {
  return async (ctx, next) => {
    const chat = ctx.chat;
    if (chat?.type === "private") return next();
    const joined = ctx.myChatMember?.new_chat_member.status;
    if (chat && (joined === "member" || joined === "administrator")) {
      try {
        await ctx.api.leaveChat(chat.id);
      } catch (error) {
        // Already removed, most likely: nothing to do, but worth a line.
        logger.warn(
          { updateId: ctx.update.update_id, chatId: chat.id, err: (error as Error).message },
          "could not leave a group or channel",
        );
      }
    }
  };
}
