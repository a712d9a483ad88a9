import { randomBytes } from "node:crypto";
import type { InlineKeyboardButton, Message, Update, User } from "grammy/types";
import type { BotState, ChatRecord } from "./bot.js";
import { type FileStore, mimeTypeFor } from "./files.js";
import { commandEntities, incomingMessage, privateChatOf, textContent, toUser, type UserProfile } from "./incoming.js";
import { unixTime } from "./methods/context.js";
import { documentOf, photoSizesOf } from "./methods/files.js";
import type { NewUpdate } from "./updates.js";
import type { BotMessage } from "./view.js";
import { ChatWatch, type WaitOptions } from "./watch.js";

export type ButtonMatcher = string | RegExp | ((button: InlineKeyboardButton) => boolean);

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
}

/** A person in a private chat with one bot: acts like a Telegram client, reads what the bot sent. */
export class UserHandle {
  readonly user: User;
  readonly chatRecord: ChatRecord;
  private readonly watch: ChatWatch;

  constructor(
    private readonly bot: BotState,
    private readonly files: FileStore,
    profile: UserProfile,
    describeTrouble: () => string = () => "",
  ) {
    this.user = toUser(profile);
    this.chatRecord = bot.ensureChat(privateChatOf(this.user));
    this.watch = new ChatWatch(bot, files, this.user.id, describeTrouble);
  }

  get chatId(): number {
    return this.user.id;
  }

  // --- acting -------------------------------------------------------------------------

  send(text: string, extra: Partial<Message> = {}): Update {
    return this.sendContent({ ...textContent(text), ...extra });
  }

  command(name: string, args?: string): Update {
    return this.send(`/${name.replace(/^\//, "")}${args ? ` ${args}` : ""}`);
  }

  /** Presses an inline button (exact text, else a unique part of it) of `message` or the latest message with buttons. */
  press(target: ButtonMatcher, message?: BotMessage | Message | number): Update {
    const source = this.messageWithButtons(message);
    const buttons = (
      source.reply_markup && "inline_keyboard" in source.reply_markup ? source.reply_markup.inline_keyboard : []
    ).flat();
    const button = findButton(buttons, target);
    if (!button) {
      const labels = buttons.map((b) => JSON.stringify(b.text)).join(", ");
      throw new Error(`No button ${String(target)} in message #${source.message_id}; it has: ${labels || "none"}`);
    }
    if (!("callback_data" in button)) throw new Error(`Button ${JSON.stringify(button.text)} sends no callback data`);
    return this.callback(source.message_id, button.callback_data);
  }

  /** A callback query with any data at all, as a tampered or stale client could send. */
  pressData(messageId: number, data: string): Update {
    return this.callback(messageId, data);
  }

  sendDocument(file: {
    name: string;
    mime?: string;
    bytes?: Buffer | Uint8Array;
    size?: number;
    caption?: string;
  }): Update {
    const stored = this.files.add("documents", {
      ...(file.bytes ? { bytes: Buffer.from(file.bytes) } : { size: file.size ?? 0 }),
      name: file.name,
      mime: file.mime ?? mimeTypeFor(file.name),
    });
    return this.sendContent({ document: documentOf(stored), ...caption(file.caption) });
  }

  sendPhoto(photo: { bytes?: Buffer | Uint8Array; caption?: string } = {}): Update {
    const bytes = photo.bytes ? Buffer.from(photo.bytes) : tinyJpeg;
    const original = this.files.add("photos", { bytes });
    return this.sendContent({ photo: photoSizesOf({ files: this.files }, original), ...caption(photo.caption) });
  }

  /** Several photos sent together as one album, as Telegram delivers them: one update each, one media_group_id. */
  sendAlbum(count: number, options: { caption?: string } = {}): Update[] {
    const group = randomBytes(8).readBigUInt64BE().toString();
    return Array.from({ length: count }, (_, i) => {
      const original = this.files.add("photos", { bytes: Buffer.concat([tinyJpeg, Buffer.from(`#${group}-${i}`)]) });
      const first = i === 0 ? caption(options.caption) : {};
      return this.sendContent({
        media_group_id: group,
        photo: photoSizesOf({ files: this.files }, original),
        ...first,
      });
    });
  }

