/**
 * Statistics for police: submitted reports and money lost by scheme, by region
 * and by ISO week (Kazakhstan time), and the recipients that recur across
 * reports — the likely droppers.
 */
import { sumByCurrency } from "../core/identifiers/money.js";
import type { Money } from "../core/report/answers.js";
import type { Db } from "../db/client.js";
import { type RecurringRecipient, recurringRecipients } from "../db/links.js";
import { allReports, lossesOf, type ReportFilter, reportConditions } from "../db/police-queries.js";

const KZ_OFFSET_MS = 5 * 3600_000;

export interface Group {
  key: string;
  reports: number;
  losses: Money[];
}

export interface Stats {
  reports: number;
  losses: Money[];
  byScheme: Group[];
  byRegion: Group[];
  /** Oldest week first. */
  byWeek: Group[];
  recurring: RecurringRecipient[];
}

/** "2026-W48": the ISO-8601 week of the moment in Kazakhstan time. */
export function isoWeek(iso: string): string {
  const local = new Date(Date.parse(iso) + KZ_OFFSET_MS);
  const date = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of the same week decides the year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

export const UNKNOWN = "unknown";

function group(
  keys: Map<number, string>,
  losses: Map<number, Money[]>,
  order: (a: Group, b: Group) => number,
): Group[] {
  const groups = new Map<string, { reports: number; money: Money[] }>();
  for (const [id, key] of keys) {
    const g = groups.get(key) ?? { reports: 0, money: [] };
    g.reports += 1;
    g.money.push(...(losses.get(id) ?? []));
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, reports: g.reports, losses: sumByCurrency(g.money) }))
    .sort(order);
}

const byCount = (a: Group, b: Group) => b.reports - a.reports || a.key.localeCompare(b.key);

export async function computeStats(
  db: Db,
  filter: ReportFilter,
  options: { top?: number; weeks?: number } = {},
): Promise<Stats> {
  const rows = await allReports(db, filter);
  const losses = new Map<number, Money[]>();
  for (const l of await lossesOf(db, filter)) {
    const list = losses.get(l.reportId) ?? [];
    list.push({ amountMinor: l.amountMinor, currency: l.currency });
    losses.set(l.reportId, list);
  }
  const keyed = (pick: (r: (typeof rows)[number]) => string | null) =>
    new Map(rows.map((r) => [r.id, pick(r) ?? UNKNOWN] as const));
  const weeks = group(
    keyed((r) => isoWeek(r.submittedAt)),
    losses,
    (a, b) => a.key.localeCompare(b.key),
  );
  return {
    reports: rows.length,
    losses: sumByCurrency([...losses.values()].flat()),
    byScheme: group(
      keyed((r) => r.scheme),
      losses,
      byCount,
    ),
    byRegion: group(
      keyed((r) => r.region),
      losses,
      byCount,
    ),
    byWeek: weeks.slice(-(options.weeks ?? 8)),
    recurring: await recurringRecipients(db, options.top ?? 10, reportConditions(db, filter)),
  };
}
