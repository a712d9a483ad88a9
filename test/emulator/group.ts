import type { Chat, Update, User } from "grammy/types";
import type { BotState, ChatRecord } from "./bot.js";
import type { FileStore } from "./files.js";
import { incomingMessage, textContent, toUser, type UserProfile } from "./incoming.js";
import { unixTime } from "./methods/context.js";
import type { NewUpdate } from "./updates.js";
import type { BotMessage } from "./view.js";
import { ChatWatch, type WaitOptions } from "./watch.js";

export interface GroupProfile {
  id: number;
  title: string;
  /** Defaults to "supergroup" for ids starting with -100, else "group". */
  type?: "group" | "supergroup";
  username?: string;
}

type Person = UserProfile | { user: User };
const userOf = (person: Person): User => ("user" in person ? person.user : toUser(person));

/** A group chat the bot may be added to; records what the bot does there. */
export class GroupHandle {
  readonly chat: Chat.GroupChat | Chat.SupergroupChat;
  readonly chatRecord: ChatRecord;
  private readonly watch: ChatWatch;

  constructor(
    private readonly bot: BotState,
    files: FileStore,
    profile: GroupProfile,
  ) {
    const type = profile.type ?? (String(profile.id).startsWith("-100") ? "supergroup" : "group");
    this.chat = {
      id: profile.id,
      type,
      title: profile.title,
      ...(profile.username ? { username: profile.username } : {}),
    } as Chat.GroupChat | Chat.SupergroupChat;
    this.chatRecord = bot.ensureChat(this.chat);
    this.watch = new ChatWatch(bot, files, profile.id);
  }

  /** Someone adds the bot: a my_chat_member update, then the "new members" service message. */
  addBot(by: Person): Update[] {
    const from = userOf(by);
    this.chatRecord.known = true;
    this.chatRecord.botIsMember = true;
    this.chatRecord.botLeft = false;
    const statusUpdate = this.memberChange(from, "left", "member");
    const message = incomingMessage(this.bot, this.chat, from, { new_chat_members: [this.bot.user] });
    return [statusUpdate, this.push({ message } as NewUpdate)];
  }

  removeBot(by: Person): Update {
    this.chatRecord.botIsMember = false;
    return this.memberChange(userOf(by), "member", "left");
  }

  /** A message in the group; the bot must be a member to receive it, as on Telegram. */
  send(from: Person, text: string): Update {
    if (!this.chatRecord.botIsMember) throw new Error(`The bot is not in group ${this.chat.id}; call addBot() first`);
    const message = incomingMessage(this.bot, this.chat, userOf(from), textContent(text));
    return this.push({ message } as NewUpdate);
  }

  /** What the bot posted here (current state). */
  messages(): BotMessage[] {
    return this.watch.messages();
  }

  waitFor(predicate?: (message: BotMessage) => boolean, options?: WaitOptions): Promise<BotMessage> {
    return this.watch.waitFor(predicate, options);
  }

  /** The bot called leaveChat here. */
  get botLeft(): boolean {
    return this.chatRecord.botLeft;
  }

  get botIsMember(): boolean {
    return this.chatRecord.botIsMember;
  }

  private memberChange(from: User, oldStatus: string, newStatus: string): Update {
    return this.push({
      my_chat_member: {
        chat: this.chat,
        from,
        date: unixTime(),
        old_chat_member: { status: oldStatus, user: this.bot.user },
        new_chat_member: { status: newStatus, user: this.bot.user },
      },
    } as NewUpdate);
  }

  private push(update: NewUpdate): Update {
    this.watch.markNow();
    return this.bot.queue.push(update);
  }
}

/** A post in a channel where the bot is an administrator. */
export function pushChannelPost(
  bot: BotState,
  channel: { id: number; title?: string; username?: string },
  text: string,
): Update {
  const chat = {
    id: channel.id,
    type: "channel",
    title: channel.title ?? `Channel ${channel.id}`,
    ...(channel.username ? { username: channel.username } : {}),
  } as Chat.ChannelChat;
  const record = bot.ensureChat(chat);
  record.known = true;
  record.botIsMember = true;
  const post = incomingMessage(bot, record.chat, undefined, textContent(text));
  return bot.queue.push({ channel_post: post } as NewUpdate);
}
