/**
 * What Saqbol keeps about a person, as a summary, as a download, and deleted on
 * request. Deleting withdraws the person's submitted reports (their numbers
 * then verify as "withdrawn by the applicant"), removes reports, drafts,
 * evidence references, pending inputs (and a language chosen before consent), alert deliveries,
 * the count of their lookups and the person's row, and checkpoints the WAL so nothing deleted lingers in
 * it (secure_delete already zeroes freed pages). The audit log of police and
 * admin actions is kept: it holds Telegram ids and actions, not personal data.
 */
import { asc, count, eq, inArray } from "drizzle-orm";
import { type Db, inTransaction } from "../db/client.js";
import { loadDraft } from "../db/drafts.js";
import {
  alertDeliveries,
  evidence,
  lookupQuota,
  pendingInputs,
  preConsentLanguages,
  reports,
  reportVersions,
  stepsDone,
  users,
  withdrawnNumbers,
} from "../db/schema.js";
import { sqliteConnection } from "../db/sqlite-engine.js";
import { getUser, type User } from "../db/users.js";

export interface DataSummary {
  user: User;
  reports: number;
  drafts: number;
  evidence: number;
  alertDeliveries: number;
}

const reportIdsOf = async (db: Db, userId: number) =>
  (await db.select({ id: reports.id }).from(reports).where(eq(reports.userId, userId)).all()).map((r) => r.id);

export async function dataSummary(db: Db, userId: number): Promise<DataSummary | undefined> {
  const user = await getUser(db, userId);
  if (!user) return undefined;
  const byStatus = await db
    .select({ status: reports.status, n: count() })
    .from(reports)
    .where(eq(reports.userId, userId))
    .groupBy(reports.status)
    .all();
  const ids = await reportIdsOf(db, userId);
  const files = ids.length
    ? ((await db.select({ n: count() }).from(evidence).where(inArray(evidence.reportId, ids)).get())?.n ?? 0)
    : 0;
  const deliveries =
    (await db.select({ n: count() }).from(alertDeliveries).where(eq(alertDeliveries.userId, userId)).get())?.n ?? 0;
  return {
    user,
    reports: byStatus.find((s) => s.status === "submitted")?.n ?? 0,
    drafts: byStatus.find((s) => s.status === "draft")?.n ?? 0,
    evidence: files,
    alertDeliveries: deliveries,
  };
}

/** Everything stored about the person, as one JSON document they can keep. */
export async function exportPersonalData(
  db: Db,
  userId: number,
  now: Date,
): Promise<Record<string, unknown> | undefined> {
  const user = await getUser(db, userId);
  if (!user) return undefined;
  const rows = await db.select().from(reports).where(eq(reports.userId, userId)).orderBy(asc(reports.id)).all();
  const submitted = [];
  for (const r of rows.filter((row) => row.status !== "draft")) {
    const versions = await db
      .select()
      .from(reportVersions)
      .where(eq(reportVersions.reportId, r.id))
      .orderBy(asc(reportVersions.version))
      .all();
    submitted.push({
      number: r.number,
      status: r.status,
      submittedAt: r.submittedAt,
      currentVersion: r.version,
      /** Where the police case stands (police notes are theirs, not part of the person's data). */
      police: { status: r.caseStatus, erdrNumber: r.erdrNumber },
      stepsDone: await db
        .select({ step: stepsDone.step, doneAt: stepsDone.doneAt })
        .from(stepsDone)
        .where(eq(stepsDone.reportId, r.id))
        .all(),
      versions: versions.map((v) => ({
        version: v.version,
        createdAt: v.createdAt,
        change: v.note,
        signature: v.signature,
        report: JSON.parse(v.snapshot) as unknown,
      })),
    });
  }
  const drafts = [];
  for (const r of rows.filter((row) => row.status === "draft")) {
    const d = await loadDraft(db, r.id);
    drafts.push({
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      lang: r.lang,
      step: r.cursor.step,
      answers: d?.answers,
    });
  }
  const pending = await db.select().from(pendingInputs).where(eq(pendingInputs.userId, userId)).get();
  return {
    format: "saqbol-personal-data",
    formatVersion: 1,
    exportedAt: now.toISOString(),
    user: {
      telegramId: user.id,
      language: user.language,
      role: user.role,
      consentAt: user.consentAt,
      alertsSubscribed: user.alertsSubscribed,
      policeUnit: user.policeUnit,
      policeRegions: user.policeRegions,
      policeAllRegions: user.policeAllRegions,
      reportNotices: user.reportNotices,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    reports: submitted,
    drafts,
    alertDeliveries: await db
      .select({ alertId: alertDeliveries.alertId, status: alertDeliveries.status, at: alertDeliveries.at })
      .from(alertDeliveries)
      .where(eq(alertDeliveries.userId, userId))
      .all(),
    pendingInput: pending
      ? { kind: pending.kind, expiresAt: pending.expiresAt, ...(pending.payload ? { payload: pending.payload } : {}) }
      : null,
  };
}

export interface Deleted {
  /** Numbers of the submitted reports that now verify as withdrawn. */
  withdrawn: string[];
  /** Ids of the reports and drafts deleted: their stored evidence files go too. */
  reportIds: number[];
  drafts: number;
  /**
   * SQLite: the WAL was checkpointed and truncated (false if a reader held it; the
   * next checkpoint finishes it). PostgreSQL: undefined — dead rows are removed by
   * its autovacuum and its WAL is recycled by the server.
   */
  walTruncated: boolean | undefined;
}

/** Deletes everything about the person. */
export async function deletePersonalData(db: Db, userId: number, now: Date): Promise<Deleted> {
  const result = await inTransaction(db, async (db) => {
    const rows = await db
      .select({ id: reports.id, status: reports.status, number: reports.number, submittedAt: reports.submittedAt })
      .from(reports)
      .where(eq(reports.userId, userId))
      .all();
    const at = now.toISOString();
    const withdrawn: string[] = [];
    for (const r of rows) {
      if (r.status === "draft" || !r.number) continue;
      await db
        .insert(withdrawnNumbers)
        .values({ number: r.number, submittedAt: r.submittedAt ?? at, withdrawnAt: at })
        .onConflictDoNothing()
        .run();
      withdrawn.push(r.number);
    }
    // Children (contacts, transfers, identifiers, evidence, versions, steps) go by ON DELETE CASCADE.
    await db.delete(reports).where(eq(reports.userId, userId)).run();
    await db.delete(pendingInputs).where(eq(pendingInputs.userId, userId)).run();
    await db.delete(preConsentLanguages).where(eq(preConsentLanguages.userId, userId)).run();
    await db.delete(alertDeliveries).where(eq(alertDeliveries.userId, userId)).run();
    await db.delete(lookupQuota).where(eq(lookupQuota.userId, userId)).run();
    await db.delete(users).where(eq(users.id, userId)).run();
    return { withdrawn, reportIds: rows.map((r) => r.id), drafts: rows.filter((r) => r.status === "draft").length };
  });
  const sqlite = sqliteConnection(db);
  if (!sqlite) return { ...result, walTruncated: undefined };
  const [checkpoint] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
  return { ...result, walTruncated: checkpoint?.busy === 0 };
}
