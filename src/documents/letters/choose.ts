/** Which letters fit a report: only those the facts call for. */
import { exposures, FRAUDULENT_LOAN } from "../../core/advice/institutions.js";
import type { Bank } from "../../core/model.js";
import type { SubmittedReport } from "../../core/report/report.js";

export type LetterSpec =
  /** To a bank the money left from or whose card leaked; `bank` unknown when the person did not name it. */
  | { kind: "bank"; bank?: Bank }
  /** To a lender; `loan` indexes answers.loans, undefined when a loan was reported but not described. */
  | { kind: "lender"; loan?: number }
  | { kind: "operator" }
  /** To the prosecutor when the police refuse to register the report (sent on request, not with the report). */
  | { kind: "prosecutor" };

export function lettersFor(report: SubmittedReport): LetterSpec[] {
  const a = report.answers;
  const letters: LetterSpec[] = [];

  // One letter per bank with something to tell it besides a loan (the loan has its own letter).
  for (const e of exposures(a)) {
    if (e.institution.kind === "lender" || !e.says.some((s) => s !== "lender_say_loan")) continue;
    letters.push(e.institution.kind === "bank" ? { kind: "bank", bank: e.institution.bank } : { kind: "bank" });
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
