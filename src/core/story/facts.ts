/**
 * Facts a story already tells, for the questions still to come: when it happened,
 * how they made contact, who called from which number (and as whom), what was given
 * away, the loans and the transfers with their sums and recipients, the apps, the
 * banks, the city, the phone that was called and the device. Only questions not
 * answered yet get a fact; every fact is shown to the person to confirm.
 */
import { findBank } from "../identifiers/banks.js";
import { parseDateTime } from "../identifiers/dates.js";
import { findIdentifiers, type Span } from "../identifiers/extract.js";
import { bankFromIban } from "../identifiers/iban.js";
import { findAmounts } from "../identifiers/money.js";
import { findPlace } from "../identifiers/places.js";
import { foldKazakh } from "../identifiers/text.js";
import { findTime } from "../identifiers/time.js";
import type {
  Bank,
  CardDataElement,
  Channel,
  ClaimedIdentity,
  CodeSource,
  DisclosureWay,
  Lang,
  LoanStatus,
  PersonalDataKind,
  RemoteApp,
  TransferMethod,
} from "../model.js";
import { OPTIONS } from "../questionnaire/steps.js";
import { optionsInText } from "../questionnaire/typed-options.js";
import type { Answers, Contact, Identifier, Loan, Money, StoryFact, Transfer } from "../report/answers.js";
import { isOwnBankMention, roleBefore } from "./roles.js";
import {
  CODE_WORD,
  DEVICE,
  DISCLOSE,
  DOCUMENTS,
  FROM_OWN_CARD,
  GIVEN_THING,
  LIVES,
  LOAN_WORD,
  NAME_PATTERNS,
  SENT_WORD,
  TAKEN_WORD,
  TRANSFER_WORD,
  WITHOUT_ME,
  YOURSELF,
} from "./words.js";

interface Sentence {
  text: string;
  start: number;
  /** The identifiers inside it, with places relative to the sentence. */
  spans: Span[];
}

/** Sentences and lines, with where each starts: a stop, "!" or "?" before a space ends one, as does a new line or ";". */
function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const part = text.slice(start, end);
    if (/[\p{L}\p{N}]/u.test(part)) out.push({ text: part, start, spans: [] });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n" || c === ";") push(i + 1);
    else if ((c === "." || c === "!" || c === "?") && (i + 1 === text.length || /\s/.test(text[i + 1]!))) push(i + 1);
  }
  push(text.length);
  return out;
}

const has = (re: RegExp, text: string) => re.test(foldKazakh(text));

