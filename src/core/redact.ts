import { maskCard } from "./identifiers/card.js";
import { phonesAndCards } from "./identifiers/digit-runs.js";
import { parseLink } from "./identifiers/handle.js";
import { isAmountContext } from "./identifiers/money-words.js";
import {
  ABLATIVE,
  CONJUNCTIONS,
  COUNT_AFTER,
  DIGITS,
  FILLERS,
  NOT_SECRET_AFTER,
  PASSWORD_FILLERS,
  PASSWORD_STOPS,
  SECRET_TRIGGERS,
  SENDER_WORDS,
  SERVICE_NUMBERS,
  type SecretKind,
} from "./identifiers/secret-words.js";
import { cleanInPlace, foldKazakh, WORD_END, WORD_START } from "./identifiers/text.js";

export type { SecretKind } from "./identifiers/secret-words.js";

/** What replaces a secret value; the words around it stay, so "код был •••". */
export const SECRET_MASK = "•••";

export interface Redaction {
  text: string;
  /** The kinds of secret that were masked, each once, in order of appearance. */
  found: SecretKind[];
}

interface Token {
  start: number;
  end: number;
  /** The token without surrounding punctuation or quotes. */
  core: string;
  coreStart: number;
  folded: string;
  /** Follows ":", "—", "=" or opens a quote: what comes next is a value. */
  afterColon: boolean;
}

