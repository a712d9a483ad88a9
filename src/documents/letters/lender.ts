/**
 * To a lender, per fraudulent loan: the regulator's procedure (Sept. 2025) — once the
 * police decision (art. 71 CPC) or the investigator's representation (art. 200 CPC) is
 * provided, interest and collection stop within 3 calendar days; if refused, АРРФР.
 */
import type { Loan } from "../../core/report/answers.js";
import type { SubmittedReport } from "../../core/report/report.js";
import type { Wording } from "../wording.js";
import { type LetterContent, policeLine } from "./frame.js";

export function lenderLetter(report: SubmittedReport, w: Wording, loan: Loan | undefined): LetterContent {
  const status =
    report.answers.loanStatus === "on_instructions" || report.answers.loanStatus === "unsure"
      ? report.answers.loanStatus
      : "without_me";
  const details =
    [
      loan?.lender && w.t("letters.lender.details_lender", { lender: loan.lender }),
      loan?.amount && w.t("letters.lender.details_amount", { amount: w.money(loan.amount) }),
      loan?.date && w.t("letters.lender.details_date", { date: w.date(loan.date) }),
    ]
      .filter(Boolean)
      .join(", ") || w.notStated;
  return {
    title: w.t("letters.lender.title"),
    addressee: loan?.lender,
    body: [
      { type: "paragraph", text: w.t(`letters.lender.${status}`, { details }) },
      { type: "paragraph", text: w.t("letters.lender.facts", { number: report.number }) },
      policeLine(report, w),
    ],
    requests: [w.t("letters.lender.register"), w.t("letters.lender.suspend")],
    after: [{ type: "paragraph", text: w.t("letters.lender.regulator") }],
  };
}
