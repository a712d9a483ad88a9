/**
 * Where the money went, by institution: the bank each transfer left from, the bank of the
 * card whose data leaked, the lender of each loan — each with what to tell it and the
 * amount at stake, so the bank that can hold the most is called first.
 */
import { findBank } from "../identifiers/banks.js";
import type { Bank } from "../model.js";
import type { Answers, Money } from "../report/answers.js";

export type Institution =
  /** A bank the person named (by id; "other" is a bank they did not find in the list). */
  | { kind: "bank"; bank: Bank }
  /** A lender named only in free text (a microfinance organisation): `loan` is its index in answers.loans. */
  | { kind: "lender"; name: string | undefined; loan: number }
  /** The person's own bank, never named. */
  | { kind: "own" };

/** What to tell an institution on the call, in the order it is said. */
export const SAYS = [
  "bank_say_remote_access",
  "bank_say_unauthorised",
  "bank_say_hold_transfer",
  "bank_say_block_card",
  "bank_say_block_access",
  "lender_say_loan",
] as const;
export type Say = (typeof SAYS)[number];

export interface Exposure {
  institution: Institution;
  /** Stable id: the bank id, "loan2", or "own". */
  key: string;
  says: Say[];
  /** Money taken from it without the person (an unauthorised operation to dispute). */
  unauthorised: boolean;
  /** Its card's data leaked or was used without the person: the card must be reissued. */
  reissueCard: boolean;
  /** A fraudulent loan to report to it in writing. */
  loan: boolean;
  /** Amount at stake in tenge (minor units), and whether other currencies are at stake too. */
  stakeKzt: number;
  stakeOther: boolean;
}

export const FRAUDULENT_LOAN = new Set(["without_me", "on_instructions", "unsure"]);

export const institutionKey = (i: Institution): string =>
  i.kind === "bank" ? i.bank : i.kind === "lender" ? `loan${i.loan + 1}` : "own";

const bankOr = (bank: Bank | undefined): Institution => (bank ? { kind: "bank", bank } : { kind: "own" });

/** The institutions involved, the one with most at stake first (ties: the order they came up). */
export function exposures(a: Answers): Exposure[] {
  const byKey = new Map<string, Exposure>();
  const at = (institution: Institution): Exposure => {
    const key = institutionKey(institution);
    let e = byKey.get(key);
    if (!e) {
      e = {
        institution,
        key,
        says: [],
        unauthorised: false,
        reissueCard: false,
        loan: false,
        stakeKzt: 0,
        stakeOther: false,
      };
      byKey.set(key, e);
    }
    return e;
  };
  const say = (e: Exposure, s: Say) => {
    if (!e.says.includes(s)) e.says.push(s);
  };
  const stake = (e: Exposure, m: Money | undefined) => {
    if (!m) return;
    if (m.currency === "KZT") e.stakeKzt += m.amountMinor;
    else if (m.amountMinor > 0) e.stakeOther = true;
  };

  for (const t of a.transfers) {
    // Cash handed to a courier left no bank: the courier step and the police cover it.
    if (t.method === "cash_courier") continue;
    const e = at(bankOr(t.ownBank ?? a.ownBank));
    if (t.lossKind === "taken") {
      say(e, "bank_say_unauthorised");
      e.unauthorised = true;
      e.reissueCard = true;
    } else {
      say(e, "bank_say_hold_transfer");
    }
    stake(e, t.amount);
  }
  if (a.transfersMade && a.transfers.length === 0) say(at(bankOr(a.ownBank)), "bank_say_hold_transfer");
  if ((a.cardData ?? []).length > 0) {
    const e = at(bankOr(a.ownBank));
    say(e, "bank_say_block_card");
    e.reissueCard = true;
  }
  if ((a.codesShared ?? []).includes("bank")) say(at(bankOr(a.ownBank)), "bank_say_block_access");
  if (a.loanStatus && FRAUDULENT_LOAN.has(a.loanStatus)) {
    const loans = a.loans.length > 0 ? a.loans : [{}];
    loans.forEach((loan, i) => {
      // A lender chosen from the bank buttons, or a bank named in the lender's text.
      const bank = loan.lenderBank ?? (loan.lender ? findBank(loan.lender)?.bank : undefined);
      const e = at(bank ? { kind: "bank", bank } : { kind: "lender", name: loan.lender?.trim() || undefined, loan: i });
      say(e, "lender_say_loan");
      e.loan = true;
      stake(e, loan.amount);
    });
  }
  // A stranger who controlled the phone could reach every banking app on it: the person's own
  // bank and every bank money left from.
  if ((a.apps ?? []).length > 0) {
    const banks = [...byKey.values()].filter((e) => e.institution.kind !== "lender");
    if (a.ownBank || banks.length === 0) at(bankOr(a.ownBank));
    for (const e of byKey.values()) if (e.institution.kind !== "lender") say(e, "bank_say_remote_access");
  }

  const order = [...byKey.values()];
  for (const e of order) {
    // Reporting a debit made without the person already asks to block the card.
    if (e.says.includes("bank_say_unauthorised")) e.says = e.says.filter((s) => s !== "bank_say_block_card");
    e.says.sort((x, y) => SAYS.indexOf(x) - SAYS.indexOf(y));
  }
  return order
    .map((e, seen) => ({ e, seen }))
    .sort((x, y) => y.e.stakeKzt - x.e.stakeKzt || Number(y.e.stakeOther) - Number(x.e.stakeOther) || x.seen - y.seen)
    .map(({ e }) => e);
}
