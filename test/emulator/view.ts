import type { Document, InlineKeyboardButton, Message, MessageEntity, PhotoSize } from "grammy/types";
import type { BotState } from "./bot.js";
import type { FileStore } from "./files.js";
import { inlineButtons } from "./markup.js";

/** A bot message as the person sees it, for assertions and the terminal chat. */
export interface BotMessage {
  message_id: number;
  chat_id: number;
  date: number;
  edit_date?: number;
  /** The text, or the caption of a document/photo; plain (tags already turned into entities). */
  text: string;
  entities: MessageEntity[];
  /** Inline keyboard, or the reply keyboard / removal sent with the message. */
  reply_markup?: unknown;
  /** Inline buttons row by row; [] when there are none. */
  buttons: InlineKeyboardButton[][];
  document?: Document;
  photo?: PhotoSize[];
  /** The attached document or the largest photo, with its bytes. */
  file?: { file_id: string; file_name?: string; mime_type?: string; file_size: number; bytes: Buffer };
  /** The Bot API Message object, unchanged. */
  message: Message;
}

export function viewOf(message: Message, bot: BotState, files: FileStore): BotMessage {
  const markup = message.reply_markup ?? bot.keyboards.get(message);
  const photo = message.photo;
  const attached = message.document ?? photo?.at(-1);
  const stored = attached ? files.get(attached.file_id) : undefined;
  return {
    message_id: message.message_id,
    chat_id: message.chat.id,
    date: message.date,
    ...(message.edit_date !== undefined ? { edit_date: message.edit_date } : {}),
    text: message.text ?? message.caption ?? "",
    entities: message.entities ?? message.caption_entities ?? [],
    ...(markup !== undefined ? { reply_markup: markup } : {}),
    buttons: inlineButtons(markup),
    ...(message.document ? { document: message.document } : {}),
    ...(photo ? { photo } : {}),
    ...(attached && stored
      ? {
          file: {
            file_id: attached.file_id,
            ...(message.document?.file_name !== undefined ? { file_name: message.document.file_name } : {}),
            ...(message.document?.mime_type !== undefined ? { mime_type: message.document.mime_type } : {}),
            file_size: stored.file_size,
            bytes: files.bytesOf(stored),
          },
        }
      : {}),
    message,
  };
}
