/** Formatting shared by the PDF, the letters and the exports; the same in kk and ru. */
import type { Money } from "../core/report/answers.js";

/** Kazakhstan has one time zone since March 2024: UTC+5. */
const ALMATY_OFFSET_MS = 5 * 60 * 60 * 1000;
/** No-break space: keeps "450 000 KZT" on one line. */
export const NBSP = "\u00a0";

const pad = (n: number) => String(n).padStart(2, "0");

/** The wall-clock time in Kazakhstan as a Date whose UTC fields read as local time (what Excel shows). */
export const almatyWallClock = (iso: string): Date => new Date(Date.parse(iso) + ALMATY_OFFSET_MS);

/** "14.03.2026 14:20" */
export function almatyDateTime(iso: string): string {
  const d = almatyWallClock(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2026-03-14" → "14.03.2026"; anything else is shown as given. */
export function localDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : ymd;
}

/** A local date and HH:MM as a wall-clock Date (UTC fields), for spreadsheets. */
export function wallClockDate(ymd: string | undefined, hhmm?: string): Date | undefined {
  const d = ymd && /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!d) return undefined;
  const t = hhmm && /^(\d{2}):(\d{2})$/.exec(hhmm);
  return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), t ? Number(t[1]) : 0, t ? Number(t[2]) : 0));
}

/** "30 000,50 KZT": space-grouped thousands, decimal comma, kopecks only when there are any. */
export function formatMoney(money: Money, space = NBSP): string {
  const negative = money.amountMinor < 0;
  const minor = Math.abs(money.amountMinor);
  const whole = Math.floor(minor / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, space);
  const cents = minor % 100;
  return `${negative ? "-" : ""}${whole}${cents ? `,${pad(cents)}` : ""}${space}${money.currency}`;
}

/** "183 KB" */
export const fileSizeKb = (bytes: number): number => Math.max(1, Math.round(bytes / 1024));
