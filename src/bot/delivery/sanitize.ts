/**
 * Every incoming update is cleaned before it is stored anywhere (inbox,
 * conversation replay log) or logged: secret values typed by mistake are
 * masked, own card numbers cut to the last four digits, and names dropped.
 */
import type { Message, Update } from "grammy/types";
import { maskOwnCards, redactSecrets } from "../../core/redact.js";
import { maskOwnCardsInStory } from "../../core/story/cards.js";

/** Set on an update whose text had a code, CVV, PIN or password masked. */
export const REDACTED = "saqbol_redacted";

type Mutable = Record<string, unknown>;

interface Options {
  /** The person is answering with someone else's identifiers (a recipient, a number to check). */
  keepCards: boolean;
  /** The person is telling the story: a recipient's card («на карту …») stays whole, their own is cut. */
  storyCards?: boolean;
}

function cleanText(text: string, found: Set<string>, options: Options): string {
  const r = redactSecrets(text);
  for (const kind of r.found) found.add(kind);
  if (options.keepCards) return r.text;
  return options.storyCards ? maskOwnCardsInStory(r.text) : maskOwnCards(r.text);
}

function cleanUser(u: unknown): void {
  if (!u || typeof u !== "object") return;
  const user = u as Mutable;
  if ("first_name" in user) user.first_name = "-";
  delete user.last_name;
  delete user.username;
}

function cleanMessage(m: Message | undefined, found: Set<string>, options: Options): void {
  if (!m) return;
  const msg = m as unknown as Mutable;
  if (typeof m.text === "string") msg.text = cleanText(m.text, found, options);
  if (typeof m.caption === "string") msg.caption = cleanText(m.caption, found, options);
  if (m.document?.file_name) {
    (m.document as unknown as Mutable).file_name = cleanText(m.document.file_name, found, { keepCards: false });
  }
  cleanUser(m.from);
  cleanUser(m.chat);
  if (m.contact) msg.contact = { phone_number: "-", first_name: "-" };
  if (m.forward_origin)
    msg.forward_origin = { type: "hidden_user", sender_user_name: "-", date: m.forward_origin.date };
  delete msg.forward_from;
  delete msg.forward_sender_name;
  if (m.reply_to_message) cleanMessage(m.reply_to_message as Message, found, { keepCards: false });
}

/** Cleans the update in place and returns it. */
export function sanitizeUpdate(update: Update, options: Options = { keepCards: false }): Update {
  const found = new Set<string>();
  const none = { keepCards: false };
  cleanMessage(update.message, found, options);
  cleanMessage(update.edited_message, found, none);
  cleanMessage(update.channel_post, found, none);
  cleanMessage(update.edited_channel_post, found, none);
  if (update.callback_query) {
    cleanUser(update.callback_query.from);
    const message = update.callback_query.message;
    if (message && "text" in message) cleanMessage(message as Message, found, none);
  }
  if (update.my_chat_member) cleanUser(update.my_chat_member.from);
  if (found.size > 0) (update as unknown as Mutable)[REDACTED] = [...found];
  return update;
}

export const redactedKinds = (update: Update): string[] =>
  ((update as unknown as Mutable)[REDACTED] as string[] | undefined) ?? [];
