/**
 * Typed answers: each text question reads what it asks for, and nothing typed is
 * dropped silently — several sums become several transfers or loans, a second
 * phone or recipient where one is asked is a question back, «нет» or «-» leaves
 * the field empty. Values read for another question become hints, never answers.
 */

import { findBank } from "../identifiers/banks.js";
import { parseCryptoDetails } from "../identifiers/crypto-details.js";
import { type PartOfDay, parsePartOfDay, parseTime } from "../identifiers/dates.js";
import { findIdentifiers } from "../identifiers/extract.js";
import { bankFromIban } from "../identifiers/iban.js";
import { LETTERS } from "../identifiers/text.js";
import { findTime } from "../identifiers/time.js";
import { parseDevice, parseVictim } from "../identifiers/victim.js";
import type { Answers, Money } from "../report/answers.js";
import { extractFacts } from "../story/facts.js";
import type { AnswerContext } from "./applied.js";
import { checkBirthDate, checkCall, checkIncident, checkLoanDate, checkTransfer } from "./checks.js";
import { fail, ok, type Result } from "./inputs.js";
import { contactAt, insertItems, loanAt, transferAt } from "./items.js";
import { cleanKeepingCards, cleanNarrative, cleanText, parseLast4, parsers } from "./parsers.js";
import { markAnswered, setHint, unmarkAnswered } from "./pending.js";
import type { StepId } from "./steps.js";
import { isNothing, optionsInText } from "./typed-options.js";

export const MAX_TEXT = 4000;
export const MAX_SHORT_TEXT = 300;

/** The part of the day the incident is known to have happened in, to read «жетіде» right. */
export function partOfIncident(a: Answers): PartOfDay | undefined {
  const t = a.incidentTime;
  if (!t) return undefined;
  const m = /^(\d{2}):\d{2}$/.exec(t);
  if (!m) return t as PartOfDay;
  const h = Number(m[1]);
  return h >= 5 && h < 12 ? "morning" : h >= 12 && h < 17 ? "afternoon" : h >= 17 && h < 23 ? "evening" : "night";
}

/** Words that only label a reference number: «№», «квитанция», «чек». */
const RECEIPT_LABELS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:номер|н|no|№|квитанци${LETTERS}|чек${LETTERS}|операци${LETTERS}|транзакци${LETTERS}|тубиртек${LETTERS}|нөмир${LETTERS}|номир${LETTERS})(?![\\p{L}\\p{N}])[.:]?`,
  "giu",
);

/** Several sums typed at once: the first fills this item, the rest become new items right after it. */
function spread<T extends { amount?: Money }>(
  a: Answers,
  group: "loans" | "transfers",
  i: number,
  sums: Money[],
  at: (a: Answers, i: number) => T,
): void {
  const [first, ...more] = sums;
  at(a, i).amount = first!;
  insertItems(
    a,
    group,
    i,
    more.map((amount) => ({ amount })),
  );
  // The new items' sums are answered: their other questions come next, not the sum again.
  const step = group === "loans" ? "loan_amount" : "transfer_amount";
  for (let k = 1; k <= more.length; k++) markAnswered(a, `${step}#${i + k}`);
}

