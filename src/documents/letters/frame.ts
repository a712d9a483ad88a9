/** What every letter shares: addressee and sender with blanks to fill in by hand, date, signature, source. */
import type { SubmittedReport } from "../../core/report/report.js";
import { almatyDate } from "../format.js";
import type { Block } from "../pdf/blocks.js";
import { identifierText } from "../pdf/report-content.js";
import type { Wording } from "../wording.js";

export const BLANK = "_____________________________";

export interface LetterContent {
  title: string;
  /** The organisation, when known; a blank line for the person's name at it comes first regardless. */
  addressee?: string;
  /** Extra header rows, e.g. the card. */
  extraRows?: Array<[string, string]>;
  body: Block[];
  requests: string[];
  after?: Block[];
}

/**
 * The sender is the victim: their name and phone as given for them, else the applicant's
 * when filing for oneself; a blank for the victim to fill in by hand otherwise.
 */
function sender(report: SubmittedReport, w: Wording): { name: string; phone: string } {
  const a = report.answers;
  const own = a.filedFor === undefined || a.filedFor === "self";
  const name = a.victim?.name?.trim() || (own ? a.applicantName?.trim() : undefined);
  const phone = a.victim?.phone ?? (own ? a.applicantPhone : undefined);
  return { name: name || BLANK, phone: phone ? identifierText(phone, w) : BLANK };
}

export function senderPhone(report: SubmittedReport, w: Wording): string {
  return sender(report, w).phone;
}

export function letterBlocks(report: SubmittedReport, w: Wording, content: LetterContent, date: Date): Block[] {
  const from = sender(report, w);
  return [
    {
      type: "fields",
      rows: [
        [w.t("letters.to"), [BLANK, content.addressee].filter(Boolean).join("\n")],
        [w.t("letters.from"), from.name],
        [w.t("letters.phone"), from.phone],
        ...(content.extraRows ?? []),
      ],
      indent: 0.45,
    },
    { type: "space" },
    { type: "title", text: content.title },
    ...content.body,
    { type: "paragraph", text: w.t("letters.requests"), bold: true },
    { type: "list", items: [...content.requests, w.t("letters.answer")] },
    ...(content.after ?? []),
    { type: "space" },
    {
      type: "fields",
      rows: [
        // the date in Kazakhstan, not in UTC
        [w.t("letters.date"), almatyDate(date.toISOString())],
        [w.t("letters.signature"), BLANK],
      ],
    },
    { type: "space" },
    { type: "paragraph", text: w.t("letters.footer", { number: report.number, version: report.version }), small: true },
  ];
}

/** "Заявление в полицию подано, № …" or "I am reporting it to the police too". */
export const policeLine = (report: SubmittedReport, w: Wording): Block => ({
  type: "paragraph",
  text: report.answers.statementNo
    ? w.t("letters.police_filed", { number: report.answers.statementNo })
    : w.t("letters.police_going"),
});
