import type { Currency } from "../model.js";
import { foldKazakh, LETTERS, WORD_END } from "./text.js";

/**
 * The words of sums, matched on text folded by `foldKazakh` (so "теңге" is "тенге",
 * "мың" is "мын"). A word may carry a case ending: "долларов", "теңгеге", "мыңға".
 */

/** Currency names and signs; USDT before USD so "usdt" is not read as "usd" + "t". */
export const CURRENCY_WORDS: [Currency, string][] = [
  ["USDT", `usdt|юсдт|тезер${LETTERS}|tether`],
  ["KZT", `₸|тг|тнг|тенге${LETTERS}|tg|kzt|tenge|tenghe`],
  ["USD", `\\$|usd|долл${LETTERS}|dollar${LETTERS}|бакс${LETTERS}|у\\.е\\.?`],
  ["EUR", `€|eur|euro|евро|еуро${LETTERS}`],
  ["RUB", `₽|руб${LETTERS}|rub${LETTERS}|р\\.?`],
];

/** Currencies people mention that a report cannot hold. */
export const OTHER_CURRENCY_WORDS = `сом${LETTERS}|сум|лир${LETTERS}|юан${LETTERS}|yuan|cny|kgs|uzs|gbp|фунт${LETTERS}|try`;

/** Multipliers; "кк" and "лям" are slang for a million, and the slang sums below are counted like them. */
export const MULTIPLIER_WORDS: [number, string][] = [
  [1e9, `млрд\\.?|миллиард${LETTERS}|billion|bn`],
  [1e6, `млн\\.?|миллион${LETTERS}|million|milli?on${LETTERS}|mln\\.?|кк|kk|лям${LETTERS}|lyam${LETTERS}|m|м`],
  [
    1e3,
    `тыс\\.?|тысяч${LETTERS}|мын${LETTERS}|thousand|tys\\.?|tysyach${LETTERS}|tysiach${LETTERS}|tysach${LETTERS}|к|k`,
  ],
  // Slang sums, standing alone or counted: «сотка» (100 000), «полтос», «полтинник» (50 000),
  // «20 косарей» (20 000), «пятихатка» (500); Kazakh speech uses the same words with its endings
  // («сотканы», «полтосқа», «косарьды»).
  [1e5, `сотк(?:а|и|у|ой|е|ами|ах|ага|аны|адан|ада)|соточк${LETTERS}|sotk[aiu]`],
  [5e4, `полтос${LETTERS}|полтинник${LETTERS}|полтишок|полтишк${LETTERS}|poltos${LETTERS}|poltinnik${LETTERS}`],
  [1e3, `косар${LETTERS}|kosar${LETTERS}`],
  [500, `пятихат${LETTERS}|pyatihat${LETTERS}`],
];

const alternatives = (pairs: [unknown, string][]): string => pairs.map(([, words]) => words).join("|");

/** A currency or multiplier right after a number: the number is a sum. */
const AMOUNT_AFTER = new RegExp(
  `^[ \\u00a0]?(?:${alternatives(CURRENCY_WORDS)}|${OTHER_CURRENCY_WORDS}|${alternatives(MULTIPLIER_WORDS)})${WORD_END}`,
  "u", // no "i": matched on folded (lowercased) text
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

/**
 * Numbers written as words, Russian (with the genitive forms of "двух миллионов") and
 * Kazakh (folded: "бір" is "бир", "жүз" is "жуз"). Kazakh "жүз" multiplies what comes
 * before it ("бес жүз" = 500) and "жарым" adds a half ("бір жарым" = 1.5).
 */
// biome-ignore format: a table reads better in rows
export const NUMBER_WORDS: Record<string, number> = {
  один: 1, одна: 1, одну: 1, одного: 1, два: 2, две: 2, двух: 2, три: 3, трех: 3, четыре: 4, четырех: 4,
  пять: 5, пяти: 5, шесть: 6, шести: 6, семь: 7, семи: 7, восемь: 8, восьми: 8, девять: 9, девяти: 9,
  десять: 10, десяти: 10, одиннадцать: 11, двенадцать: 12, тринадцать: 13, четырнадцать: 14,
  пятнадцать: 15, шестнадцать: 16, семнадцать: 17, восемнадцать: 18, девятнадцать: 19,
  двадцать: 20, двадцати: 20, тридцать: 30, тридцати: 30, сорок: 40, сорока: 40, пятьдесят: 50,
  пятидесяти: 50, шестьдесят: 60, семьдесят: 70, восемьдесят: 80, девяносто: 90,
  сто: 100, ста: 100, двести: 200, двухсот: 200, триста: 300, трехсот: 300, четыреста: 400,
  пятьсот: 500, пятисот: 500, шестьсот: 600, семьсот: 700, восемьсот: 800, девятьсот: 900,
  полтора: 1.5, полторы: 1.5, полутора: 1.5, пол: 0.5,
  бир: 1, еки: 2, уш: 3, торт: 4, бес: 5, алты: 6, жети: 7, сегиз: 8, тогыз: 9, он: 10, жиырма: 20,
  отыз: 30, кырык: 40, елу: 50, алпыс: 60, жетпис: 70, сексен: 80, токсан: 90, жарты: 0.5,
};
export const HUNDRED_WORD = "жуз";
export const HALF_WORD = "жарым";