  sendSticker(emoji = "👍"): Update {
    const file = this.files.add("stickers", { bytes: Buffer.from("RIFF-webp") });
    const sticker = { ...ids(file), type: "regular", width: 512, height: 512, is_animated: false, is_video: false };
    return this.sendContent({ sticker: { ...sticker, emoji, file_size: file.file_size } });
  }

  sendVoice(seconds = 3): Update {
    const file = this.files.add("voice", { bytes: Buffer.from("OggS-voice"), mime: "audio/ogg" });
    return this.sendContent({
      voice: { ...ids(file), duration: seconds, mime_type: "audio/ogg", file_size: file.file_size },
    });
  }

  sendVideo(seconds = 5): Update {
    const file = this.files.add("videos", { bytes: Buffer.from("mp4-video"), mime: "video/mp4" });
    const video = { ...ids(file), width: 640, height: 360, duration: seconds, mime_type: "video/mp4" };
    return this.sendContent({ video: { ...video, file_size: file.file_size } });
  }

  sendLocation(latitude = 43.2389, longitude = 76.8897): Update {
    return this.sendContent({ location: { latitude, longitude } });
  }

  sendContact(phone = "+77011234567"): Update {
    return this.sendContent({
      contact: { phone_number: phone, first_name: this.user.first_name, user_id: this.user.id },
    });
  }

  sendPoll(question = "?", options = ["yes", "no"]): Update {
    const poll = {
      id: randomBytes(8).toString("hex"),
      question,
      options: options.map((text) => ({ text, voter_count: 0 })),
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type: "regular",
      allows_multiple_answers: false,
    };
    return this.sendContent({ poll });
  }

  /** The person edits one of their own earlier messages. */
  editMessage(messageId: number, text: string): Update {
    const stored = this.bot.find(this.chatId, messageId);
    if (!stored || stored.fromBot) throw new Error(`Message #${messageId} is not this user's message`);
    const { entities: _old, ...rest } = stored.message;
    const entities = commandEntities(text);
    const edited = { ...rest, text, ...(entities.length ? { entities } : {}), edit_date: unixTime() } as Message;
    this.bot.replace(stored, edited);
    return this.pushUpdate({ edited_message: edited } as NewUpdate);
  }

  /** Forwards a message written elsewhere; without an origin it looks like a hidden account. */
  forward(
    text: string,
    from: {
      fromUser?: UserProfile;
      fromChat?: { id: number; title: string; type?: "channel" | "group" | "supergroup" };
    } = {},
  ): Update {
    const date = unixTime() - 60;
    const origin = from.fromChat
      ? from.fromChat.type === "channel" || from.fromChat.type === undefined
        ? {
            type: "channel",
            chat: { id: from.fromChat.id, title: from.fromChat.title, type: "channel" },
            message_id: 1,
            date,
          }
        : { type: "chat", sender_chat: { ...from.fromChat }, date }
      : from.fromUser
        ? { type: "user", sender_user: toUser(from.fromUser), date }
        : { type: "hidden_user", sender_user_name: "Hidden", date };
    return this.sendContent({ ...textContent(text), forward_origin: origin });
  }

  block(): Update {
    this.chatRecord.blocked = true;
    return this.memberStatus("member", "kicked");
  }

  unblock(): Update {
    this.chatRecord.blocked = false;
    return this.memberStatus("kicked", "member");
  }

  /** Any update at all, with `update_id` filled in. */
  pushUpdate(update: NewUpdate): Update {
    this.chatRecord.known = true;
    // Whatever file a message carries, Telegram has it: getFile finds it (its bytes read as zeros).
    const message = (update as { message?: Record<string, unknown> }).message;
    if (message) this.files.adoptFilesOf(message);
    this.watch.markNow();
    return this.bot.queue.push(update);
  }

  // --- reading ------------------------------------------------------------------------

  /** The bot's messages in this chat as they stand now (after edits and deletions). */
  messages(): BotMessage[] {
    return this.watch.messages();
  }

