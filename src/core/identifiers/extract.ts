import type { Identifier } from "../report/answers.js";
import { parseMaskedCard } from "./card.js";
import { phonesAndCards, type Span } from "./digit-runs.js";
import { parseHandle, parseUsername } from "./handle.js";
import { parseIban } from "./iban.js";
import { isAmountContext } from "./money-words.js";
import type { Parsed } from "./result.js";
import { cleanInPlace, LETTERS } from "./text.js";
import { parseWallet } from "./wallet.js";

export type { Span } from "./digit-runs.js";

const LINK_WITH_SCHEME = /(?:https?|hxxps?):\/\/[^\s<>"'«»]+/giu;
// No "i" on these two: \p{L} takes both cases already, and the flag doubles their compile time.
const LINK_WITHOUT_SCHEME =
  /(?<![\p{L}\p{N}@._/-])(?:[\p{L}\p{N}-]+(?:\.|\[\.\]))+\p{L}{2,}(?::\d+)?(?:\/[^\s<>"'«»]*)?/gu;
const EMAIL = /(?<![\p{L}\p{N}._+-])[\p{L}\p{N}._+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const USERNAME = /(?<![p{L}p{N}_.@])@[A-Za-z][A-Za-z0-9_.]{2,31}/g;
const WALLET =
  /(?<![A-Za-z0-9])(?:0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{6,87}|BC1[02-9AC-HJ-NP-Z]{6,87}|[13T][1-9A-HJ-NP-Za-km-z]{25,34}|[EUk0][Qf][A-Za-z0-9_-]{46})(?![A-Za-z0-9])/g;
const MASKED_CARD = /(?<![\p{L}\p{N}])(?:\d{4}[ -]?\d{0,2}[ -]?)?(?:[*•·xXхХ#]{1,4}[ -]?){1,4}\d{4}(?!\p{N})/gu;
/** The start of an IBAN: a country code and two check digits. */
const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;

/** Service numbers worth noting wherever they appear: eGov's SMS gateway, Halyk's contact centre. */
const KNOWN_SHORT_NUMBERS = new Set(["1414", "7111"]);
/** A word that says the next short number is a phone number: "с номера 7000", "нөмірінен". */
const PHONE_WORD_BEFORE = new RegExp(
  `(?:номер${LETTERS}|тел\\.?|телефон${LETTERS}|нөмір${LETTERS}|звонил${LETTERS} с|позвонил${LETTERS} с)[ :]*$`,
  "iu",
);

/** Spaces or dashes between the characters of an IBAN, as statements print it. */
function ibanAt(text: string, start: number): Span | undefined {
  const ends: number[] = [];
  let i = start;
  while (i < text.length && ends.length < 34) {
    if (/[A-Za-z0-9]/.test(text[i]!)) {
      ends.push(i + 1);
      i++;
    } else if (/[ -]/.test(text[i]!) && /[A-Za-z0-9]/.test(text[i + 1] ?? "")) {
      i++;
    } else {
      break;
    }
  }
  for (let length = ends.length; length >= 15; length--) {
    const end = ends[length - 1]!;
    if (/[A-Za-z0-9]/.test(text[end] ?? "")) continue;
    const iban = parseIban(text.slice(start, end));
    if (iban.ok) return { identifier: { ...iban.value, raw: text.slice(start, end) }, start, end };
  }
  return undefined;
}

function shortNumbers(text: string): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}+.,:/-])(?<!\d[ -])\d{3,6}(?![\p{N}:/]|[.,-]?[ ]?\d)/gu)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (isAmountContext(before, after)) continue;
    if (!KNOWN_SHORT_NUMBERS.has(m[0]) && !PHONE_WORD_BEFORE.test(before)) continue;
    found.push({ identifier: { kind: "other", value: m[0], raw: m[0] }, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

function byPattern(text: string, pattern: RegExp, parse: (raw: string) => Parsed<Identifier>): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    const raw = m[0].replace(/[.,;:!?)»]+$/, "");
    const result = parse(raw);
    if (result.ok) found.push({ identifier: result.value, start: m.index, end: m.index + raw.length });
  }
  return found;
}

const email = (raw: string): Parsed<Identifier> => ({
  ok: true,
  value: { kind: "other", value: raw.toLowerCase(), raw },
});

/**
 * Every identifier in free text, with where it stands, in reading order. Finders run
 * from the most specific to the least (a link before the digits inside it), and a
 * place already taken is not read again. Sums, dates, times and years are left alone.
 * Linear in the text: every finder is, and a place is checked once per span over it.
 */
export function findIdentifiers(text: string): Span[] {
  const clean = cleanInPlace(text);
  const finders: (() => Span[])[] = [
    () => byPattern(clean, LINK_WITH_SCHEME, parseHandle),
    () => byPattern(clean, EMAIL, email),
    () => byPattern(clean, LINK_WITHOUT_SCHEME, parseHandle),
    () => byPattern(clean, USERNAME, parseUsername),
    () => [...clean.matchAll(IBAN_START)].flatMap((m) => ibanAt(clean, m.index) ?? []),
    () => byPattern(clean, WALLET, parseWallet),
    () => byPattern(clean, MASKED_CARD, parseMaskedCard),
    () => phonesAndCards(clean),
    () => shortNumbers(clean),
  ];
  const taken: Span[] = [];
  // Which characters a span already holds: a new span is checked in its own length, not against every span.
  const held = new Uint8Array(clean.length);
  for (const find of finders) {
    for (const span of find()) {
      if (held.subarray(span.start, span.end).includes(1)) continue;
      held.fill(1, span.start, span.end);
      taken.push({ ...span, identifier: { ...span.identifier, raw: text.slice(span.start, span.end) } });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The distinct identifiers in free text, for linking reports and for recognition. */
export function extractIdentifiers(text: string): Identifier[] {
  const seen = new Set<string>();
  return findIdentifiers(text)
    .map((span) => span.identifier)
    .filter((identifier) => {
      const key = `${identifier.kind}:${identifier.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
