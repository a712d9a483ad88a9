/**
 * What police do with a report's case file: set the status, the ЕРДР/КУИ number,
 * take or release the case, add a note. Each change is written with its event; the
 * caller records the audit row in the same transaction.
 */
import type { CaseStatus } from "../core/case/status.js";
import { addCaseEvent, type CaseFile, caseFile, changeCase } from "../db/case-file.js";
import type { Db } from "../db/client.js";

export const NOTE_MAX = 1000;

export type CaseAction =
  | { kind: "status"; status: CaseStatus }
  | { kind: "erdr"; number: string }
  | { kind: "take" }
  | { kind: "release" }
  | { kind: "note"; text: string };

export type CaseResult =
  | { ok: true; before: CaseFile; after: CaseFile; changed: boolean }
  /** not_found: no submitted report; not_yours: releasing a case someone else has. */
  | { ok: false; reason: "not_found" | "not_yours" };

export async function applyCaseAction(
  db: Db,
  actor: { id: number; admin: boolean },
  reportId: number,
  action: CaseAction,
  now: Date,
): Promise<CaseResult> {
  const before = await caseFile(db, reportId);
  if (!before) return { ok: false, reason: "not_found" };
  let changed = true;
  switch (action.kind) {
    case "status":
      changed = action.status !== before.status;
      if (changed) await changeCase(db, reportId, { status: action.status }, actor.id, now);
      break;
    case "erdr":
      changed = action.number !== before.erdrNumber;
      if (changed) await changeCase(db, reportId, { erdrNumber: action.number }, actor.id, now);
      break;
    case "take":
      changed = before.assigneeId !== actor.id;
      if (changed) await changeCase(db, reportId, { assigneeId: actor.id }, actor.id, now);
      break;
    case "release":
      if (before.assigneeId !== actor.id && !actor.admin) return { ok: false, reason: "not_yours" };
      changed = before.assigneeId !== null;
      if (changed) await changeCase(db, reportId, { assigneeId: null }, actor.id, now);
      break;
    case "note":
      await addCaseEvent(db, reportId, "note", action.text.slice(0, NOTE_MAX), actor.id, now);
      break;
  }
  const after = (await caseFile(db, reportId)) ?? before;
  return { ok: true, before, after, changed };
}

/** A change the person who filed the report is told of: the status or the registration number. */
export const concernsApplicant = (action: CaseAction): boolean => action.kind === "status" || action.kind === "erdr";
