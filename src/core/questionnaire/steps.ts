/**
 * The questionnaire as data: every question, what kind of answer it takes, and
 * the section of the review it belongs to. Branching lives in flow.ts; applying
 * an answer lives in answer.ts; the bot only renders these.
 */
import {
  ALREADY_DONE,
  BANKS,
  BIOMETRICS,
  CARD_DATA,
  CHANNELS,
  CLAIMED_IDENTITIES,
  CODE_SOURCES,
  DISCLOSURE_WAYS,
  FILED_FOR,
  LEAK_SOURCES,
  LOAN_STATUSES,
  LOSS_KINDS,
  PERSONAL_DATA,
  REGIONS,
  REMOTE_APPS,
  TRANSFER_METHODS,
} from "../model.js";

export const SECTIONS = [
  "applicant",
  "narrative",
  "when",
  "channels",
  "contacts",
  "card",
  "codes",
  "access",
  "loans",
  "transfers",
  "region",
  "victim",
  "done",
  "leaks",
  "evidence",
  "contact",
] as const;
export type Section = (typeof SECTIONS)[number];

/** Which list of options a step offers; the bot finds their labels under this name in locales. */
export type OptionList =
  | "filed_for"
  | "channels"
  | "identities"
  | "yes_no_unsure"
  | "yes_no"
  | "contact_more"
  | "card_data"
  | "banks"
  | "code_sources"
  | "apps"
  | "personal_data"
  | "loan_statuses"
  | "more"
  | "methods"
  | "regions"
  | "already_done"
  | "leak_sources"
  | "day"
  | "part_of_day"
  | "transfer_when"
  | "loss_kinds"
  | "biometrics"
  | "disclosure_ways";

export const OPTIONS: Record<OptionList, readonly string[]> = {
  filed_for: FILED_FOR,
  channels: CHANNELS,
  identities: CLAIMED_IDENTITIES,
  yes_no_unsure: ["yes", "no", "unsure"],
  yes_no: ["yes", "no"],
  contact_more: ["passed_on", "another", "done"],
  card_data: CARD_DATA,
  banks: BANKS,
  code_sources: CODE_SOURCES,
  apps: REMOTE_APPS,
  personal_data: PERSONAL_DATA,
  loan_statuses: LOAN_STATUSES,
  more: ["another", "done"],
  methods: TRANSFER_METHODS,
  regions: REGIONS,
  already_done: ALREADY_DONE,
  leak_sources: LEAK_SOURCES,
  day: ["today", "yesterday"],
  part_of_day: ["morning", "afternoon", "evening", "night"],
  transfer_when: ["within_hour", "today", "yesterday"],
  loss_kinds: LOSS_KINDS,
  biometrics: BIOMETRICS,
  disclosure_ways: DISCLOSURE_WAYS,
};

type StepShape =
  | { kind: "info" }
  | { kind: "single"; options: OptionList; columns?: number }
  | { kind: "multi"; options: OptionList; none: boolean; columns?: number }
  /** Free text; `quick` offers buttons that answer it in one tap. */
  | { kind: "text"; quick?: OptionList }
  | { kind: "files" }
  /** Facts read from the story, each ticked until the person unticks it; "done" confirms. */
  | { kind: "facts" }
  /** The review's menu: which item, then which field to change. */
  | { kind: "menu" }
  | { kind: "review" };

export type StepDef = StepShape & {
  section: Section | null;
  skippable: boolean;
  /** Repeated once per contact, loan or transfer. */
  repeated?: "contacts" | "loans" | "transfers";
};

const def = <S extends StepShape>(
  section: Section | null,
  skippable: boolean,
  shape: S,
  repeated?: StepDef["repeated"],
) => ({ section, skippable, ...shape, ...(repeated ? { repeated } : {}) }) as StepDef;

