/**
 * A report's case file: the ЕРДР/КУИ number, the status, who took the case, and
 * every change with its time (case_events). The columns on `reports` hold the
 * current state for queries; the events are the history police and the person read.
 */
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { CaseEventKind, CaseStatus } from "../core/case/status.js";
import type { Db } from "./client.js";
import { caseEvents, reports, users } from "./schema.js";

export interface CaseFile {
  reportId: number;
  number: string;
  ownerId: number;
  ownerLang: "kk" | "ru";
  region: string | null;
  erdrNumber: string | null;
  status: CaseStatus;
  assigneeId: number | null;
  assigneeName: string | null;
  updatedAt: string | null;
}

export interface CaseEvent {
  kind: CaseEventKind;
  value: string | null;
  actorId: number | null;
  at: string;
}

const columns = {
  reportId: reports.id,
  number: reports.number,
  ownerId: reports.userId,
  ownerLang: reports.lang,
  region: reports.region,
  erdrNumber: reports.erdrNumber,
  status: reports.caseStatus,
  assigneeId: reports.assigneeId,
  assigneeName: users.staffName,
  updatedAt: reports.caseUpdatedAt,
};

async function select(db: Db, where: SQL | undefined): Promise<CaseFile[]> {
  const rows = await db
    .select(columns)
    .from(reports)
    .leftJoin(users, eq(users.id, reports.assigneeId))
    .where(and(eq(reports.status, "submitted"), where))
    .all();
  return rows.filter((r): r is CaseFile => r.number !== null);
}

/** The case file of a submitted report. */
export async function caseFile(db: Db, reportId: number): Promise<CaseFile | undefined> {
  return (await select(db, eq(reports.id, reportId)))[0];
}

/** Case files of many reports (exports), by report id. */
export async function caseFiles(db: Db, reportIds: readonly number[]): Promise<Map<number, CaseFile>> {
  const out = new Map<number, CaseFile>();
  for (let i = 0; i < reportIds.length; i += 500) {
    for (const c of await select(db, inArray(reports.id, reportIds.slice(i, i + 500)))) out.set(c.reportId, c);
  }
  return out;
}

export interface CaseChange {
  status?: CaseStatus;
  erdrNumber?: string;
  /** null: nobody has the case any more. */
  assigneeId?: number | null;
}

/** Applies a change to the current state and writes its event; the caller holds the transaction. */
export async function changeCase(
  db: Db,
  reportId: number,
  change: CaseChange,
  actorId: number,
  at: Date,
): Promise<void> {
  const iso = at.toISOString();
  await db
    .update(reports)
    .set({
      ...(change.status !== undefined ? { caseStatus: change.status } : {}),
      ...(change.erdrNumber !== undefined ? { erdrNumber: change.erdrNumber } : {}),
      ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}),
      caseUpdatedAt: iso,
    })
    .where(eq(reports.id, reportId))
    .run();
  const events: [CaseEventKind, string | null][] = [];
  if (change.status !== undefined) events.push(["status", change.status]);
  if (change.erdrNumber !== undefined) events.push(["erdr", change.erdrNumber]);
  if (change.assigneeId !== undefined) events.push(["assignee", change.assigneeId?.toString() ?? null]);
  for (const [kind, value] of events) await addCaseEvent(db, reportId, kind, value, actorId, at);
}

export async function addCaseEvent(
  db: Db,
  reportId: number,
  kind: CaseEventKind,
  value: string | null,
  actorId: number | null,
  at: Date,
): Promise<void> {
  await db.insert(caseEvents).values({ reportId, kind, value, actorId, at: at.toISOString() }).run();
}

/** The history, oldest first; `kinds` narrows it (the person sees status and number changes, not notes). */
export function caseEventsOf(db: Db, reportId: number, kinds?: readonly CaseEventKind[]): Promise<CaseEvent[]> {
  return db
    .select({ kind: caseEvents.kind, value: caseEvents.value, actorId: caseEvents.actorId, at: caseEvents.at })
    .from(caseEvents)
    .where(and(eq(caseEvents.reportId, reportId), kinds ? inArray(caseEvents.kind, [...kinds]) : undefined))
    .orderBy(asc(caseEvents.id))
    .all();
}

/** The newest notes of many reports (exports), joined into one text per report. */
export async function notesOf(db: Db, reportIds: readonly number[]): Promise<Map<number, CaseEvent[]>> {
  const out = new Map<number, CaseEvent[]>();
  for (let i = 0; i < reportIds.length; i += 500) {
    const rows = await db
      .select({
        reportId: caseEvents.reportId,
        kind: caseEvents.kind,
        value: caseEvents.value,
        actorId: caseEvents.actorId,
        at: caseEvents.at,
      })
      .from(caseEvents)
      .where(and(inArray(caseEvents.reportId, reportIds.slice(i, i + 500)), eq(caseEvents.kind, "note")))
      .orderBy(desc(caseEvents.id))
      .all();
    for (const { reportId, ...event } of rows) out.set(reportId, [...(out.get(reportId) ?? []), event]);
  }
  return out;
}
