import type { MiddlewareFn } from "grammy";
import type { BaseContext } from "../context.js";

/**
 * Saqbol works only in private chats: in groups and channels it processes
 * nothing and sends nothing, and leaves any group or channel it is added to.
 */
export const privateOnly: MiddlewareFn<BaseContext> = async (ctx, next) => {
  const chat = ctx.chat;
  if (chat?.type === "private") return next();
  const joined = ctx.myChatMember?.new_chat_member.status;
  if (chat && (joined === "member" || joined === "administrator")) {
    await ctx.api.leaveChat(chat.id).catch(() => undefined);
  }
};
