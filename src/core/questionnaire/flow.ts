/**
 * Branching: the ordered list of questions that apply, given what is already
 * answered. Moving forward or back is a move along this list, so the order can
 * never disagree with itself after a restart or an edit.
 */
import { CITY_REGIONS } from "../model.js";
import type { Answers } from "../report/answers.js";
import { type Cursor, type Section, type StepId, sameCursor, stepDef } from "./steps.js";

type Position = { step: StepId; item?: number };

const CONTACT_STEPS: StepId[] = [
  "contact_identity",
  "contact_name",
  "contact_phones",
  "contact_handles",
  "contact_documents",
  "contact_more",
];
const LOAN_STEPS: StepId[] = ["loan_lender", "loan_amount", "loan_date", "loan_biometrics", "loan_more"];

/** With no items yet, only the first question is asked: skipping it means "none". */
function* repeated(steps: StepId[], count: number): Generator<Position> {
  if (count === 0) {
    yield { step: steps[0]!, item: 0 };
    return;
  }
  for (let item = 0; item < count; item++) for (const step of steps) yield { step, item };
}

/** The questions are asked in full even before the first item exists: the item is created by the first answer. */
function* repeatedFull(steps: StepId[], count: number): Generator<Position> {
  for (let item = 0; item < Math.max(count, 1); item++) for (const step of steps) yield { step, item };
}

const needsRecipientBank = (a: Answers, item: number) => {
  const t = a.transfers[item];
  if (!t) return false;
  if (t.recipient?.kind === "iban" && t.recipientBank) return false;
  return t.method === "card_to_card" || t.method === "phone_number" || t.method === "iban";
};

/** Cash handed over or put into an ATM was always handed by the person: nothing to ask. */
const canBeTaken = (a: Answers, item: number) => {
  const method = a.transfers[item]?.method;
  return method !== "cash_courier" && method !== "atm_deposit";
};

function* transferSteps(a: Answers): Generator<Position> {
  const count = Math.max(a.transfers.length, 1);
  for (let item = 0; item < count; item++) {
    yield { step: "transfer_amount", item };
    yield { step: "transfer_when", item };
    yield { step: "transfer_method", item };
    if (canBeTaken(a, item)) yield { step: "transfer_loss_kind", item };
    yield { step: "transfer_recipient", item };
    if (needsRecipientBank(a, item)) yield { step: "transfer_recipient_bank", item };
    yield { step: "transfer_own_bank", item };
    yield { step: "transfer_more", item };
  }
}

export function* flow(a: Answers): Generator<Position> {
  yield { step: "urgent" };
  yield { step: "filed_for" };
  yield { step: "narrative" };
  yield { step: "incident_date" };
  yield { step: "incident_time" };
  yield { step: "channels" };
  yield* repeated(CONTACT_STEPS, a.contacts.length);
  yield { step: "card_data" };
  if (a.cardData && a.cardData.length > 0) {
    yield { step: "own_card_last4" };
    yield { step: "own_bank" };
  }
  yield { step: "codes_received" };
  if (a.codesReceived && a.codesReceived.length > 0) yield { step: "codes_shared" };
  yield { step: "apps" };
  yield { step: "personal_data" };
  yield { step: "loan_status" };
  if (a.loanStatus && a.loanStatus !== "no") yield* repeatedFull(LOAN_STEPS, a.loans.length);
  yield { step: "transfers_made" };
  if (a.transfersMade) yield* transferSteps(a);
  yield { step: "region" };
  if (a.region && !CITY_REGIONS.includes(a.region)) yield { step: "city" };
  yield { step: "already_done" };
  if (a.alreadyDone?.includes("called_bank")) yield { step: "bank_request_no" };
  if (a.alreadyDone?.includes("statement_filed")) yield { step: "statement_no" };
  yield { step: "leak_sources" };
  yield { step: "evidence" };
  yield { step: "contact_consent" };
  if (a.contactConsent) {
    yield { step: "applicant_name" };
    yield { step: "applicant_phone" };
  }
  yield { step: "review" };
}

const toCursor = (p: Position, editing?: Section): Cursor => ({
  step: p.step,
  ...(p.item !== undefined ? { item: p.item } : {}),
  ...(editing ? { editing } : {}),
});

/** The first question. */
export const firstCursor = (): Cursor => ({ step: "urgent" });

/** The question after `at`; while editing a section, the review once the section ends. */
export function nextCursor(a: Answers, at: Cursor): Cursor {
  let found = false;
  for (const p of flow(a)) {
    if (found) {
      if (at.editing && stepDef(p.step).section !== at.editing) return { step: "review" };
      return toCursor(p, at.editing);
    }
    if (sameCursor(p, at)) found = true;
  }
  // The current position no longer applies (an answer changed the branch): resume at the first unanswered place.
  return found ? { step: "review" } : resumeCursor(a, at);
}

/** The question before `at`; leaving an edited section returns to the review. */
export function previousCursor(a: Answers, at: Cursor): Cursor {
  let previous: Position | undefined;
  for (const p of flow(a)) {
    if (sameCursor(p, at)) break;
    previous = p;
  }
  if (!previous) return at.editing ? { step: "review" } : at;
  if (at.editing && stepDef(previous.step).section !== at.editing) return { step: "review" };
  return toCursor(previous, at.editing);
}

/** The first position after the section that `at` is in (used when a repeated group ends early). */
export function afterSection(a: Answers, at: Cursor): Cursor {
  const section = stepDef(at.step).section;
  if (at.editing) return { step: "review" };
  let inside = false;
  for (const p of flow(a)) {
    const s = stepDef(p.step).section;
    if (sameCursor(p, at)) inside = true;
    else if (inside && s !== section) return toCursor(p);
  }
  return { step: "review" };
}

function firstOf(a: Answers, section: Section): Position | undefined {
  for (const p of flow(a)) if (stepDef(p.step).section === section) return p;
  return undefined;
}

/** The first question of a section, for editing it from the review. */
export function sectionStart(a: Answers, section: Section): Cursor {
  const p = firstOf(a, section);
  return p ? toCursor(p, section) : { step: "review" };
}

/** True when `at` is a position the current answers still lead to. */
export const applies = (a: Answers, at: Cursor) => {
  for (const p of flow(a)) if (sameCursor(p, at)) return true;
  return false;
};

/**
 * When a stored cursor no longer applies (the catalogue of steps changed, or an
 * earlier answer was edited), fall back to the review if the person got that
 * far, else to the start of the cursor's section.
 */
export function resumeCursor(a: Answers, at: Cursor): Cursor {
  if (applies(a, at)) return at;
  const section = stepDef(at.step).section;
  const start = section ? firstOf(a, section) : undefined;
  if (!start) return firstCursor();
  return at.editing ? toCursor(start, at.editing) : toCursor(start);
}
