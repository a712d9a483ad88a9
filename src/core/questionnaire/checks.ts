/**
 * Checks across answers: the incident comes before the first transfer, transfers and
 * calls are not in the future, a loan is not older than the incident, a birth date is
 * a person's. Each returns an error code for a kind re-ask, or undefined.
 */
import { timeIn, todayIn } from "../identifiers/dates.js";
import type { Answers } from "../report/answers.js";

/** A moment as far as it is known: a date, maybe a time (HH:MM). */
export interface Moment {
  date: string;
  time?: string;
}

const isClock = (time: string | undefined): time is string => time !== undefined && /^\d{2}:\d{2}$/.test(time);

/** -1, 0 or 1; equal dates with a time missing on either side compare as equal. */
export function compareMoments(x: Moment, y: Moment): number {
  if (x.date !== y.date) return x.date < y.date ? -1 : 1;
  if (!isClock(x.time) || !isClock(y.time) || x.time === y.time) return 0;
  return x.time < y.time ? -1 : 1;
}

const incidentOf = (a: Answers): Moment | undefined =>
  a.incidentDate ? { date: a.incidentDate, ...(isClock(a.incidentTime) ? { time: a.incidentTime } : {}) } : undefined;

/** The earliest transfer with a date, other than the one at `except`. */
function firstTransfer(a: Answers, except?: number): Moment | undefined {
  let first: Moment | undefined;
  a.transfers.forEach((t, i) => {
    if (i === except || !t.date) return;
    const m = { date: t.date, ...(t.time ? { time: t.time } : {}) };
    if (!first || compareMoments(m, first) < 0) first = m;
  });
  return first;
}

export function notFuture(m: Moment, now: Date): "future_date" | "future_time" | undefined {
  const today = todayIn(now);
  if (m.date > today) return "future_date";
  if (m.date === today && isClock(m.time) && m.time > timeIn(now)) return "future_time";
  return undefined;
}

/** The incident as answered now must not come after money already recorded as sent. */
export function checkIncident(a: Answers, m: Moment, now: Date): string | undefined {
  const future = notFuture(m, now);
  if (future) return future;
  const transfer = firstTransfer(a);
  return transfer && compareMoments(m, transfer) > 0 ? "after_transfer" : undefined;
}

/** A transfer happens after the incident began and not in the future. */
export function checkTransfer(a: Answers, m: Moment, now: Date): string | undefined {
  const future = notFuture(m, now);
  if (future) return future;
  const incident = incidentOf(a);
  return incident && compareMoments(m, incident) < 0 ? "before_incident" : undefined;
}

/** A loan taken in the victim's name is dated on or after the day the incident began. */
export function checkLoanDate(a: Answers, date: string, now: Date): string | undefined {
  const future = notFuture({ date }, now);
  if (future) return future;
  return a.incidentDate && date < a.incidentDate ? "loan_before_incident" : undefined;
}

/** A call from the fraudsters is not in the future. */
export const checkCall = (m: Moment, now: Date): string | undefined => notFuture(m, now);

const MAX_AGE = 110;

/** A birth date of a living person: in the past, at most 110 years ago. */
export function checkBirthDate(date: string, now: Date): string | undefined {
  const today = todayIn(now);
  if (date > today) return "birth_date";
  const oldest = `${Number(today.slice(0, 4)) - MAX_AGE}${today.slice(4)}`;
  return date < oldest ? "birth_date" : undefined;
}
