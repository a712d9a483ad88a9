/**
 * Outgoing Bot API calls answered in-process, at almost no cost: plausible
 * results (messages with increasing ids, the reply_markup echoed back) so the
 * bot runs as against Telegram, and each chat's latest inline keyboard kept so a
 * simulated person can press what is on screen now.
 */
import type { Transformer } from "grammy";
import type { InlineKeyboardButton, UserFromGetMe } from "grammy/types";

export interface Screen {
  messageId: number;
  buttons: InlineKeyboardButton[][];
}

export const BENCH_BOT: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: "Saqbol bench",
  username: "saqbol_bench_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

type Payload = Record<string, unknown>;

const keyboardOf = (markup: unknown): InlineKeyboardButton[][] | undefined => {
  const rows = (markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard;
  return rows && rows.length > 0 ? rows : undefined;
};

export class FakeTelegram {
  readonly calls = new Map<string, number>();
  private nextMessageId = 1;
  private readonly screens = new Map<number, Screen>();

  /** The latest message with buttons in a chat, as the person sees it now. */
  screen(chatId: number): Screen | undefined {
    return this.screens.get(chatId);
  }

  forget(chatId: number): void {
    this.screens.delete(chatId);
  }

  readonly transformer: Transformer = async (_prev, method, payload) => {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const result = this.answer(method, (payload ?? {}) as Payload);
    // biome-ignore lint/suspicious/noExplicitAny: one fake answers every method
    return { ok: true, result } as any;
  };

  private answer(method: string, p: Payload): unknown {
    switch (method) {
      case "getMe":
        return BENCH_BOT;
      case "sendMessage":
      case "sendDocument":
      case "sendPhoto":
        return this.sent(p);
      case "editMessageText":
      case "editMessageReplyMarkup":
      case "editMessageCaption":
        return this.edited(p);
      default:
        return true;
    }
  }

  private message(chatId: number, messageId: number, p: Payload) {
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "-" },
      from: BENCH_BOT,
      ...(typeof p.text === "string" ? { text: p.text } : {}),
      ...(typeof p.caption === "string" ? { caption: p.caption } : {}),
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
    };
  }

  private sent(p: Payload) {
    const chatId = Number(p.chat_id);
    const messageId = this.nextMessageId++;
    const buttons = keyboardOf(p.reply_markup);
    if (buttons) this.screens.set(chatId, { messageId, buttons });
    return this.message(chatId, messageId, p);
  }

  private edited(p: Payload) {
    const chatId = Number(p.chat_id);
    const messageId = Number(p.message_id);
    const current = this.screens.get(chatId);
    if (current?.messageId === messageId) {
      const buttons = keyboardOf(p.reply_markup);
      if (buttons) current.buttons = buttons;
      else this.screens.delete(chatId);
    }
    return this.message(chatId, messageId, p);
  }
}
