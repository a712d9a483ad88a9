/**
 * How numbers, money, dates and times are written: the single source for the chat,
 * the PDF, the letters and the exports, the same in Kazakh and Russian
 * (test/unit/format.test.ts scans the code for any other way of writing them).
 *
 *   money      1 200 000 ₸ · 50,50 ₸ · 5 000 ₽ · $300 · 100 USDT
 *   date       14.03.2026
 *   date-time  14.03.2026 14:20 (Kazakhstan time)
 *   own card   •••• 4821
 */
import { CARD_MASK } from "../core/identifiers/card.js";
import type { Currency } from "../core/model.js";
import type { Money } from "../core/report/answers.js";

/** Kazakhstan has one time zone since March 2024: UTC+5. */
const ALMATY_OFFSET_MS = 5 * 60 * 60 * 1000;
/** No-break space: keeps "450 000 ₸" and "•••• 4821" on one line. */
export const NBSP = "\u00a0";
/** Narrow no-break space: groups thousands the way Kazakh and Russian typography does. */
export const GROUP = "\u202f";

const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, "0");

/** The wall-clock time in Kazakhstan as a Date whose UTC fields read as local time (what Excel shows). */
export const almatyWallClock = (iso: string): Date => new Date(Date.parse(iso) + ALMATY_OFFSET_MS);

const dayOf = (d: Date) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
const clockOf = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** A moment (ISO-8601) as "14.03.2026 14:20", Kazakhstan time. */
export function almatyDateTime(iso: string): string {
  const d = almatyWallClock(iso);
  return Number.isNaN(d.getTime()) ? iso : `${dayOf(d)} ${clockOf(d)}`;
}

/** A moment (ISO-8601) as "14.03.2026", the day in Kazakhstan. */
export function almatyDate(iso: string): string {
  const d = almatyWallClock(iso);
  return Number.isNaN(d.getTime()) ? iso : dayOf(d);
}

/** A local date "2026-03-14" → "14.03.2026"; anything else is shown as given. */
export function formatDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : ymd;
}

/** A wall-clock Date (UTC fields, as in spreadsheets) → "14.03.2026" or "14.03.2026 14:20". */
export const wallClockText = (d: Date, withTime: boolean): string =>
  withTime ? `${dayOf(d)} ${clockOf(d)}` : dayOf(d);

/** An ISO week "2026-W11" → "09.03.2026 – 15.03.2026" (Monday to Sunday); anything else as given. */
export function formatWeek(isoWeek: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  if (!m) return isoWeek;
  // 4 January is always in week 1.
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * DAY_MS + (Number(m[2]) - 1) * 7 * DAY_MS;
  return `${dayOf(new Date(monday))} – ${dayOf(new Date(monday + 6 * DAY_MS))}`;
}

/** "2026-03-14": the day in Kazakhstan, for file names only (they sort by it). */
export const fileDate = (at: Date): string => almatyWallClock(at.toISOString()).toISOString().slice(0, 10);

/** A local date and HH:MM as a wall-clock Date (UTC fields), for spreadsheets. */
export function wallClockDate(ymd: string | undefined, hhmm?: string): Date | undefined {
  const d = ymd && /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!d) return undefined;
  const t = hhmm && /^(\d{2}):(\d{2})$/.exec(hhmm);
  return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), t ? Number(t[1]) : 0, t ? Number(t[2]) : 0));
}

/**
 * A number for a spreadsheet in a Kazakh or Russian locale: a decimal comma, no grouping;
 * money always with its two decimals when it has any ("430000,50").
 */
export function decimalComma(n: number, money: boolean): string {
  if (!money || Number.isInteger(n)) return String(n).replace(".", ",");
  const cents = Math.round(Math.abs(n) * 100);
  return `${n < 0 ? "-" : ""}${Math.floor(cents / 100)},${pad(cents % 100)}`;
}

/** 1200000 → "1 200 000" (narrow no-break spaces). */
export const formatNumber = (whole: number): string =>
  Math.trunc(whole)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);

const SYMBOL_AFTER: Partial<Record<Currency, string>> = { KZT: "₸", RUB: "₽", USDT: "USDT" };
const SYMBOL_BEFORE: Partial<Record<Currency, string>> = { USD: "$", EUR: "€" };

/** "1 200 000 ₸", "50,50 ₸", "$300", "5 000 ₽", "100 USDT": a decimal comma only when there are tiyn or cents. */
export function formatMoney(money: Money): string {
  const minor = Math.abs(money.amountMinor);
  const cents = minor % 100;
  const number = `${money.amountMinor < 0 ? "-" : ""}${formatNumber(Math.floor(minor / 100))}${cents ? `,${pad(cents)}` : ""}`;
  const before = SYMBOL_BEFORE[money.currency];
  if (before) return `${before}${number}`;
  return `${number}${NBSP}${SYMBOL_AFTER[money.currency] ?? money.currency}`;
}

/** The victim's own card, cut to its last four digits: "•••• 4821". */
export const maskedCard = (last4: string): string => `${CARD_MASK}${NBSP}${last4}`;

/** "183 KB" */
export const fileSizeKb = (bytes: number): number => Math.max(1, Math.round(bytes / 1024));
