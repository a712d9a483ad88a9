/**
 * Applying one answer to the answers so far. Pure: takes a copy, returns the new
 * answers or an error code for a kind re-ask. Free text is cleaned of secrets
 * here too, whatever the caller did before.
 */

import { findIdentifiers } from "../identifiers/extract.js";
import { bankFromIban } from "../identifiers/iban.js";
import { findPlace } from "../identifiers/places.js";
import type {
  AlreadyDone,
  Bank,
  Biometrics,
  CardDataElement,
  Channel,
  ClaimedIdentity,
  CodeSource,
  DisclosureWay,
  FiledFor,
  Lang,
  LeakSource,
  LoanStatus,
  LossKind,
  PersonalDataKind,
  Region,
  RemoteApp,
  TransferMethod,
} from "../model.js";
import { CITY_REGIONS } from "../model.js";
import { type Answers, type Contact, copyAnswers, type Evidence } from "../report/answers.js";
import { applyText } from "./answer-text.js";
import { editMenuOptions } from "./edit-menu.js";
import { selfWithContact } from "./flow.js";
import type { Input } from "./inputs.js";
import { contactAt, GROUP_PREFIX, loanAt, newContact, transferAt } from "./items.js";
import { parseDayChoice } from "./parsers.js";
import { markAnswered, shiftItemKeys } from "./pending.js";
import { type Cursor, OPTIONS, type OptionList, type StepId, stepDef } from "./steps.js";
import { confirmFacts, declineFacts } from "./story-check.js";
import { acceptSuggestion, suggestionFor } from "./suggestions.js";
import { isNothing, optionsInText } from "./typed-options.js";

export { MAX_SHORT_TEXT, MAX_TEXT } from "./answer-text.js";
export const MAX_EVIDENCE = 50;

export interface AnswerContext {
  now: Date;
  /** The questionnaire's language: names read from text (a city) are kept in it. */
  lang?: Lang;
}

/** The options a step offers now; some depend on earlier answers or on where in the review menu one is. */
export function optionsFor(step: StepId, a: Answers, at?: Cursor): readonly string[] {
  const d = stepDef(step);
  if (d.kind === "facts") return (a.pending?.facts ?? []).map((_, i) => String(i));
  if (d.kind === "menu") return at ? editMenuOptions(a, at) : [];
  if (d.kind !== "single" && d.kind !== "multi") return d.kind === "text" && d.quick ? OPTIONS[d.quick] : [];
  if (step === "codes_shared") return a.codesReceived ?? [];
  return OPTIONS[d.options as OptionList];
}

type Selected = { list: string[]; set: (list: string[]) => void };

