import {
  AGO_WORDS,
  DAY_UNITS,
  MONTH_WORD,
  monthNumber,
  RELATIVE_DAYS,
  WEEK_UNITS,
  WEEKDAY_WORD,
  weekdayIndex,
} from "./date-words.js";
import { isAmountContext, NUMBER_WORDS } from "./money-words.js";
import { fail, ok, type Parsed } from "./result.js";
import { foldKazakh, LETTERS, WORD_END, WORD_START } from "./text.js";
import { findTime, type PartOfDay, parsePartOfDay, type TimeError } from "./time.js";

export { findTime, type PartOfDay, parsePartOfDay, parseTime, type TimeError } from "./time.js";

export type DateError = "empty" | "not_a_date" | "invalid_date" | "future_date" | "too_old";
export type DateTimeError = DateError | TimeError | "future_time";

/** Kazakhstan has one time zone, UTC+5, since 1 March 2024. */
const KZ_OFFSET_MS = 5 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** An incident older than this is a typo or not what the bot is for. */
const MAX_AGE_YEARS = 10;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = ({ year, month, day }: Ymd) => `${year}-${pad(month)}-${pad(day)}`;
const kzDate = (now: Date): Date => new Date(now.getTime() + KZ_OFFSET_MS);
const ymdOf = (date: Date): Ymd => ({
  year: date.getUTCFullYear(),
  month: date.getUTCMonth() + 1,
  day: date.getUTCDate(),
});

/** Today's date in Kazakhstan as YYYY-MM-DD. */
export const todayIn = (now: Date): string => iso(ymdOf(kzDate(now)));

/** The time in Kazakhstan as HH:MM. */
export const timeIn = (now: Date): string => {
  const local = kzDate(now);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
};

/** Whether the day exists in the calendar (no 31 February, 29 February only in leap years). */
export const isRealDate = ({ year, month, day }: Ymd): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const daysAgo = (now: Date, days: number): Ymd => ymdOf(new Date(kzDate(now).getTime() - days * DAY_MS));

/** A date without a year is this year's, or last year's if this year's has not come yet. */
function withYear(month: number, day: number, now: Date): Ymd {
  const today = ymdOf(kzDate(now));
  const candidate = { year: today.year, month, day };
  return iso(candidate) > iso(today) ? { ...candidate, year: today.year - 1 } : candidate;
}

/** "26" is 2026 unless that is in the future, then 1926 (which is then too old). */
function fullYear(text: string, now: Date): number {
  if (text.length === 4) return Number(text);
  const year = 2000 + Number(text);
  return year > ymdOf(kzDate(now)).year ? year - 100 : year;
}

interface Found {
  date: Ymd;
  start: number;
  end: number;
}

/** Ordinal endings after a day number: "12-го", "12-е", "12-сі", "12-ші". */
const ORDINAL = "(?:-?(?:го|ого|е|ое|ши|шы|си|сы|и|ы))?";
const DAY = `(\\d{1,2})${ORDINAL}`;
const YEAR_WORDS = "(?:\\s*(?:года|год|г\\.?|жылгы|жылы|жыл|ж\\.?))?";
const COUNT_WORDS = Object.keys(NUMBER_WORDS).join("|");

type Reader = { re: RegExp; read: (m: RegExpExecArray, now: Date) => Ymd | undefined };
const reader = (source: string, read: Reader["read"]): Reader => ({
  re: new RegExp(`${WORD_START}(?:${source})${WORD_END}`, "gu"),
  read,
});

const READERS: Reader[] = [
  reader("(\\d{4})-(\\d{1,2})-(\\d{1,2})", (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) })),
  reader("(\\d{4})[./](\\d{1,2})[./](\\d{1,2})", (m) => ({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
  })),
  reader("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})(?![:.]\\d)", (m, now) => ({
    year: fullYear(m[3]!, now),
    month: Number(m[2]),
    day: Number(m[1]),
  })),
  reader(`(\\d{4})${YEAR_WORDS}\\s*${DAY}[\\s-]*(${MONTH_WORD})`, (m) => month(m[3]!, Number(m[2]), Number(m[1]))),
  reader(`${DAY}[\\s-]*(${MONTH_WORD})(?:\\s*,?\\s*(\\d{4})(?![:.]?\\d)${YEAR_WORDS})?`, (m, now) =>
    m[3] ? month(m[2]!, Number(m[1]), Number(m[3])) : month(m[2]!, Number(m[1]), undefined, now),
  ),
  reader(`(${MONTH_WORD})\\s+(?:айынын\\s+)?${DAY}(?:\\s*,?\\s*(\\d{4})(?![:.]?\\d))?`, (m, now) =>
    m[3] ? month(m[1]!, Number(m[2]), Number(m[3])) : month(m[1]!, Number(m[2]), undefined, now),
  ),
  reader("(\\d{1,2})[./](\\d{1,2})(?![./]?\\d)", (m, now) => withYear(Number(m[2]), Number(m[1]), now)),
  reader(`${DAY}\\s*числа`, (m, now) => {
    const today = ymdOf(kzDate(now));
    const thisMonth = { year: today.year, month: today.month, day: Number(m[1]) };
    if (iso(thisMonth) <= iso(today)) return thisMonth;
    return today.month === 1
      ? { year: today.year - 1, month: 12, day: thisMonth.day }
      : { ...thisMonth, month: today.month - 1 };
  }),
];

