/** A letter as a one-page PDF in kk or ru, from the same facts as the pre-report. */
import type { Lang } from "../../core/model.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { loadFonts } from "../pdf/fonts.js";
import { PdfWriter } from "../pdf/writer.js";
import { type DocumentDeps, wording } from "../wording.js";
import { bankLetter } from "./bank.js";
import type { LetterSpec } from "./choose.js";
import { type LetterContent, letterBlocks } from "./frame.js";
import { lenderLetter } from "./lender.js";
import { operatorLetter } from "./operator.js";
import { prosecutorComplaint } from "./prosecutor.js";

export interface LetterOptions extends Pick<DocumentDeps, "i18n"> {
  /** Legal citations from the catalogue's checked facts. */
  cite: NonNullable<DocumentDeps["cite"]>;
  lang: Lang;
  /** The date printed on the letter; today by default. */
  date?: Date;
  fontPath?: string;
}

export async function renderLetter(report: SubmittedReport, spec: LetterSpec, options: LetterOptions): Promise<Buffer> {
  // letters name no scheme, so the catalogue functions are never called
  const w = wording(options.lang, {
    i18n: options.i18n,
    schemeTitle: (id) => id,
    describeReason: (r) => r.value,
    cite: options.cite,
  });
  const content = letterContent(report, spec, w);
  const date = options.date ?? new Date();
  const writer = new PdfWriter(loadFonts(options.fontPath), {
    title: `${content.title} — ${report.number}`,
    lang: options.lang,
    createdAt: date,
    textScale: 1.25,
  });
  writer.render(letterBlocks(report, w, content, date));
  writer.footer((page, pages) => (pages > 1 ? `${report.number} · ${page}/${pages}` : report.number));
  return writer.toBuffer();
}

function letterContent(report: SubmittedReport, spec: LetterSpec, w: ReturnType<typeof wording>): LetterContent {
  switch (spec.kind) {
    case "bank":
      return bankLetter(report, w, spec.bank);
    case "lender":
      return lenderLetter(report, w, spec.loan === undefined ? undefined : report.answers.loans[spec.loan]);
    case "operator":
      return operatorLetter(report, w);
    case "prosecutor":
      return prosecutorComplaint(report, w);
  }
}