  last(): BotMessage | undefined {
    return this.messages().at(-1);
  }

  /** The first bot message (new or edited) after the latest action that matches. */
  waitFor(predicate?: (message: BotMessage) => boolean, options?: WaitOptions): Promise<BotMessage> {
    return this.watch.waitFor(predicate, options);
  }

  nextReply(options: { timeoutMs?: number } = {}): Promise<BotMessage> {
    return this.watch.waitFor(undefined, { ...options, kinds: ["new"] });
  }

  onBotMessage(listener: (message: BotMessage, kind: "new" | "edit" | "delete") => void): () => void {
    return this.watch.subscribe(listener);
  }

  /** Lets a following wait skip everything the bot did so far. */
  markNow(): void {
    this.watch.markNow();
  }

  /** The «/» menu this person sees (their chat's commands, else their language's, else the default). */
  commandMenu(): { command: string; description: string }[] {
    return this.bot.commandsShown(this.user.id, this.user.language_code);
  }

  callbackAnswers(): CallbackAnswer[] {
    return [...this.bot.callbacks.values()]
      .filter((query) => query.userId === this.user.id && query.answer)
      .map((query) => query.answer as unknown as CallbackAnswer);
  }

  // --- helpers ------------------------------------------------------------------------

  private sendContent(content: Record<string, unknown>): Update {
    if (this.chatRecord.blocked) throw new Error(`User ${this.user.id} blocked the bot; call unblock() first`);
    this.chatRecord.known = true;
    const message = incomingMessage(this.bot, this.chatRecord.chat, this.user, content);
    return this.pushUpdate({ message } as NewUpdate);
  }

  private messageWithButtons(message?: BotMessage | Message | number): Message {
    if (message !== undefined) {
      const id = typeof message === "number" ? message : message.message_id;
      const stored = this.bot.find(this.chatId, id);
      if (!stored) throw new Error(`Message #${id} is not in chat ${this.chatId} (deleted?)`);
      return stored.message;
    }
    const withButtons = this.bot.botMessages(this.chatId).findLast((m) => m.reply_markup?.inline_keyboard.length);
    if (!withButtons) throw new Error(`No bot message with inline buttons in chat ${this.chatId}`);
    return withButtons;
  }

  private callback(messageId: number, data: string): Update {
    const id = `${this.user.id}${randomBytes(6).readUIntBE(0, 6)}`;
    const stored = this.bot.find(this.chatId, messageId);
    const message = stored?.message ?? { chat: this.chatRecord.chat, message_id: messageId, date: 0 };
    this.bot.callbacks.set(id, { id, userId: this.user.id, answered: false });
    const chatInstance = String(this.chatId * 7919 + this.bot.id);
    return this.pushUpdate({
      callback_query: { id, from: this.user, message, chat_instance: chatInstance, data },
    } as NewUpdate);
  }

  private memberStatus(from: "member" | "kicked", to: "member" | "kicked"): Update {
    const member = (status: string) => ({
      status,
      user: this.bot.user,
      ...(status === "kicked" ? { until_date: 0 } : {}),
    });
    return this.pushUpdate({
      my_chat_member: {
        chat: this.chatRecord.chat,
        from: this.user,
        date: unixTime(),
        old_chat_member: member(from),
        new_chat_member: member(to),
      },
    } as NewUpdate);
  }
}

function findButton(buttons: InlineKeyboardButton[], target: ButtonMatcher): InlineKeyboardButton | undefined {
  if (typeof target === "function") return buttons.find(target);
  if (target instanceof RegExp) return buttons.find((b) => target.test(b.text));
  const exact = buttons.find((b) => b.text === target);
  if (exact) return exact;
  const partial = buttons.filter((b) => b.text.includes(target));
  return partial.length === 1 ? partial[0] : undefined;
}

const caption = (text: string | undefined) => (text ? { caption: text } : {});
const ids = (file: { file_id: string; file_unique_id: string }) => ({
  file_id: file.file_id,
  file_unique_id: file.file_unique_id,
});
const tinyJpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);
