import type { Message } from "grammy/types";
import type { ChatRecord } from "../bot.js";
import { badRequest } from "../errors.js";
import type { ReplyMarkup } from "../markup.js";
import { type CallContext, unixTime } from "./context.js";

/** Stores and returns a new message from the bot, with reply and markup handled alike for every send*. */
export function postBotMessage(
  ctx: CallContext,
  record: ChatRecord,
  content: Record<string, unknown>,
  markup: ReplyMarkup | undefined,
): Message {
  const { bot } = ctx;
  const isChannel = record.chat.type === "channel";
  const replyTo = repliedMessage(ctx, record);
  const message = {
    message_id: bot.nextMessageId(record.chat.id),
    ...(isChannel ? { sender_chat: record.chat } : { from: bot.user }),
    chat: record.chat,
    date: unixTime(),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
    ...withoutUndefined(content),
    ...(markup && "inline_keyboard" in markup ? { reply_markup: markup } : {}),
  } as Message;
  if (markup && !("inline_keyboard" in markup)) bot.keyboards.set(message, markup);
  bot.store(message, true);
  return message;
}

function repliedMessage(ctx: CallContext, record: ChatRecord): Message | undefined {
  const { params, bot } = ctx;
  const replyParameters = params.json<{ message_id?: number; allow_sending_without_reply?: boolean }>(
    "reply_parameters",
  );
  const messageId = replyParameters?.message_id ?? params.int("reply_to_message_id");
  if (messageId === undefined) return undefined;
  const stored = bot.find(record.chat.id, Number(messageId));
  if (stored) {
    const { reply_to_message: _nested, ...shallow } = stored.message as Message & { reply_to_message?: unknown };
    return shallow as Message;
  }
  const tolerate = replyParameters?.allow_sending_without_reply ?? params.bool("allow_sending_without_reply");
  if (tolerate) return undefined;
  throw badRequest("message to be replied not found");
}

export function withoutUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** `entities` only when there are some, as Telegram omits empty arrays. */
export const entitiesField = (name: string, entities: readonly unknown[] | undefined) =>
  entities && entities.length > 0 ? { [name]: entities } : {};
