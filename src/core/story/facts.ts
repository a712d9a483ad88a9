import { parseDateTime } from "../identifiers/dates.js";
import { findIdentifiers } from "../identifiers/extract.js";
import { findPlace } from "../identifiers/regions.js";
import { foldKazakh } from "../identifiers/text.js";
import { findTime } from "../identifiers/time.js";
import type {
  CardDataElement,
  Channel,
  CodeSource,
  DisclosureWay,
  Lang,
  PersonalDataKind,
  RemoteApp,
} from "../model.js";
import { OPTIONS } from "../questionnaire/steps.js";
import { optionsInText } from "../questionnaire/typed-options.js";
import type { Answers, StoryFact } from "../report/answers.js";
import { type Found, ownBankIn, readContacts, readMoney } from "./people-money.js";
import { has, sentences } from "./sentences.js";
import { CODE_WORD, DEVICE, DISCLOSE, GIVEN_THING, LIVES } from "./words.js";

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
