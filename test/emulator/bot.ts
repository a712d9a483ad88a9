import { EventEmitter } from "node:events";
import type { Chat, Message, User } from "grammy/types";
import { badRequest, chatNotFound, forbidden } from "./errors.js";
import { canonical } from "./methods/context.js";
import { UpdateQueue } from "./updates.js";
import { WebhookDelivery } from "./webhook.js";

export interface ChatRecord {
  chat: Chat;
  /** The chat has talked to the bot (private) or the bot was added (group, channel). */
  known: boolean;
  blocked: boolean;
  botIsMember: boolean;
  botLeft: boolean;
}

export interface StoredMessage {
  message: Message;
  fromBot: boolean;
  deleted: boolean;
}

/** Something the bot did to a message; users wait on these. */
export interface OutboxEvent {
  seq: number;
  kind: "new" | "edit" | "delete";
  chatId: number;
  /** The message as it was right after this event. */
  message: Message;
}

export interface CallbackRecord {
  id: string;
  userId: number;
  answered: boolean;
  answer?: Record<string, unknown>;
}

export interface CommandSet {
  scope: Record<string, unknown>;
  language_code: string;
  commands: { command: string; description: string }[];
}

/** The key of one command list: its scope (canonical JSON) and language ("" for any). */
export const commandKey = (scope: unknown, languageCode: string) => `${canonical(scope)}|${languageCode}`;

export type ProfileField = "name" | "description" | "short_description";

/** Everything the emulator knows about one bot token. Tokens never share state. */
export class BotState {
  readonly id: number;
  readonly queue: UpdateQueue;
  readonly chats = new Map<number, ChatRecord>();
  readonly outbox: OutboxEvent[] = [];
  readonly events = new EventEmitter();
  readonly callbacks = new Map<string, CallbackRecord>();
  readonly commands = new Map<string, CommandSet>();
  readonly menuButtons = new Map<string, unknown>();
  readonly profile: Record<string, string> = {};
  readonly webhook: WebhookDelivery;
  /** Reply keyboards never appear in a returned Message, but the person sees them. */
  readonly keyboards = new WeakMap<Message, unknown>();
  private readonly messages = new Map<number, Map<number, StoredMessage>>();
  private readonly lastMessageId = new Map<number, number>();

  constructor(
    readonly token: string,
    readonly username: string,
    readonly firstName: string,
    readonly dispatch: (method: string, payload: Record<string, unknown>) => Promise<unknown>,
  ) {
    this.id = Number(token.split(":")[0]);
    this.queue = new UpdateQueue((this.id % 100_000) * 1000 + 1);
    this.events.setMaxListeners(0);
    this.webhook = new WebhookDelivery(this.queue, dispatch);
  }

  get user(): User {
    return { id: this.id, is_bot: true, first_name: this.firstName, username: this.username };
  }

  /** Looks a chat up by id or @username; unknown chats are "chat not found". */
  chat(chatId: string | number | undefined): ChatRecord {
    if (chatId === undefined || chatId === "") throw badRequest("chat_id is empty");
    if (typeof chatId === "string" && chatId.startsWith("@")) {
      for (const record of this.chats.values()) {
        if ("username" in record.chat && `@${record.chat.username}` === chatId && record.known) return record;
      }
      throw chatNotFound();
    }
    const record = this.chats.get(Number(chatId));
    if (!record?.known) throw chatNotFound();
    return record;
  }

  /** A chat the bot may post to now, or Telegram's reason why not. */
  writableChat(chatId: string | number | undefined): ChatRecord {
    const record = this.chat(chatId);
    if (record.chat.type === "private" && record.blocked) throw forbidden("bot was blocked by the user");
    if (record.chat.type !== "private" && !record.botIsMember) {
      const kind = record.chat.type === "supergroup" || record.chat.type === "channel" ? record.chat.type : "group";
      throw forbidden(`bot is not a member of the ${kind} chat`);
    }
    return record;
  }

  ensureChat(chat: Chat): ChatRecord {
    let record = this.chats.get(chat.id);
    if (!record) {
      record = { chat, known: false, blocked: false, botIsMember: chat.type === "private", botLeft: false };
      this.chats.set(chat.id, record);
    }
    return record;
  }

  nextMessageId(chatId: number): number {
    const id = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, id);
    return id;
  }

  store(message: Message, fromBot: boolean): StoredMessage {
    let chatMessages = this.messages.get(message.chat.id);
    if (!chatMessages) {
      chatMessages = new Map();
      this.messages.set(message.chat.id, chatMessages);
    }
    const stored = { message, fromBot, deleted: false };
    chatMessages.set(message.message_id, stored);
    if (fromBot) this.emitOutbox("new", message);
    return stored;
  }

  find(chatId: number, messageId: number | undefined): StoredMessage | undefined {
    if (messageId === undefined) return undefined;
    const stored = this.messages.get(chatId)?.get(messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  replace(stored: StoredMessage, message: Message): void {
    stored.message = message;
    if (stored.fromBot) this.emitOutbox("edit", message);
  }

  remove(stored: StoredMessage): void {
    stored.deleted = true;
    if (stored.fromBot) this.emitOutbox("delete", stored.message);
  }

  /** The bot's messages in a chat as they stand now (after edits, without deleted ones). */
  botMessages(chatId: number): Message[] {
    const chatMessages = this.messages.get(chatId);
    if (!chatMessages) return [];
    return [...chatMessages.values()].filter((s) => s.fromBot && !s.deleted).map((s) => s.message);
  }

  /**
   * The «/» menu a person sees in their private chat, resolved as Telegram does: the chat's
   * own list in their language, then without a language, then all private chats, then the
   * default scope — each first in their language.
   */
  commandsShown(chatId: number, languageCode = ""): CommandSet["commands"] {
    const scopes = [{ type: "chat", chat_id: chatId }, { type: "all_private_chats" }, { type: "default" }];
    for (const scope of scopes) {
      for (const lang of languageCode ? [languageCode, ""] : [""]) {
        const set = this.commands.get(commandKey(scope, lang));
        if (set) return set.commands;
      }
    }
    return [];
  }

  /** The bot's name, description or short description as a person with this language sees it. */
  profileText(field: ProfileField, languageCode = ""): string {
    return this.profile[`${field}|${languageCode}`] ?? this.profile[`${field}|`] ?? "";
  }

  private emitOutbox(kind: OutboxEvent["kind"], message: Message): void {
    const event: OutboxEvent = { seq: this.outbox.length + 1, kind, chatId: message.chat.id, message };
    this.outbox.push(event);
    this.events.emit("outbox", event);
  }
}
