/**
 * The filters police type after /reports, /export and /stats, in any order: incident
 * dates (one day, or a range), a region in any language or case («Алматы»,
 * «Қарағандыда», «karaganda»), a scheme id, a bank («kaspi», «Халык»), an amount in
 * tenge («>100000», «сумма=50000..200000»), a case status, and «mine» for the cases
 * the officer took; also as key=value. Days are calendar days in Kazakhstan.
 */
import { findBank } from "../core/identifiers/banks.js";
import { isRealDate } from "../core/identifiers/dates.js";
import { findRegions, readRegion } from "../core/identifiers/regions.js";
import type { Bank, Region } from "../core/model.js";
import { REPORT_STATUSES, type ReportFilter, type ReportStatus } from "../db/police-queries.js";
import type { Scope } from "../db/scope.js";

/** A filter as typed and as packed into buttons: incident days as YYYY-MM-DD, both inclusive; amounts in whole tenge. */
export interface FilterSpec {
  fromDay?: string | undefined;
  toDay?: string | undefined;
  region?: Region | undefined;
  scheme?: string | undefined;
  bank?: Bank | undefined;
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  status?: ReportStatus | undefined;
  mine?: boolean | undefined;
}

export interface ParsedFilter {
  spec: FilterSpec;
  /** Words that are none of the above, to tell the officer. */
  unknown: string[];
}

/** "2026-11-25" or "25.11.2026" → "2026-11-25"; undefined when not a real date. */
export function parseDay(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = text.includes("-")
    ? [Number(m[1]), Number(m[2]), Number(m[3])]
    : [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!isRealDate({ year, month, day })) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function toReportFilter(spec: FilterSpec, scope: Scope): ReportFilter {
  return {
    scope,
    incidentFrom: spec.fromDay,
    incidentTo: spec.toDay,
    region: spec.region,
    scheme: spec.scheme,
    bank: spec.bank,
    minAmountMinor: spec.minAmount === undefined ? undefined : spec.minAmount * 100,
    maxAmountMinor: spec.maxAmount === undefined ? undefined : spec.maxAmount * 100,
    status: spec.status,
    assignee: spec.mine && !scope.all ? scope.officerId : undefined,
  };
}

const isStatus = (s: string): s is ReportStatus => (REPORT_STATUSES as readonly string[]).includes(s);
const MINE = /^(?:mine|мои|моё|мое|менің|менiң)$/iu;
const AMOUNT_KEYS = /^(?:amount|sum|сумма|сома)$/iu;
/** Whole tenge, at most 12 digits. */
const TENGE = /^\d{1,12}$/;

/** ">100000", "<=5000", "50000..200000": the bounds it sets, or undefined when it is not an amount. */
function readAmount(text: string, keyed: boolean): Pick<FilterSpec, "minAmount" | "maxAmount"> | undefined {
  const compare = /^(>=?|<=?)(\d{1,12})$/.exec(text);
  if (compare) {
    const n = Number(compare[2]) + (compare[1] === ">" ? 1 : compare[1] === "<" ? -1 : 0);
    return compare[1]!.startsWith(">") ? { minAmount: n } : { maxAmount: Math.max(0, n) };
  }
  if (!keyed) return undefined;
  const [a, b] = text.split("..");
  if (b !== undefined && TENGE.test(a!) && TENGE.test(b)) {
    const [lo, hi] = [Number(a), Number(b)].sort((x, y) => x - y);
    return { minAmount: lo, maxAmount: hi };
  }
  return TENGE.test(text) ? { minAmount: Number(text), maxAmount: Number(text) } : undefined;
}

/** Region names may span words («Алматы облысы», «Шығыс Қазақстан»): they are read from the whole text first. */
function takeRegions(args: string): { regions: Region[]; rest: string } {
  const regions: Region[] = [];
  let rest = "";
  let at = 0;
  for (const m of findRegions(args)) {
    // a region inside a key=value word is read with its key below
    if (/=\S*$/.test(args.slice(at, m.start))) continue;
    regions.push(m.region);
    rest += `${args.slice(at, m.start)} `;
    at = m.end;
  }
  return { regions, rest: rest + args.slice(at) };
}

export function parseFilterArgs(args: string, schemeIds: readonly string[]): ParsedFilter {
  const spec: FilterSpec = {};
  const unknown: string[] = [];
  const days: string[] = [];
  const { regions, rest } = takeRegions(args);
  if (regions[0]) spec.region = regions[0];
  for (const extra of regions.slice(1)) unknown.push(extra);
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    const eq = word.indexOf("=");
    const cmp = word.search(/[<>]/);
    const [key, value] =
      eq > 0 && (cmp < 0 || eq < cmp)
        ? [word.slice(0, eq).toLowerCase(), word.slice(eq + 1)]
        : cmp > 0
          ? [word.slice(0, cmp).toLowerCase(), word.slice(cmp)]
          : [undefined, word];
    const token = value.toLowerCase();
    const range = token.split("..");
    if (range.length === 2 && (!key || key === "date") && range.every((d) => parseDay(d))) {
      days.push(parseDay(range[0]!)!, parseDay(range[1]!)!);
      continue;
    }
    const day = parseDay(token);
    const amount = !key || AMOUNT_KEYS.test(key) ? readAmount(token, key !== undefined) : undefined;
    const bank = findBank(value);
    if (day && (!key || key === "from" || key === "to" || key === "date")) {
      if (key === "from") spec.fromDay = day;
      else if (key === "to") spec.toDay = day;
      else days.push(day);
    } else if (amount) Object.assign(spec, amount);
    else if (key === "region" && readRegion(value)) spec.region = readRegion(value);
    else if (schemeIds.includes(token) && (!key || key === "scheme")) spec.scheme = token;
    else if (isStatus(token) && (!key || key === "status")) spec.status = token;
    else if (bank && bank.start === 0 && bank.end === value.length && (!key || key === "bank")) spec.bank = bank.bank;
    else if (!key && MINE.test(token)) spec.mine = true;
    else unknown.push(word);
  }
  if (days.length === 1) {
    spec.fromDay ??= days[0];
    spec.toDay ??= days[0];
  } else if (days.length >= 2) {
    const [a, b] = [days[0]!, days[1]!].sort();
    spec.fromDay ??= a;
    spec.toDay ??= b;
    for (const extra of days.slice(2)) unknown.push(extra);
  }
  if (spec.fromDay && spec.toDay && spec.fromDay > spec.toDay) [spec.fromDay, spec.toDay] = [spec.toDay, spec.fromDay];
  return { spec, unknown };
}

/** Compact days for callback data: "20261125". */
export const packDay = (day: string | undefined): string | undefined => day?.replace(/-/g, "");
export const unpackDay = (packed: string | undefined): string | undefined =>
  packed && /^\d{8}$/.test(packed)
    ? parseDay(`${packed.slice(0, 4)}-${packed.slice(4, 6)}-${packed.slice(6)}`)
    : undefined;

/** "SB-2026-42", "sb 2026 000042", "2026-000042" → "SB-2026-000042". */
export function parseReportNumber(text: string): string | undefined {
  const m = /^(?:SB[\s-]*)?(\d{4})[\s-]+(\d{1,6})$/i.exec(text.trim());
  return m ? `SB-${m[1]}-${m[2]!.padStart(6, "0")}` : undefined;
}
