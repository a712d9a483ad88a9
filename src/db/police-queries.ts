/**
 * What police tools read: submitted reports within an officer's scope (their
 * regions and the cases they took, or everything), filtered by incident date,
 * region, scheme, bank, amount and case status; money lost per report; a report
 * by its number. Drafts and withdrawn reports never appear.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { CASE_STATUSES, type CaseStatus } from "../core/case/status.js";
import type { Bank, Currency, Region } from "../core/model.js";
import { type Db, inTransaction } from "./client.js";
import { topScheme } from "./links.js";
import { reportNotices, reports, transfers, withdrawnNumbers } from "./schema.js";
import { type Scope, scopeCondition } from "./scope.js";

/** The case statuses, and "updated": the person added information after submitting. */
export const REPORT_STATUSES = [...CASE_STATUSES, "updated"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportFilter {
  scope: Scope;
  /** Incident days in Kazakhstan, inclusive (YYYY-MM-DD); a report without one counts by its submission day. */
  incidentFrom?: string | undefined;
  incidentTo?: string | undefined;
  /** Submitted at or after / before (exclusive). */
  submittedFrom?: Date | undefined;
  submittedTo?: Date | undefined;
  region?: Region | undefined;
  scheme?: string | undefined;
  /** Money went to, or left from, this bank. */
  bank?: Bank | undefined;
  /** Sum of the transfers in tenge, minor units, inclusive. */
  minAmountMinor?: number | undefined;
  maxAmountMinor?: number | undefined;
  status?: ReportStatus | undefined;
  /** Only the cases this officer took. */
  assignee?: number | undefined;
}

export interface ReportListRow {
  id: number;
  number: string;
  version: number;
  submittedAt: string;
  incidentDate: string | null;
  region: string | null;
  scheme: string | null;
  caseStatus: CaseStatus;
  erdrNumber: string | null;
}

/** The incident day, or the submission day in Kazakhstan (UTC+5) when the person gave none. */
const incidentDay = (db: Db) =>
  db.$engine.kind === "postgres"
    ? sql`coalesce(${reports.incidentDate}, to_char(${reports.submittedAt}::timestamp + interval '5 hours', 'YYYY-MM-DD'))`
    : sql`coalesce(${reports.incidentDate}, date(${reports.submittedAt}, '+5 hours'))`;

const kztTotal = sql`(SELECT coalesce(sum(${transfers.amountMinor}), 0) FROM ${transfers}
  WHERE ${transfers.reportId} = ${reports.id} AND ${transfers.currency} = 'KZT')`;

const involvesBank = (bank: Bank) =>
  or(
    eq(reports.ownBank, bank),
    sql`EXISTS (SELECT 1 FROM ${transfers} WHERE ${transfers.reportId} = ${reports.id}
      AND (${transfers.recipientBank} = ${bank} OR ${transfers.ownBank} = ${bank}))`,
  );

const statusCondition = (status: ReportStatus): SQL =>
  status === "updated" ? gt(reports.version, 1) : eq(reports.caseStatus, status);

/** The SQL condition of a filter on `reports`, submitted reports only. */
export function reportConditions(db: Db, filter: ReportFilter): SQL {
  return and(
    eq(reports.status, "submitted"),
    isNotNull(reports.number),
    scopeCondition(filter.scope),
    filter.incidentFrom ? sql`${incidentDay(db)} >= ${filter.incidentFrom}` : undefined,
    filter.incidentTo ? sql`${incidentDay(db)} <= ${filter.incidentTo}` : undefined,
    filter.submittedFrom ? gte(reports.submittedAt, filter.submittedFrom.toISOString()) : undefined,
    filter.submittedTo ? lt(reports.submittedAt, filter.submittedTo.toISOString()) : undefined,
    filter.region ? eq(reports.region, filter.region) : undefined,
    filter.scheme ? eq(topScheme(db), filter.scheme) : undefined,
    filter.bank ? involvesBank(filter.bank) : undefined,
    filter.minAmountMinor !== undefined ? sql`${kztTotal} >= ${filter.minAmountMinor}` : undefined,
    filter.maxAmountMinor !== undefined ? sql`${kztTotal} <= ${filter.maxAmountMinor}` : undefined,
    filter.status ? statusCondition(filter.status) : undefined,
    filter.assignee !== undefined ? eq(reports.assigneeId, filter.assignee) : undefined,
  ) as SQL;
}

const listColumns = (db: Db) => ({
  id: reports.id,
  number: reports.number,
  version: reports.version,
  submittedAt: reports.submittedAt,
  incidentDate: reports.incidentDate,
  region: reports.region,
  scheme: topScheme(db),
  caseStatus: reports.caseStatus,
  erdrNumber: reports.erdrNumber,
});

const complete = (r: { number: string | null; submittedAt: string | null }): boolean =>
  r.number !== null && r.submittedAt !== null;

/** One page, newest incident first, and the number of matching reports. */
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
    .orderBy(desc(incidentDay(db)), desc(reports.submittedAt), desc(reports.id))
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

/** True when the report is submitted and within the scope. */
export async function inScope(db: Db, scope: Scope, reportId: number): Promise<boolean> {
  const row = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.id, reportId), eq(reports.status, "submitted"), scopeCondition(scope)))
    .get();
  return row !== undefined;
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

export type { Scope };

export interface NewReport {
  id: number;
  number: string;
  region: Region | null;
  incidentDate: string | null;
  scheme: string | null;
}

/**
 * Reports submitted within the last `withinMs` whose region's officers were not told
 * yet, claimed (marked told) in the same transaction: a notice goes out at most once,
 * whichever instance claims it (a report another claimed meanwhile is left out).
 */
export function claimNewReports(db: Db, now: Date, withinMs: number, limit = 20): Promise<NewReport[]> {
  return inTransaction(db, async (db) => {
    const rows = await db
      .select({
        id: reports.id,
        number: reports.number,
        region: reports.region,
        incidentDate: reports.incidentDate,
        scheme: topScheme(db),
      })
      .from(reports)
      .leftJoin(reportNotices, eq(reportNotices.reportId, reports.id))
      .where(
        and(
          eq(reports.status, "submitted"),
          isNull(reportNotices.reportId),
          gte(reports.submittedAt, new Date(now.getTime() - withinMs).toISOString()),
        ),
      )
      .orderBy(asc(reports.submittedAt))
      .limit(limit)
      .all();
    const claimed: NewReport[] = [];
    for (const r of rows) {
      const inserted = await db
        .insert(reportNotices)
        .values({ reportId: r.id, noticedAt: now.toISOString() })
        .onConflictDoNothing()
        .run();
      if (inserted.changes > 0 && r.number !== null) claimed.push(r as NewReport);
    }
    return claimed;
  });
}
