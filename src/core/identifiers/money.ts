import { CURRENCIES, type Currency } from "../model.js";
import type { Money } from "../report/answers.js";
import { type AmountCandidate, readAmounts } from "./amount-reader.js";
import { findIdentifiers } from "./extract.js";
import { NUMBER_WORDS } from "./money-words.js";
import { fail, ok, type Parsed } from "./result.js";
import { cleanInPlace, foldKazakh, LETTERS } from "./text.js";

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
const COUNT_AFTER = new RegExp(
  `^[ -]?(?:раз${LETTERS}|рет|минут${LETTERS}|мин|час${LETTERS}|сагат${LETTERS}|утр${LETTERS}|вечер${LETTERS}|ноч${LETTERS}|дня|дней|день|кун${LETTERS}|апта${LETTERS}|недел${LETTERS}|месяц${LETTERS}|ай|лет|год${LETTERS}|жыл${LETTERS}|жас${LETTERS}|шт${LETTERS}|процент${LETTERS}|%|перевод${LETTERS}|аударым${LETTERS}|карт${LETTERS}|человек${LETTERS}|адам)(?![\\p{L}\\p{N}])|^-(?:го|ого|е|й|ый|ая|ши|шы|си|сы|ы|и)(?![\\p{L}\\p{N}])`,
  "u",
);

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

/**
 * What may stand between two sums of one list: «и», «және», «+», «,», «тағы», «потом», a new line,
 * and the phrases made of these words («и ещё одну», «а потом», «тағы да», «тағы бір», «содан кейін»).
 * One word per turn and each word ends the turn, so a phrase is read one way only (linear time).
 */
const JOINER =
  /^[\s,;+/&]*(?:(?:и|ещ[её]|плюс|потом|затем|а|жане|тагы|да|бир|одн[уа]|один|сосын|содан|кейин|and|then)(?![\p{L}\p{N}])[\s,;+/&]*)*$/u;
/** «тағы бір 15 000», «ещё одну 15 000»: a number word just before a sum counts that sum, it is none itself. */
const countsTheNext = (c: AmountCandidate, next: AmountCandidate | undefined, folded: string) =>
  c.wordsOnly && !c.marked && next !== undefined && folded.slice(c.end, next.start).trim() === "";
/** «3 раза по 50 000», «үш рет 50 мыңнан»: the same sum several times. */
const TIMES_BEFORE = /(?<![\p{L}\p{N}])(\d{1,2}|[\p{L}]+)\s*(?:раза?|раз|рет)\s+(?:по\s+)?$/u;
const MAX_TIMES = 10;

/** Sums joined by a list word are one list: they share the mark and the currency said once. */
function joinLists(found: AmountCandidate[], folded: string): (AmountCandidate & { joined: boolean })[] {
  const out = found.map((c) => ({ ...c, joined: false }));
  let group: typeof out = [];
  const closeGroup = () => {
    const marked = group.find((c) => c.marked);
    if (marked && group.length > 1) {
      const currency = [...group].reverse().find((c) => c.currency)?.currency ?? marked.currency;
      for (const c of group) {
        c.marked = true;
        c.joined = true;
        if (!c.currency && currency) c.currency = currency;
      }
    } else if (group.length > 1) {
      for (const c of group) c.joined = true;
    }
    group = [];
  };
  for (const [i, c] of out.entries()) {
    const previous = out[i - 1];
    if (previous && !JOINER.test(folded.slice(previous.end, c.start))) closeGroup();
    group.push(c);
  }
  closeGroup();
  return out;
}

