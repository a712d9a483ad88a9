import { type BotState, commandKey, type ProfileField } from "../bot.js";
import { badRequest } from "../errors.js";
import type { MethodHandler } from "./context.js";

interface BotCommand {
  command: string;
  description: string;
}

const SCOPES_WITHOUT_CHAT = ["default", "all_private_chats", "all_group_chats", "all_chat_administrators"];

/**
 * A BotCommandScope as Telegram checks it: a known type; chat scopes name a chat the bot
 * knows (chat_id as a number or "123", kept as a number so both spellings are one scope),
 * chat_member also a user.
 */
function commandScope(bot: BotState, raw: Record<string, unknown> | undefined): Record<string, unknown> {
  const scope = raw ?? { type: "default" };
  const type = String(scope.type ?? "");
  if (SCOPES_WITHOUT_CHAT.includes(type)) return { type };
  if (type !== "chat" && type !== "chat_administrators" && type !== "chat_member") {
    throw badRequest("can't parse BotCommandScope: unsupported scope type");
  }
  const record = bot.chat(scope.chat_id as string | number | undefined);
  const chatScope = { type, chat_id: record.chat.id };
  if (type !== "chat_member") return chatScope;
  const userId = Number(scope.user_id);
  if (!Number.isSafeInteger(userId) || userId <= 0) throw badRequest("user not found");
  return { ...chatScope, user_id: userId };
}

function commandTarget({ bot, params }: Parameters<MethodHandler>[0]) {
  const scope = commandScope(bot, params.json<Record<string, unknown>>("scope"));
  const languageCode = params.str("language_code") ?? "";
  if (languageCode !== "" && !/^[a-z]{2}$/.test(languageCode)) throw badRequest("invalid language code specified");
  return { scope, languageCode, key: commandKey(scope, languageCode) };
}

function validateCommands(commands: unknown): BotCommand[] {
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  for (const entry of commands as Partial<BotCommand>[]) {
    if (typeof entry?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(entry.command)) {
      throw badRequest("BOT_COMMAND_INVALID");
    }
    const description = entry.description;
    if (typeof description !== "string" || description.trim() === "" || description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
  }
  return commands as BotCommand[];
}

const setMyCommands: MethodHandler = (ctx) => {
  const commands = validateCommands(ctx.params.json("commands"));
  const { scope, languageCode, key } = commandTarget(ctx);
  if (commands.length === 0) ctx.bot.commands.delete(key);
  else ctx.bot.commands.set(key, { scope, language_code: languageCode, commands });
  return true;
};

const getMyCommands: MethodHandler = (ctx) => ctx.bot.commands.get(commandTarget(ctx).key)?.commands ?? [];

const deleteMyCommands: MethodHandler = (ctx) => {
  ctx.bot.commands.delete(commandTarget(ctx).key);
  return true;
};

const getMe: MethodHandler = ({ bot }) => ({
  ...bot.user,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
});

const setChatMenuButton: MethodHandler = ({ bot, params }) => {
  const chatId = params.str("chat_id");
  if (chatId !== undefined) bot.chat(chatId);
  bot.menuButtons.set(chatId ?? "", params.json("menu_button") ?? { type: "default" });
  return true;
};

const getChatMenuButton: MethodHandler = ({ bot, params }) =>
  bot.menuButtons.get(params.str("chat_id") ?? "") ?? bot.menuButtons.get("") ?? { type: "commands" };

/** setMyName / setMyDescription / setMyShortDescription and their getters, per language. */
function profileMethods(field: ProfileField, limit: number) {
  const suffix = field === "name" ? "Name" : field === "description" ? "Description" : "ShortDescription";
  const set: MethodHandler = ({ bot, params }) => {
    const value = params.str(field) ?? "";
    if (value.length > limit) throw badRequest(`${field.toUpperCase()}_INVALID`);
    bot.profile[`${field}|${params.str("language_code") ?? ""}`] = value;
    return true;
  };
  const get: MethodHandler = ({ bot, params }) => ({
    [field]: bot.profileText(field, params.str("language_code") ?? ""),
  });
  return { [`setMy${suffix}`]: set, [`getMy${suffix}`]: get };
}

export const profileMethodsTable: Record<string, MethodHandler> = {
  getMe,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
  ...profileMethods("name", 64),
  ...profileMethods("description", 512),
  ...profileMethods("short_description", 120),
  logOut: () => true,
  close: () => true,
};
