/**
 * Applying one answer to the answers so far. Pure: takes a copy, returns the new
 * answers or an error code for a kind re-ask. Free text is cleaned of secrets
 * here too, whatever the caller did before.
 */
import type {
  AlreadyDone,
  Bank,
  Biometrics,
  CardDataElement,
  Channel,
  ClaimedIdentity,
  CodeSource,
  FiledFor,
  LeakSource,
  LoanStatus,
  LossKind,
  PersonalDataKind,
  Region,
  RemoteApp,
  TransferMethod,
} from "../model.js";
import { CITY_REGIONS } from "../model.js";
import type { Answers, Contact, Evidence, Loan, Transfer } from "../report/answers.js";
import { fail, type Input, ok, type Result } from "./inputs.js";
import { cleanText, parseDayChoice, parseLast4, parsers } from "./parsers.js";
import { type Cursor, OPTIONS, type OptionList, type StepId, stepDef } from "./steps.js";

export const MAX_TEXT = 4000;
export const MAX_SHORT_TEXT = 300;
export const MAX_EVIDENCE = 50;

export interface AnswerContext {
  now: Date;
}

/** The options a step offers now; some depend on earlier answers. */
export function optionsFor(step: StepId, a: Answers): readonly string[] {
  const d = stepDef(step);
  if (d.kind !== "single" && d.kind !== "multi") return d.kind === "text" && d.quick ? OPTIONS[d.quick] : [];
  if (step === "codes_shared") return a.codesReceived ?? [];
  return OPTIONS[d.options as OptionList];
}

const newContact = (): Contact => ({ phones: [], handles: [] });

function item<T>(list: T[], index: number, make: () => T): T {
  while (list.length <= index) list.push(make());
  return list[index]!;
}

const contactAt = (a: Answers, i: number) => item(a.contacts, i, newContact);
const loanAt = (a: Answers, i: number): Loan => item(a.loans, i, () => ({}));
const transferAt = (a: Answers, i: number): Transfer => item(a.transfers, i, () => ({}));

type Selected = { list: string[]; set: (list: string[]) => void };

/** Where each multiple-choice step keeps its selection. */
function selection(step: StepId, a: Answers): Selected | undefined {
  switch (step) {
    case "channels":
      return { list: a.channels ?? [], set: (l) => (a.channels = l as Channel[]) };
    case "card_data":
      return { list: a.cardData ?? [], set: (l) => (a.cardData = l as CardDataElement[]) };
    case "codes_received":
      return {
        list: a.codesReceived ?? [],
        set: (l) => {
          a.codesReceived = l as CodeSource[];
          if (a.codesShared) a.codesShared = a.codesShared.filter((c) => l.includes(c));
        },
      };
    case "codes_shared":
      return { list: a.codesShared ?? [], set: (l) => (a.codesShared = l as CodeSource[]) };
    case "apps":
      return { list: a.apps ?? [], set: (l) => (a.apps = l as RemoteApp[]) };
    case "personal_data":
      return { list: a.personalData ?? [], set: (l) => (a.personalData = l as PersonalDataKind[]) };
    case "already_done":
      return { list: a.alreadyDone ?? [], set: (l) => (a.alreadyDone = l as AlreadyDone[]) };
    case "leak_sources":
      return { list: a.leakSources ?? [], set: (l) => (a.leakSources = l as LeakSource[]) };
    default:
      return undefined;
  }
}

/** "Nothing yet" and "don't know" exclude every other choice, and the other way round. */
const EXCLUSIVE = new Set(["nothing", "dont_know"]);

function toggle(list: string[], option: string): string[] {
  if (list.includes(option)) return list.filter((o) => o !== option);
  if (EXCLUSIVE.has(option)) return [option];
  return [...list.filter((o) => !EXCLUSIVE.has(o)), option];
}

export type Applied =
  /** The answer completes the step. `jump` overrides the usual next question. */
  | { kind: "answered"; answers: Answers; jump?: "after_section" }
  /** The step stays open (a toggle, a file added). */
  | { kind: "updated"; answers: Answers }
  | { kind: "invalid"; error: string };

const answered = (answers: Answers, jump?: "after_section"): Applied => ({
  kind: "answered",
  answers,
  ...(jump ? { jump } : {}),
});

