/**
 * A submitted report's files as the person and the police receive them: the
 * PDF (either language), the signed JSON, and the letters that fit the case.
 * Texts about schemes come from the active catalogue.
 */
import type { Catalog } from "../catalog/types.js";
import type { Lang, Technique } from "../core/model.js";
import { describeReason } from "../core/recognition/describe.js";
import { toReportJson } from "../core/report/json.js";
import type { SubmittedReport } from "../core/report/report.js";
import { publicKeyFingerprint, type ReportKeys, signReport, verifyStartPayload } from "../core/report/signature.js";
import { type LetterSpec, lettersFor } from "../documents/letters/choose.js";
import type { DocumentDeps } from "../documents/wording.js";
import type { I18n } from "../i18n.js";

export interface DocumentContext {
  i18n: I18n;
  catalog: Catalog;
  keys: ReportKeys;
  botUsername: string;
  fontPath?: string | undefined;
}

export interface NamedFile {
  name: string;
  bytes: Buffer;
  /** What the file is, for the caption (a locale key under documents:files). */
  kind: "pdf" | "json" | "letter_bank" | "letter_lender" | "letter_operator" | "letter_prosecutor" | "freeze_request";
}

/** How documents cite a fact: only a checked one with a citation (the catalogue guarantees the ones they use). */
export const citeFrom =
  (catalog: Catalog) =>
  (id: string, lang: Lang): string => {
    const fact = catalog.fact(id);
    if (!fact?.cite || fact.checkedOn === null) throw new Error(`fact "${id}" cannot be cited`);
    return fact.cite[lang];
  };

export function documentDeps(c: DocumentContext): DocumentDeps {
  return {
    i18n: c.i18n,
    schemeTitle: (id, lang) => c.catalog.scheme(id)?.title[lang] ?? id,
    describeReason: (reason, lang) => describeReason(reason, lang, c.catalog),
    techniqueTitle: (id: Technique, lang) => c.catalog.technique(id).title[lang],
    stepTitle: (step, lang) => c.catalog.action(step)?.text[lang] ?? step,
    cite: citeFrom(c.catalog),
  };
}

/** The deep link in the QR code: opens the bot, which verifies number, version and signature. */
export const verifyLink = (c: DocumentContext, report: SubmittedReport) =>
  `https://t.me/${c.botUsername}?start=${verifyStartPayload(report.number, report.version, c.keys)}`;

export async function reportPdf(c: DocumentContext, report: SubmittedReport, lang: Lang): Promise<NamedFile> {
  // pdfkit and qrcode load on the first document: start-up stays quick.
  const { renderReportPdf } = await import("../documents/pdf/report-pdf.js");
  const bytes = await renderReportPdf(report, {
    ...documentDeps(c),
    lang,
    verifyLink: verifyLink(c, report),
    keyFingerprint: publicKeyFingerprint(c.keys.publicKey),
    ...(c.fontPath ? { fontPath: c.fontPath } : {}),
  });
  return { name: `${report.number}_v${report.version}_${lang}.pdf`, bytes, kind: "pdf" };
}

export function reportJsonFile(c: DocumentContext, report: SubmittedReport): NamedFile {
  const signed = signReport(toReportJson(report, { schemeTitle: documentDeps(c).schemeTitle }), c.keys);
  return {
    name: `${report.number}_v${report.version}.json`,
    bytes: Buffer.from(`${JSON.stringify(signed, null, 2)}\n`, "utf8"),
    kind: "json",
  };
}

const letterName = (report: SubmittedReport, spec: LetterSpec, lang: Lang) => {
  const detail = spec.kind === "bank" ? (spec.bank ?? "") : spec.kind === "lender" ? String((spec.loan ?? 0) + 1) : "";
  return `${report.number}_${spec.kind}${detail ? `_${detail}` : ""}_${lang}.pdf`;
};

export async function reportLetters(
  c: DocumentContext,
  report: SubmittedReport,
  lang: Lang,
  date: Date,
): Promise<NamedFile[]> {
  const files: NamedFile[] = [];
  for (const spec of lettersFor(report)) files.push(await letterFile(c, report, spec, lang, date));
  return files;
}

export async function letterFile(
  c: DocumentContext,
  report: SubmittedReport,
  spec: LetterSpec,
  lang: Lang,
  date: Date,
): Promise<NamedFile> {
  const { renderLetter } = await import("../documents/letters/render.js");
  const bytes = await renderLetter(report, spec, {
    i18n: c.i18n,
    cite: citeFrom(c.catalog),
    lang,
    date,
    ...(c.fontPath ? { fontPath: c.fontPath } : {}),
  });
  return { name: letterName(report, spec, lang), bytes, kind: `letter_${spec.kind}` };
}

/** The investigator's requests to the recipients' banks, one PDF per bank; none when no recipient is known. */
export async function freezeRequests(
  c: DocumentContext,
  report: SubmittedReport,
  lang: Lang,
  from: { erdrNumber: string | null; unit: string | null; officer: string | null; date: Date },
): Promise<NamedFile[]> {
  const { renderFreezeRequest, transfersByRecipientBank } = await import("../documents/letters/freeze-request.js");
  const files: NamedFile[] = [];
  for (const [bank, transfers] of transfersByRecipientBank(report)) {
    const bytes = await renderFreezeRequest(report, bank, transfers, {
      i18n: c.i18n,
      lang,
      date: from.date,
      erdrNumber: from.erdrNumber,
      unit: from.unit,
      officer: from.officer,
      fontPath: c.fontPath,
    });
    files.push({ name: `${report.number}_request_${bank}_${lang}.pdf`, bytes, kind: "freeze_request" });
  }
  return files;
}
