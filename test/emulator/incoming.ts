import type { Chat, Message, MessageEntity, User } from "grammy/types";
import type { BotState } from "./bot.js";
import { unixTime } from "./methods/context.js";

/** The people who talk to the bot, as a test describes them. */
export interface UserProfile {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_premium?: true;
}

export function toUser(profile: UserProfile): User {
  return {
    id: profile.id,
    is_bot: false,
    first_name: profile.first_name ?? `User ${profile.id}`,
    ...(profile.last_name ? { last_name: profile.last_name } : {}),
    ...(profile.username ? { username: profile.username } : {}),
    ...(profile.language_code ? { language_code: profile.language_code } : {}),
    ...(profile.is_premium ? { is_premium: true } : {}),
  };
}

export function privateChatOf(user: User): Chat.PrivateChat {
  return {
    id: user.id,
    type: "private",
    first_name: user.first_name,
    ...(user.last_name ? { last_name: user.last_name } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

/** Telegram marks every /command at a word start as a bot_command entity. */
export function commandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(/(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?=\s|$)/g)) {
    entities.push({ type: "bot_command", offset: match.index + match[1]!.length, length: match[2]!.length });
  }
  return entities;
}

export function textContent(text: string): Record<string, unknown> {
  const entities = commandEntities(text);
  return { text, ...(entities.length > 0 ? { entities } : {}) };
}

/** Stores a message someone sent into a chat the bot is in, ready to wrap in an update. */
export function incomingMessage(bot: BotState, chat: Chat, from: User | undefined, content: object): Message {
  const message = {
    message_id: bot.nextMessageId(chat.id),
    ...(from ? { from } : { sender_chat: chat }),
    chat,
    date: unixTime(),
    ...content,
  } as Message;
  bot.store(message, false);
  return message;
}