/** Applies a choice, toggle, none, done, text or file at the cursor. */
export function applyInput(answers: Answers, at: Cursor, input: Input, ctx: AnswerContext): Applied {
  const a = structuredClone(answers);
  const d = stepDef(at.step);
  const i = at.item ?? 0;

  if (input.type === "choose" || input.type === "toggle") {
    if (!optionsFor(at.step, a).includes(input.option)) return { kind: "invalid", error: "unknown_option" };
  }

  switch (d.kind) {
    case "info":
      return input.type === "continue" ? answered(a) : { kind: "invalid", error: "choose_button" };
    case "single":
      if (input.type !== "choose") return { kind: "invalid", error: "choose_button" };
      return chooseSingle(a, at.step, i, input.option);
    case "multi": {
      const sel = selection(at.step, a)!;
      if (input.type === "toggle") {
        sel.set(toggle(sel.list, input.option));
        return { kind: "updated", answers: a };
      }
      if (input.type === "none" && d.none) {
        sel.set([]);
        return answered(a);
      }
      if (input.type === "done") {
        sel.set(sel.list);
        return answered(a);
      }
      return { kind: "invalid", error: "choose_button" };
    }
    case "text": {
      if (input.type === "choose") return applyQuick(a, at.step, i, input.option, ctx);
      if (input.type !== "text") return { kind: "invalid", error: "send_text" };
      const result = applyText(a, at.step, i, input.text, ctx);
      return result.ok ? answered(result.value) : { kind: "invalid", error: result.error };
    }
    case "files": {
      if (input.type === "done") return answered(a);
      if (input.type !== "file") return { kind: "invalid", error: "send_file" };
      const added = addEvidence(a, input.file);
      return added ? { kind: "updated", answers: added } : { kind: "invalid", error: "too_many_files" };
    }
    case "review":
      return { kind: "invalid", error: "choose_button" };
  }
}

function chooseSingle(a: Answers, step: StepId, i: number, option: string): Applied {
  switch (step) {
    case "filed_for":
      a.filedFor = option as FiledFor;
      break;
    case "contact_identity":
      contactAt(a, i).claimedIdentity = option as ClaimedIdentity;
      break;
    case "contact_documents":
      contactAt(a, i).showedDocuments = option as Contact["showedDocuments"];
      break;
    case "contact_more": {
      if (option === "done") return answered(a, "after_section");
      contactAt(a, i).handedOver = option === "passed_on";
      if (a.contacts.length === i + 1) a.contacts.push(newContact());
      break;
    }
    case "own_bank":
      a.ownBank = option as Bank;
      break;
    case "loan_status":
      a.loanStatus = option as LoanStatus;
      if (option === "no") a.loans = [];
      break;
    case "loan_more":
      if (option === "done") return answered(a, "after_section");
      loanAt(a, i);
      if (a.loans.length === i + 1) a.loans.push({});
      break;
    case "transfers_made":
      a.transfersMade = option === "yes";
      if (!a.transfersMade) a.transfers = [];
      break;
    case "transfer_method": {
      const t = transferAt(a, i);
      t.method = option as TransferMethod;
      if (option === "cash_courier" || option === "atm_deposit") delete t.lossKind;
      break;
    }
    case "transfer_loss_kind":
      transferAt(a, i).lossKind = option as LossKind;
      break;
    case "loan_biometrics":
      loanAt(a, i).biometrics = option as Biometrics;
      break;
    case "transfer_recipient_bank":
      transferAt(a, i).recipientBank = option as Bank;
      break;
    case "transfer_own_bank":
      transferAt(a, i).ownBank = option as Bank;
      break;
    case "transfer_more":
      if (option === "done") return answered(a, "after_section");
      transferAt(a, i);
      if (a.transfers.length === i + 1) a.transfers.push({});
      break;
    case "region":
      a.region = option as Region;
      if (CITY_REGIONS.includes(a.region)) delete a.city;
      break;
    case "contact_consent":
      a.contactConsent = option === "yes";
      if (!a.contactConsent) {
        delete a.applicantName;
        delete a.applicantPhone;
      }
      break;
    default:
      return { kind: "invalid", error: "choose_button" };
  }
  return answered(a);
}

