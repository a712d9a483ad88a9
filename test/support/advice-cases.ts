/**
 * Cases for the urgent checklist: every scheme × every kind of loss × with and without a
 * loan, remote access and codes, as the answers the questionnaire would have saved.
 *
 * The money: a 300,000 ₸ transfer the person sent from Kaspi (the card they named is
 * Halyk's), a 120,000 ₸ debit taken from the Halyk card after its data was typed on a
 * fake page, or both. The loan: 1,500,000 ₸ from Kaspi, issued without biometrics.
 */
import type { Lang } from "../../src/core/model.js";
import type { Answers, Transfer } from "../../src/core/report/answers.js";
import { emptyAnswers } from "../../src/core/report/answers.js";

export const LOSSES = ["sent", "taken", "both"] as const;
export type Loss = (typeof LOSSES)[number];

export interface AdviceCase {
  name: string;
  scheme: string;
  loss: Loss;
  loan: boolean;
  remote: boolean;
  codes: boolean;
  answers: Answers;
}

const kzt = (tenge: number) => ({ amountMinor: tenge * 100, currency: "KZT" as const });

export const SENT: Transfer = {
  amount: kzt(300_000),
  date: "2026-11-25",
  time: "15:10",
  method: "phone_number",
  recipient: { kind: "phone", value: "+77771234567", raw: "+7 777 123 45 67" },
  recipientBank: "kaspi",
  ownBank: "kaspi",
  lossKind: "sent",
};
export const TAKEN: Transfer = {
  amount: kzt(120_000),
  date: "2026-11-25",
  time: "15:40",
  method: "card_to_card",
  recipient: { kind: "card", value: "4400430123456789", raw: "4400 4301 2345 6789" },
  ownBank: "halyk",
  lossKind: "taken",
};

/** What each scheme's story adds: who contacted the person and how (the money comes from the case). */
const SCHEME_BASE: Record<string, Partial<Answers>> = {
  bank_security: { channels: ["phone_call"], contacts: [{ claimedIdentity: "bank", phones: [], handles: [] }] },
  law_enforcement: { channels: ["phone_call"], contacts: [{ claimedIdentity: "knb", phones: [], handles: [] }] },
  gov_or_operator_code: {
    channels: ["phone_call"],
    contacts: [{ claimedIdentity: "egov_or_service", phones: [], handles: [] }],
  },
  marketplace_seller: { channels: ["marketplace"], contacts: [{ claimedIdentity: "seller", phones: [], handles: [] }] },
  marketplace_buyer: { channels: ["marketplace"], contacts: [{ claimedIdentity: "buyer", phones: [], handles: [] }] },
  investment: {
    channels: ["social_network"],
    contacts: [{ claimedIdentity: "investment_manager", phones: [], handles: [] }],
  },
  relative_in_trouble: {
    channels: ["messenger_message"],
    contacts: [{ claimedIdentity: "relative_or_friend", phones: [], handles: [] }],
  },
  fake_job: { channels: ["messenger_message"], contacts: [{ claimedIdentity: "employer", phones: [], handles: [] }] },
  phishing_link: { channels: ["sms"] },
  account_takeover: { channels: ["messenger_message"] },
};

/** Everything else a scheme's questionnaire would hold, with the parts the case varies. */
export function adviceCase(scheme: string, loss: Loss, loan: boolean, remote: boolean, codes: boolean): AdviceCase {
  const transfers = loss === "sent" ? [SENT] : loss === "taken" ? [TAKEN] : [SENT, TAKEN];
  const answers: Answers = {
    ...emptyAnswers(),
    filedFor: "self",
    narrative: "—",
    incidentDate: "2026-11-25",
    channels: ["phone_call"],
    ...SCHEME_BASE[scheme],
    cardData: loss === "sent" ? [] : ["number", "expiry", "cvv"],
    ownCardLast4: "4821",
    ownBank: "halyk",
    codesReceived: codes ? ["bank", "egov_1414"] : [],
    codesShared: codes ? ["bank", "egov_1414"] : undefined,
    apps: remote ? ["anydesk"] : [],
    personalData: [],
    loanStatus: loan ? "without_me" : "no",
    loans: loan ? [{ lender: "Kaspi Bank", amount: kzt(1_500_000), date: "2026-11-25", biometrics: "no" }] : [],
    transfersMade: true,
    transfers,
    region: "almaty",
  };
  const name = `${scheme}, ${loss}${loan ? ", loan" : ""}${remote ? ", remote access" : ""}${codes ? ", codes" : ""}`;
  return { name, scheme, loss, loan, remote, codes, answers };
}

export function allAdviceCases(schemes: readonly string[]): AdviceCase[] {
  const out: AdviceCase[] = [];
  for (const scheme of schemes)
    for (const loss of LOSSES)
      for (const loan of [false, true])
        for (const remote of [false, true])
          for (const codes of [false, true]) out.push(adviceCase(scheme, loss, loan, remote, codes));
  return out;
}

/** The banks to call, in order, as the case's facts decide them (written out, not computed by the code). */
export function expectedCalls(c: AdviceCase): string[] {
  // Kaspi: 300,000 sent (+1,500,000 loan); Halyk: 120,000 taken, or only its card's data or code.
  const kaspi = (c.loss !== "taken" ? 300_000 : 0) + (c.loan ? 1_500_000 : 0);
  const halyk = c.loss !== "sent" ? 120_000 : 0;
  const halykCalled = c.loss !== "sent" || c.codes || c.remote;
  const calls: [string, number][] = [];
  if (kaspi > 0) calls.push(["kaspi", kaspi]);
  if (halykCalled) calls.push(["halyk", halyk]);
  return calls.sort((a, b) => b[1] - a[1]).map(([bank]) => bank);
}

export const LANG_PAIR: readonly Lang[] = ["kk", "ru"];