/** Where each multiple-choice step keeps its selection. */
export function selection(step: StepId, a: Answers): Selected | undefined {
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
    case "disclosure_way":
      return { list: a.disclosedVia ?? [], set: (l) => (a.disclosedVia = l as DisclosureWay[]) };
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
const invalid = (error: string): Applied => ({ kind: "invalid", error });

/** Applies a choice, toggle, none, done, text or file at the cursor. */
export function applyInput(answers: Answers, at: Cursor, input: Input, ctx: AnswerContext): Applied {
  const a = copyAnswers(answers);
  const d = stepDef(at.step);
  const i = at.item ?? 0;

  if (input.type === "choose" || input.type === "toggle") {
    if (!optionsFor(at.step, a, at).includes(input.option)) return invalid("unknown_option");
  }

  switch (d.kind) {
    case "info":
      return input.type === "continue" ? answered(a) : invalid("choose_button");
    case "single":
      if (input.type === "text") return typedSingle(a, at, input.text);
      if (input.type === "accept") return acceptHint(a, at);
      if (input.type !== "choose") return invalid("choose_button");
      return chooseSingle(a, at.step, i, input.option);
    case "multi":
      return multi(a, at, input);
    case "facts":
      if (input.type === "toggle") {
        const n = Number(input.option);
        const off = new Set(a.pending?.unticked ?? []);
        if (off.has(n)) off.delete(n);
        else off.add(n);
        a.pending = { ...a.pending, unticked: [...off].sort((x, y) => x - y) };
        return { kind: "updated", answers: a };
      }
      if (input.type === "done") return answered(confirmFacts(a));
      if (input.type === "none") return answered(declineFacts(a));
      return invalid("choose_button");
    case "text": {
      if (input.type === "choose") return applyQuick(a, at.step, i, input.option, ctx);
      if (input.type === "accept") return acceptHint(a, at);
      if (input.type !== "text") return invalid("send_text");
      const result = applyText(a, at.step, i, input.text, ctx);
      return result.ok ? answered(result.value) : invalid(result.error);
    }
    case "files": {
      if (input.type === "done") return answered(a);
      if (input.type !== "file") return invalid("send_file");
      const added = addEvidence(a, input.file);
      return added ? { kind: "updated", answers: added } : invalid("too_many_files");
    }
    case "menu":
    case "review":
      return invalid("choose_button");
  }
}

function multi(a: Answers, at: Cursor, input: Input): Applied {
  const d = stepDef(at.step);
  const sel = selection(at.step, a)!;
  switch (input.type) {
    case "toggle":
      sel.set(toggle(sel.list, input.option));
      return { kind: "updated", answers: a };
    case "none":
      if (d.kind !== "multi" || !d.none) return invalid("choose_button");
      sel.set([]);
      return answered(a);
    case "done":
      sel.set(sel.list);
      return answered(a);
    case "text":
      return typedMulti(a, at, input.text);
    default:
      return invalid("choose_button");
  }
}

/** A typed answer to a multiple-choice question: the options it names, or "none" for «нет», «жоқ». */
function typedMulti(a: Answers, at: Cursor, text: string): Applied {
  const d = stepDef(at.step);
  if (d.kind !== "multi") return invalid("choose_button");
  const sel = selection(at.step, a)!;
  const allowed = optionsFor(at.step, a, at);
  // «айтпады, сайтқа жазды»: a code given by typing it on a page, not by telling it.
  if (at.step === "codes_shared" || at.step === "card_data") {
    const ways = optionsInText("disclosure_ways", text, OPTIONS.disclosure_ways) as DisclosureWay[];
    if (ways.length > 0) {
      const named = optionsInText(d.options, text, allowed);
      const given = named.length > 0 ? named : at.step === "codes_shared" && allowed.length === 1 ? [...allowed] : [];
      if (given.length === 0) return invalid("choose_button");
      sel.set(given);
      a.disclosedVia = [...new Set([...(a.disclosedVia ?? []), ...ways])];
      markAnswered(a, "disclosure_way");
      return answered(a);
    }
  }
  const named = optionsInText(d.options, text, allowed);
  if (named.length > 0) {
    sel.set(named.some((o) => EXCLUSIVE.has(o)) ? named.filter((o) => EXCLUSIVE.has(o)).slice(0, 1) : named);
    return answered(a);
  }
  if (isNothing(text) && d.none) {
    sel.set([]);
    return answered(a);
  }
  return invalid("choose_button");
}

/** A typed answer to a one-choice question: «да», «жоқ», «Шымкент», «каспи». */
function typedSingle(a: Answers, at: Cursor, text: string): Applied {
  const d = stepDef(at.step);
  if (d.kind !== "single") return invalid("choose_button");
  const i = at.item ?? 0;
  const allowed = optionsFor(at.step, a, at);
  const [option] = optionsInText(d.options, text, allowed);
  if (at.step === "transfer_own_bank") {
    const own = ownAccountIn(a, text);
    if (own) return chooseSingle(a, at.step, i, own);
  }
  if (option) {
    const chosen = chooseSingle(a, at.step, i, option);
    if (chosen.kind === "answered" && at.step === "region") cityFromText(chosen.answers, text);
    return chosen;
  }
  return invalid("choose_button");
}

/** An IBAN typed where the bank the money left from is asked: the victim's own account, and its bank. */
function ownAccountIn(a: Answers, text: string): Bank | undefined {
  const iban = findIdentifiers(text).find((s) => s.identifier.kind === "iban")?.identifier;
  if (!iban) return undefined;
  a.ownIban ??= iban;
  return bankFromIban(iban.value);
}

/** «в Темиртау» at the region question: Karaganda region, and the town is kept as the city. */
function cityFromText(a: Answers, text: string): void {
  const place = findPlace(text);
  if (!place?.city || place.region !== a.region) return;
  a.city = place.city.ru;
  markAnswered(a, "city");
}

export function chooseSingle(a: Answers, step: StepId, i: number, option: string): Applied {
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
      } else if (selfWithContact(a)) {
        // The question showed the victim's own name and phone: "yes" gives those.
        a.applicantName = a.victim!.name!;
        a.applicantPhone = a.victim!.phone!;
      }
      break;
    default:
      return invalid("choose_button");
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
    case "loan_lender": {
      const loan = loanAt(a, i);
      loan.lenderBank = option as Bank;
      delete loan.lender;
      return answered(a);
    }
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
      return invalid("send_text");
  }
}

/** The one-tap "yes, that's right" under a question that shows a value read elsewhere. */
function acceptHint(a: Answers, at: Cursor): Applied {
  const suggestion = suggestionFor(a, at);
  if (!suggestion) return invalid("choose_button");
  return answered(acceptSuggestion(a, at, suggestion));
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
  const a = copyAnswers(answers);
  const list: unknown[] = a[group];
  if (i >= list.length) return undefined;
  list.splice(i, 1);
  shiftItemKeys(a, GROUP_PREFIX[group], i + 1, -1);
  if (group === "transfers" && list.length === 0) a.transfersMade = false;
  if (group === "loans" && list.length === 0) a.loanStatus = "no";
  return a;
}
