import { CURRENCIES, type Currency, type Lang } from "../model.js";
import type { Money } from "../report/answers.js";
import { findIdentifiers } from "./extract.js";
import {
  CURRENCY_WORDS,
  HALF_WORD,
  HUNDRED_WORD,
  MULTIPLIER_WORDS,
  NUMBER_WORDS,
  OTHER_CURRENCY_WORDS,
} from "./money-words.js";
import { readNumbers } from "./number-literals.js";
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

type Token =
  | { type: "number"; value: number; decimal?: number; start: number; end: number; digits: true; dateLike: boolean }
  | { type: "number"; value: number; start: number; end: number; digits: false }
  | { type: "hundred" | "half" | "minus" | "break"; start: number; end: number }
  | { type: "multiplier"; value: number; single: boolean; start: number; end: number }
  | { type: "currency"; currency: Currency | "other"; start: number; end: number };

interface Candidate {
  total: number;
  group?: number;
  /** The smallest word-number added to the group, so "сто двадцать пять" adds up and "пять сто" does not. */
  lastWord?: number;
  lastMult: number;
  marked: boolean;
  currency?: Currency | "other";
  negative: boolean;
  wordsOnly: boolean;
  dateLike: boolean;
  start: number;
  end: number;
  /** The decimal reading of an ambiguous "1.250", used when a multiplier follows. */
  decimal?: number;
  value?: number;
}

const anchored = (words: string) => new RegExp(`^(?:${words})$`, "iu");
const CURRENCIES_RE = CURRENCY_WORDS.map(([currency, words]) => [currency, anchored(words)] as const);
const OTHER_CURRENCY_RE = anchored(OTHER_CURRENCY_WORDS);
const MULTIPLIERS_RE = MULTIPLIER_WORDS.map(([value, words]) => [value, anchored(words)] as const);
const SINGLE_LETTER = /^[mмкk]$/iu;

/** Numbers that count something else ("3 раза", "5 күн", "9 утра") or are ordinals ("12-го", "5-ші"). */
const COUNT_AFTER =
  /^[ -]?(?:раз\p{L}*|рет|минут\p{L}*|мин|час\p{L}*|сагат\p{L}*|утр\p{L}*|вечер\p{L}*|ноч\p{L}*|дня|дней|день|кун\p{L}*|апта\p{L}*|недел\p{L}*|месяц\p{L}*|ай|лет|год\p{L}*|жыл\p{L}*|жас\p{L}*|шт\p{L}*|процент\p{L}*|%|перевод\p{L}*|аударым\p{L}*|карт\p{L}*|человек\p{L}*|адам)(?![\p{L}\p{N}])|^-(?:го|ого|е|й|ый|ая|ши|шы|си|сы|ы|и)(?![\p{L}\p{N}])/u;

/** What is never a sum: dates, times, years, and the identifiers (phones, cards…) in the text. */
function blankNonAmounts(folded: string, original: string): string {
  let text = folded
    .replace(/\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?/g, (m) => "#".repeat(m.length))
    .replace(/(?<!\d)(?:19|20)\d{2}(?= ?(?:год|г\.|жыл|ж\.))/gu, (m) => "#".repeat(m.length));
  for (const span of findIdentifiers(original)) {
    if (span.identifier.kind === "other") continue;
    text = text.slice(0, span.start) + "#".repeat(span.end - span.start) + text.slice(span.end);
  }
  return text;
}

