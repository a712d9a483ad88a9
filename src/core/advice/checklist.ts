/**
 * Exposure → action: from what the person disclosed and how long ago, the
 * ordered list of urgent steps (action ids whose texts live in the catalogue),
 * most urgent first, with the steps they already took marked as done.
 */
import type { Answers, Transfer } from "../report/answers.js";

/** Most urgent first. An attacker still inside the phone outranks everything. */
export const ACTION_PRIORITY = [
  "remote_access_disconnect",
  "call_bank_hold_transfer",
  "block_card",
  "tell_bank_remote_access",
  "change_bank_passwords_other_device",
  "remote_access_remove_app",
  "egov_change_password",
  "messenger_recover_account",
  "operator_call_check_sim",
  "courier_call_102_with_description",
  "call_102",
  "egov_check_signature_and_loans",
  "egov_stop_credit",
  "loan_notify_lender_in_writing",
  "loan_police_decision",
  "loan_complain_regulator",
  "messenger_enable_2fa",
  "messenger_warn_contacts",
  "keep_evidence",
  "beware_recovery_scam",
] as const;
export type ActionId = (typeof ACTION_PRIORITY)[number];

export interface Checklist {
  /** Hours since the last transfer, when there was one with a date. */
  hoursSinceTransfer: number | undefined;
  actions: ActionId[];
  /** Steps the person said were already done before the questionnaire ended. */
  alreadyDone: ActionId[];
}

const KZ_OFFSET_MS = 5 * 3600_000;
const NOON = "12:00";

/** When a transfer happened, in UTC; a missing time counts as midday. */
export function transferInstant(t: Transfer): Date | undefined {
  if (!t.date) return undefined;
  const instant = Date.parse(`${t.date}T${t.time ?? NOON}:00Z`) - KZ_OFFSET_MS;
  return Number.isNaN(instant) ? undefined : new Date(instant);
}

export function hoursSinceLastTransfer(a: Answers, now: Date): number | undefined {
  const times = a.transfers.map(transferInstant).filter((d): d is Date => d !== undefined);
  if (times.length === 0) return undefined;
  const last = Math.max(...times.map((d) => d.getTime()));
  return Math.max(0, (now.getTime() - last) / 3600_000);
}

export function buildChecklist(a: Answers, now: Date): Checklist {
  const wanted = new Set<ActionId>();
  const add = (...ids: ActionId[]) => {
    for (const id of ids) wanted.add(id);
  };
  const card = a.cardData ?? [];
  const shared = new Set(a.codesShared ?? []);
  const moneyLeft = a.transfersMade === true || a.transfers.length > 0;

  if (moneyLeft) add("call_bank_hold_transfer", "call_102");
  if (card.length > 0) add("block_card");
  if (shared.has("bank")) add("block_card", "call_bank_hold_transfer");
  if (shared.has("egov_1414") || a.personalData?.includes("egov_password")) {
    add("egov_change_password", "egov_check_signature_and_loans", "egov_stop_credit");
  }
  if (shared.has("operator")) add("operator_call_check_sim");
  if ((a.apps ?? []).length > 0) {
    add(
      "remote_access_disconnect",
      "remote_access_remove_app",
      "change_bank_passwords_other_device",
      "tell_bank_remote_access",
    );
  }
  if (a.loanStatus && a.loanStatus !== "no") {
    add("loan_notify_lender_in_writing", "loan_police_decision", "loan_complain_regulator", "egov_stop_credit");
  }
  if (shared.has("messenger")) add("messenger_recover_account", "messenger_enable_2fa", "messenger_warn_contacts");
  if (a.transfers.some((t) => t.method === "cash_courier")) add("courier_call_102_with_description");
  if ((a.personalData ?? []).some((p) => p === "iin" || p === "id_photo" || p === "selfie_biometrics")) {
    add("egov_check_signature_and_loans", "egov_stop_credit");
  }
  add("call_102", "keep_evidence", "beware_recovery_scam");

  const done = new Set(a.alreadyDone ?? []);
  const alreadyDone: ActionId[] = [];
  if (done.has("called_bank")) alreadyDone.push("call_bank_hold_transfer");
  if (done.has("card_blocked")) alreadyDone.push("block_card");
  if (done.has("called_102") || done.has("statement_filed")) alreadyDone.push("call_102");

  return {
    hoursSinceTransfer: hoursSinceLastTransfer(a, now),
    actions: ACTION_PRIORITY.filter((id) => wanted.has(id)),
    alreadyDone: alreadyDone.filter((id) => wanted.has(id)),
  };
}
