/**
 * The people and the money of a story, sentence by sentence: who called or wrote from
 * which number (and as whom), and each sum with what it was (a loan or a transfer), its
 * recipient, the bank it left from, its time, and whether it was sent or taken.
 */
import { findBank, findBanks } from "../identifiers/banks.js";
import { bankFromIban } from "../identifiers/iban.js";
import { findAmounts } from "../identifiers/money.js";
import { foldKazakh } from "../identifiers/text.js";
import { findTime } from "../identifiers/time.js";
import type { Bank, ClaimedIdentity, LoanStatus, TransferMethod } from "../model.js";
import { OPTIONS } from "../questionnaire/steps.js";
import { optionsInText } from "../questionnaire/typed-options.js";
import type { Contact, Identifier, Loan, Money, Transfer } from "../report/answers.js";
import { isOwnBankMention, roleAt } from "./roles.js";
import { has, type Sentence, timesIn } from "./sentences.js";
import {
  DOCUMENTS,
  FROM_OWN_CARD,
  LOAN_WORD,
  NAME_PATTERNS,
  SENT_WORD,
  TAKEN_WORD,
  TRANSFER_WORD,
  WITHOUT_ME,
  YOURSELF,
} from "./words.js";

const method = (id: Identifier): TransferMethod | undefined =>
  id.kind === "card"
    ? "card_to_card"
    : id.kind === "phone"
      ? "phone_number"
      : id.kind === "iban"
        ? "iban"
        : id.kind === "wallet"
          ? "crypto"
          : undefined;

/** The bank of the victim's own card or app, wherever the story names it. */
export function ownBankIn(text: string): Bank | undefined {
  return findBanks(text).find((m) => isOwnBankMention(text, m.start, m.end))?.bank;
}

/** Who the person on a phone said they were, by the words of the sentence. */
function identityIn(sentence: string): ClaimedIdentity | undefined {
  const [id] = optionsInText("identities", sentence, OPTIONS.identities);
  return id as ClaimedIdentity | undefined;
}

function nameIn(sentence: string): string | undefined {
  for (const re of NAME_PATTERNS) {
    const m = re.exec(sentence);
    if (m) return m[1]!.replace(/\s+/g, " ").trim();
  }
  return undefined;
}

export interface Found {
  contacts: Contact[];
  transfers: Transfer[];
  loans: Loan[];
  loanStatus?: LoanStatus;
  receiving?: Identifier;
  ownBank?: Bank;
}

/** Phones, links and usernames of the people who called or wrote, sentence by sentence. */
export function readContacts(s: Sentence, all: string, found: Found, usedRecipients: Set<string>): void {
  const spans = s.spans.filter((x) => ["phone", "link", "username"].includes(x.identifier.kind));
  let contact: Contact | undefined;
  for (const span of spans) {
    const id = span.identifier;
    if (usedRecipients.has(id.value)) continue;
    const role = roleAt(all, s.start + span.start, s.start + span.end);
    if (id.kind === "phone" && role === "receiving") {
      found.receiving ??= id;
      continue;
    }
    if (id.kind === "phone" && role === "recipient") continue;
    const same = found.contacts.find((c) => [...c.phones, ...c.handles].some((x) => x.value === id.value));
    if (same) continue;
    if (!contact) {
      const identity = identityIn(s.text);
      contact = { phones: [], handles: [] };
      if (identity) contact.claimedIdentity = identity;
      const name = nameIn(s.text);
      if (name) contact.claimedName = name;
      if (has(DOCUMENTS, s.text)) contact.showedDocuments = "yes";
      const time = findTime(s.text.replace(/\+?\d[\d ()-]{8,}\d/g, " "));
      if (time.ok) contact.callTime = time.value.time;
      found.contacts.push(contact);
    }
    if (id.kind === "phone") contact.phones.push(id);
    else contact.handles.push(id);
  }
}

