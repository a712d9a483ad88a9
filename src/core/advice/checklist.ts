/**
 * Exposure → action: from what the person disclosed, where the money went and how long
 * ago, the ordered list of urgent steps (action ids whose texts live in the catalogue),
 * most urgent first, with the steps they already took marked as done.
 *
 * Every bank the money left from, and every lender of a fraudulent loan, gets its own
 * «call this bank now» step, the one with most at stake first; money sent under
 * deception and money taken without the person get different words and steps.
 */
import type { Answers, Transfer } from "../report/answers.js";
import { businessDaysBetween, type HolidayCalendar, kzDate } from "./business-days.js";
import { type Exposure, exposures, FRAUDULENT_LOAN, type Institution, type Say } from "./institutions.js";

/** Most urgent first. An attacker still inside the phone outranks everything. */
export const STEP_ORDER = [
  "remote_access_disconnect",
  "remote_access_record_id",
  "call_bank",
  "courier_call_102_with_description",
  "egov_change_password",
  "messenger_recover_account",
  "operator_call_check_sim",
  "call_102",
  "get_erdr_number",
  "dispute_unauthorised_operation",
  "reissue_card",
  "change_bank_passwords_other_device",
  "remote_access_remove_app",
  "remote_access_reset_phone",
  "egov_check_signature_and_loans",
  "egov_stop_credit",
  "loan_notify_lender_in_writing",
  "loan_police_decision",
  "loan_biometrics_tell",
  "loan_complain_regulator",
  "messenger_enable_2fa",
  "messenger_warn_contacts",
  "sue_dropper",
  "keep_evidence",
  "beware_recovery_scam",
] as const;
export type StepAction = (typeof STEP_ORDER)[number];

export interface Step {
  /** Stable id for "done" marks: the action, or "action:institution" for per-bank steps. */
  key: string;
  action: StepAction;
  /** The bank or lender a per-institution step is about. */
  institution?: Institution;
  /** For a call: what to tell the bank or lender, in order. */
  says?: Say[];
}

export interface Checklist {
  /** When the last transfer with a date happened. */
  lastTransferAt: Date | undefined;
  steps: Step[];
  /** Keys of steps the person said were already done before the questionnaire ended. */
  alreadyDone: string[];
}

const KZ_OFFSET_MS = 5 * 3600_000;
const NOON = "12:00";

/** When a transfer happened, in UTC; a missing time counts as midday. */
export function transferInstant(t: Transfer): Date | undefined {
  if (!t.date) return undefined;
  const instant = Date.parse(`${t.date}T${t.time ?? NOON}:00Z`) - KZ_OFFSET_MS;
  return Number.isNaN(instant) ? undefined : new Date(instant);
}

export function lastTransferAt(a: Answers): Date | undefined {
  const times = a.transfers.map(transferInstant).filter((d): d is Date => d !== undefined);
  return times.length === 0 ? undefined : new Date(Math.max(...times.map((d) => d.getTime())));
}

export function hoursSinceLastTransfer(a: Answers, now: Date): number | undefined {
  const last = lastTransferAt(a);
  return last === undefined ? undefined : Math.max(0, (now.getTime() - last.getTime()) / 3600_000);
}

/** Hours since the last transfer and business days wholly passed since its day (Kazakhstan dates). */
export function timeSince(last: Date, now: Date, calendar: HolidayCalendar): { hours: number; businessDays: number } {
  return {
    hours: Math.max(0, (now.getTime() - last.getTime()) / 3600_000),
    businessDays: businessDaysBetween(calendar, kzDate(last), kzDate(now), 30),
  };
}

const perInstitution = (action: StepAction, e: Exposure, says?: Say[]): Step => ({
  key: `${action}:${e.key}`,
  action,
  institution: e.institution,
  ...(says ? { says } : {}),
});

export function buildChecklist(a: Answers): Checklist {
  const wanted = new Set<StepAction>();
  const add = (...ids: StepAction[]) => {
    for (const id of ids) wanted.add(id);
  };
  const shared = new Set(a.codesShared ?? []);
  const personal = a.personalData ?? [];
  const remote = (a.apps ?? []).length > 0;
  const fraudulentLoan = a.loanStatus !== undefined && FRAUDULENT_LOAN.has(a.loanStatus);

  if (remote) {
    add(
      "remote_access_disconnect",
      "remote_access_record_id",
      "change_bank_passwords_other_device",
      "remote_access_remove_app",
      "remote_access_reset_phone",
    );
  }
  if (a.transfers.some((t) => t.method === "cash_courier")) add("courier_call_102_with_description");
  if (shared.has("egov_1414") || personal.includes("egov_password")) {
    add("egov_change_password", "egov_check_signature_and_loans", "egov_stop_credit");
  }
  if (shared.has("operator")) add("operator_call_check_sim");
  if (shared.has("messenger")) add("messenger_recover_account", "messenger_enable_2fa", "messenger_warn_contacts");
  if (personal.some((p) => p === "iin" || p === "id_photo" || p === "selfie_biometrics")) {
    add("egov_check_signature_and_loans", "egov_stop_credit");
  }
  if (fraudulentLoan) add("loan_police_decision", "loan_complain_regulator", "egov_stop_credit");
  if (a.loans.some((l) => l.biometrics === "no")) add("loan_biometrics_tell");
  // The account holder who received the money can be sued once the police name them.
  if (a.transfersMade === true || a.transfers.some((t) => t.method !== "cash_courier")) add("sue_dropper");
  add("call_102", "get_erdr_number", "keep_evidence", "beware_recovery_scam");

  const involved = exposures(a);
  const steps: Step[] = [];
  for (const action of STEP_ORDER) {
    switch (action) {
      case "call_bank":
        for (const e of involved) steps.push(perInstitution(action, e, e.says));
        break;
      case "dispute_unauthorised_operation":
        for (const e of involved) if (e.unauthorised) steps.push(perInstitution(action, e));
        break;
      case "reissue_card":
        for (const e of involved) if (e.reissueCard) steps.push(perInstitution(action, e));
        break;
      case "loan_notify_lender_in_writing":
        for (const e of involved) if (e.loan) steps.push(perInstitution(action, e));
        break;
      default:
        if (wanted.has(action)) steps.push({ key: action, action });
    }
  }

  const done = new Set(a.alreadyDone ?? []);
  const calls = steps.filter((s) => s.action === "call_bank");
  const alreadyDone: string[] = [];
  // "I called the bank" can only be the call when there is one bank to call.
  if (done.has("called_bank") && calls.length === 1) alreadyDone.push(calls[0]!.key);
  if (done.has("card_blocked")) {
    for (const c of calls) if (c.says?.length === 1 && c.says[0] === "bank_say_block_card") alreadyDone.push(c.key);
  }
  if (done.has("called_102") || done.has("statement_filed")) alreadyDone.push("call_102");

  return { lastTransferAt: lastTransferAt(a), steps, alreadyDone };
}
