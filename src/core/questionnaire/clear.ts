/**
 * "Skip" leaves a question empty: a value only read elsewhere (a hint) is dropped with it.
 * A question that already holds an answer offers «Keep as it is» instead, which changes
 * nothing; typing «нет» or «-» empties it.
 */
import { sameJson } from "../json.js";
import { type Answers, copyAnswers } from "../report/answers.js";
import { setHint, unmarkAnswered } from "./pending.js";
import { selection } from "./selection.js";
import { type Cursor, stepDef, stepKey } from "./steps.js";

/** Whether the question holds an answer now (what "skip" would remove). */
export function hasAnswer(answers: Answers, at: Cursor): boolean {
  const { pending: _before, ...kept } = answers;
  const { pending: _after, ...cleared } = clearAt(answers, at);
  return !sameJson(kept, cleared);
}

export function clearAt(answers: Answers, at: Cursor): Answers {
  const a = copyAnswers(answers);
  const i = at.item ?? 0;
  const c = a.contacts[i];
  const l = a.loans[i];
  const t = a.transfers[i];
  setHint(a, stepKey(at), undefined);
  unmarkAnswered(a, stepKey(at));
  if (stepDef(at.step).kind === "multi") {
    const sel = selection(at.step, a);
    if (sel) sel.set([]);
    // An empty list means "none": a skipped multiple choice is "not said".
    const field = {
      channels: "channels",
      card_data: "cardData",
      codes_received: "codesReceived",
      codes_shared: "codesShared",
      disclosure_way: "disclosedVia",
      apps: "apps",
      personal_data: "personalData",
      already_done: "alreadyDone",
      leak_sources: "leakSources",
    } as const;
    delete a[field[at.step as keyof typeof field]];
    return a;
  }
  switch (at.step) {
    case "narrative":
      delete a.narrative;
      break;
    case "incident_date":
      delete a.incidentDate;
      break;
    case "incident_time":
      delete a.incidentTime;
      break;
    case "contact_name":
      if (c) delete c.claimedName;
      break;
    case "contact_phones":
      if (c) c.phones = [];
      break;
    case "contact_time":
      if (c) {
        delete c.callDate;
        delete c.callTime;
      }
      break;
    case "contact_handles":
      if (c) c.handles = [];
      break;
    case "contact_documents":
      if (c) delete c.showedDocuments;
      break;
    case "contact_identity":
      if (c) delete c.claimedIdentity;
      break;
    case "own_card_last4":
      delete a.ownCardLast4;
      break;
    case "own_bank":
      delete a.ownBank;
      break;
    case "loan_lender":
      if (l) {
        delete l.lender;
        delete l.lenderBank;
      }
      break;
    case "loan_amount":
      if (l) delete l.amount;
      break;
    case "loan_date":
      if (l) delete l.date;
      break;
    case "loan_biometrics":
      if (l) delete l.biometrics;
      break;
    case "transfer_amount":
      if (t) delete t.amount;
      break;
    case "transfer_when":
      if (t) {
        delete t.date;
        delete t.time;
      }
      break;
    case "transfer_method":
      if (t) delete t.method;
      break;
    case "transfer_loss_kind":
      if (t) delete t.lossKind;
      break;
    case "transfer_recipient":
      if (t) {
        delete t.recipient;
        delete t.recipientName;
      }
      break;
    case "transfer_recipient_bank":
      if (t) delete t.recipientBank;
      break;
    case "transfer_own_bank":
      if (t) delete t.ownBank;
      break;
    case "transfer_receipt":
      if (t) delete t.receiptId;
      break;
    case "transfer_crypto":
      if (t) delete t.crypto;
      break;
    case "region":
      delete a.region;
      delete a.city;
      break;
    case "city":
      delete a.city;
      break;
    case "victim_identity":
      delete a.victim;
      break;
    case "victim_device":
      delete a.receivingPhone;
      delete a.device;
      break;
    case "bank_request_no":
      delete a.bankRequestNo;
      break;
    case "statement_no":
      delete a.statementNo;
      break;
    case "applicant_name":
      delete a.applicantName;
      break;
    case "applicant_phone":
      delete a.applicantPhone;
      break;
  }
  return a;
}
