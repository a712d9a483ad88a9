/**
 * Properties of the questionnaire engine over 1,000 seeded random walks (buttons, typed
 * answers with several values, skips, going back, files, story checks, suggestions,
 * edits from the review):
 *
 * - nothing invented: every value in the answers, and so in the report JSON, was set by
 *   an answer the person gave at the question that asks for it, or confirmed with a tap
 *   on exactly what was shown (a fact read from the story, a suggestion);
 * - nothing dropped: every identifier and every sum typed in an accepted answer is in
 *   the report, unless the person later answered that question again, skipped it,
 *   removed the item or closed the branch.
 */
import { describe, expect, it } from "vitest";
import { findIdentifiers } from "../../src/core/identifiers/extract.js";
import { bankFromIban } from "../../src/core/identifiers/iban.js";
import { findAmounts } from "../../src/core/identifiers/money.js";
import { hasAnswer } from "../../src/core/questionnaire/clear.js";
import { flow, selfWithContact } from "../../src/core/questionnaire/flow.js";
import type { Input } from "../../src/core/questionnaire/inputs.js";
import { type StepId, stepKey } from "../../src/core/questionnaire/steps.js";
import { tickedFacts } from "../../src/core/questionnaire/story-check.js";
import { suggestionFor } from "../../src/core/questionnaire/suggestions.js";
import type { Answers } from "../../src/core/report/answers.js";
import { normaliseIdentifier, toReportJson } from "../../src/core/report/json.js";
import type { SubmittedReport } from "../../src/core/report/report.js";
import { pruneEmpty } from "../../src/services/submit.js";
import { type Transition, WALK_NOW, walk } from "../support/random-walk.js";

const SEQUENCES = 1000;
const SEED = 15_000;

type Leaves = Map<string, string | number | boolean>;

/** Each state is the next transition's "before": its leaves are read once. */
const leafCache = new WeakMap<object, Leaves>();
const dataLeaves = (a: Answers): Leaves => {
  let found = leafCache.get(a);
  if (!found) {
    found = leaves(data(a));
    leafCache.set(a, found);
  }
  return found;
};

