import type { Message } from "grammy/types";
import type { StoredMessage } from "../bot.js";
import { badRequest } from "../errors.js";
import { readText } from "../formatting.js";
import { readReplyMarkup } from "../markup.js";
import { entitiesField, postBotMessage } from "./compose.js";
import { type CallContext, canonical, type MethodHandler, unixTime } from "./context.js";

const sendMessage: MethodHandler = (ctx) => {
  const record = ctx.bot.writableChat(ctx.params.str("chat_id"));
  const formatted = readText(ctx.params, "text")!;
  const markup = readReplyMarkup(ctx.params);
  return postBotMessage(
    ctx,
    record,
    { text: formatted.text, ...entitiesField("entities", formatted.entities) },
    markup,
  );
};

/** The bot's own message named by chat_id + message_id, as the edit methods require. */
function messageToEdit(ctx: CallContext): StoredMessage {
  const { params, bot } = ctx;
  if (params.has("inline_message_id")) throw badRequest("message to edit not found");
  const record = bot.writableChat(params.str("chat_id"));
  const stored = bot.find(record.chat.id, params.int("message_id"));
  if (!stored) throw badRequest("message to edit not found");
  if (!stored.fromBot) throw badRequest("message can't be edited");
  return stored;
}

/**
 * Applies an edit unless it changes nothing. An edit without reply_markup removes the
 * inline keyboard, exactly as on Telegram, so "the same" includes the markup.
 */
function applyEdit(ctx: CallContext, stored: StoredMessage, changes: Record<string, unknown>): Message {
  const { reply_markup: _old, edit_date: _date, ...rest } = stored.message as Message & Record<string, unknown>;
  const next: Record<string, unknown> = { ...rest, ...changes };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  const markup = readReplyMarkup(ctx.params);
  if (markup && !("inline_keyboard" in markup)) throw badRequest("inline keyboard expected");
  if (markup) next.reply_markup = markup;
  const { edit_date: _previous, ...current } = stored.message as Message & Record<string, unknown>;
  if (canonical(current) === canonical(next)) {
    throw badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }
  const edited = { ...next, edit_date: unixTime() } as unknown as Message;
  ctx.bot.replace(stored, edited);
  return edited;
}

const editMessageText: MethodHandler = (ctx) => {
  const stored = messageToEdit(ctx);
  if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
  const formatted = readText(ctx.params, "text")!;
  return applyEdit(ctx, stored, {
    text: formatted.text,
    entities: formatted.entities.length > 0 ? formatted.entities : undefined,
  });
};

const editMessageCaption: MethodHandler = (ctx) => {
  const stored = messageToEdit(ctx);
  if (stored.message.text !== undefined) throw badRequest("there is no caption in the message to edit");
  const formatted = readText(ctx.params, "caption");
  return applyEdit(ctx, stored, {
    caption: formatted?.text || undefined,
    caption_entities: formatted && formatted.entities.length > 0 ? formatted.entities : undefined,
  });
};

const editMessageReplyMarkup: MethodHandler = (ctx) => applyEdit(ctx, messageToEdit(ctx), {});

const deleteMessage: MethodHandler = ({ bot, params }) => {
  const record = bot.chat(params.str("chat_id"));
  const stored = bot.find(record.chat.id, params.int("message_id"));
  if (!stored) throw badRequest("message to delete not found");
  bot.remove(stored);
  return true;
};

const contentFields = [
  "text",
  "entities",
  "caption",
  "caption_entities",
  "document",
  "photo",
  "sticker",
  "voice",
  "video",
  "location",
  "contact",
  "poll",
] as const;

function sourceMessage(ctx: CallContext, what: "copy" | "forward"): Message {
  const from = ctx.bot.chat(ctx.params.str("from_chat_id"));
  const stored = ctx.bot.find(from.chat.id, ctx.params.int("message_id"));
  if (!stored) throw badRequest(`message to ${what} not found`);
  return stored.message;
}

function contentOf(message: Message): Record<string, unknown> {
  const source = message as unknown as Record<string, unknown>;
  return Object.fromEntries(contentFields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));
}

const copyMessage: MethodHandler = (ctx) => {
  const source = sourceMessage(ctx, "copy");
  const record = ctx.bot.writableChat(ctx.params.str("chat_id"));
  const content = contentOf(source);
  if (ctx.params.has("caption")) {
    const caption = readText(ctx.params, "caption");
    content.caption = caption?.text;
    content.caption_entities = caption?.entities.length ? caption.entities : undefined;
  }
  const copy = postBotMessage(ctx, record, content, readReplyMarkup(ctx.params));
  return { message_id: copy.message_id };
};

const forwardMessage: MethodHandler = (ctx) => {
  const source = sourceMessage(ctx, "forward");
  const record = ctx.bot.writableChat(ctx.params.str("chat_id"));
  const origin = source.from
    ? { type: "user", sender_user: source.from, date: source.date }
    : { type: "chat", sender_chat: source.chat, date: source.date };
  return postBotMessage(ctx, record, { forward_origin: origin, ...contentOf(source) }, undefined);
};

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  copyMessage,
  forwardMessage,
};
