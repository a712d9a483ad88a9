/**
 * Adding information to a submitted report later. A submitted report never
 * changes silently: every addition is a new version, frozen and signed with
 * its time and a note of what changed, and the report's typed rows follow it
 * so police queries and linking see the new facts. Earlier versions stay as
 * they were; the number never changes.
 */

import type { AlreadyDone } from "../core/model.js";
import { addEvidence } from "../core/questionnaire/answer.js";
import { type Answers, type Evidence, emptyAnswers, type Transfer } from "../core/report/answers.js";
import type { SubmittedReport } from "../core/report/report.js";
import type { ReportKeys } from "../core/report/signature.js";
import { type Db, inTransaction } from "../db/client.js";
import { markUpdateHandled } from "../db/handled-updates.js";
import { rewriteSubmittedRows } from "../db/submitted-rows.js";
import { versionsOf } from "../db/user-reports.js";
import { almatyDate } from "../documents/format.js";
import { loadReport, reportOwner } from "./reports.js";
import { pruneEmpty, saveVersion } from "./submit.js";

/** What a version note can say changed; stored comma-separated in report_versions.note. */
export const CHANGES = ["transfer", "statement_no", "bank_request_no", "evidence", "note"] as const;
export type Change = (typeof CHANGES)[number];

export interface Addition {
  transfer?: Transfer;
  statementNo?: string;
  bankRequestNo?: string;
  evidence?: Evidence[];
  /** Free text added to the person's account of events, with the date. */
  note?: string;
}

/** A police statement number means a statement was filed; a bank request number, that the bank was called. */
function withDone(list: AlreadyDone[] | undefined, step: AlreadyDone): AlreadyDone[] {
  const kept: AlreadyDone[] = (list ?? []).filter((s) => s !== "nothing");
  return kept.includes(step) ? kept : [...kept, step];
}

/** The answers after the addition and what actually changed (nothing when it adds nothing new). */
export function applyAddition(before: Answers, addition: Addition, now: Date): { answers: Answers; changes: Change[] } {
  let a: Answers = structuredClone(before);
  const changes: Change[] = [];
  const transfer = addition.transfer
    ? pruneEmpty({ ...emptyAnswers(), transfers: [addition.transfer] }).transfers[0]
    : undefined;
  if (transfer) {
    a.transfers = [...a.transfers, transfer];
    a.transfersMade = true;
    changes.push("transfer");
  }
  if (addition.statementNo && addition.statementNo !== a.statementNo) {
    a.statementNo = addition.statementNo;
    a.alreadyDone = withDone(a.alreadyDone, "statement_filed");
    changes.push("statement_no");
  }
  if (addition.bankRequestNo && addition.bankRequestNo !== a.bankRequestNo) {
    a.bankRequestNo = addition.bankRequestNo;
    a.alreadyDone = withDone(a.alreadyDone, "called_bank");
    changes.push("bank_request_no");
  }
  const evidenceBefore = a.evidence.length;
  for (const file of addition.evidence ?? []) a = addEvidence(a, file) ?? a;
  if (a.evidence.length > evidenceBefore) changes.push("evidence");
  if (addition.note) {
    const dated = `[${almatyDate(now.toISOString())}] ${addition.note}`;
    a.narrative = a.narrative ? `${a.narrative}\n\n${dated}` : dated;
    changes.push("note");
  }
  return { answers: a, changes };
}

export type AddResult =
  /** `replayed`: this update was applied before (a crash replayed it); the version it made is returned. */
  | { ok: true; number: string; version: number; changes: Change[]; replayed?: true }
  /** not_found: not the person's submitted report (or gone); nothing: the addition adds nothing new. */
  | { ok: false; reason: "not_found" | "nothing" };

export interface AddRequest {
  reportId: number;
  /** Who asks: only the person who filed the report may add to it. */
  userId: number;
  addition: Addition;
  keys: ReportKeys;
  now: Date;
  /** The update carrying the addition: a redelivered update adds nothing twice. */
  updateId?: number;
}

/** Saves the addition as the next version, in one transaction with the typed rows. */
export function addToReport(db: Db, request: AddRequest): Promise<AddResult> {
  const { reportId, userId, addition, keys, now, updateId } = request;
  return inTransaction(db, async (db): Promise<AddResult> => {
    const owner = await reportOwner(db, reportId);
    if (!owner || owner.userId !== userId || owner.status !== "submitted") return { ok: false, reason: "not_found" };
    const current = await loadReport(db, reportId);
    if (!current) return { ok: false, reason: "not_found" };
    if (updateId !== undefined && !(await markUpdateHandled(db, updateId))) {
      const note = (await versionsOf(db, reportId)).find((v) => v.version === current.version)?.note ?? null;
      return { ok: true, number: current.number, version: current.version, changes: changesOf(note), replayed: true };
    }
    const { answers, changes } = applyAddition(current.answers, addition, now);
    if (changes.length === 0) return { ok: false, reason: "nothing" };
    const at = now.toISOString();
    const next: SubmittedReport = { ...current, version: current.version + 1, versionAt: at, answers };
    await saveVersion(db, reportId, next, keys, changes.join(","));
    await rewriteSubmittedRows(db, reportId, answers, { version: next.version, at });
    return { ok: true, number: current.number, version: next.version, changes };
  });
}

/** The changes a stored version note names, in a fixed order; the submission has none. */
export const changesOf = (note: string | null): Change[] =>
  (note ?? "").split(",").filter((c): c is Change => (CHANGES as readonly string[]).includes(c));
