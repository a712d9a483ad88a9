import { CURRENCIES, type Currency } from "../model.js";
import type { Money } from "../report/answers.js";
import { type AmountCandidate, readAmounts } from "./amount-reader.js";
import { findIdentifiers } from "./extract.js";
import { fail, ok, type Parsed } from "./result.js";
import { cleanInPlace, foldKazakh } from "./text.js";

export type MoneyError =
  | "empty"
  | "no_amount"
  | "zero"
  | "negative"
  | "too_large"
  | "several_amounts"
  | "unsupported_currency";

/** More than a trillion in any currency is a typo, not a loss. */
const MAX_MAJOR = 1e12;

/** Numbers that count something else ("3 раза", "5 күн", "9 утра") or are ordinals ("12-го", "5-ші"). */
const COUNT_AFTER =
  /^[ -]?(?:раз\p{L}*|рет|минут\p{L}*|мин|час\p{L}*|сагат\p{L}*|утр\p{L}*|вечер\p{L}*|ноч\p{L}*|дня|дней|день|кун\p{L}*|апта\p{L}*|недел\p{L}*|месяц\p{L}*|ай|лет|год\p{L}*|жыл\p{L}*|жас\p{L}*|шт\p{L}*|процент\p{L}*|%|перевод\p{L}*|аударым\p{L}*|карт\p{L}*|человек\p{L}*|адам)(?![\p{L}\p{N}])|^-(?:го|ого|е|й|ый|ая|ши|шы|си|сы|ы|и)(?![\p{L}\p{N}])/u;

/** What is never a sum: dates, times, years, and the identifiers (phones, cards…) in the text. */
function blankNonAmounts(folded: string, original: string): string {
  const text = folded
    .replace(/\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?/g, (m) => "#".repeat(m.length))
    .replace(/(?<!\d)(?:19|20)\d{2}(?= ?(?:год|г\.|жыл|ж\.))/gu, (m) => "#".repeat(m.length));
  const parts: string[] = [];
  let cursor = 0;
  for (const span of findIdentifiers(original)) {
    parts.push(text.slice(cursor, span.start), "#".repeat(span.end - span.start));
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return parts.join("");
}

/** Keeps the candidates that can be the sum the person meant, best first. */
function plausible(found: AmountCandidate[], folded: string): AmountCandidate[] {
  const marked = found.filter((c) => c.marked);
  if (marked.length) return marked;
  // A number in words counts alone only if it is the whole answer and not a word like "он" (10, or "he").
  const first = folded.search(/\S/);
  const last = folded.trimEnd().length;
  const wholeText = (c: AmountCandidate) => c.start <= first && c.end >= last;
  // COUNT_AFTER reads one word: a window keeps a text with many numbers linear.
  const countAfter = (c: AmountCandidate) => COUNT_AFTER.test(folded.slice(c.end, c.end + 40));
  const unmarked = found.filter(
    (c) => !c.dateLike && !countAfter(c) && (!c.wordsOnly || (wholeText(c) && c.value! >= 100)),
  );
  const notYears = unmarked.filter((c) => !(Number.isInteger(c.value) && c.value! >= 1900 && c.value! <= 2100));
  return notYears.length ? notYears : unmarked.length === 1 ? unmarked : [];
}

/**
 * A sum as people write it: "1 200 000", "1,2 млн", "500 мың теңге", "150к", "$300",
 * "300 долларов", "1 млн 200 тыс", "бір жарым миллион". Tenge unless another currency
 * is named. Dates, times, years, phone and card numbers, and counts ("3 раза") are not
 * read as sums; two different sums are `several_amounts`, so the bot can ask for one.
 */
export function parseAmount(text: string): Parsed<Money, MoneyError> {
  if (!text.trim()) return fail("empty");
  const folded = blankNonAmounts(foldKazakh(cleanInPlace(text)), text);
  const best = plausible(readAmounts(folded), folded);
  if (best.length === 0) return fail("no_amount");
  const distinct = new Set(best.map((c) => `${c.value}:${c.currency ?? "KZT"}`));
  if (distinct.size > 1) return fail("several_amounts");
  const chosen = best[0]!;
  if (chosen.currency === "other") return fail("unsupported_currency");
  if (chosen.negative) return fail("negative");
  const amountMinor = Math.round(chosen.value! * 100);
  if (amountMinor === 0) return fail("zero");
  if (chosen.value! > MAX_MAJOR) return fail("too_large");
  return ok({ amountMinor, currency: chosen.currency ?? "KZT" });
}

/** One total per currency, in the order of CURRENCIES; sums in different currencies are never added. */
export function sumByCurrency(list: readonly (Money | undefined)[]): Money[] {
  const totals = new Map<Currency, number>();
  for (const money of list) {
    if (money) totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amountMinor);
  }
  return CURRENCIES.filter((c) => totals.has(c)).map((currency) => ({ amountMinor: totals.get(currency)!, currency }));
}
