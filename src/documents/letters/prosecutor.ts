/**
 * To the district prosecutor, when the police refuse to register the report in ЕРДР (a
 * talon of acceptance alone is not registration): a complaint under art. 105 CPC asking
 * to check the refusal, have the report registered and be told its ЕРДР number. Places,
 * dates and the talon's number are left blank for the person to fill in by hand.
 */
import type { SubmittedReport } from "../../core/report/report.js";
import type { Wording } from "../wording.js";
import type { LetterContent } from "./frame.js";

export function prosecutorComplaint(report: SubmittedReport, w: Wording): LetterContent {
  return {
    title: w.t("letters.prosecutor.title"),
    addressee: w.t("letters.prosecutor.addressee"),
    body: [
      { type: "paragraph", text: w.t("letters.prosecutor.intro", { number: report.number }) },
      { type: "paragraph", text: w.t("letters.prosecutor.refused") },
      { type: "paragraph", text: w.t("letters.prosecutor.position") },
    ],
    requests: [
      w.t("letters.prosecutor.check", { cpc105: w.cite("cpc_105") }),
      w.t("letters.prosecutor.register"),
      w.t("letters.prosecutor.number"),
    ],
    after: [{ type: "paragraph", text: w.t("letters.prosecutor.attached", { number: report.number }) }],
  };
}
