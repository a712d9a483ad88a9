/**
 * Business days in Kazakhstan. A suspicious transfer can be held for up to five
 * business days, so the urgency of a case is counted in them, not in hours.
 *
 * The rule (Law «On holidays», art. 5): a national or state holiday that falls on a
 * Saturday or Sunday gives the next working day off; the religious holidays (Orthodox
 * Christmas, the first day of Kurban Ait) are never moved. Kurban Ait's date and any
 * further transfer of days off are decided every year, so they come from the
 * calendar's table of years (kept in the catalogue with its source), not from code.
 */

export interface HolidayCalendar {
  /** MM-DD of holidays that move to the next working day when they fall on a weekend. */
  readonly moving: readonly string[];
  /** MM-DD of holidays that are days off only on the day itself. */
  readonly fixed: readonly string[];
  /** Per year ("2026"): extra days off (Kurban Ait, decreed transfers) and weekend days made working. */
  readonly years: Readonly<
    Record<string, { readonly daysOff: readonly string[]; readonly workingDays: readonly string[] }>
  >;
}

const DAY_MS = 86_400_000;
const KZ_OFFSET_MS = 5 * 3_600_000;

const ymdOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const timeOf = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`);
const isWeekend = (t: number) => {
  const day = new Date(t).getUTCDay();
  return day === 0 || day === 6;
};

/** The date in Kazakhstan (UTC+5) at an instant, YYYY-MM-DD. */
export const kzDate = (instant: Date): string => ymdOf(instant.getTime() + KZ_OFFSET_MS);

const cache = new WeakMap<HolidayCalendar, Map<number, ReadonlySet<string>>>();

/** Days off in a year besides weekends: holidays, their moved days off, the year's decreed days off. */
export function daysOff(calendar: HolidayCalendar, year: number): ReadonlySet<string> {
  let years = cache.get(calendar);
  if (!years) {
    years = new Map();
    cache.set(calendar, years);
  }
  const known = years.get(year);
  if (known) return known;
  const decreed = calendar.years[String(year)];
  const off = new Set([...calendar.moving, ...calendar.fixed].map((md) => `${year}-${md}`));
  for (const d of decreed?.daysOff ?? []) off.add(d);
  // In calendar order: a weekend holiday gives the first later weekday that is neither off nor already given.
  for (const md of [...calendar.moving].sort()) {
    let t = timeOf(`${year}-${md}`);
    if (!isWeekend(t)) continue;
    do t += DAY_MS;
    while (isWeekend(t) || off.has(ymdOf(t)));
    off.add(ymdOf(t));
  }
  for (const d of decreed?.workingDays ?? []) off.delete(d);
  years.set(year, off);
  return off;
}

/** True for a working day: a weekday that is not off, or a weekend day the year's decree made working. */
export function isBusinessDay(calendar: HolidayCalendar, ymd: string): boolean {
  const year = Number(ymd.slice(0, 4));
  if (calendar.years[String(year)]?.workingDays.includes(ymd)) return true;
  return !isWeekend(timeOf(ymd)) && !daysOff(calendar, year).has(ymd);
}

/**
 * Business days wholly between two dates: after `from`, before `to` (both YYYY-MM-DD).
 * Counting stops at `enough` (a caller asking "five or more?" need not walk years).
 */
export function businessDaysBetween(calendar: HolidayCalendar, from: string, to: string, enough = 366): number {
  let count = 0;
  const end = timeOf(to);
  for (let t = timeOf(from) + DAY_MS; t < end && count < enough; t += DAY_MS) {
    if (isBusinessDay(calendar, ymdOf(t))) count++;
  }
  return count;
}