interface Mask {
  kind: SecretKind;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let colon = false;
  // "код:4821", "код=4821", "код(4821)": the word and the value are two tokens.
  for (const m of text.matchAll(/\p{L}+(?=[:=(])|\S+/gu)) {
    const lead = /^[«"'“„([:=]*/u.exec(m[0])![0].length;
    const core = m[0].slice(lead).replace(/[.,;:!?»"'”)\]]+$/u, "");
    const quoted = lead > 0 && m[0][lead - 1] !== "(";
    tokens.push({
      start: m.index,
      end: m.index + m[0].length,
      core,
      coreStart: m.index + lead,
      folded: foldKazakh(core),
      afterColon: colon || quoted || /^[:=]/.test(m[0]),
    });
    colon = /[:=—-]$/u.test(m[0]);
  }
  return tokens;
}

const TRIGGERS = SECRET_TRIGGERS.map(
  ([kind, source]) =>
    [
      kind,
      new RegExp(`${WORD_START}(?:${source})${WORD_END}(?!\\s+(?:${NOT_SECRET_AFTER})${WORD_END})`, "gu"),
    ] as const,
);

/** Punctuation-only tokens ("-", ":", "—") carry nothing and are stepped over. */
const isPunctuation = (token: Token) => /^[-:=,;.]*$/.test(token.core);

type Step = { mask: Mask; next: number } | "skip" | "stop";

/**
 * A number that may be a code, PIN or CVV, starting at token i: digits, possibly in
 * groups ("482 193") or with a Kazakh ending ("4821-ді"). Sums, years, phone and card
 * numbers, counts and the numbers codes come from are not values.
 */
function digitValue(tokens: Token[], i: number, kind: Exclude<SecretKind, "password">, text: string): Step {
  const first = tokens[i]!;
  const m = /^(\d{1,8}|\d{2,4}(?:-\d{2,4}){1,2}|[a-z]-?\d{4,8})(-?\p{L}{1,5})?$/iu.exec(first.core);
  if (!m) return "stop";
  if (m[2] && ABLATIVE.test(foldKazakh(m[2]))) return "skip";
  let last = i;
  let digits = m[1]!.replace(/\D/g, "").length;
  while (
    !m[2] &&
    tokens[last + 1] &&
    /^\d{1,4}$/.test(tokens[last + 1]!.core) &&
    tokens[last]!.end + 1 === tokens[last + 1]!.start
  ) {
    last++;
    digits += tokens[last]!.core.length;
  }
  const start = first.coreStart;
  const end = last === i ? first.coreStart + m[1]!.length : tokens[last]!.coreStart + tokens[last]!.core.length;
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (digits > 8 || isAmountContext(before, after) || COUNT_AFTER.test(foldKazakh(after.slice(0, 20)))) return "stop";
  if (SERVICE_NUMBERS.has(m[1]!) || SENDER_WORDS.has(tokens[i - 1]?.folded ?? "")) return "skip";
  const [min, max] = DIGITS[kind];
  if (digits < min || digits > max) return "stop";
  return { mask: { kind, start, end }, next: last + 1 };
}

/** A password: a token with a digit, a sign or Latin letters, or anything after "пароль:". */
function passwordValue(tokens: Token[], i: number, text: string): Step {
  const token = tokens[i]!;
  const { core, folded } = token;
  if (PASSWORD_STOPS.has(folded)) return "stop";
  if (PASSWORD_FILLERS.has(folded) || FILLERS.has(folded) || core.includes("@") || parseLink(core).ok) return "skip";
  const looksLikePassword = /\d|[^\p{L}\p{N}\s]|[a-z]/iu.test(core);
  if (!looksLikePassword && !token.afterColon) return "stop";
  // Dates, times and phone numbers near the word "пароль" are not the password.
  if (/^\d{1,4}[./:-]\d{1,2}(?:[./:-]\d{1,4})?$/.test(core) || (/^\d{9,}$/.test(core) && !token.afterColon))
    return "stop";
  if (/^\d+$/.test(core)) {
    const asNumber = text.slice(token.coreStart + core.length);
    if (
      isAmountContext(text.slice(0, token.coreStart), asNumber) ||
      COUNT_AFTER.test(foldKazakh(asNumber.slice(0, 20)))
    ) {
      return "stop";
    }
  }
  if (core.length < 3) return "stop";
  return { mask: { kind: "password", start: token.coreStart, end: token.coreStart + core.length }, next: i + 1 };
}

const valueAt = (tokens: Token[], i: number, kind: SecretKind, text: string): Step =>
  kind === "password" ? passwordValue(tokens, i, text) : digitValue(tokens, i, kind, text);

/** Values after a trigger: "код был 4821", "пароль от egov Qwe!23", "коды 4821 және 5532". */
function after(tokens: Token[], from: number, kind: SecretKind, text: string): Mask[] {
  const masks: Mask[] = [];
  let skipped = 0;
  for (let i = from; i < tokens.length && skipped <= 4; ) {
    const token = tokens[i]!;
    if (isPunctuation(token) || (masks.length > 0 && CONJUNCTIONS.has(token.folded))) {
      i++;
      continue;
    }
    const step = valueAt(tokens, i, kind, text);
    if (typeof step === "object") {
      masks.push(step.mask);
      i = step.next;
      skipped = 0;
      continue;
    }
    // A filler ("был", "келген", "от") is stepped over; any other word or number ends the search.
    if (step === "stop" && !FILLERS.has(token.folded) && !SENDER_WORDS.has(token.folded)) break;
    skipped++;
    i++;
  }
  return masks;
}

/** A value just before a trigger, as Kazakh puts it: "4821 кодын айттым", "4821 деген кодты". */
function before(tokens: Token[], to: number, kind: SecretKind, text: string): Mask[] {
  for (let i = to, skipped = 0; i >= 0 && skipped <= 2; i--, skipped++) {
    const token = tokens[i]!;
    if (isPunctuation(token) || ["деген", "деп", "это", "был", "была", "-", "—"].includes(token.folded)) continue;
    // "логин aigul, пароль …": a value ends before a comma or a full stop, not in another clause.
    if (token.coreStart + token.core.length < token.end) return [];
    if (kind === "password" && !/\d|[^\p{L}\s]/u.test(token.core)) return [];
    // Step back to the first group of "482 193".
    let start = i;
    while (start > 0 && /^\d{1,4}$/.test(tokens[start]!.core) && /^\d{1,4}$/.test(tokens[start - 1]!.core)) start--;
    const step = valueAt(tokens, start, kind, text);
    return typeof step === "object" && step.next > i ? [step.mask] : [];
  }
  return [];
}

/** "4821 деп айттым": a number said aloud, with no word for what it was. */
const SAID = new RegExp(`${WORD_START}(?:деп|деген)\\s+(?:айт|жаз|жибер)\\p{L}*`, "gu");

function findMasks(text: string): Mask[] {
  const folded = foldKazakh(text);
  const tokens = tokenize(text);
  const firstFrom = (offset: number) => tokens.findIndex((t) => t.start >= offset);
  const lastBefore = (offset: number) => tokens.findLastIndex((t) => t.end <= offset);
  const masks: Mask[] = [];
  for (const [kind, re] of TRIGGERS) {
    for (const m of folded.matchAll(re)) {
      const next = firstFrom(m.index + m[0].length);
      if (next >= 0) masks.push(...after(tokens, next, kind, text));
      masks.push(...before(tokens, lastBefore(m.index), kind, text));
    }
  }
  for (const m of folded.matchAll(SAID)) {
    const i = lastBefore(m.index);
    if (i >= 0 && /^\d/.test(tokens[i]!.core)) masks.push(...before(tokens, i, "code", text));
  }
  return masks;
}

/**
 * Masks the VALUES of CVVs, PINs, passwords and SMS codes in free text, in Russian,
 * Kazakh and Latin-letter Russian ("код был 4821" → "код был •••"), keeping the words.
 * Sums, phone and card numbers, dates, times, years and IBANs stay; "да, сказала код"
 * (a word without a value) stays. Run before anything is stored or logged.
 */
export function redactSecrets(text: string): Redaction {
  const masks = findMasks(cleanInPlace(text)).sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = 0;
  const found: SecretKind[] = [];
  for (const mask of masks) {
    if (mask.start < cursor) continue;
    out += text.slice(cursor, mask.start) + SECRET_MASK;
    cursor = mask.end;
    if (!found.includes(mask.kind)) found.push(mask.kind);
  }
  return { text: out + text.slice(cursor), found };
}

export const containsSecret = (text: string): boolean => redactSecrets(text).found.length > 0;

/**
 * Masks every card number in free text to "•••• 1234": a Luhn-valid number of 13–19
 * digits, and also any 16 digits written as a card (4-4-4-4 or one block) even if a
 * typo breaks Luhn, since a person's own full card number must never be stored.
 */
export function maskOwnCards(text: string): string {
  const clean = cleanInPlace(text);
  const spans = phonesAndCards(clean)
    .filter((span) => span.identifier.kind === "card")
    .map(({ start, end }) => ({ start, end }));
  for (const m of clean.matchAll(/(?<![\p{N}+])\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?![\p{N}])/gu)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  spans.sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const { start, end } of spans) {
    if (end > limit) continue;
    out = out.slice(0, start) + maskCard(text.slice(start, end)) + out.slice(end);
    limit = start;
  }
  return out;
}

/** Both at once, as free text should be before it is stored: own cards masked, secrets masked. */
export function redactForStorage(text: string): Redaction {
  return redactSecrets(maskOwnCards(text));
}