export const STEPS = {
  urgent: def(null, false, { kind: "info" }),
  filed_for: def("applicant", false, { kind: "single", options: "filed_for", columns: 2 }),
  narrative: def("narrative", true, { kind: "text" }),
  story_check: def("narrative", false, { kind: "facts" }),
  incident_date: def("when", true, { kind: "text", quick: "day" }),
  incident_time: def("when", true, { kind: "text", quick: "part_of_day" }),
  channels: def("channels", true, { kind: "multi", options: "channels", none: false, columns: 2 }),
  contact_identity: def("contacts", true, { kind: "single", options: "identities", columns: 2 }, "contacts"),
  contact_name: def("contacts", true, { kind: "text" }, "contacts"),
  contact_phones: def("contacts", true, { kind: "text" }, "contacts"),
  contact_time: def("contacts", true, { kind: "text" }, "contacts"),
  contact_handles: def("contacts", true, { kind: "text" }, "contacts"),
  contact_documents: def("contacts", true, { kind: "single", options: "yes_no_unsure", columns: 3 }, "contacts"),
  contact_more: def("contacts", false, { kind: "single", options: "contact_more" }, "contacts"),
  card_data: def("card", false, { kind: "multi", options: "card_data", none: true, columns: 2 }),
  own_card_last4: def("card", true, { kind: "text" }),
  own_bank: def("card", true, { kind: "single", options: "banks", columns: 3 }),
  codes_received: def("codes", false, { kind: "multi", options: "code_sources", none: true, columns: 2 }),
  codes_shared: def("codes", false, { kind: "multi", options: "code_sources", none: true, columns: 2 }),
  disclosure_way: def("codes", true, { kind: "multi", options: "disclosure_ways", none: false, columns: 1 }),
  apps: def("access", false, { kind: "multi", options: "apps", none: true, columns: 2 }),
  personal_data: def("access", false, { kind: "multi", options: "personal_data", none: true, columns: 2 }),
  loan_status: def("loans", false, { kind: "single", options: "loan_statuses" }),
  loan_lender: def("loans", true, { kind: "text", quick: "banks" }, "loans"),
  loan_amount: def("loans", true, { kind: "text" }, "loans"),
  loan_date: def("loans", true, { kind: "text", quick: "day" }, "loans"),
  /** Did the person pass biometrics for this loan ("no": the lender itself may be the victim). */
  loan_biometrics: def("loans", true, { kind: "single", options: "biometrics", columns: 3 }, "loans"),
  loan_more: def("loans", false, { kind: "single", options: "more" }, "loans"),
  transfers_made: def("transfers", false, { kind: "single", options: "yes_no", columns: 2 }),
  transfer_amount: def("transfers", true, { kind: "text" }, "transfers"),
  transfer_when: def("transfers", true, { kind: "text", quick: "transfer_when" }, "transfers"),
  transfer_method: def("transfers", true, { kind: "single", options: "methods", columns: 2 }, "transfers"),
  /** "I sent it" or "it was taken without me": two kinds of loss, two kinds of advice. */
  transfer_loss_kind: def("transfers", true, { kind: "single", options: "loss_kinds" }, "transfers"),
  transfer_recipient: def("transfers", true, { kind: "text" }, "transfers"),
  transfer_recipient_bank: def("transfers", true, { kind: "single", options: "banks", columns: 3 }, "transfers"),
  transfer_own_bank: def("transfers", true, { kind: "single", options: "banks", columns: 3 }, "transfers"),
  transfer_receipt: def("transfers", true, { kind: "text" }, "transfers"),
  transfer_crypto: def("transfers", true, { kind: "text" }, "transfers"),
  transfer_more: def("transfers", false, { kind: "single", options: "more" }, "transfers"),
  region: def("region", true, { kind: "single", options: "regions", columns: 2 }),
  city: def("region", true, { kind: "text" }),
  victim_identity: def("victim", true, { kind: "text" }),
  victim_device: def("victim", true, { kind: "text" }),
  already_done: def("done", false, { kind: "multi", options: "already_done", none: false, columns: 1 }),
  bank_request_no: def("done", true, { kind: "text" }),
  statement_no: def("done", true, { kind: "text" }),
  leak_sources: def("leaks", true, { kind: "multi", options: "leak_sources", none: false, columns: 2 }),
  evidence: def("evidence", true, { kind: "files" }),
  contact_consent: def("contact", false, { kind: "single", options: "yes_no", columns: 2 }),
  applicant_name: def("contact", true, { kind: "text" }),
  applicant_phone: def("contact", true, { kind: "text" }),
  edit_menu: def(null, false, { kind: "menu" }),
  review: def(null, false, { kind: "review" }),
} as const satisfies Record<string, StepDef>;

export type StepId = keyof typeof STEPS;
export const STEP_IDS = Object.keys(STEPS) as StepId[];
export const stepDef = (id: StepId): StepDef => STEPS[id];
export const isStepId = (s: string): s is StepId => Object.hasOwn(STEPS, s);

/** Where the person is: the step, and which contact/loan/transfer for repeated steps. */
export interface Cursor {
  step: StepId;
  item?: number;
  /** Set while editing from the review: come back there when the section (or the field) is done. */
  editing?: Section;
  /** Editing one field chosen in the review's menu: back to the review right after it. */
  field?: true;
}

/** A step and item as one string: "transfer_amount#1"; for non-repeated steps the step id. */
export const stepKey = (p: { step: StepId; item?: number }): string =>
  stepDef(p.step).repeated ? `${p.step}#${p.item ?? 0}` : p.step;

/** The sections whose steps repeat per item. */
export const ITEM_SECTIONS = { contacts: "contacts", loans: "loans", transfers: "transfers" } as const;

export const sameCursor = (a: Cursor, b: Cursor) => a.step === b.step && (a.item ?? 0) === (b.item ?? 0);
