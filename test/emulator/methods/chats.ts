import { badRequest } from "../errors.js";
import type { MethodHandler } from "./context.js";

const chatActions = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const getChat: MethodHandler = ({ bot, params }) => {
  const { chat } = bot.chat(params.str("chat_id"));
  return { ...chat, accent_color_id: 0, max_reaction_count: 11 };
};

const leaveChat: MethodHandler = ({ bot, params }) => {
  const record = bot.chat(params.str("chat_id"));
  if (record.chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
  record.botIsMember = false;
  record.botLeft = true;
  return true;
};

const sendChatAction: MethodHandler = ({ bot, params }) => {
  bot.writableChat(params.str("chat_id"));
  if (!chatActions.has(params.str("action") ?? "")) throw badRequest("wrong parameter action in request");
  return true;
};

const answerCallbackQuery: MethodHandler = ({ bot, params }) => {
  const query = bot.callbacks.get(params.str("callback_query_id") ?? "");
  if (!query || query.answered) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  if ((params.str("text") ?? "").length > 200) throw badRequest("MESSAGE_TOO_LONG");
  query.answered = true;
  query.answer = params.forLog();
  return true;
};

export const chatMethods: Record<string, MethodHandler> = { getChat, leaveChat, sendChatAction, answerCallbackQuery };
