/**
 * What each step's typed answer is, for the secret policy applied before the
 * answer is stored (core/secrets/policy.ts): a story, words, numbers, the last
 * four digits of the person's own card, or someone else's identifier (kept
 * whole). A step answered with buttons takes no text. Every step declares one.
 */
import type { AnswerKind } from "../secrets/policy.js";
import type { StepId } from "./steps.js";

// biome-ignore format: a table reads better in rows
export const STEP_ANSWERS: Record<StepId, AnswerKind> = {
  urgent: "buttons", filed_for: "buttons", narrative: "story", story_check: "buttons", edit_menu: "buttons",
  incident_date: "numbers", incident_time: "numbers", channels: "buttons",
  contact_identity: "buttons", contact_name: "words", contact_phones: "someone_elses",
  contact_handles: "someone_elses", contact_time: "numbers", contact_documents: "buttons", contact_more: "buttons",
  card_data: "buttons", own_card_last4: "own_card_last4", own_bank: "buttons",
  codes_received: "buttons", codes_shared: "buttons", disclosure_way: "buttons", apps: "buttons", personal_data: "buttons",
  loan_status: "buttons", loan_biometrics: "buttons", loan_lender: "words", loan_amount: "numbers", loan_date: "numbers", loan_more: "buttons",
  transfers_made: "buttons", transfer_loss_kind: "buttons", transfer_amount: "numbers", transfer_when: "numbers", transfer_method: "buttons",
  transfer_recipient: "someone_elses", transfer_receipt: "numbers", transfer_crypto: "someone_elses", transfer_recipient_bank: "buttons", transfer_own_bank: "buttons",
  transfer_more: "buttons", region: "buttons", city: "words", already_done: "buttons",
  bank_request_no: "numbers", statement_no: "numbers", leak_sources: "buttons", evidence: "words",
  contact_consent: "buttons", victim_identity: "numbers", victim_device: "words", applicant_name: "words", applicant_phone: "numbers", review: "buttons",
};
