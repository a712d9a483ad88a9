import type { Currency } from "../model.js";
import {
  CURRENCY_WORDS,
  HALF_WORD,
  HUNDRED_WORD,
  MULTIPLIER_WORDS,
  NUMBER_WORDS,
  OTHER_CURRENCY_WORDS,
} from "./money-words.js";
import { readNumbers } from "./number-literals.js";

/**
 * Reads every sum-like expression in folded text: numbers in digits or words, with
 * multipliers ("1 млн 200 тыс") and a currency before or after ("$300", "300 долларов").
 * Which of them is the sum is decided by money.ts.
 */

type Token =
  | { type: "number"; value: number; decimal?: number; start: number; end: number; digits: true; dateLike: boolean }
  | { type: "number"; value: number; start: number; end: number; digits: false }
  | { type: "hundred" | "half" | "minus" | "break"; start: number; end: number }
  | { type: "multiplier"; value: number; single: boolean; start: number; end: number }
  | { type: "currency"; currency: Currency | "other"; start: number; end: number };

export interface AmountCandidate {
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

function candidates(tokens: Token[]): AmountCandidate[] {
  const out: AmountCandidate[] = [];
  let open: AmountCandidate | undefined;
  let pendingCurrency: Currency | "other" | undefined;
  let pendingMinus = false;
  const close = () => {
    // "6 миллионды екі күн": number words left after a multiplier belong to what follows, not to the sum.
    const trailingWords = open && open.lastMult > 0 && open.lastWord !== undefined;
    if (open) out.push({ ...open, value: open.total + (trailingWords ? 0 : (open.group ?? 0)) });
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
        if (open && open.group === undefined && open.lastMult > 0) {
          // "бір миллион жарым": a half of the last multiplier.
          open.total += 0.5 * open.lastMult;
          open.end = token.end;
        } else if (open) {
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

/** Every candidate sum in text already folded by `foldKazakh`, in reading order. */
export const readAmounts = (folded: string): AmountCandidate[] => candidates(tokenize(folded));