/** Keeps the candidates that can be the sum the person meant, in reading order. */
function plausible(read: AmountCandidate[], folded: string): (AmountCandidate & { joined: boolean })[] {
  const found = read.filter((c, i) => !countsTheNext(c, read[i + 1], folded));
  const listed = joinLists(found, folded);
  const marked = listed.filter((c) => c.marked);
  if (marked.length) return marked;
  // A number in words counts alone only if it is the whole answer and not a word like "он" (10, or "he").
  const first = folded.search(/\S/);
  const last = folded.trimEnd().length;
  const wholeText = (c: AmountCandidate) => c.start <= first && c.end >= last;
  // COUNT_AFTER reads one word: a window keeps a text with many numbers linear.
  const countAfter = (c: AmountCandidate) => COUNT_AFTER.test(folded.slice(c.end, c.end + 40));
  const unmarked = listed.filter(
    (c) => !c.dateLike && !countAfter(c) && (!c.wordsOnly || (wholeText(c) && c.value! >= 100)),
  );
  const notYears = unmarked.filter((c) => !(Number.isInteger(c.value) && c.value! >= 1900 && c.value! <= 2100));
  return notYears.length ? notYears : unmarked.length === 1 ? unmarked : [];
}

function timesBefore(folded: string, c: AmountCandidate): number {
  const m = TIMES_BEFORE.exec(folded.slice(Math.max(0, c.start - 24), c.start));
  if (!m) return 1;
  const n = NUMBER_WORDS[m[1]!] ?? Number(m[1]);
  return Number.isInteger(n) && n >= 2 && n <= MAX_TIMES ? n : 1;
}

export interface FoundAmount {
  money: Money;
  start: number;
  end: number;
}

/**
 * Every sum in the answer, in order, with where it stands: "20 000 и 15 000 тенге",
 * "50к + 30к", "20 000 және 15 000 теңге", one per line, "3 раза по 50 000" (three).
 * Sums joined by «и», «және», «+», «,», «тағы» are separate items even when equal; the
 * same sum repeated elsewhere ("15 000, то есть 15 000") is one. Tenge unless another
 * currency is named.
 */
export function findAmounts(text: string): Parsed<FoundAmount[], MoneyError> {
  if (!text.trim()) return fail("empty");
  const folded = blankNonAmounts(foldKazakh(cleanInPlace(text)), text);
  const best = plausible(readAmounts(folded), folded);
  if (best.length === 0) return fail("no_amount");
  const out: FoundAmount[] = [];
  const seen = new Set<string>();
  for (const c of best) {
    if (c.currency === "other") return fail("unsupported_currency");
    if (c.negative) return fail("negative");
    const amountMinor = Math.round(c.value! * 100);
    if (amountMinor === 0) return fail("zero");
    if (c.value! > MAX_MAJOR) return fail("too_large");
    const money: Money = { amountMinor, currency: c.currency ?? "KZT" };
    const key = `${amountMinor}:${money.currency}`;
    if (!c.joined && seen.has(key)) continue;
    seen.add(key);
    for (let n = timesBefore(folded, c); n > 0; n--) out.push({ money, start: c.start, end: c.end });
  }
  return ok(out);
}

/** The sums of `findAmounts`, without their places. */
export function parseAmounts(text: string): Parsed<Money[], MoneyError> {
  const found = findAmounts(text);
  return found.ok ? ok(found.value.map((f) => f.money)) : found;
}

/**
 * A sum as people write it: "1 200 000", "1,2 млн", "500 мың теңге", "150к", "$300",
 * "300 долларов", "1 млн 200 тыс", "бір жарым миллион". Tenge unless another currency
 * is named. Dates, times, years, phone and card numbers, and counts ("3 раза") are not
 * read as sums; two sums are `several_amounts`, so the bot never picks one silently.
 */
export function parseAmount(text: string): Parsed<Money, MoneyError> {
  const all = parseAmounts(text);
  if (!all.ok) return all;
  if (all.value.length > 1) return fail("several_amounts");
  return ok(all.value[0]!);
}

/** One total per currency, in the order of CURRENCIES; sums in different currencies are never added. */
export function sumByCurrency(list: readonly (Money | undefined)[]): Money[] {
  const totals = new Map<Currency, number>();
  for (const money of list) {
    if (money) totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amountMinor);
  }
  return CURRENCIES.filter((c) => totals.has(c)).map((currency) => ({ amountMinor: totals.get(currency)!, currency }));
}
