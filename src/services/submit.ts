/**
 * Submitting a draft: a permanent number, the recognised schemes fixed with the
 * catalogue version used, and version 1 frozen and signed — all in one
 * transaction. Submitting the same draft twice returns the first result.
 */
import { and, eq, like, sql } from "drizzle-orm";
import type { Answers } from "../core/report/answers.js";
import { canonicalJson } from "../core/report/canonical.js";
import { toReportJson } from "../core/report/json.js";
import type { Recognition, SubmittedReport } from "../core/report/report.js";
import { type ReportKeys, signReport } from "../core/report/signature.js";
import { type Db, inTransaction } from "../db/client.js";
import { loadDraft } from "../db/drafts.js";
import { counters, reports, reportVersions, withdrawnNumbers } from "../db/schema.js";

export type Recognise = (answers: Answers) => Recognition;

const ALMATY_OFFSET_MS = 5 * 3600_000;

const numberOf = (year: number, n: number) => `SB-${year}-${String(n).padStart(6, "0")}`;

/** True when the database holds this report number (a submitted or a withdrawn report's). */
async function numberTaken(db: Db, number: string): Promise<boolean> {
  if (await db.select({ id: reports.id }).from(reports).where(eq(reports.number, number)).get()) return true;
  const withdrawn = await db
    .select({ number: withdrawnNumbers.number })
    .from(withdrawnNumbers)
    .where(eq(withdrawnNumbers.number, number))
    .get();
  return withdrawn !== undefined;
}

/**
 * SB-2026-004217: the year of submission (Kazakhstan time) and a yearly sequence.
 * The sequence comes from the database and skips any number the database already
 * holds (a submitted or a withdrawn report's), so a number is never given twice.
 */
export async function nextReportNumber(db: Db, now: Date): Promise<string> {
  const year = new Date(now.getTime() + ALMATY_OFFSET_MS).getUTCFullYear();
  const name = `report_number_${year}`;
  for (;;) {
    const row = await db
      .insert(counters)
      .values({ name, value: 1 })
      .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
      .returning({ value: counters.value })
      .get();
    const number = numberOf(year, row.value);
    if (!(await numberTaken(db, number))) return number;
  }
}

/** The highest sequence per year among the numbers in `column` (SB-2026-004217: 2026 → 4217). */
async function highestPerYear(db: Db, column: typeof reports.number | typeof withdrawnNumbers.number) {
  const year = sql<number>`CAST(substr(${column}, 4, 4) AS INTEGER)`;
  return db
    .select({ year, n: sql<number>`MAX(CAST(substr(${column}, 9) AS INTEGER))` })
    .from(column.table)
    .where(like(column, "SB-____-%"))
    .groupBy(year)
    .all();
}

/**
 * Checked at start: each year's counter stands at or above the highest number the
 * database holds (a counter restored from an older copy, or lost, would otherwise
 * hand out numbers again). Returns the counters it moved.
 */
export async function alignReportCounters(db: Db): Promise<{ year: number; from: number; to: number }[]> {
  const highest = new Map<number, number>();
  for (const column of [reports.number, withdrawnNumbers.number]) {
    for (const { year, n } of await highestPerYear(db, column)) {
      highest.set(Number(year), Math.max(highest.get(Number(year)) ?? 0, Number(n)));
    }
  }
  const moved: { year: number; from: number; to: number }[] = [];
  for (const [year, n] of highest) {
    const name = `report_number_${year}`;
    const current =
      (await db.select({ value: counters.value }).from(counters).where(eq(counters.name, name)).get())?.value ?? 0;
    if (current >= n) continue;
    await db
      .insert(counters)
      .values({ name, value: n })
      .onConflictDoUpdate({ target: counters.name, set: { value: n } })
      .run();
    moved.push({ year, from: current, to: n });
  }
  return moved;
}

/**
 * Contacts, loans and transfers left empty (a button pressed, nothing told) are not part
 * of a report, nor the questionnaire's working notes (facts offered, hints).
 */
export function pruneEmpty(answers: Answers): Answers {
  const hasData = (o: object) =>
    Object.entries(o).some(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  const { pending: _pending, ...a } = answers;
  return {
    ...a,
    contacts: a.contacts.filter(hasData),
    loans: a.loans.filter(hasData),
    transfers: a.transfers.filter(hasData),
  };
}

export interface Submitted {
  reportId: number;
  number: string;
  report: SubmittedReport;
}

export function submitDraft(
  db: Db,
  draftId: number,
  recognise: Recognise,
  keys: ReportKeys,
  now: Date,
): Promise<Submitted | undefined> {
  return inTransaction(db, async (db): Promise<Submitted | undefined> => {
    const existing = await db.select().from(reports).where(eq(reports.id, draftId)).get();
    if (!existing) return undefined;
    if (existing.status === "submitted" && existing.number) {
      const report = await loadSubmitted(db, draftId);
      return report ? { reportId: draftId, number: existing.number, report } : undefined;
    }
    const draft = await loadDraft(db, draftId);
    if (!draft) return undefined;
    const answers = pruneEmpty(draft.answers);
    const recognition = recognise(answers);
    const at = now.toISOString();
    const number = await nextReportNumber(db, now);
    const report: SubmittedReport = {
      number,
      version: 1,
      lang: draft.lang,
      status: "submitted",
      submittedAt: at,
      versionAt: at,
      answers,
      recognition,
      stepsDone: [],
    };
    await db
      .update(reports)
      .set({
        status: "submitted",
        number,
        version: 1,
        submittedAt: at,
        updatedAt: at,
        recognition,
        catalogVersion: recognition.catalogVersion,
        cursor: { step: "review" },
      })
      .where(and(eq(reports.id, draftId), eq(reports.status, "draft")))
      .run();
    await saveVersion(db, draftId, report, keys, null);
    return { reportId: draftId, number, report };
  });
}

/** Freezes one version: the report as it was, and the signed canonical police JSON. */
export async function saveVersion(
  db: Db,
  reportId: number,
  report: SubmittedReport,
  keys: ReportKeys,
  note: string | null,
): Promise<void> {
  const signed = signReport(toReportJson(report), keys);
  await db
    .insert(reportVersions)
    .values({
      reportId,
      version: report.version,
      snapshot: JSON.stringify(report),
      canonical: canonicalJson(signed),
      signature: signed.signature.value,
      note,
      createdAt: report.versionAt,
    })
    .run();
}

/** A submitted report as it is now (latest version), or as it was at `version`. */
export async function loadSubmitted(db: Db, reportId: number, version?: number): Promise<SubmittedReport | undefined> {
  const row = await db
    .select({ snapshot: reportVersions.snapshot })
    .from(reportVersions)
    .where(
      version === undefined
        ? eq(reportVersions.reportId, reportId)
        : and(eq(reportVersions.reportId, reportId), eq(reportVersions.version, version)),
    )
    .orderBy(sql`${reportVersions.version} DESC`)
    .get();
  return row ? (JSON.parse(row.snapshot) as SubmittedReport) : undefined;
}
