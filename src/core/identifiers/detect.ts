import type { Bank } from "../model.js";
import type { Identifier } from "../report/answers.js";
import { findBank } from "./banks.js";
import { parseCard, parseMaskedCard } from "./card.js";
import { digitRuns } from "./digit-runs.js";
import { findIdentifiers } from "./extract.js";
import { parseHandle } from "./handle.js";
import { bankFromIban, parseIban } from "./iban.js";
import { parseIin } from "./iin.js";
import { parsePhone } from "./phone.js";
import { fail, ok, type Parsed } from "./result.js";
import { cleanInput, digitsOf, LETTERS, squeezeSpaces, WORD_END, WORD_START } from "./text.js";
import { parseWallet } from "./wallet.js";

export { extractIdentifiers, findIdentifiers } from "./extract.js";

/** Something that looks like an identifier but fails its check: most likely a typo. */
export type IdentifierError = "empty" | "luhn" | "iban_checksum" | "wallet_checksum" | "not_a_phone";

/** What a person wrote about who received the money or who contacted them. */
export interface Recipient {
  identifier: Identifier;
  /** The words left around the identifier, usually a name: "Айгүл Б.". */
  name?: string;
  /** A bank named in the answer ("Kaspi"), or known from the IBAN. */
  bank?: Bank;
  /** Further identifiers in the same answer. */
  more?: Identifier[];
}

/** Words that only label the identifier ("на карту", "номер", "Kaspi Gold"), never part of a name. */
// biome-ignore format: a list reads better in rows
const LABELS = [
  "на", "по", "to", "card", "phone", "карт[аеуы]", `картас${LETTERS}`, `картаг${LETTERS}`, `номер${LETTERS}`, `нөмір${LETTERS}`,
  "тел", `телефон${LETTERS}`, `получател${LETTERS}`, `алушы${LETTERS}`, `телеграм${LETTERS}`, "telegram", "whats ?app",
  `ватсап${LETTERS}`, `инстаграм${LETTERS}`, "instagram", `сч[её]т${LETTERS}`, `шот${LETTERS}`, "iban", "иин", "жсн",
  `кошел[её]к${LETTERS}`, `әмиян${LETTERS}`, "gold", "голд", "red", "ред", `банк${LETTERS}`, "bank",
];
const LABEL_WORDS = new RegExp(`${WORD_START}(?:${LABELS.join("|")})${WORD_END}\\.?`, "giu");

function cleanName(text: string): string | undefined {
  const bank = findBank(text);
  const withoutBank = bank ? text.slice(0, bank.start) + text.slice(bank.end) : text;
  const words = squeezeSpaces(withoutBank.replace(LABEL_WORDS, " ").replace(/[()[\]{}«»"“”<>]/g, " "));
  const name = words
    .split(/[,;]/)
    .map((part) => part.trim().replace(/^[-–:.\s]+|[-–:\s]+$/g, ""))
    .filter(Boolean)
    .join(", ");
  return /\p{L}/u.test(name) ? name : undefined;
}

/** The whole answer as one identifier, checking it strictly so that typos are reported. */
function wholeAnswer(text: string, raw: string): Parsed<Identifier, IdentifierError> | undefined {
  for (const parse of [parseCard, parseIban, parseWallet]) {
    const result = parse(raw);
    if (result.ok) return result;
    if (result.error === "luhn" || result.error === "iban_checksum" || result.error === "wallet_checksum") {
      return fail(result.error);
    }
  }
  for (const parse of [parseHandle, parsePhone, parseMaskedCard]) {
    const result = parse(raw);
    if (result.ok) return result;
  }
  const iin = parseIin(text);
  return iin.ok ? ok({ kind: "other", value: iin.value.iin, raw }) : undefined;
}

/** When nothing valid was found, a number that is close to a card, a phone or an IBAN. */
function nearMiss(text: string): IdentifierError | undefined {
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}[A-Za-z0-9 ]{11,36}/gu)) {
    const iban = parseIban(m[0].trim());
    if (!iban.ok && iban.error === "iban_checksum") return "iban_checksum";
  }
  for (const run of digitRuns(text)) {
    const candidate = text.slice(run[0]!.start, run.at(-1)!.end);
    const digits = digitsOf(candidate);
    if (digits.length >= 13 && digits.length <= 19 && !candidate.startsWith("+")) return "luhn";
    if (digits.length >= 7 && digits.length <= 15 && !parseIin(candidate).ok) return "not_a_phone";
  }
  return undefined;
}

/**
 * Reads an answer to "who received the money": a card, phone, IBAN, wallet, username
 * or link, with the rest of the words as a name ("4400 4301 2345 6781 Айгүл Б." →
 * card + "Айгүл Б."; "+7 777 123 45 67 (Kaspi, Ерлан)" → phone, bank kaspi, "Ерлан").
 * An answer with only words is kind `other`. A number that fails its check is an error.
 */
export function parseIdentifier(raw: string): Parsed<Recipient, IdentifierError> {
  const text = cleanInput(raw);
  if (!text) return fail("empty");
  const whole = wholeAnswer(text, raw);
  if (whole && !whole.ok) return whole;
  if (whole?.ok) return ok(withBank({ identifier: whole.value }, whole.value, ""));

  const spans = findIdentifiers(text);
  if (spans.length === 0) {
    const error = nearMiss(text);
    if (error) return fail(error);
    const name = cleanName(text);
    return ok(
      withBank({ identifier: { kind: "other", value: text, raw }, ...(name ? { name } : {}) }, undefined, text),
    );
  }
  // The words between the identifiers, joined in one pass (a text with thousands of them stays linear).
  const words: string[] = [];
  let cursor = 0;
  for (const span of spans) {
    words.push(text.slice(cursor, span.start));
    cursor = span.end;
  }
  const rest = [...words, text.slice(cursor)].join(" ");
  const [first, ...others] = spans.map((span) => span.identifier);
  const name = cleanName(rest);
  const recipient: Recipient = { identifier: first!, ...(name ? { name } : {}) };
  if (others.length) recipient.more = others;
  return ok(withBank(recipient, first, rest));
}

function withBank(recipient: Recipient, identifier: Identifier | undefined, words: string): Recipient {
  const bank = (identifier?.kind === "iban" ? bankFromIban(identifier.value) : undefined) ?? findBank(words)?.bank;
  return bank ? { ...recipient, bank } : recipient;
}

/** Whether free text names any identifier at all. */
export const hasIdentifier = (text: string): boolean => findIdentifiers(text).length > 0;
