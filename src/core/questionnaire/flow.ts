/**
 * Branching: the ordered list of questions that apply, given what is already
 * answered. Moving forward or back is a move along this list, so the order can
 * never disagree with itself after a restart or an edit. Going forward, questions
 * already answered on the way (from the story, or with another answer) are passed.
 */
import { CITY_REGIONS } from "../model.js";
import type { Answers } from "../report/answers.js";
import { type Cursor, type Section, type StepId, sameCursor, stepDef, stepKey } from "./steps.js";

export type Position = { step: StepId; item?: number };

const CONTACT_STEPS: StepId[] = [
  "contact_identity",
  "contact_name",
  "contact_phones",
  "contact_time",
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

/** The recipient's bank is asked for a card, phone or IBAN transfer whose recipient was described at all. */
const needsRecipientBank = (a: Answers, item: number) => {
  const t = a.transfers[item];
  if (!t) return false;
  if (t.recipient?.kind === "iban" && t.recipientBank) return false;
  if (!t.recipient && !t.recipientName && !t.recipientBank) return false;
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
    yield { step: a.transfers[item]?.method === "crypto" ? "transfer_crypto" : "transfer_receipt", item };
    yield { step: "transfer_more", item };
  }
}

export function* flow(a: Answers): Generator<Position> {
  yield { step: "urgent" };
  yield { step: "filed_for" };
  yield { step: "narrative" };
  if (a.pending?.facts?.length) yield { step: "story_check" };
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
  if ((a.cardData?.length ?? 0) > 0 || (a.codesShared?.length ?? 0) > 0) yield { step: "disclosure_way" };
  yield { step: "apps" };
  yield { step: "personal_data" };
  yield { step: "loan_status" };
  if (a.loanStatus && a.loanStatus !== "no") yield* repeatedFull(LOAN_STEPS, a.loans.length);
  yield { step: "transfers_made" };
  if (a.transfersMade) yield* transferSteps(a);
  yield { step: "region" };
  if (a.region && !CITY_REGIONS.includes(a.region)) yield { step: "city" };
  yield { step: "victim_identity" };
  yield { step: "victim_device" };
  yield { step: "already_done" };
  if (a.alreadyDone?.includes("called_bank")) yield { step: "bank_request_no" };
  if (a.alreadyDone?.includes("statement_filed")) yield { step: "statement_no" };
  yield { step: "leak_sources" };
  yield { step: "evidence" };
  yield { step: "contact_consent" };
  if (a.contactConsent && !selfWithContact(a)) {
    yield { step: "applicant_name" };
    yield { step: "applicant_phone" };
  }
  yield { step: "review" };
}

/**
 * Filing for oneself with a name and phone given as the victim's: the consent question
 * shows them and "yes" takes them, so they are not typed twice.
 */
export const selfWithContact = (a: Answers): boolean =>
  a.filedFor === "self" && a.victim?.name !== undefined && a.victim.phone !== undefined;

const MORE_STEPS = { contact_more: "contacts", loan_more: "loans", transfer_more: "transfers" } as const;

/**
 * Passed going forward: answered on the way, the story check once answered, and
 * "was there another?" while the next item is already known.
 */
export function passed(a: Answers, p: Position): boolean {
  if (p.step === "story_check") return a.pending?.checked === true;
  const group = MORE_STEPS[p.step as keyof typeof MORE_STEPS];
  if (group && (p.item ?? 0) + 1 < a[group].length) return true;
  return a.pending?.answered?.includes(stepKey(p)) ?? false;
}

const toCursor = (p: Position, editing?: Section): Cursor => ({
  step: p.step,
  ...(p.item !== undefined ? { item: p.item } : {}),
  ...(editing ? { editing } : {}),
});

const REVIEW: Cursor = { step: "review" };
const key = (p: Position) => `${p.step}#${p.item ?? 0}`;

/** The first question. */
export const firstCursor = (): Cursor => ({ step: "urgent" });

/**
 * The question after `at`. Editing a section: the review once the section ends.
 * Editing one field: the review, unless the answer opened questions of the same
 * section that were not there (a city once a region has one): those are asked.
 * `before`: the answers before the answer just given, to tell what it opened.
 */
export function nextCursor(a: Answers, at: Cursor, before?: Answers): Cursor {
  if (at.field) {
    const existed = new Set([...flow(before ?? a)].map(key));
    const section = stepDef(at.step).section;
    let found = false;
    for (const p of flow(a)) {
      if (found) {
        return stepDef(p.step).section === section && !existed.has(key(p)) ? toCursor(p, section ?? undefined) : REVIEW;
      }
      if (sameCursor(p, at)) found = true;
    }
    return REVIEW;
  }
  let found = false;
  for (const p of flow(a)) {
    if (found) {
      if (at.editing) return stepDef(p.step).section !== at.editing ? REVIEW : toCursor(p, at.editing);
      if (passed(a, p)) continue;
      return toCursor(p);
    }
    if (sameCursor(p, at)) found = true;
  }
  // The current position no longer applies (an answer changed the branch): resume at the first unanswered place.
  return found ? REVIEW : resumeCursor(a, at);
}

/** The question before `at`; leaving an edited section or field returns to the review. */
export function previousCursor(a: Answers, at: Cursor): Cursor {
  if (at.field) return REVIEW;
  let previous: Position | undefined;
  for (const p of flow(a)) {
    if (sameCursor(p, at)) break;
    if (at.editing || !passed(a, p)) previous = p;
  }
  if (!previous) return at.editing ? REVIEW : at;
  if (at.editing && stepDef(previous.step).section !== at.editing) return REVIEW;
  return toCursor(previous, at.editing);
}

/** The first position after the section that `at` is in (used when a repeated group ends early). */
export function afterSection(a: Answers, at: Cursor): Cursor {
  const section = stepDef(at.step).section;
  if (at.editing) return REVIEW;
  let inside = false;
  for (const p of flow(a)) {
    const s = stepDef(p.step).section;
    if (sameCursor(p, at)) inside = true;
    else if (inside && s !== section && !passed(a, p)) return toCursor(p);
  }
  return REVIEW;
}

/** The positions of one section that apply now, in order. */
export function sectionPositions(a: Answers, section: Section): Position[] {
  return [...flow(a)].filter((p) => stepDef(p.step).section === section);
}

/** The first question of a section, for walking it from the review. */
export function sectionStart(a: Answers, section: Section): Cursor {
  const p = sectionPositions(a, section)[0];
  return p ? toCursor(p, section) : REVIEW;
}

/** True when `at` is a position the current answers still lead to. */
export const applies = (a: Answers, at: Position) => {
  if (at.step === "edit_menu") return true;
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
  const start = section ? sectionPositions(a, section)[0] : undefined;
  if (!start) return firstCursor();
  return at.editing ? toCursor(start, at.editing) : toCursor(start);
}