function applyQuick(a: Answers, step: StepId, i: number, option: string, ctx: AnswerContext): Applied {
  switch (step) {
    case "incident_date":
      a.incidentDate = parseDayChoice(option, ctx.now).date;
      return answered(a);
    case "incident_time":
      a.incidentTime = option;
      return answered(a);
    case "loan_date":
      loanAt(a, i).date = parseDayChoice(option, ctx.now).date;
      return answered(a);
    case "transfer_when": {
      const t = transferAt(a, i);
      const when = parseDayChoice(option, ctx.now);
      t.date = when.date;
      if (when.time) t.time = when.time;
      else delete t.time;
      return answered(a);
    }
    default:
      return { kind: "invalid", error: "send_text" };
  }
}

function applyText(a: Answers, step: StepId, i: number, raw: string, ctx: AnswerContext): Result<Answers> {
  const long = step === "narrative";
  // Far too long before cleaning is too long after it: nothing is parsed (cleaning only squeezes spaces).
  if (raw.length > 4 * (long ? MAX_TEXT : MAX_SHORT_TEXT)) return fail("too_long");
  const text = cleanText(raw);
  if (!text) return fail("empty");
  if (text.length > (long ? MAX_TEXT : MAX_SHORT_TEXT)) return fail("too_long");
  const set = <T>(r: Result<T>, put: (v: T) => void): Result<Answers> => {
    if (!r.ok) return r;
    put(r.value);
    return ok(a);
  };
  switch (step) {
    case "narrative":
      a.narrative = text;
      return ok(a);
    case "incident_date":
      return set(parsers.date(text, ctx.now), (v) => (a.incidentDate = v));
    case "incident_time":
      return set(parsers.time(text), (v) => (a.incidentTime = v));
    case "contact_name":
      contactAt(a, i).claimedName = text;
      return ok(a);
    case "contact_phones":
      return set(parsers.phones(text), (v) => (contactAt(a, i).phones = v));
    case "contact_handles":
      return set(parsers.handles(text), (v) => (contactAt(a, i).handles = v));
    case "own_card_last4":
      return set(parseLast4(raw), (v) => (a.ownCardLast4 = v));
    case "loan_lender":
      loanAt(a, i).lender = text;
      return ok(a);
    case "loan_amount":
      return set(parsers.amount(text), (v) => (loanAt(a, i).amount = v));
    case "loan_date":
      return set(parsers.date(text, ctx.now), (v) => (loanAt(a, i).date = v));
    case "transfer_amount":
      return set(parsers.amount(text), (v) => (transferAt(a, i).amount = v));
    case "transfer_when":
      return set(parsers.dateTime(text, ctx.now), (v) => {
        const t = transferAt(a, i);
        t.date = v.date;
        if (v.time) t.time = v.time;
        else delete t.time;
      });
    case "transfer_recipient": {
      const t = transferAt(a, i);
      if (t.method === "cash_courier") {
        t.recipientName = text;
        delete t.recipient;
        return ok(a);
      }
      return set(parsers.recipient(raw), (v) => {
        if (v.identifier) t.recipient = v.identifier;
        else delete t.recipient;
        if (v.name) t.recipientName = v.name;
        else delete t.recipientName;
        if (v.bank) t.recipientBank = v.bank;
      });
    }
    case "city":
      a.city = text;
      return ok(a);
    case "bank_request_no":
      a.bankRequestNo = text;
      return ok(a);
    case "statement_no":
      a.statementNo = text;
      return ok(a);
    case "applicant_name":
      a.applicantName = text;
      return ok(a);
    case "applicant_phone":
      return set(parsers.phone(text), (v) => (a.applicantPhone = v));
    default:
      return fail("choose_button");
  }
}

/** Keeps a file as evidence (once per file); undefined when the limit is reached. */
export function addEvidence(answers: Answers, file: Evidence): Answers | undefined {
  if (answers.evidence.some((e) => e.fileUniqueId === file.fileUniqueId)) return answers;
  if (answers.evidence.length >= MAX_EVIDENCE) return undefined;
  return { ...answers, evidence: [...answers.evidence, file] };
}

/** Removes the contact, loan or transfer at the cursor (offered while editing from the review). */
export function removeItem(answers: Answers, at: Cursor): Answers | undefined {
  const group = stepDef(at.step).repeated;
  const i = at.item ?? 0;
  if (!group) return undefined;
  const a = structuredClone(answers);
  const list: unknown[] = a[group];
  if (i >= list.length) return undefined;
  list.splice(i, 1);
  if (group === "transfers" && list.length === 0) a.transfersMade = false;
  if (group === "loans" && list.length === 0) a.loanStatus = "no";
  return a;
}
