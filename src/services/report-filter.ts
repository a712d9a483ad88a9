/**
 * The filters police type after /reports, /export and /stats: dates (one day, or
 * a range), a region id, a scheme id and a status, in any order, also as
 * key=value. Days are calendar days in Kazakhstan (UTC+5).
 */
import { isRealDate } from "../core/identifiers/dates.js";
import { REGIONS, type Region } from "../core/model.js";
import { REPORT_STATUSES, type ReportFilter, type ReportStatus } from "../db/police-queries.js";

const KZ_OFFSET_MS = 5 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** A filter as typed and as packed into buttons: days as YYYY-MM-DD, both inclusive. */
export interface FilterSpec {
  fromDay?: string | undefined;
  toDay?: string | undefined;
  region?: Region | undefined;
  scheme?: string | undefined;
  status?: ReportStatus | undefined;
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

/** The first moment of a Kazakhstan calendar day, in UTC. */
export const dayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - KZ_OFFSET_MS);

export function toReportFilter(spec: FilterSpec): ReportFilter {
  return {
    from: spec.fromDay ? dayStart(spec.fromDay) : undefined,
    to: spec.toDay ? new Date(dayStart(spec.toDay).getTime() + DAY_MS) : undefined,
    region: spec.region,
    scheme: spec.scheme,
    status: spec.status,
  };
}

const isRegion = (s: string): s is Region => (REGIONS as readonly string[]).includes(s);
const isStatus = (s: string): s is ReportStatus => (REPORT_STATUSES as readonly string[]).includes(s);

export function parseFilterArgs(args: string, schemeIds: readonly string[]): ParsedFilter {
  const spec: FilterSpec = {};
  const unknown: string[] = [];
  const days: string[] = [];
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const [key, value] = word.includes("=") ? (word.split("=", 2) as [string, string]) : [undefined, word];
    const token = value.toLowerCase();
    const range = token.split("..");
    if (range.length === 2 && (!key || key === "date")) {
      const [a, b] = range.map((d) => parseDay(d));
      if (a && b) days.push(a, b);
      else unknown.push(word);
      continue;
    }
    const day = parseDay(token);
    if (day && (!key || key === "from" || key === "to" || key === "date")) {
      if (key === "from") spec.fromDay = day;
      else if (key === "to") spec.toDay = day;
      else days.push(day);
    } else if (isRegion(token) && (!key || key === "region")) spec.region = token;
    else if (schemeIds.includes(token) && (!key || key === "scheme")) spec.scheme = token;
    else if (isStatus(token) && (!key || key === "status")) spec.status = token;
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
