/**
 * The one secret detector. Every text the bot stores or shows again — a message, a
 * caption, a file name, an answer — passes through `protectText` first: CVVs, PINs,
 * passwords, code words, SMS codes and card expiry dates are masked (the words around
 * them stay: "код был •••"), and the person's own card numbers are cut to their last
 * four digits, while the cards of recipients stay whole for the police. Sums, phone
 * numbers, IBANs, dates and the names of banks and operators are left as they are.
 * Linear in the text: every part reads a bounded window around what it looks at.
 */
import { maskCard } from "./identifiers/card.js";
import { cleanInPlace, foldKazakh } from "./identifiers/text.js";
import { cardsIn } from "./secrets/cards.js";
import { loneSecret, policyFor, type SecretPolicy } from "./secrets/policy.js";
import { tokenize } from "./secrets/tokens.js";
import { type Mask, valueMasks } from "./secrets/values.js";
import type { SecretKind } from "./secrets/words.js";

export type { AnswerKind, SecretPolicy } from "./secrets/policy.js";
export { policyFor } from "./secrets/policy.js";
export type { SecretKind } from "./secrets/words.js";

/** What replaces a secret value; the words around it stay, so "код был •••". */
export const SECRET_MASK = "•••";

export interface Redaction {
  text: string;
  /** The kinds of secret that were masked, each once, in order of appearance. */
  found: SecretKind[];
}

interface Replacement {
  start: number;
  end: number;
  /** undefined: kept as it is (a card kept whole), but nothing else may mask inside it. */
  with: string | undefined;
  kind?: SecretKind;
}

interface Parts {
  secrets: boolean;
  cards: boolean;
}

function replacements(text: string, policy: SecretPolicy, parts: Parts): Replacement[] {
  const clean = cleanInPlace(text);
  const tokens = tokenize(clean);
  const out: Replacement[] = [];
  const { cards, masks } = cardsIn(clean, tokens, policy.othersCards);
  for (const card of cards) {
    const cut = parts.cards && !card.keep;
    out.push({ start: card.start, end: card.end, with: cut ? maskCard(text.slice(card.start, card.end)) : undefined });
  }
  if (parts.secrets) {
    const secrets: Mask[] = [...masks, ...valueMasks(clean, foldKazakh(clean), tokens)];
    const lone = loneSecret(clean, policy);
    if (lone) secrets.push(lone);
    for (const m of secrets) out.push({ start: m.start, end: m.end, with: SECRET_MASK, kind: m.kind });
  }
  // Cards first where they overlap: the last four digits of a card are never a PIN.
  return out.sort((a, b) => a.start - b.start || Number(a.kind !== undefined) - Number(b.kind !== undefined));
}

function apply(text: string, list: Replacement[]): Redaction {
  let out = "";
  let cursor = 0;
  const found: SecretKind[] = [];
  for (const r of list) {
    if (r.start < cursor) continue;
    if (r.with === undefined) {
      out += text.slice(cursor, r.end);
    } else {
      out += text.slice(cursor, r.start) + r.with;
      if (r.kind && !found.includes(r.kind)) found.push(r.kind);
    }
    cursor = r.end;
  }
  return { text: out + text.slice(cursor), found };
}

/**
 * Masks secrets and cuts the person's own cards, as `policy` says for what the person
 * is answering (by default: nothing known about it). Run before anything is stored or logged.
 */
export function protectText(text: string, policy: SecretPolicy = policyFor(undefined)): Redaction {
  return apply(text, replacements(text, policy, { secrets: true, cards: true }));
}

/** Only the secret values (cards left alone): "код был 4821" → "код был •••". */
export function redactSecrets(text: string): Redaction {
  return apply(text, replacements(text, policyFor(undefined), { secrets: true, cards: false }));
}

/** Only the cards: the person's own cut to "•••• 1234", someone else's (as the words show) kept whole. */
export function maskOwnCards(text: string): string {
  return apply(text, replacements(text, policyFor(undefined), { secrets: false, cards: true })).text;
}

/** Free text as it should be stored: own cards cut, secrets masked. */
export const redactForStorage = (text: string): Redaction => protectText(text);

export const containsSecret = (text: string): boolean => redactSecrets(text).found.length > 0;