function whenFact(text: string, now: Date): StoryFact | undefined {
  for (const s of sentences(text)) {
    const dt = parseDateTime(s.text, now);
    if (dt.ok) {
      if (dt.value.time || dt.value.part) {
        return {
          kind: "when",
          date: dt.value.date,
          ...(dt.value.time ? { time: dt.value.time } : { part: dt.value.part! }),
        };
      }
      // The time may be in the next sentence of the same moment: «Вчера мне позвонили. Было полтретьего.»
      return { kind: "when", date: dt.value.date };
    }
  }
  const time = sentences(text)
    .map((s) => findTime(s.text))
    .find((t) => t.ok);
  return time?.ok ? { kind: "when", time: time.value.time } : undefined;
}

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
function ownBankIn(text: string): Bank | undefined {
  for (const m of foldKazakh(text).matchAll(
    /(?<![\p{L}])(?:kaspi|каспи|halyk|халык|forte|форте|jusan|жусан|freedom|фридом|bcc|бцк|bereke|береке|home ?credit|хоум ?кредит|евразийск|eurasian|рбк|rbk|втб|vtb)\p{L}*/gu,
  )) {
    if (!isOwnBankMention(text, m.index, m.index + m[0].length)) continue;
    const bank = findBank(text.slice(m.index, m.index + m[0].length + 6))?.bank;
    if (bank) return bank;
  }
  return undefined;
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

interface Found {
  contacts: Contact[];
  transfers: Transfer[];
  loans: Loan[];
  loanStatus?: LoanStatus;
  receiving?: Identifier;
  ownBank?: Bank;
}

/** Phones, links and usernames of the people who called or wrote, sentence by sentence. */
function readContacts(s: Sentence, all: string, found: Found, usedRecipients: Set<string>): void {
  const spans = s.spans.filter((x) => ["phone", "link", "username"].includes(x.identifier.kind));
  let contact: Contact | undefined;
  for (const span of spans) {
    const id = span.identifier;
    if (usedRecipients.has(id.value)) continue;
    const role = roleBefore(all, s.start + span.start);
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

/** The clock times of a sentence in order (at most a few: a sentence is short). */
function timesIn(text: string): { time: string; end: number }[] {
  const out: { time: string; end: number }[] = [];
  let offset = 0;
  for (let n = 0; n < 6; n++) {
    const found = findTime(text.slice(offset));
    if (!found.ok) break;
    out.push({ time: found.value.time, end: offset + found.value.end });
    offset += found.value.end;
  }
  return out;
}

/** Sums in a sentence, each marked as a loan or a transfer by the nearest word before it. */
function readMoney(s: Sentence, all: string, found: Found, usedRecipients: Set<string>, day?: string): void {
  const folded = foldKazakh(s.text);
  const loanAt = [...folded.matchAll(LOAN_WORD)].map((m) => m.index);
  const transferAt = [...folded.matchAll(TRANSFER_WORD)].map((m) => m.index);
  if (loanAt.length === 0 && transferAt.length === 0) return;
  const sums = findAmounts(s.text);
  if (!sums.ok) return;
  const recipients = s.spans.filter(
    (x) =>
      ["card", "iban", "wallet", "phone"].includes(x.identifier.kind) &&
      roleBefore(all, s.start + x.start) === "recipient",
  );
  const bankMention = findBank(s.text);
  const ownHere =
    bankMention && isOwnBankMention(all, s.start + bankMention.start, s.start + bankMention.end)
      ? bankMention.bank
      : undefined;
  // «картасынан … шешіліп кетті»: from the victim's card, whose bank the story named.
  const ownBank = ownHere ?? (has(FROM_OWN_CARD, s.text) ? found.ownBank : undefined);
  const transferSums: { amount: Money; at: number }[] = [];
  for (const { money: amount, start: at } of sums.value) {
    const lastLoan = Math.max(-1, ...loanAt.filter((p) => p <= at));
    const lastTransfer = Math.max(-1, ...transferAt.filter((p) => p <= at));
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
  transferSums.forEach(({ amount, at }, k) => {
    const t: Transfer = { amount };
    // One recipient for all the sums, or one each in the same order.
    const r =
      recipients.length === transferSums.length ? recipients[k] : recipients.length === 1 ? recipients[0] : undefined;
    if (r) {
      t.recipient = r.identifier;
      usedRecipients.add(r.identifier.value);
      const m = method(r.identifier);
      if (m) t.method = m;
      const fromIban = r.identifier.kind === "iban" ? bankFromIban(r.identifier.value) : undefined;
      if (fromIban) t.recipientBank = fromIban;
    }
    if (ownBank) t.ownBank = ownBank;
    // «шешіліп кетті», «списали»: taken without the person; «перевела», «аудардым»: sent by them.
    if (has(TAKEN_WORD, s.text)) t.lossKind = "taken";
    else if (has(SENT_WORD, s.text)) t.lossKind = "sent";
    // The day the story tells of, and the time said right before the sum: «в 15:10 перевела 300 000».
    if (day) t.date = day;
    const time = timesIn(s.text)
      .filter((x) => x.end <= at)
      .at(-1);
    if (time && day) t.time = time.time;
    found.transfers.push(t);
  });
}

/**
 * Facts read from the story for the questions not answered yet (`a`), in the order
 * of the questionnaire. Pure: the same story and clock give the same facts.
 */
export function extractFacts(story: string, now: Date, a: Answers, lang: Lang = "ru"): StoryFact[] {
  const text = story.trim();
  if (!text) return [];
  const facts: StoryFact[] = [];
  const all = sentences(text);
  // Identifiers are found once in the whole story, then given to their sentences.
  for (const span of findIdentifiers(text)) {
    const s = all.find((x) => span.start >= x.start && span.start < x.start + x.text.length);
    s?.spans.push({ ...span, start: span.start - s.start, end: span.end - s.start });
  }
  const when = whenFact(text, now);
  if (when && !a.incidentDate && !a.incidentTime) facts.push(when);
  if (!a.channels) {
    // "A code came by SMS" is not how they made contact.
    const smsAbout = all.some((s) => !has(CODE_WORD, s.text) && optionsInText("channels", s.text, ["sms"]).length > 0);
    const channels = optionsInText("channels", text, OPTIONS.channels).filter((c) => c !== "sms" || smsAbout);
    if (channels.length) facts.push({ kind: "channels", channels: channels as Channel[] });
  }
  const found: Found = { contacts: [], transfers: [], loans: [] };
  found.ownBank = ownBankIn(text);
  const usedRecipients = new Set<string>();
  const day = when?.kind === "when" ? when.date : undefined;
  for (const s of all) readMoney(s, text, found, usedRecipients, day);
  for (const s of all) readContacts(s, text, found, usedRecipients);
  if (a.contacts.length === 0) for (const contact of found.contacts) facts.push({ kind: "contact", contact });
  // Sentences where the person gave something away (not "they sent a link").
  const disclosing = all.filter((s) => has(DISCLOSE, s.text) && has(GIVEN_THING, s.text));
  if (!a.cardData) {
    const elements = disclosing.flatMap((s) =>
      /карт|card/u.test(foldKazakh(s.text)) ? optionsInText("card_data", s.text, OPTIONS.card_data) : [],
    );
    if (elements.length) facts.push({ kind: "card_data", elements: [...new Set(elements)] as CardDataElement[] });
  }
  if (!a.ownBank && found.ownBank) facts.push({ kind: "own_bank", bank: found.ownBank });
  if (!a.codesReceived) {
    const codeSentences = all.filter((s) => has(CODE_WORD, s.text));
    const received = [
      ...new Set(codeSentences.flatMap((s) => optionsInText("code_sources", s.text, OPTIONS.code_sources))),
    ];
    if (received.length) {
      const shared = codeSentences.some((s) => has(DISCLOSE, s.text)) ? received : [];
      facts.push({ kind: "codes", received: received as CodeSource[], shared: shared as CodeSource[] });
    }
  }
  if (!a.disclosedVia) {
    const ways = [
      ...new Set(disclosing.flatMap((s) => optionsInText("disclosure_ways", s.text, OPTIONS.disclosure_ways))),
    ];
    if (ways.length) facts.push({ kind: "disclosed_via", ways: ways as DisclosureWay[] });
  }
  if (!a.apps) {
    const apps = optionsInText("apps", text, OPTIONS.apps);
    if (apps.length) facts.push({ kind: "apps", apps: apps as RemoteApp[] });
  }
  if (!a.personalData) {
    const kinds = [
      ...new Set(disclosing.flatMap((s) => optionsInText("personal_data", s.text, OPTIONS.personal_data))),
    ];
    if (kinds.length) facts.push({ kind: "personal_data", kinds: kinds as PersonalDataKind[] });
  }
  if (!a.loanStatus && a.loans.length === 0) {
    for (const [k, loan] of found.loans.entries()) {
      facts.push({ kind: "loan", loan, ...(k === 0 && found.loanStatus ? { status: found.loanStatus } : {}) });
    }
  }
  if (a.transfersMade === undefined && a.transfers.length === 0) {
    for (const transfer of found.transfers) facts.push({ kind: "transfer", transfer });
  }
  if (!a.region) {
    const lived = all.find((s) => has(LIVES, s.text) && findPlace(s.text));
    const place = findPlace(lived?.text ?? text);
    if (place) facts.push({ kind: "place", region: place.region, ...(place.city ? { city: place.city[lang] } : {}) });
  }
  if (!a.receivingPhone && found.receiving) facts.push({ kind: "receiving_phone", phone: found.receiving });
  if (!a.device) {
    const device = DEVICE.exec(text);
    if (device) facts.push({ kind: "device", device: device[0].trim() });
  }
  return facts;
}
