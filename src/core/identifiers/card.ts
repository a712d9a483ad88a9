import type { Identifier } from "../report/answers.js";
import { fail, ok, type Parsed } from "./result.js";
import { cleanInput, digitsOf } from "./text.js";

export type CardError = "empty" | "not_a_card" | "luhn";

/** The mask shown for a card whose full number is not kept. */
export const CARD_MASK = "••••";

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A full card number: 13–19 digits, spaces, dashes or dots between groups. Digits of
 * the right length that fail Luhn are `luhn` (a typo), so the bot can ask to check them.
 */
export function parseCard(raw: string): Parsed<Identifier, CardError> {
  const text = cleanInput(raw);
  if (!text) return fail("empty");
  if (!/^\d[\d .-]*\d$/.test(text)) return fail("not_a_card");
  const digits = digitsOf(text);
  if (digits.length < 13 || digits.length > 19) return fail("not_a_card");
  if (!luhnValid(digits)) return fail("luhn");
  return ok({ kind: "card", value: digits, raw });
}

/**
 * A card the person only saw masked, as banking apps show a recipient: "**** 6781",
 * "4400 43** **** 6781", "•••• 6781", "*6781". Kept as kind `card` with the value
 * "•••• 6781": the last four digits are all that is certain.
 */
export function parseMaskedCard(raw: string): Parsed<Identifier, "not_a_masked_card"> {
  const text = cleanInput(raw);
  const m = /^(?:\d{4}[ -]?\d{0,2})?[ -]?(?:[*•·xXхХ#]{1,4}[ -]?){1,4}(\d{4})$/.exec(text);
  if (!m) return fail("not_a_masked_card");
  return ok({ kind: "card", value: maskCard(m[1]!), raw });
}

export const last4 = (card: string): string => digitsOf(card).slice(-4);

/** "•••• 1234": how a card number may be shown or stored. */
export const maskCard = (card: string): string => `${CARD_MASK} ${last4(card)}`;

/** "4400 4301 2345 6781"; American Express' 15 digits as 4-6-5. */
export function formatCard(card: string): string {
  const digits = digitsOf(card);
  if (digits.length === 15 && /^3[47]/.test(digits)) {
    return `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}`;
  }
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}