export function applyText(a: Answers, step: StepId, i: number, raw: string, ctx: AnswerContext): Result<Answers> {
  const long = step === "narrative";
  // Far too long before cleaning is too long after it: nothing is parsed (cleaning only squeezes spaces).
  if (raw.length > 4 * (long ? MAX_TEXT : MAX_SHORT_TEXT)) return fail("too_long");
  const text = long ? cleanNarrative(raw) : cleanText(raw);
  if (!text) return fail("empty");
  if (text.length > (long ? MAX_TEXT : MAX_SHORT_TEXT)) return fail("too_long");
  const nothing = isNothing(text);
  const set = <T>(r: Result<T>, put: (v: T) => Result<Answers> | undefined): Result<Answers> => {
    if (!r.ok) return r;
    return put(r.value) ?? ok(a);
  };
  const checked = (error: string | undefined, put: () => void): Result<Answers> => {
    if (error) return fail(error);
    put();
    return ok(a);
  };
  switch (step) {
    case "narrative":
      a.narrative = text;
      offerFacts(a, ctx);
      return ok(a);
    case "incident_date":
      return set(parsers.dateTime(text, ctx.now, partOfIncident(a)), (v) =>
        checked(checkIncident(a, { date: v.date, ...(v.time ? { time: v.time } : {}) }, ctx.now), () => {
          a.incidentDate = v.date;
          // «вчера в 14:30», «кеше түнде»: the time is answered too, and not asked again.
          const time = v.time ?? v.part;
          if (time) {
            a.incidentTime = time;
            markAnswered(a, "incident_time");
          }
        }),
      );
    case "incident_time": {
      const context = partOfIncident(a) ?? (a.narrative ? parsePartOfDay(a.narrative) : undefined);
      const time = parseTime(text, context);
      const value = time.ok
        ? time.value
        : optionsInText("part_of_day", text, ["morning", "afternoon", "evening", "night"])[0];
      if (!value) return fail(time.ok ? "not_a_time" : time.error);
      if (!a.incidentDate || !/^\d/.test(value)) {
        a.incidentTime = value;
        return ok(a);
      }
      return checked(checkIncident(a, { date: a.incidentDate, time: value }, ctx.now), () => (a.incidentTime = value));
    }
    case "contact_name":
      if (nothing) delete contactAt(a, i).claimedName;
      else contactAt(a, i).claimedName = text;
      return ok(a);
    case "contact_phones": {
      if (nothing) {
        contactAt(a, i).phones = [];
        return ok(a);
      }
      return set(parsers.phones(text), (v) => {
        const c = contactAt(a, i);
        c.phones = v;
        // «+7 701 234 56 78 в 14:30»: the time of the call, given with the number.
        const time = findTime(text.replace(/\+?\d[\d ()-]{8,}\d/g, " "), partOfIncident(a));
        if (time.ok && !c.callTime) {
          c.callTime = time.value.time;
          markAnswered(a, `contact_time#${i}`);
        }
      });
    }
    case "contact_time": {
      const c = contactAt(a, i);
      if (nothing) {
        delete c.callDate;
        delete c.callTime;
        return ok(a);
      }
      const context = partOfIncident(a);
      const withDate = parsers.dateTime(text, ctx.now, context);
      if (withDate.ok) {
        return checked(
          checkCall(
            { date: withDate.value.date, ...(withDate.value.time ? { time: withDate.value.time } : {}) },
            ctx.now,
          ),
          () => {
            c.callDate = withDate.value.date;
            if (withDate.value.time) c.callTime = withDate.value.time;
            else delete c.callTime;
          },
        );
      }
      return set(parseTime(text, context), (v) => {
        c.callTime = v;
        delete c.callDate;
      });
    }
    case "contact_handles":
      if (nothing) {
        contactAt(a, i).handles = [];
        return ok(a);
      }
      return set(parsers.handles(text), (v) => {
        contactAt(a, i).handles = v;
      });
    case "own_card_last4":
      if (nothing) {
        delete a.ownCardLast4;
        return ok(a);
      }
      return set(parseLast4(raw), (v) => {
        a.ownCardLast4 = v;
      });
    case "loan_lender": {
      const loan = loanAt(a, i);
      delete loan.lender;
      delete loan.lenderBank;
      if (nothing) return ok(a);
      // «каспи», «Kaspi Bank»: a bank named alone is the bank of the buttons.
      const bank = findBank(text);
      const rest = bank ? `${text.slice(0, bank.start)}${text.slice(bank.end)}` : text;
      if (bank && bank.bank !== "other" && !/\p{L}{3,}/u.test(rest.replace(/банк\p{L}*|bank|ао|ат|jsc/giu, ""))) {
        loan.lenderBank = bank.bank;
      } else {
        loan.lender = text;
      }
      return ok(a);
    }
    case "loan_amount":
      if (nothing) {
        delete loanAt(a, i).amount;
        return ok(a);
      }
      return set(parsers.amounts(text), (v) => {
        spread(a, "loans", i, v, loanAt);
      });
    case "loan_date":
      if (nothing) {
        delete loanAt(a, i).date;
        return ok(a);
      }
      return set(parsers.date(text, ctx.now), (v) =>
        checked(checkLoanDate(a, v, ctx.now), () => (loanAt(a, i).date = v)),
      );
    case "transfer_amount":
      if (nothing) {
        delete transferAt(a, i).amount;
        return ok(a);
      }
      return set(parsers.amounts(text), (v) => {
        spread(a, "transfers", i, v, transferAt);
      });
    case "transfer_when": {
      const t = transferAt(a, i);
      if (nothing) {
        delete t.date;
        delete t.time;
        return ok(a);
      }
      // «15:10» alone: the day already known for this transfer, or the incident's.
      const day = t.date ?? a.incidentDate;
      const onlyTime = day ? parseTime(text, partOfIncident(a)) : undefined;
      const dated = parsers.dateTime(text, ctx.now, partOfIncident(a));
      const when = !dated.ok && onlyTime?.ok && day ? ok({ date: day, time: onlyTime.value }) : dated;
      return set(when, (v) =>
        checked(checkTransfer(a, { date: v.date, ...(v.time ? { time: v.time } : {}) }, ctx.now), () => {
          t.date = v.date;
          if (v.time) t.time = v.time;
          else delete t.time;
        }),
      );
    }
    case "transfer_recipient":
      return recipient(a, i, raw, text, nothing);
    case "transfer_receipt": {
      const t = transferAt(a, i);
      const id = text
        .replace(RECEIPT_LABELS, " ")
        .replace(/\s+/g, " ")
        .trim()
        .replace(/^[-–:.\s]+/, "");
      if (nothing || !/[\p{L}\p{N}]/u.test(id)) delete t.receiptId;
      else t.receiptId = id;
      return ok(a);
    }
    case "transfer_crypto": {
      const t = transferAt(a, i);
      const details = nothing ? {} : parseCryptoDetails(text);
      if (Object.keys(details).length === 0) delete t.crypto;
      else t.crypto = details;
      return ok(a);
    }
    case "city":
      if (nothing) delete a.city;
      else a.city = text;
      return ok(a);
    case "victim_identity": {
      if (nothing) {
        delete a.victim;
        return ok(a);
      }
      return set(parseVictim(text, ctx.now), (v) => {
        if (v.victim.birthDate) {
          const error = checkBirthDate(v.victim.birthDate, ctx.now);
          if (error) return fail(error);
        }
        a.victim = v.victim;
        if (v.iban) a.ownIban = v.iban;
      });
    }
    case "victim_device": {
      if (nothing) {
        delete a.receivingPhone;
        delete a.device;
        return ok(a);
      }
      // Only what is typed changes: a number read from the story stays when the device is added.
      const device = parseDevice(text);
      // «на этот же номер», «сол нөмірге»: words that only point back to the number already known.
      if (!device.ok && device.error === "empty" && a.receivingPhone) return ok(a);
      return set(device, (v) => {
        if (v.phone) a.receivingPhone = v.phone;
        if (v.device) a.device = v.device;
      });
    }
    case "bank_request_no":
      if (nothing) delete a.bankRequestNo;
      else a.bankRequestNo = text;
      return ok(a);
    case "statement_no":
      if (nothing) delete a.statementNo;
      else a.statementNo = text;
      return ok(a);
    case "applicant_name": {
      if (nothing) {
        delete a.applicantName;
        return ok(a);
      }
      // «Асель Нурланова, +7 701 234 56 78»: the phone asked next comes with the name.
      const phones = parsers.phonesStrict(text);
      const found = phones.ok ? findIdentifiers(text).filter((s) => s.identifier.kind === "phone") : [];
      if (found.length > 1) return fail("several_phones");
      if (found.length === 1) {
        const span = found[0]!;
        a.applicantPhone = span.identifier;
        markAnswered(a, "applicant_phone");
        const name = `${text.slice(0, span.start)} ${text.slice(span.end)}`.replace(/[\s,;:–-]+/g, " ").trim();
        if (name) a.applicantName = name;
        else delete a.applicantName;
        return ok(a);
      }
      a.applicantName = text;
      return ok(a);
    }
    case "applicant_phone":
      if (nothing) {
        delete a.applicantPhone;
        return ok(a);
      }
      return set(parsers.phonesStrict(text), (v) => {
        if (v.length > 1) return fail("several_phones");
        a.applicantPhone = v[0]!;
      });
    default:
      return fail("choose_button");
  }
}