function classifyWord(word: string, start: number, end: number): Token[] {
  const bare = word.replace(/\.$/, "");
  for (const [currency, re] of CURRENCIES_RE)
    if (re.test(word) || re.test(bare)) return [{ type: "currency", currency, start, end }];
  if (OTHER_CURRENCY_RE.test(bare)) return [{ type: "currency", currency: "other", start, end }];
  for (const [value, re] of MULTIPLIERS_RE) {
    if (re.test(word) || re.test(bare))
      return [{ type: "multiplier", value, single: SINGLE_LETTER.test(bare), start, end }];
  }
  // "полмиллиона", "пол-миллиона"
  const half = /^пол-?(.{3,})$/u.exec(bare);
  const halfOf = half && MULTIPLIERS_RE.find(([, re]) => re.test(half[1]!));
  if (halfOf) {
    return [
      { type: "number", value: 0.5, start, end, digits: false },
      { type: "multiplier", value: halfOf[0], single: false, start, end },
    ];
  }
  if (bare === HUNDRED_WORD) return [{ type: "hundred", start, end }];
  if (bare === HALF_WORD) return [{ type: "half", start, end }];
  if (bare === "минус") return [{ type: "minus", start, end }];
  const value = NUMBER_WORDS[bare];
  if (value !== undefined) return [{ type: "number", value, start, end, digits: false }];
  return [{ type: "break", start, end }];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/(\d+(?:[ '’.,]\d+)*)|(у\.е\.?|\p{L}+(?:-\p{L}+)?\.?)|([$€₽₸])|([-−](?=\d))|(\S)/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1])
      tokens.push(...readNumbers(m[1], start).map((n) => ({ type: "number" as const, digits: true as const, ...n })));
    else if (m[2]) tokens.push(...classifyWord(m[2], start, end));
    else if (m[3]) tokens.push(...classifyWord(m[3], start, end));
    else if (m[4]) tokens.push({ type: "minus", start, end });
    else tokens.push({ type: "break", start, end });
  }
  return tokens;
}

function candidates(tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  let open: Candidate | undefined;
  let pendingCurrency: Currency | "other" | undefined;
  let pendingMinus = false;
  const close = () => {
    if (open) out.push({ ...open, value: open.total + (open.group ?? 0) });
    open = undefined;
  };
  const start = (value: number, token: Token, digits: boolean, dateLike = false, decimal?: number) => {
    close();
    open = {
      total: 0,
      group: value,
      lastMult: 0,
      marked: pendingCurrency !== undefined,
      negative: pendingMinus,
      wordsOnly: !digits,
      dateLike,
      start: token.start,
      end: token.end,
      ...(digits ? {} : { lastWord: value }),
      ...(pendingCurrency ? { currency: pendingCurrency } : {}),
      ...(decimal !== undefined ? { decimal } : {}),
    };
    pendingCurrency = undefined;
    pendingMinus = false;
  };
  const multiply = (token: Extract<Token, { type: "multiplier" }>, adjacent: boolean) => {
    // "к", "m" count only glued to a number: "150к", not the preposition in "к 5 часам".
    if (token.single && !adjacent) return close();
    if (!open) start(1, token, false);
    const c = open!;
    if (c.lastMult && token.value >= c.lastMult) return close();
    const group = adjacent && c.decimal !== undefined && c.lastMult === 0 ? c.decimal : (c.group ?? 1);
    c.total += group * token.value;
    c.lastMult = token.value;
    c.group = undefined;
    c.lastWord = undefined;
    c.marked = true;
    c.end = token.end;
  };
  for (const [i, token] of tokens.entries()) {
    const previous = tokens[i - 1];
    const adjacent = previous !== undefined && previous.type === "number" && open !== undefined;
    switch (token.type) {
      case "number":
        if (open && open.group === undefined && open.lastMult > token.value) {
          open.group = token.value;
          open.end = token.end;
          if (token.digits) open.wordsOnly = false;
          else open.lastWord = token.value;
        } else if (open && !token.digits && open.lastWord !== undefined && token.value < open.lastWord) {
          open.group = (open.group ?? 0) + token.value;
          open.lastWord = token.value;
          open.end = token.end;
        } else if (token.digits) {
          start(token.value, token, true, token.dateLike, token.decimal);
        } else {
          start(token.value, token, false);
        }
        break;
      case "hundred":
        if (open && (open.group === undefined || open.group < 10)) {
          open.group = (open.group ?? 1) * 100;
          open.lastWord = 100;
          open.end = token.end;
        } else {
          start(100, token, false);
        }
        break;
      case "half":
        if (open) {
          open.group = (open.group ?? 0) + 0.5;
          open.end = token.end;
        } else {
          start(0.5, token, false);
        }
        break;
      case "multiplier":
        multiply(token, adjacent);
        break;
      case "currency":
        if (open && !open.currency) {
          open.currency = token.currency;
          open.marked = true;
          open.end = token.end;
          close();
        } else {
          close();
          pendingCurrency = token.currency;
        }
        break;
      case "minus":
        close();
        pendingMinus = true;
        break;
      case "break":
        close();
        pendingCurrency = undefined;
        pendingMinus = false;
    }
  }
  close();
  return out;
}

/** Keeps the candidates that can be the sum the person meant, best first. */
function plausible(found: Candidate[], folded: string): Candidate[] {
  const marked = found.filter((c) => c.marked);
  if (marked.length) return marked;
  // A number in words counts alone only if it is the whole answer and not a word like "он" (10, or "he").
  const wholeText = (c: Candidate) => folded.slice(0, c.start).trim() === "" && folded.slice(c.end).trim() === "";
  const unmarked = found.filter(
    (c) => !c.dateLike && !COUNT_AFTER.test(folded.slice(c.end)) && (!c.wordsOnly || (wholeText(c) && c.value! >= 100)),
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
  const best = plausible(candidates(tokenize(folded)), folded);
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

const NARROW_NBSP = "\u202f";

/**
 * "1 200 000 ₸", "$300", "5 000 ₽", "100 USDT": groups of three joined by a narrow
 * no-break space, a decimal comma only when there are tiyn or cents.
 */
export function formatMoney(money: Money, lang: Lang): string {
  const major = money.amountMinor / 100;
  const fraction = money.amountMinor % 100 === 0 ? 0 : 2;
  const number = new Intl.NumberFormat(lang === "kk" ? "kk-KZ" : "ru-RU", {
    minimumFractionDigits: fraction,
    maximumFractionDigits: fraction,
  })
    .format(major)
    .replace(/[\s\u00a0\u202f]/g, NARROW_NBSP);
  switch (money.currency) {
    case "KZT":
      return `${number}\u00a0₸`;
    case "RUB":
      return `${number}\u00a0₽`;
    case "USD":
      return `$${number}`;
    case "EUR":
      return `€${number}`;
    case "USDT":
      return `${number}\u00a0USDT`;
  }
}

/** One total per currency, in the order of CURRENCIES; sums in different currencies are never added. */
export function sumByCurrency(list: readonly (Money | undefined)[]): Money[] {
  const totals = new Map<Currency, number>();
  for (const money of list) {
    if (money) totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amountMinor);
  }
  return CURRENCIES.filter((c) => totals.has(c)).map((currency) => ({ amountMinor: totals.get(currency)!, currency }));
}
