/**
 * Every incoming update is cleaned before it is stored anywhere (inbox,
 * conversation replay log) or logged: invisible direction marks are dropped,
 * secret values typed by mistake are masked and own card numbers cut to the
 * last four digits (by the one detector, core/redact.ts, as the question being
 * answered asks), and names dropped.
 */
import type { Message, Update } from "grammy/types";
import { policyFor, protectText, type SecretPolicy } from "../../core/redact.js";

/** Set on an update whose text had a code, CVV, PIN or password masked. */
export const REDACTED = "saqbol_redacted";

type Mutable = Record<string, unknown>;

/** The secret policy for the text of the update (its caption and file name follow the default). */
export type SanitizePolicy = SecretPolicy;

/**
 * Direction overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E,
 * U+200F, U+061C) and zero-width spaces: they can make a stored name read backwards
 * in a report or a spreadsheet and carry nothing a person meant. The zero-width
 * joiner (emoji) stays.
 */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff]/g;

export const stripInvisible = (text: string): string => text.replace(INVISIBLE, "");

function cleanText(text: string, found: Set<string>, policy: SecretPolicy): string {
  const r = protectText(stripInvisible(text), policy);
  for (const kind of r.found) found.add(kind);
  return r.text;
}

function cleanUser(u: unknown): void {
  if (!u || typeof u !== "object") return;
  const user = u as Mutable;
  if ("first_name" in user) user.first_name = "-";
  delete user.last_name;
  delete user.username;
}

function cleanMessage(m: Message | undefined, found: Set<string>, policy: SecretPolicy): void {
  if (!m) return;
  const msg = m as unknown as Mutable;
  const other = policyFor(undefined);
  if (typeof m.text === "string") msg.text = cleanText(m.text, found, policy);
  if (typeof m.caption === "string") msg.caption = cleanText(m.caption, found, policy);
  if (m.document?.file_name) {
    (m.document as unknown as Mutable).file_name = cleanText(m.document.file_name, found, other);
  }
  if (m.quote && typeof m.quote.text === "string") {
    (m.quote as unknown as Mutable).text = cleanText(m.quote.text, found, other);
  }
  cleanUser(m.from);
  cleanUser(m.chat);
  if (m.contact) msg.contact = { phone_number: "-", first_name: "-" };
  if (m.forward_origin)
    msg.forward_origin = { type: "hidden_user", sender_user_name: "-", date: m.forward_origin.date };
  delete msg.forward_from;
  delete msg.forward_sender_name;
  delete msg.external_reply;
  if (m.reply_to_message) cleanMessage(m.reply_to_message as Message, found, other);
}

/**
 * A button's message is the bot's own: its text was rendered from what is stored, so
 * a copy in the inbox would only repeat a person's answers, and running the secret
 * detector over its hundreds of characters was half the inbox's work over HTTP.
 * Handlers read only its kind and its buttons (a double tap is told by the ticks on them).
 */
function withoutOwnText(m: Message): Message {
  const msg = m as unknown as Mutable;
  if (typeof m.text === "string") msg.text = "";
  if (typeof m.caption === "string") msg.caption = "";
  delete msg.entities;
  delete msg.caption_entities;
  return m;
}

/** Cleans the update in place and returns it; `policy` applies to what the person typed now. */
export function sanitizeUpdate(update: Update, policy: SecretPolicy = policyFor(undefined)): Update {
  const found = new Set<string>();
  const other = policyFor(undefined);
  cleanMessage(update.message, found, policy);
  cleanMessage(update.edited_message, found, other);
  cleanMessage(update.channel_post, found, other);
  cleanMessage(update.edited_channel_post, found, other);
  if (update.callback_query) {
    cleanUser(update.callback_query.from);
    const message = update.callback_query.message;
    if (message && "text" in message) cleanMessage(withoutOwnText(message as Message), found, other);
  }
  if (update.my_chat_member) cleanUser(update.my_chat_member.from);
  if (found.size > 0) (update as unknown as Mutable)[REDACTED] = [...found];
  return update;
}

export const redactedKinds = (update: Update): string[] =>
  ((update as unknown as Mutable)[REDACTED] as string[] | undefined) ?? [];
