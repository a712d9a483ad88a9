import type { InlineKeyboardButton, InlineKeyboardMarkup, Message } from "grammy/types";
import { badRequest } from "./errors.js";
import type { Params } from "./params.js";

export type ReplyMarkup = NonNullable<Message["reply_markup"]> | Record<string, unknown>;

const buttonActions = [
  "callback_data",
  "url",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

/** Validates `reply_markup` as Telegram does; returns what a message will carry. */
export function readReplyMarkup(params: Params): ReplyMarkup | undefined {
  const markup = params.json<unknown>("reply_markup");
  if (markup === undefined) return undefined;
  if (typeof markup !== "object" || markup === null || Array.isArray(markup)) {
    throw badRequest("object expected as reply markup");
  }
  if ("inline_keyboard" in markup) return validateInlineKeyboard(markup as InlineKeyboardMarkup);
  if ("keyboard" in markup) {
    const rows = (markup as { keyboard: unknown }).keyboard;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    }
    return markup as ReplyMarkup;
  }
  if ("remove_keyboard" in markup || "force_reply" in markup) return markup as ReplyMarkup;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function validateInlineKeyboard(markup: InlineKeyboardMarkup): InlineKeyboardMarkup | undefined {
  const rows: unknown = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  for (const row of rows as unknown[][]) {
    for (const button of row) validateButton(button);
  }
  // An empty keyboard is no keyboard: Telegram drops it from the message.
  return rows.some((row: unknown[]) => row.length > 0) ? markup : undefined;
}

function validateButton(button: unknown): asserts button is InlineKeyboardButton {
  if (typeof button !== "object" || button === null || Array.isArray(button)) {
    throw badRequest("can't parse inline keyboard button: InlineKeyboardButton should be an Object");
  }
  const fields = button as Record<string, unknown>;
  if (typeof fields.text !== "string") {
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  if (fields.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  if (!buttonActions.some((action) => fields[action] !== undefined)) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  if (fields.callback_data !== undefined) {
    const data = fields.callback_data;
    const bytes = typeof data === "string" ? Buffer.byteLength(data) : 0;
    if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
  }
  if (fields.url !== undefined && !isButtonUrl(fields.url)) throw badRequest("BUTTON_URL_INVALID");
}

function isButtonUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    return ["http:", "https:", "tg:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Inline buttons of a message, row by row (empty when it has none). */
export function inlineButtons(markup: unknown): InlineKeyboardButton[][] {
  if (typeof markup === "object" && markup !== null && "inline_keyboard" in markup) {
    return (markup as InlineKeyboardMarkup).inline_keyboard;
  }
  return [];
}
