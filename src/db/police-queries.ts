/**
 * What police tools read: submitted reports by date range, region, scheme and
 * status; money lost per report; a report by its number. Drafts and withdrawn
 * reports never appear.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import type { Currency, Region } from "../core/model.js";
import type { Db } from "./client.js";
import { topScheme } from "./links.js";
import { reports, transfers, withdrawnNumbers } from "./schema.js";

/** new: never changed since submission; updated: information added later; statement / no_statement: a police statement number is recorded or not. */
export const REPORT_STATUSES = ["new", "updated", "statement", "no_statement"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportFilter {
  /** Submitted at or after (inclusive). */
  from?: Date | undefined;
  /** Submitted before (exclusive). */
  to?: Date | undefined;
  region?: Region | undefined;
  scheme?: string | undefined;
  status?: ReportStatus | undefined;
}

export interface ReportListRow {
  id: number;
  number: string;
  version: number;
  submittedAt: string;
  region: string | null;
  scheme: string | null;
}

const STATUS: Record<ReportStatus, SQL> = {
  new: eq(reports.version, 1),
  updated: gt(reports.version, 1),
  statement: isNotNull(reports.statementNo),
  no_statement: isNull(reports.statementNo),
};

/** The SQL condition of a filter on `reports`, submitted reports only. */
export function reportConditions(db: Db, filter: ReportFilter): SQL {
  return and(
    eq(reports.status, "submitted"),
    isNotNull(reports.number),
    filter.from ? gte(reports.submittedAt, filter.from.toISOString()) : undefined,
    filter.to ? lt(reports.submittedAt, filter.to.toISOString()) : undefined,
    filter.region ? eq(reports.region, filter.region) : undefined,
    filter.scheme ? eq(topScheme(db), filter.scheme) : undefined,
    filter.status ? STATUS[filter.status] : undefined,
  ) as SQL;
}

const listColumns = (db: Db) => ({
  id: reports.id,
  number: reports.number,
  version: reports.version,
  submittedAt: reports.submittedAt,
  region: reports.region,
  scheme: topScheme(db),
});

const complete = (r: { number: string | null; submittedAt: string | null }): boolean =>
  r.number !== null && r.submittedAt !== null;

/** One page, newest first, and the number of matching reports. */
export async function listReports(
  db: Db,
  filter: ReportFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ReportListRow[]; total: number }> {
  const where = reportConditions(db, filter);
  const rows = await db
    .select(listColumns(db))
    .from(reports)
    .where(where)
    .orderBy(desc(reports.submittedAt), desc(reports.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = (await db.select({ n: count() }).from(reports).where(where).get())?.n ?? 0;
  return { rows: rows.filter(complete) as ReportListRow[], total };
}

/** Every matching report, oldest first (exports and statistics). */
export async function allReports(db: Db, filter: ReportFilter, limit = 100_000): Promise<ReportListRow[]> {
  const rows = await db
    .select(listColumns(db))
    .from(reports)
    .where(reportConditions(db, filter))
    .orderBy(asc(reports.submittedAt), asc(reports.id))
    .limit(limit)
    .all();
  return rows.filter(complete) as ReportListRow[];
}

export interface ReportLoss {
  reportId: number;
  currency: Currency;
  amountMinor: number;
}

type TransferAmount = { reportId: number; currency: string | null; amountMinor: number | null };

function sumPerReport(rows: readonly TransferAmount[]): ReportLoss[] {
  const out = new Map<string, ReportLoss>();
  for (const t of rows) {
    if (t.currency === null || t.amountMinor === null) continue;
    const key = `${t.reportId}:${t.currency}`;
    const entry = out.get(key) ?? { reportId: t.reportId, currency: t.currency as Currency, amountMinor: 0 };
    entry.amountMinor += t.amountMinor;
    out.set(key, entry);
  }
  return [...out.values()];
}

const amountColumns = {
  reportId: transfers.reportId,
  currency: transfers.currency,
  amountMinor: transfers.amountMinor,
};

/** Sums of transfers per report and currency, for the matching reports. */
export async function lossesOf(db: Db, filter: ReportFilter): Promise<ReportLoss[]> {
  return sumPerReport(
    await db
      .select(amountColumns)
      .from(transfers)
      .innerJoin(reports, eq(reports.id, transfers.reportId))
      .where(reportConditions(db, filter))
      .all(),
  );
}

/** Money lost per report for a few reports (a page of the list). */
export async function lossesOfReports(db: Db, ids: readonly number[]): Promise<ReportLoss[]> {
  if (ids.length === 0) return [];
  return sumPerReport(
    await db
      .select(amountColumns)
      .from(transfers)
      .where(inArray(transfers.reportId, [...ids]))
      .all(),
  );
}

export type NumberState =
  | { state: "submitted"; id: number; submittedAt: string; version: number }
  | { state: "withdrawn"; submittedAt: string; withdrawnAt: string }
  | { state: "unknown" };

/** What a report number stands for now: a submitted report, a withdrawn one, or nothing. */
export async function numberState(db: Db, number: string): Promise<NumberState> {
  const withdrawn = await db.select().from(withdrawnNumbers).where(eq(withdrawnNumbers.number, number)).get();
  if (withdrawn) return { state: "withdrawn", submittedAt: withdrawn.submittedAt, withdrawnAt: withdrawn.withdrawnAt };
  const row = await db
    .select({
      id: reports.id,
      status: reports.status,
      submittedAt: reports.submittedAt,
      withdrawnAt: reports.withdrawnAt,
      version: reports.version,
    })
    .from(reports)
    .where(eq(reports.number, number))
    .get();
  if (!row?.submittedAt) return { state: "unknown" };
  if (row.status === "withdrawn")
    return { state: "withdrawn", submittedAt: row.submittedAt, withdrawnAt: row.withdrawnAt ?? row.submittedAt };
  if (row.status !== "submitted") return { state: "unknown" };
  return { state: "submitted", id: row.id, submittedAt: row.submittedAt, version: row.version };
}
