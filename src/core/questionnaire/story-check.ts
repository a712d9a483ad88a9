/**
 * The story check: the facts read from the story are shown ticked; the person unticks
 * what is wrong and confirms. Only confirmed facts become answers, and the questions
 * they answer are not asked again going forward (they stay in the review to change).
 */
import { withFields } from "../json.js";
import type { Answers, StoryFact } from "../report/answers.js";
import { markAnswered } from "./pending.js";

/** The facts still ticked: what "done" will confirm. */
export const tickedFacts = (a: Answers): StoryFact[] =>
  (a.pending?.facts ?? []).filter((_, i) => !a.pending?.unticked?.includes(i));

function apply(a: Answers, fact: StoryFact): void {
  const mark = (key: string) => markAnswered(a, key);
  switch (fact.kind) {
    case "when":
      if (fact.date) {
        a.incidentDate = fact.date;
        mark("incident_date");
      }
      if (fact.time ?? fact.part) {
        a.incidentTime = (fact.time ?? fact.part)!;
        mark("incident_time");
      }
      return;
    case "channels":
      a.channels = [...new Set([...(a.channels ?? []), ...fact.channels])];
      mark("channels");
      return;
    case "contact": {
      const k = a.contacts.length;
      const c = structuredClone(fact.contact);
      a.contacts.push(c);
      if (c.claimedIdentity) mark(`contact_identity#${k}`);
      if (c.claimedName) mark(`contact_name#${k}`);
      if (c.phones.length) mark(`contact_phones#${k}`);
      if (c.handles.length) mark(`contact_handles#${k}`);
      if (c.showedDocuments) mark(`contact_documents#${k}`);
      if (c.callTime || c.callDate) mark(`contact_time#${k}`);
      return;
    }
    case "card_data":
      a.cardData = [...fact.elements];
      mark("card_data");
      return;
    case "own_bank":
      a.ownBank = fact.bank;
      mark("own_bank");
      return;
    case "codes":
      a.codesReceived = [...fact.received];
      a.codesShared = [...fact.shared];
      mark("codes_received");
      if (fact.shared.length) mark("codes_shared");
      return;
    case "disclosed_via":
      a.disclosedVia = [...fact.ways];
      mark("disclosure_way");
      return;
    case "apps":
      a.apps = [...fact.apps];
      mark("apps");
      return;
    case "personal_data":
      a.personalData = [...fact.kinds];
      mark("personal_data");
      return;
    case "loan": {
      const k = a.loans.length;
      a.loans.push(structuredClone(fact.loan));
      if (fact.status) {
        a.loanStatus = fact.status;
        mark("loan_status");
      }
      if (fact.loan.lenderBank || fact.loan.lender) mark(`loan_lender#${k}`);
      if (fact.loan.amount) mark(`loan_amount#${k}`);
      if (fact.loan.date) mark(`loan_date#${k}`);
      return;
    }
    case "transfer": {
      const k = a.transfers.length;
      const t = structuredClone(fact.transfer);
      a.transfers.push(t);
      a.transfersMade = true;
      mark("transfers_made");
      if (t.amount) mark(`transfer_amount#${k}`);
      // A day alone still leaves the time to ask.
      if (t.date && t.time) mark(`transfer_when#${k}`);
      if (t.method) mark(`transfer_method#${k}`);
      if (t.lossKind) mark(`transfer_loss_kind#${k}`);
      if (t.recipient) mark(`transfer_recipient#${k}`);
      if (t.recipientBank) mark(`transfer_recipient_bank#${k}`);
      if (t.ownBank) mark(`transfer_own_bank#${k}`);
      return;
    }
    case "place":
      a.region = fact.region;
      mark("region");
      if (fact.city) {
        a.city = fact.city;
        mark("city");
      }
      return;
    case "receiving_phone":
      a.receivingPhone = fact.phone;
      return;
    case "device":
      a.device = fact.device;
      return;
  }
}

/** "All right": the ticked facts become answers. */
export function confirmFacts(a: Answers): Answers {
  const facts = tickedFacts(a);
  for (const fact of facts) apply(a, fact);
  if (a.receivingPhone && a.device) markAnswered(a, "victim_device");
  a.pending = withFields(a.pending, { checked: true });
  return a;
}

/** "Nothing fits": no fact is taken; every question is asked. */
export function declineFacts(a: Answers): Answers {
  a.pending = withFields(a.pending, { checked: true, unticked: (a.pending?.facts ?? []).map((_, i) => i) });
  return a;
}
