/**
 * To a lender, per fraudulent loan: the regulator's procedure (АРРФР, Sept. 2025) — with the
 * police decision recognising the victim (art. 71 CPC) or the investigator's representation
 * (art. 200 CPC), interest, penalties and collection are suspended for the whole
 * investigation (Law on banks, art. 34 p. 15); if refused, АРРФР. No deadline in days is
 * promised: no source gives the lender one. The citations come from the catalogue's facts.
 */
import type { Loan } from "../../core/report/answers.js";
import type { SubmittedReport } from "../../core/report/report.js";
import type { Block } from "../pdf/blocks.js";
import { lenderName } from "../pdf/report-content.js";
import type { Wording } from "../wording.js";
import { type LetterContent, policeLine } from "./frame.js";

export function lenderLetter(report: SubmittedReport, w: Wording, loan: Loan | undefined): LetterContent {
  const status =
    report.answers.loanStatus === "on_instructions" || report.answers.loanStatus === "unsure"
      ? report.answers.loanStatus
      : "without_me";
  const lender = lenderName(loan, w);
  const details =
    [
      lender && w.t("letters.lender.details_lender", { lender }),
      loan?.amount && w.t("letters.lender.details_amount", { amount: w.money(loan.amount) }),
      loan?.date && w.t("letters.lender.details_date", { date: w.date(loan.date) }),
    ]
      .filter(Boolean)
      .join(", ") || w.notStated;
  const body: Block[] = [{ type: "paragraph", text: w.t(`letters.lender.${status}`, { details }) }];
  if (loan?.biometrics === "no") body.push({ type: "paragraph", text: w.t("letters.lender.no_biometrics") });
  body.push({ type: "paragraph", text: w.t("letters.lender.facts", { number: report.number }) }, policeLine(report, w));
  return {
    title: w.t("letters.lender.title"),
    addressee: lender,
    body,
    requests: [
      w.t("letters.lender.register"),
      w.t("letters.lender.suspend", {
        cpc71: w.cite("cpc_71"),
        cpc200: w.cite("cpc_200"),
        banks34: w.cite("banks_law_34_15"),
      }),
    ],
    after: [{ type: "paragraph", text: w.t("letters.lender.regulator") }],
  };
}
