/** Which letters fit a report: only those the facts call for. */
import type { Bank } from "../../core/model.js";
import type { SubmittedReport } from "../../core/report/report.js";

export type LetterSpec =
  /** To the person's bank; `bank` unknown when the person did not name it. */
  | { kind: "bank"; bank?: Bank }
  /** To a lender; `loan` indexes answers.loans, undefined when a loan was reported but not described. */
  | { kind: "lender"; loan?: number }
  | { kind: "operator" };

const FRAUDULENT_LOAN = new Set(["without_me", "on_instructions", "unsure"]);

export function lettersFor(report: SubmittedReport): LetterSpec[] {
  const a = report.answers;
  const letters: LetterSpec[] = [];

  const bankExposed =
    a.transfers.length > 0 ||
    a.transfersMade === true ||
    (a.cardData?.length ?? 0) > 0 ||
    (a.codesShared ?? []).includes("bank") ||
    (a.apps?.length ?? 0) > 0;
  if (bankExposed) {
    const banks = [...new Set([a.ownBank, ...a.transfers.map((t) => t.ownBank)].filter((b) => b !== undefined))];
    letters.push(
      ...(banks.length ? banks.map((bank) => ({ kind: "bank" as const, bank })) : [{ kind: "bank" as const }]),
    );
  }

  if (a.loanStatus && FRAUDULENT_LOAN.has(a.loanStatus)) {
    letters.push(
      ...(a.loans.length
        ? a.loans.map((_, loan) => ({ kind: "lender" as const, loan }))
        : [{ kind: "lender" as const }]),
    );
  }

  const shared = a.codesShared ?? [];
  const operatorStory = a.contacts.some((c) => c.claimedIdentity === "mobile_operator");
  if (shared.includes("operator") || (operatorStory && shared.length > 0)) letters.push({ kind: "operator" });

  return letters;
}
