/**
 * What the questionnaire's structured answers say, as plain signals: the identities callers
 * claimed, the channels, the techniques, and "answer facts" (strings like
 * "codesShared:egov_1414") that the catalogue can weigh per scheme.
 */
import {
  CARD_DATA,
  type Channel,
  type ClaimedIdentity,
  CODE_SOURCES,
  LEAK_SOURCES,
  LOAN_STATUSES,
  PERSONAL_DATA,
  REMOTE_APPS,
  TECHNIQUES,
  type Technique,
  TRANSFER_METHODS,
} from "../model.js";
import type { Answers } from "../report/answers.js";

/** Every answer fact the catalogue may give a weight to. */
export const ANSWER_FACTS: readonly string[] = [
  ...CODE_SOURCES.map((c) => `codesShared:${c}`),
  ...CODE_SOURCES.map((c) => `codesReceived:${c}`),
  ...CARD_DATA.map((c) => `cardData:${c}`),
  ...REMOTE_APPS.map((a) => `apps:${a}`),
  ...PERSONAL_DATA.map((p) => `personalData:${p}`),
  ...LOAN_STATUSES.map((s) => `loanStatus:${s}`),
  ...TRANSFER_METHODS.map((m) => `transfer:${m}`),
  ...LEAK_SOURCES.map((s) => `leakSource:${s}`),
  "contact:showedDocuments",
  "contact:handedOver",
];

export interface AnswerSignals {
  identities: ClaimedIdentity[];
  channels: Channel[];
  techniques: Technique[];
  facts: string[];
}

const LOAN_TAKEN = new Set(["on_instructions", "without_me"]);

function techniquesFrom(a: Partial<Answers>): Set<Technique> {
  const found = new Set<Technique>();
  const card = a.cardData ?? [];
  if (card.length > 0) found.add("card_data_disclosed");
  if (card.includes("cvv")) found.add("cvv_disclosed");
  if ((a.codesShared ?? []).length > 0) found.add("sms_code_disclosed");
  if ((a.apps ?? []).length > 0) found.add("remote_access_installed");
  if ((a.apps ?? []).includes("apk")) found.add("apk_installed");
  if ((a.loans ?? []).length > 0 || (a.loanStatus && LOAN_TAKEN.has(a.loanStatus))) found.add("loan_in_victim_name");
  const transfers = a.transfers ?? [];
  if (transfers.length > 0 || a.transfersMade === true) found.add("transfer_made");
  if (transfers.some((t) => t.method === "cash_courier")) found.add("cash_handed_over");
  if (transfers.some((t) => t.method === "crypto")) found.add("crypto_purchased");
  if ((a.contacts ?? []).some((c) => c.phones.some((p) => p.foreign === true))) found.add("spoofed_number");
  if ((a.personalData ?? []).length > 0) found.add("personal_data_disclosed");
  return found;
}

function factsFrom(a: Partial<Answers>): string[] {
  const facts = [
    ...(a.codesShared ?? []).map((c) => `codesShared:${c}`),
    ...(a.codesReceived ?? []).map((c) => `codesReceived:${c}`),
    ...(a.cardData ?? []).map((c) => `cardData:${c}`),
    ...(a.apps ?? []).map((x) => `apps:${x}`),
    ...(a.personalData ?? []).map((p) => `personalData:${p}`),
    ...(a.loanStatus ? [`loanStatus:${a.loanStatus}`] : []),
    ...(a.transfers ?? []).flatMap((t) => (t.method ? [`transfer:${t.method}`] : [])),
    ...(a.leakSources ?? []).map((s) => `leakSource:${s}`),
  ];
  const contacts = a.contacts ?? [];
  if (contacts.some((c) => c.showedDocuments === "yes")) facts.push("contact:showedDocuments");
  if (contacts.some((c) => c.handedOver === true)) facts.push("contact:handedOver");
  return [...new Set(facts)];
}

export function signalsFromAnswers(a: Partial<Answers> | undefined): AnswerSignals {
  if (!a) return { identities: [], channels: [], techniques: [], facts: [] };
  const identities = new Set<ClaimedIdentity>();
  for (const c of a.contacts ?? []) if (c.claimedIdentity) identities.add(c.claimedIdentity);
  const techniques = techniquesFrom(a);
  return {
    identities: [...identities],
    channels: [...new Set(a.channels ?? [])],
    techniques: TECHNIQUES.filter((t) => techniques.has(t)),
    facts: factsFrom(a),
  };
}