/** Sums in a sentence, each marked as a loan or a transfer by the nearest word before it. */
export function readMoney(s: Sentence, all: string, found: Found, usedRecipients: Set<string>, day?: string): void {
  const folded = foldKazakh(s.text);
  const loanAt = [...folded.matchAll(LOAN_WORD)].map((m) => m.index);
  const transferAt = [...folded.matchAll(TRANSFER_WORD)].map((m) => m.index);
  if (loanAt.length === 0 && transferAt.length === 0) return;
  const sums = findAmounts(s.text);
  if (!sums.ok) return;
  // «часов в 8», «в 8 вечера»: the hour of the call, not a sum.
  const times = timesIn(s.text);
  const money = sums.value.filter(({ start, end }) => !times.some((t) => start >= t.start && end <= t.end));
  const recipients = s.spans.filter(
    (x) =>
      ["card", "iban", "wallet", "phone"].includes(x.identifier.kind) &&
      roleAt(all, s.start + x.start, s.start + x.end) === "recipient",
  );
  const bankMention = findBank(s.text);
  const ownHere =
    bankMention && isOwnBankMention(all, s.start + bankMention.start, s.start + bankMention.end)
      ? bankMention.bank
      : undefined;
  // «картасынан … шешіліп кетті»: from the victim's card, whose bank the story named.
  const ownBank = ownHere ?? (has(FROM_OWN_CARD, s.text) ? found.ownBank : undefined);
  const transferSums: { amount: Money; at: number }[] = [];
  // Sums and words are in reading order: one sweep finds the last loan and transfer word before each sum.
  let loans = 0;
  let transfers = 0;
  for (const { money: amount, start: at } of money) {
    while (loans < loanAt.length && loanAt[loans]! <= at) loans++;
    while (transfers < transferAt.length && transferAt[transfers]! <= at) transfers++;
    const lastLoan = loans > 0 ? loanAt[loans - 1]! : -1;
    const lastTransfer = transfers > 0 ? transferAt[transfers - 1]! : -1;
    const isLoan = lastLoan > lastTransfer || (lastTransfer < 0 && loanAt.length > 0);
    if (isLoan) {
      const loan: Loan = { amount };
      if (bankMention && bankMention.bank !== "other" && !ownBank) loan.lenderBank = bankMention.bank;
      else if (bankMention && ownBank) loan.lenderBank = ownBank;
      found.loans.push(loan);
    } else {
      transferSums.push({ amount, at });
    }
  }
  if (found.loans.length && !found.loanStatus) {
    if (has(WITHOUT_ME, s.text)) found.loanStatus = "without_me";
    else if (has(YOURSELF, s.text)) found.loanStatus = "on_instructions";
  }
  // «перевела 50 000 на 4400 … и 5536 …»: more recipients than sums; each of the others is a transfer
  // of its own whose sum is asked, never a recipient silently dropped.
  const rows: { amount?: Money; at: number }[] =
    transferSums.length > 0 && recipients.length > transferSums.length
      ? [...transferSums, ...recipients.slice(transferSums.length).map((r) => ({ at: r.start }))]
      : transferSums;
  // «шешіліп кетті», «списали»: taken without the person; «перевела», «аудардым»: sent by them.
  const lossKind = has(TAKEN_WORD, s.text) ? "taken" : has(SENT_WORD, s.text) ? "sent" : undefined;
  rows.forEach(({ amount, at }, k) => {
    const t: Transfer = amount ? { amount } : {};
    // One recipient for all the sums, or one each in the same order.
    const r = recipients.length === rows.length ? recipients[k] : recipients.length === 1 ? recipients[0] : undefined;
    if (r) {
      t.recipient = r.identifier;
      usedRecipients.add(r.identifier.value);
      const m = method(r.identifier);
      if (m) t.method = m;
      const fromIban = r.identifier.kind === "iban" ? bankFromIban(r.identifier.value) : undefined;
      if (fromIban) t.recipientBank = fromIban;
    }
    if (ownBank) t.ownBank = ownBank;
    if (lossKind) t.lossKind = lossKind;
    // The day the story tells of, and the time said right before the sum: «в 15:10 перевела 300 000».
    if (day) t.date = day;
    const time = times.filter((x) => x.end <= at).at(-1);
    if (time && day) t.time = time.time;
    found.transfers.push(t);
  });
}