function leaves(value: unknown, path = "", out: Leaves = new Map()): Leaves {
  if (value === null || value === undefined) return out;
  if (typeof value !== "object") {
    out.set(path, value as string | number | boolean);
    return out;
  }
  for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** The answers without the working notes and the files (files come only from files sent). */
const data = ({ pending: _p, evidence: _e, ...rest }: Answers) => rest;

/** Which questions may set a value at each path ("#" is the item the question is about). */
const OWNERS: [RegExp, StepId[]][] = [
  [/^filedFor$/, ["filed_for"]],
  [/^narrative$/, ["narrative"]],
  [/^incidentDate$/, ["incident_date"]],
  [/^incidentTime$/, ["incident_time", "incident_date"]],
  [/^channels\./, ["channels"]],
  [/^contacts\.#\.claimedIdentity$/, ["contact_identity"]],
  [/^contacts\.#\.claimedName$/, ["contact_name"]],
  [/^contacts\.#\.phones\./, ["contact_phones"]],
  [/^contacts\.#\.handles\./, ["contact_handles"]],
  [/^contacts\.#\.callDate$/, ["contact_time"]],
  [/^contacts\.#\.callTime$/, ["contact_time", "contact_phones"]],
  [/^contacts\.#\.showedDocuments$/, ["contact_documents"]],
  [/^contacts\.#\.handedOver$/, ["contact_more"]],
  [/^cardData\./, ["card_data"]],
  [/^ownCardLast4$/, ["own_card_last4"]],
  [/^ownBank$/, ["own_bank"]],
  [/^codesReceived\./, ["codes_received"]],
  [/^codesShared\./, ["codes_shared"]],
  [/^disclosedVia\./, ["disclosure_way", "codes_shared", "card_data"]],
  [/^apps\./, ["apps"]],
  [/^personalData\./, ["personal_data"]],
  [/^loanStatus$/, ["loan_status"]],
  [/^loans\.#\.(lender|lenderBank)$/, ["loan_lender"]],
  [/^loans\.#\.amount\./, ["loan_amount"]],
  [/^loans\.#\.date$/, ["loan_date"]],
  [/^loans\.#\.biometrics$/, ["loan_biometrics"]],
  [/^transfersMade$/, ["transfers_made"]],
  [/^transfers\.#\.amount\./, ["transfer_amount"]],
  [/^transfers\.#\.(date|time)$/, ["transfer_when"]],
  [/^transfers\.#\.method$/, ["transfer_method"]],
  [/^transfers\.#\.lossKind$/, ["transfer_loss_kind"]],
  [/^transfers\.#\.(recipient\.|recipientName$)/, ["transfer_recipient"]],
  [/^transfers\.#\.recipientBank$/, ["transfer_recipient_bank"]],
  [/^transfers\.#\.ownBank$/, ["transfer_own_bank"]],
  [/^transfers\.#\.receiptId$/, ["transfer_receipt"]],
  [/^transfers\.#\.crypto\./, ["transfer_crypto"]],
  [/^ownIban\./, ["victim_identity", "transfer_own_bank"]],
  [/^region$/, ["region"]],
  [/^city$/, ["city", "region"]],
  [/^victim\./, ["victim_identity"]],
  [/^(receivingPhone\.|device$)/, ["victim_device"]],
  [/^alreadyDone\./, ["already_done"]],
  [/^bankRequestNo$/, ["bank_request_no"]],
  [/^statementNo$/, ["statement_no"]],
  [/^leakSources\./, ["leak_sources"]],
  [/^contactConsent$/, ["contact_consent"]],
  [/^applicantName$/, ["applicant_name"]],
  [/^applicantPhone\./, ["applicant_phone", "applicant_name"]],
];

/** The before-answers with later items moved to where several sums typed at once put them. */
function aligned(t: Transition, after: Answers): Leaves {
  const { step, item = 0 } = t.before.cursor;
  const group = step === "loan_amount" ? "loans" : step === "transfer_amount" ? "transfers" : undefined;
  const grew = group ? after[group].length - t.before.answers[group].length : 0;
  if (!group || grew <= 0) return dataLeaves(t.before.answers);
  const before = structuredClone(t.before.answers);
  (before[group] as object[]).splice(item + 1, 0, ...Array.from({ length: grew }, () => ({})));
  return leaves(data(before));
}

const removes = (input: Input) => input.type === "remove" || (input.type === "choose" && input.option === "remove");

/** Why a value that changed in this transition is not the person's own answer, or undefined. */
function uninvited(t: Transition, path: string, value: string | number | boolean, after: Answers): string | undefined {
  const { step, item } = t.before.cursor;
  const { input } = t;
  const a = t.before.answers;
  if (removes(input)) {
    // Removing the last loan or transfer says there is none.
    return (path === "loanStatus" && value === "no") || (path === "transfersMade" && value === false)
      ? undefined
      : `${path} set by a removal`;
  }
  if (step === "story_check") {
    if (input.type !== "done") return `${path} set at the story check without confirming`;
    const shown = JSON.stringify(tickedFacts(a));
    if (path === "transfersMade" && value === true && shown.includes('"transfer"')) return undefined;
    return shown.includes(JSON.stringify(value)) ? undefined : `${path}=${value} not among the confirmed facts`;
  }
  if (input.type === "accept") {
    const shown = suggestionFor(a, t.before.cursor);
    return shown && value === shown.option ? undefined : `${path}=${value} accepted but not suggested`;
  }
  if (step === "contact_consent" && selfWithContact(after)) {
    if (/^applicantName$/.test(path) && value === after.victim?.name) return undefined;
    if (/^applicantPhone\./.test(path) && JSON.stringify(after.victim?.phone).includes(JSON.stringify(value))) {
      return undefined;
    }
  }
  const generic = path.replace(/^(contacts|loans|transfers)\.(\d+)\./, "$1.#.");
  const index = /^(?:contacts|loans|transfers)\.(\d+)\./.exec(path)?.[1];
  if (index !== undefined && Number(index) !== (item ?? 0)) {
    // Several sums typed at once fill the items inserted right after the current one.
    const inserted =
      /^(loans|transfers)\.\d+\.amount\./.test(path) && /_amount$/.test(step) && Number(index) > (item ?? 0);
    if (!inserted) return `${path} set while answering about item ${item ?? 0}`;
  }
  const owners = OWNERS.find(([re]) => re.test(generic))?.[1];
  if (!owners) return `${path} has no owner`;
  if (!owners.includes(step)) {
    // The bank inside a recipient's IBAN is a fact of that number.
    const t2 = index !== undefined ? after.transfers[Number(index)] : undefined;
    if (step === "transfer_recipient" && /recipientBank$/.test(path) && t2?.recipient?.kind === "iban") {
      return bankFromIban(t2.recipient.value) === value ? undefined : `${path} not the IBAN's bank`;
    }
    return `${path}=${value} set at ${step}`;
  }
  return undefined;
}

/** A removal takes one item out and changes nothing else (but "none left" when it was the last). */
function removalChanges(t: Transition): string[] {
  const after = t.outcome.state.answers;
  const expected = structuredClone(t.before.answers);
  const at = t.before.cursor;
  const group = at.editing === "contacts" ? "contacts" : at.editing === "loans" ? "loans" : "transfers";
  (expected[group] as object[]).splice(at.item ?? 0, 1);
  if (group === "transfers" && expected.transfers.length === 0) expected.transfersMade = false;
  if (group === "loans" && expected.loans.length === 0) expected.loanStatus = "no";
  return JSON.stringify(data(expected)) === JSON.stringify(data(after)) ? [] : [`a removal changed more than ${group}`];
}

function inventions(t: Transition): string[] {
  if (t.outcome.kind !== "moved" && t.outcome.kind !== "updated") return [];
  if (removes(t.input)) return removalChanges(t);
  const after = t.outcome.state.answers;
  if (t.input.type === "file") {
    return t.outcome.state.answers.evidence.length >= t.before.answers.evidence.length ? [] : ["a file lost"];
  }
  const before = aligned(t, after);
  const out: string[] = [];
  for (const [path, value] of dataLeaves(after)) {
    if (before.get(path) === value) continue;
    const why = uninvited(t, path, value, after);
    if (why) out.push(why);
  }
  if (after.evidence.length > t.before.answers.evidence.length) out.push("a file appeared without being sent");
  return out;
}

const report = (answers: Answers): SubmittedReport => ({
  number: "SB-2026-000001",
  version: 1,
  lang: "ru",
  status: "submitted",
  submittedAt: WALK_NOW.toISOString(),
  versionAt: WALK_NOW.toISOString(),
  answers: pruneEmpty(answers),
  recognition: null,
  stepsDone: [],
});

/** Report fields made by the report itself, not by an answer. */
const DERIVED =
  /^(schemaVersion|number|version|status|language|submittedAt|versionAt|transfers\.totals\.|transfers\.items\.\d+\.(position|dateTime)$)/;

/** Every string and number of the report JSON is a value of the answers (normalised as the JSON writes it). */
function untraced(answers: Answers): string[] {
  const values = new Set<string>();
  for (const [path, v] of leaves(answers)) {
    values.add(String(v));
    if (path.endsWith("amountMinor")) values.add(String((v as number) / 100));
  }
  const ids = (list: unknown) => (Array.isArray(list) ? list : [list]).filter(Boolean);
  for (const id of [
    ...answers.contacts.flatMap((c) => [...c.phones, ...c.handles]),
    ...answers.transfers.flatMap((t) => ids(t.recipient)),
    ...ids(answers.applicantPhone),
    ...ids(answers.victim?.phone),
    ...ids(answers.receivingPhone),
    ...ids(answers.ownIban),
  ]) {
    values.add(normaliseIdentifier(id).value);
  }
  const out: string[] = [];
  for (const [path, v] of leaves(toReportJson(report(answers)))) {
    if (typeof v === "boolean" || DERIVED.test(path)) continue;
    if (!values.has(String(v))) out.push(`${path}=${v}`);
  }
  return out;
}

interface Typed {
  at: number;
  values: { key: string; text: string; value?: string }[];
}

/** The identifiers and sums in each accepted typed answer. */
function typedValues(transitions: Transition[]): Typed[] {
  const out: Typed[] = [];
  transitions.forEach((t, at) => {
    if (t.input.type !== "text" || t.before.cursor.step === "narrative") return;
    if (t.outcome.kind !== "moved" && t.outcome.kind !== "updated") return;
    const text = t.input.text;
    const key = stepKey(t.before.cursor);
    const values: Typed["values"] = findIdentifiers(text).map((s) => ({
      // A phone given with the name is the phone question's answer.
      key: key === "applicant_name" && s.identifier.kind === "phone" ? "applicant_phone" : key,
      text: text.slice(s.start, s.end),
      value: normaliseIdentifier(s.identifier).value,
    }));
    const sums = findAmounts(text);
    if (sums.ok) {
      // Several sums at once: the k-th fills the k-th item from here.
      const { step, item = 0 } = t.before.cursor;
      for (const [k, s] of sums.value.entries()) {
        values.push({
          key: /_amount$/.test(step) ? `${step}#${item + k}` : key,
          text: text.slice(s.start, s.end),
          value: String(s.money.amountMinor / 100),
        });
      }
    }
    if (values.length) out.push({ at, values });
  });
  return out;
}

/** The questions a transition answers: its own, and the phone when it is typed with the name. */
function answered(t: Transition): string[] {
  const key = stepKey(t.before.cursor);
  // «Keep as it is» (editing, or an answer saved) lets nothing go.
  if (t.input.type === "skip" && (t.before.cursor.editing || hasAnswer(t.before.answers, t.before.cursor))) return [];
  const withPhone = key === "applicant_name" && t.input.type === "text" && findIdentifiers(t.input.text).length > 0;
  return withPhone ? [key, "applicant_phone"] : [key];
}

/** Answered again, skipped, its item removed, its branch closed, or no longer asked: the person let it go. */
function discarded(at: number, key: string, transitions: Transition[], final: Answers): boolean {
  const later = transitions.slice(at + 1).filter((t) => t.outcome.kind === "moved" || t.outcome.kind === "updated");
  if (later.some((t) => answered(t).includes(key))) return true;
  if (later.some((t) => removes(t.input))) return true;
  const closing = [
    "transfers_made",
    "loan_status",
    "contact_consent",
    "card_data",
    "region",
    "codes_received",
    "filed_for",
  ];
  if (later.some((t) => closing.includes(t.before.cursor.step))) return true;
  const still = new Set([...flow(final)].map((p) => stepKey(p)));
  return !still.has(key);
}

function dropped(transitions: Transition[], final: Answers): string[] {
  const json = JSON.stringify(toReportJson(report(final)));
  const out: string[] = [];
  for (const typed of typedValues(transitions)) {
    for (const v of typed.values) {
      if (discarded(typed.at, v.key, transitions, final)) continue;
      const present =
        json.includes(JSON.stringify(v.text).slice(1, -1)) ||
        (v.value !== undefined &&
          (json.includes(`"${v.value}"`) || json.includes(`:${v.value},`) || json.includes(`:${v.value}}`))) ||
        // The victim's own card is kept as its last four digits only.
        (v.key === "own_card_last4" && json.includes(v.text.replace(/\D/g, "").slice(-4)));
      if (!present) out.push(`${v.key}: "${v.text}" is not in the report`);
    }
  }
  return out;
}

describe(`questionnaire properties over ${SEQUENCES} seeded random walks`, () => {
  const walks = Array.from({ length: SEQUENCES }, (_, n) => ({ seed: SEED + n, ...walk(SEED + n) }));

  it("walks far: most reach the review, and the story check, several sums and edits all happen", () => {
    const reached = walks.filter((w) => w.transitions.some((t) => t.outcome.state.cursor.step === "review")).length;
    expect(reached).toBeGreaterThan(SEQUENCES / 2);
    const all = walks.flatMap((w) => w.transitions);
    expect(all.some((t) => t.before.cursor.step === "story_check" && t.input.type === "done")).toBe(true);
    expect(all.some((t) => t.before.cursor.step === "edit_menu")).toBe(true);
    expect(all.some((t) => t.input.type === "accept" && t.outcome.kind === "moved")).toBe(true);
    expect(
      all.some(
        (t) =>
          t.before.cursor.step === "transfer_amount" &&
          t.outcome.state.answers.transfers.length > t.before.answers.transfers.length + 1,
      ),
    ).toBe(true);
  });

  it("nothing invented: every value traces to an answer the person gave or confirmed", { timeout: 600_000 }, () => {
    const failures: string[] = [];
    for (const w of walks) {
      for (const t of w.transitions) for (const why of inventions(t)) failures.push(`seed ${w.seed}: ${why}`);
      for (const why of untraced(w.final.answers)) failures.push(`seed ${w.seed}: report ${why} not from an answer`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it("nothing dropped: every identifier and sum typed is in the report or was let go by the person", {
    timeout: 600_000,
  }, () => {
    const failures: string[] = [];
    for (const w of walks)
      for (const why of dropped(w.transitions, w.final.answers)) failures.push(`seed ${w.seed}: ${why}`);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