function month(word: string, day: number, year: number | undefined, now?: Date): Ymd | undefined {
  const number = monthNumber(word);
  if (number === undefined) return undefined;
  return year !== undefined ? { year, month: number, day } : withYear(number, day, now!);
}

const RELATIVE_READERS: Reader[] = [
  ...RELATIVE_DAYS.map(([offset, words]) => reader(words, (_m, now) => daysAgo(now, -offset))),
  reader(`(\\d{1,3}|${COUNT_WORDS})?\\s*(${DAY_UNITS}|${WEEK_UNITS})\\s+(?:${AGO_WORDS})`, (m, now) => {
    const count = m[1] ? (NUMBER_WORDS[m[1]] ?? Number(m[1])) : 1;
    const week = new RegExp(`^(?:${WEEK_UNITS})$`, "u").test(m[2]!);
    return daysAgo(now, count * (week ? 7 : 1));
  }),
  reader(`(?:в\\s+(?:прошл${LETTERS}\\s+)?)?(${WEEKDAY_WORD})(?:\\s+кун${LETTERS})?`, (m, now) => {
    const target = weekdayIndex(m[1]!);
    if (target === undefined) return undefined;
    const back = (kzDate(now).getUTCDay() - target + 7) % 7;
    return daysAgo(now, back === 0 && /прошл/u.test(m[0]) ? 7 : back);
  }),
];

/** The first date in the text, leftmost; words like "вчера" win over numbers that might be times. */
function findDate(folded: string, now: Date): Found | undefined {
  const today = todayIn(now);
  for (const group of [RELATIVE_READERS, READERS]) {
    const found: (Found & { rank: number })[] = [];
    for (const { re, read } of group) {
      for (const m of folded.matchAll(re)) {
        const end = m.index + m[0].length;
        // "1.2 mln", "12.5 тыс": a sum, not the 1st of February.
        if (isAmountContext(folded.slice(Math.max(0, m.index - 8), m.index), folded.slice(end, end + 24))) continue;
        const date = read(m as RegExpExecArray, now);
        if (!date) continue;
        // A real past date first, then a future one ("до завтра" in a story), then an impossible one.
        const rank = !isRealDate(date) ? 2 : iso(date) > today ? 1 : 0;
        found.push({ date, start: m.index, end, rank });
      }
    }
    found.sort((a, b) => a.rank - b.rank || a.start - b.start || b.end - a.end);
    if (found[0]) return found[0];
  }
  return undefined;
}

function check(date: Ymd, now: Date): Parsed<string, DateError> {
  if (!isRealDate(date)) return fail("invalid_date");
  const today = ymdOf(kzDate(now));
  if (iso(date) > iso(today)) return fail("future_date");
  if (iso(date) < iso({ ...today, year: today.year - MAX_AGE_YEARS })) return fail("too_old");
  return ok(iso(date));
}

/**
 * A date of birth anywhere in the text ("12.03.1961", "12 марта 1961 г.", "1961 жылғы 12
 * наурыз"), with its place; no limit on age here (checks.ts judges it).
 */
export function findBirthDate(text: string, now: Date): { date: string; start: number; end: number } | undefined {
  const folded = foldKazakh(text);
  for (const { re, read } of READERS) {
    for (const m of folded.matchAll(re)) {
      // A birth date says its year: «12.03» alone is not one.
      if (!/\d{4}|\d[./-]\d{1,2}[./-]\d{2}/.test(m[0])) continue;
      const date = read(m as RegExpExecArray, now);
      if (date && isRealDate(date)) return { date: iso(date), start: m.index, end: m.index + m[0].length };
    }
  }
  return undefined;
}

/**
 * A date as YYYY-MM-DD, in Kazakhstan time: "12.03.2026", "12/03/26", "12.03", "12 марта",
 * "12 наурызда", "наурыздың 12-сі", "2026-03-12", "вчера", "кеше", "алдыңғы күні",
 * "3 дня назад", "3 күн бұрын", "в пятницу". A date without a year is the last one
 * that has already come.
 */
export function parseDate(text: string, now: Date): Parsed<string, DateError> {
  if (!text.trim()) return fail("empty");
  const found = findDate(foldKazakh(text), now);
  return found ? check(found.date, now) : fail("not_a_date");
}

export interface DateTime {
  date: string;
  /** HH:MM */
  time?: string;
  /** Said instead of a clock time: «вчера вечером», «кеше түнде». */
  part?: PartOfDay;
}

/**
 * A date and, if given, a time or a part of the day: "вчера в 14:30", "12.03 15:00",
 * "бүгін 10:20", "12 марта вечером в 9", "вчера вечером", "кеше түнде". A time later
 * than now on today's date is `future_time`. `context`: a part of the day already known.
 */
export function parseDateTime(text: string, now: Date, context?: PartOfDay): Parsed<DateTime, DateTimeError> {
  if (!text.trim()) return fail("empty");
  const folded = foldKazakh(text);
  const found = findDate(folded, now);
  if (!found) return fail("not_a_date");
  const date = check(found.date, now);
  if (!date.ok) return date;
  const rest = `${text.slice(0, found.start)} ${text.slice(found.end)}`;
  const time = findTime(rest, context);
  if (!time.ok) {
    const part = parsePartOfDay(rest);
    return ok(part ? { date: date.value, part } : { date: date.value });
  }
  if (date.value === todayIn(now) && time.value.time > timeIn(now)) return fail("future_time");
  return ok({ date: date.value, time: time.value.time });
}