/**
 * Who received the money. One identifier with the words around it as a name; words
 * alone are the name the person saw (once, not twice). A bank named beside it is only
 * a hint for the next question: «каспиде» may be the person's own app.
 */
function recipient(a: Answers, i: number, raw: string, text: string, nothing: boolean): Result<Answers> {
  const t = transferAt(a, i);
  const key = `transfer_recipient_bank#${i}`;
  setHint(a, key, undefined);
  if (nothing) {
    delete t.recipient;
    delete t.recipientName;
    return ok(a);
  }
  if (t.method === "cash_courier") {
    // Who took the cash is someone else: a card number in the description stays whole.
    t.recipientName = cleanKeepingCards(raw);
    delete t.recipient;
    return ok(a);
  }
  const parsed = parsers.recipient(raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v.more?.length) return fail("several_recipients");
  if (v.identifier?.kind === "other") {
    delete t.recipient;
    t.recipientName = text;
  } else {
    if (v.identifier) t.recipient = v.identifier;
    else delete t.recipient;
    if (v.name) t.recipientName = v.name;
    else delete t.recipientName;
  }
  const fromIban = t.recipient?.kind === "iban" ? bankFromIban(t.recipient.value) : undefined;
  if (fromIban) {
    // The bank code inside the IBAN names the bank: a fact of the number, not a guess.
    t.recipientBank = fromIban;
    unmarkAnswered(a, key);
  } else if (v.bank) {
    setHint(a, key, v.bank);
  }
  return ok(a);
}

/** After the story: the facts found in it for questions not answered yet, to confirm in one tap. */
export function offerFacts(a: Answers, ctx: AnswerContext): void {
  const facts = extractFacts(a.narrative ?? "", ctx.now, a);
  a.pending = { ...a.pending };
  delete a.pending.unticked;
  if (facts.length > 0) {
    a.pending.facts = facts;
    a.pending.checked = false;
  } else {
    delete a.pending.facts;
    delete a.pending.checked;
  }
}
