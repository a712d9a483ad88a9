/** A button pressed at a one-choice question, or a quick button under a typed one. */
import type {
  Bank,
  Biometrics,
  ClaimedIdentity,
  FiledFor,
  LoanStatus,
  LossKind,
  Region,
  TransferMethod,
} from "../model.js";
import { CITY_REGIONS } from "../model.js";
import type { Answers, Contact } from "../report/answers.js";
import { type AnswerContext, type Applied, answered, invalid } from "./applied.js";
import { selfWithContact } from "./flow.js";
import { contactAt, loanAt, newContact, transferAt } from "./items.js";
import { parseDayChoice } from "./parsers.js";
import type { StepId } from "./steps.js";

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

export function applyQuick(a: Answers, step: StepId, i: number, option: string, ctx: AnswerContext): Applied {
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
