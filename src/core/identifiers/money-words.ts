import type { Currency } from "../model.js";
import { foldKazakh, WORD_END } from "./text.js";

/**
 * The words of sums, matched on text folded by `foldKazakh` (so "теңге" is "тенге",
 * "мың" is "мын"). A word may carry a case ending: "долларов", "теңгеге", "мыңға".
 */

/** Currency names and signs; USDT before USD so "usdt" is not read as "usd" + "t". */
export const CURRENCY_WORDS: [Currency, string][] = [
  ["USDT", "usdt|юсдт|тезер\\p{L}*|tether"],
  ["KZT", "₸|тг|тнг|тенге\\p{L}*|tg|kzt|tenge"],
  ["USD", "\\$|usd|долл\\p{L}*|dollar\\p{L}*|бакс\\p{L}*|у\\.е\\.?"],
  ["EUR", "€|eur|euro|евро|еуро\\p{L}*"],
  ["RUB", "₽|руб\\p{L}*|rub|р\\.?"],
];

/** Currencies people mention that a report cannot hold. */
export const OTHER_CURRENCY_WORDS = "сом\\p{L}*|сум|лир\\p{L}*|юан\\p{L}*|yuan|cny|kgs|uzs|gbp|фунт\\p{L}*|try";

/** Multipliers; "кк" and "лям" are slang for a million. */
export const MULTIPLIER_WORDS: [number, string][] = [
  [1e9, "млрд\\.?|миллиард\\p{L}*|billion|bn"],
  [1e6, "млн\\.?|миллион\\p{L}*|million|mln|кк|kk|лям\\p{L}*|m|м"],
  [1e3, "тыс\\.?|тысяч\\p{L}*|мын\\p{L}*|thousand|к|k"],
];

const alternatives = (pairs: [unknown, string][]): string => pairs.map(([, words]) => words).join("|");

/** A currency or multiplier right after a number: the number is a sum. */
const AMOUNT_AFTER = new RegExp(
  `^[ \\u00a0]?(?:${alternatives(CURRENCY_WORDS)}|${OTHER_CURRENCY_WORDS}|${alternatives(MULTIPLIER_WORDS)})${WORD_END}`,
  "iu",
);
/** A currency sign or code right before a number. */
const AMOUNT_BEFORE = /(?:[$€₽₸]|usd|eur|kzt|rub)[ \u00a0]?$/iu;

/**
 * Whether the number that ends where `after` begins (and starts where `before` ends)
 * is a sum of money: "4821 тенге", "500 мың", "$300". Used to keep sums out of other
 * readings (phone numbers, codes).
 */
export function isAmountContext(before: string, after: string): boolean {
  return AMOUNT_AFTER.test(foldKazakh(after.slice(0, 24))) || AMOUNT_BEFORE.test(before.slice(-6));
}
