import type { Identifier } from "../report/answers.js";
import { luhnValid, parseCard } from "./card.js";
import { isAmountContext } from "./money-words.js";
import { kzLineType, parsePhone } from "./phone.js";
import { digitsOf } from "./text.js";

/** A group of digits, a "+" allowed before it. */
interface Group {
  start: number;
  end: number;
}

export interface Span {
  identifier: Identifier;
  start: number;
  end: number;
}

/** What may stand between two groups of one number: "-", " ", ".", " (", ") ". */
const JOINER = /^[ .()-]{1,3}$/;

/**
 * Runs of digit groups that may form one number ("+7 (701) 234-56-78", "4400 4301 2345
 * 6781"). Letters, or a digit glued to a letter, break a run.
 */
export function digitRuns(text: string): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_])\+?\d+(?![\p{L}_])/gu)) {
    const group = { start: m.index, end: m.index + m[0].length };
    const last = run.at(-1);
    const gap = last ? text.slice(last.end, group.start) : "";
    if (last && !m[0].startsWith("+") && JOINER.test(gap)) {
      run.push(group);
    } else {
      if (run.length) runs.push(run);
      run = [group];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * A phone number as found in free text. Stricter than the questionnaire's parser: it
 * needs a "+", a trunk prefix (8 or 7 and 10 digits) or a Kazakh mobile code, so that
 * order numbers and sums are not taken for phones. Short numbers are handled elsewhere.
 */
function phoneInText(candidate: string): Identifier | undefined {
  // "87 012 345 678" is a number grouped in thousands, not a phone.
  if (/^\d{1,3}(?:[ .]\d{3}){2,}$/.test(candidate)) return undefined;
  const phone = parsePhone(candidate);
  if (!phone.ok || phone.value.kind !== "phone") return undefined;
  const digits = digitsOf(candidate);
  if (candidate.startsWith("+") || digits.startsWith("00")) return phone.value;
  if (digits.length === 11) return phone.value;
  return kzLineType(phone.value.value) === "mobile" ? phone.value : undefined;
}

/** One block, groups of four (the last of 3–4), or American Express' 4-6-5. */
const CARD_GROUPING = /^(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2,3}[ -]\d{3,4}|\d{4}[ -]\d{6}[ -]\d{5})$/;

function cardInText(candidate: string): Identifier | undefined {
  const digits = digitsOf(candidate);
  if (candidate.startsWith("+") || digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return undefined;
  if (!CARD_GROUPING.test(candidate)) return undefined;
  const card = parseCard(candidate);
  return card.ok ? card.value : undefined;
}

/** The most digits a phone (15, or 17 with "00"/"810") or a card (19) can have. */
const MAX_DIGITS = 19;
/** How far around a number isAmountContext looks (it reads 6 characters before, 24 after). */
const BEFORE_WINDOW = 8;
const AFTER_WINDOW = 24;

/**
 * Whether the digits of a reading could make a card or a phone as cardInText and
 * phoneInText read them, checked before any parsing: most readings of a long run
 * fail here. `single`: one block of digits; `plus`: the reading starts with "+".
 */
function worthReading(digits: string, firstGroup: number, single: boolean, plus: boolean): boolean {
  const n = digits.length;
  if (!plus && n >= 13 && (single || firstGroup === 4) && luhnValid(digits)) return true;
  // A country code never starts with 0: "+0…" and "000…" are not phones.
  if (plus) return n >= 8 && n <= 15 && digits[0] !== "0";
  if (digits.startsWith("00")) return n >= 10 && n <= 17 && digits[2] !== "0";
  // The old Soviet international prefix: 8, wait for the tone, 10.
  if (digits.startsWith("810") && n > 12) return true;
  if (n === 10) return digits[0] === "7";
  return n === 11 && (digits[0] === "7" || digits[0] === "8");
}

/**
 * Phones and Luhn-valid cards inside digit runs. A run may hold more than one number
 * ("8 701 234 56 78 4400 4301 2345 6781"), so each start takes the longest reading
 * and the search goes on after it; never splits a group of digits. Linear in the
 * text: a reading never spans more than MAX_DIGITS digits, so each start tries a
 * bounded number of ends, and the words around a reading are read in fixed windows
 * (a run of 2,000 one-digit groups once took half a minute).
 */
export function phonesAndCards(text: string): Span[] {
  const found: Span[] = [];
  for (const run of digitRuns(text)) {
    const groups = run.map((g) => text.slice(g.start, g.end).replace("+", ""));
    let i = 0;
    while (i < run.length) {
      // Every reading from this start that still fits in MAX_DIGITS digits, shortest first.
      const readings: string[] = [];
      for (let j = i, digits = ""; j < run.length && digits.length + groups[j]!.length <= MAX_DIGITS; j++) {
        digits += groups[j];
        readings.push(digits);
      }
      const plus = text[run[i]!.start] === "+";
      let hit: { span: Span; next: number } | undefined;
      for (let k = readings.length - 1; k >= 0 && !hit; k--) {
        const j = i + k;
        if (!worthReading(readings[k]!, groups[i]!.length, k === 0, plus)) continue;
        const start = run[i]!.start;
        const end = run[j]!.end;
        const candidate = text.slice(start, end);
        const before = text.slice(Math.max(0, start - BEFORE_WINDOW), start);
        if (isAmountContext(before, text.slice(end, end + AFTER_WINDOW))) continue;
        const identifier = cardInText(candidate) ?? phoneInText(candidate);
        if (identifier) hit = { span: { identifier: { ...identifier, raw: candidate }, start, end }, next: j + 1 };
      }
      if (hit) {
        found.push(hit.span);
        i = hit.next;
      } else {
        i++;
      }
    }
  }
  return found;
}
