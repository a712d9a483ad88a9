/**
 * A submitted report's files as the person and the police receive them: the
 * PDF (either language), the signed JSON, and the letters that fit the case.
 * Texts about schemes come from the active catalogue. The PDFs are made by the
 * document workers when the bot has them (off its thread), here otherwise.
 */
import type { Catalog, Text } from "../catalog/types.js";
import type { Lang, Technique } from "../core/model.js";
import { describeReason } from "../core/recognition/describe.js";
import { toReportJson } from "../core/report/json.js";
import type { SubmittedReport } from "../core/report/report.js";
import { publicKeyFingerprint, type ReportKeys, signReport, verifyStartPayload } from "../core/report/signature.js";
import type { LetterSpec } from "../documents/letters/choose.js";
import type { DocumentDeps } from "../documents/wording.js";
import type { I18n } from "../i18n.js";
import type { DocumentJob, JobResult } from "./document-jobs.js";

/** Runs document jobs (document-workers.ts: in worker threads). */
export interface DocumentRenderer {
  run<J extends DocumentJob>(job: J): Promise<JobResult<J>>;
}

export interface DocumentContext {
  i18n: I18n;
  catalog: Catalog;
  keys: ReportKeys;
  botUsername: string;
  fontPath?: string | undefined;
  /** Where the PDFs are made; in this thread when absent. */
  renderer?: DocumentRenderer | undefined;
}

/** What documents name or cite from the catalogue, as plain data a worker thread can receive. */
export interface CatalogNames {
  schemes: Record<string, Text>;
  techniques: Record<string, Text>;
  actions: Record<string, Text>;
  /** Citations of the facts that may be cited: checked, with a citation. */
  citations: Record<string, Text>;
}

const namesOf = new WeakMap<Catalog, CatalogNames>();

/** The catalogue's names, worked out once per catalogue version. */
export function catalogNames(catalog: Catalog): CatalogNames {
  let names = namesOf.get(catalog);
  if (!names) {
    const titles = <T extends { id: string }>(entries: readonly T[], text: (e: T) => Text) =>
      Object.fromEntries(entries.map((e) => [e.id, text(e)]));
    names = {
      schemes: titles(catalog.schemes({ includeDraft: true }), (s) => s.title),
      techniques: titles(catalog.techniques(), (t) => t.title),
      actions: titles(catalog.actions(), (a) => a.text),
      citations: Object.fromEntries(
        catalog.facts().flatMap((f) => (f.cite && f.checkedOn !== null ? [[f.id, f.cite]] : [])),
      ),
    };
    namesOf.set(catalog, names);
  }
  return names;
}

/**
 * DocumentDeps from the names alone (what a worker thread has). Documents speak of the
 * victim in the third person: techniques and steps done are named by documents:labels
 * («зардап шеккен адамның атына несие», «заблокировал(а) карту»), not by the catalogue's
 * texts, which speak to the person («Кредит на ваше имя», «Заблокируйте карту…»); a
 * technique or step the labels do not know falls back to the catalogue.
 */
export function namedDocumentDeps(i18n: I18n, names: CatalogNames): DocumentDeps {
  const labelOr = (key: string, lang: Lang, fallback: string) => (i18n.exists(key) ? i18n.plain(lang, key) : fallback);
  const techniqueTitle = (id: Technique, lang: Lang) =>
    labelOr(`documents:labels.techniques.${id}`, lang, names.techniques[id]?.[lang] ?? id);
  const thirdPerson = {
    technique: (id: Technique) => ({ title: { kk: techniqueTitle(id, "kk"), ru: techniqueTitle(id, "ru") } }),
  };
  return {
    i18n,
    schemeTitle: (id, lang) => names.schemes[id]?.[lang] ?? id,
    describeReason: (reason, lang) => describeReason(reason, lang, thirdPerson, "document"),
    techniqueTitle,
    stepTitle: (step, lang) => labelOr(`documents:labels.steps.${step}`, lang, names.actions[step]?.[lang] ?? step),
    cite: citeWith(names),
  };
}

/** How documents cite a fact: only a checked one with a citation (the catalogue guarantees the ones they use). */
export const citeWith =
  (names: CatalogNames) =>
  (id: string, lang: Lang): string => {
    const citation = names.citations[id];
    if (!citation) throw new Error(`fact "${id}" cannot be cited`);
    return citation[lang];
  };

export const citeFrom = (catalog: Catalog) => citeWith(catalogNames(catalog));

/** Runs a job on the context's renderer, or in this thread. */
export async function renderDocument<J extends DocumentJob>(
  renderer: DocumentRenderer | undefined,
  i18n: I18n,
  job: J,
): Promise<JobResult<J>> {
  if (renderer) return renderer.run(job);
  const { runDocumentJob } = await import("./document-jobs.js");
  return runDocumentJob(job, i18n);
}

export interface NamedFile {
  name: string;
  bytes: Buffer;
  /** What the file is, for the caption (a locale key under documents:files). */
  kind: "pdf" | "json" | "letter_bank" | "letter_lender" | "letter_operator" | "letter_prosecutor" | "freeze_request";
}

export const documentDeps = (c: DocumentContext): DocumentDeps => namedDocumentDeps(c.i18n, catalogNames(c.catalog));

/** The deep link in the QR code: opens the bot, which verifies number, version and signature. */
export const verifyLink = (c: DocumentContext, report: SubmittedReport) =>
  `https://t.me/${c.botUsername}?start=${verifyStartPayload(report.number, report.version, c.keys)}`;

export async function reportPdf(c: DocumentContext, report: SubmittedReport, lang: Lang): Promise<NamedFile> {
  const bytes = await renderDocument(c.renderer, c.i18n, {
    kind: "pdf",
    report,
    lang,
    names: catalogNames(c.catalog),
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

/** The letters that fit the case, or only `specs` when given. */
export function reportLetters(
  c: DocumentContext,
  report: SubmittedReport,
  lang: Lang,
  date: Date,
  specs?: LetterSpec[],
): Promise<NamedFile[]> {
  return renderDocument(c.renderer, c.i18n, {
    kind: "letters",
    report,
    lang,
    date,
    names: catalogNames(c.catalog),
    ...(specs ? { specs } : {}),
    ...(c.fontPath ? { fontPath: c.fontPath } : {}),
  });
}

/** One letter (the prosecutor's complaint, asked for on its own). */
export async function letterFile(
  c: DocumentContext,
  report: SubmittedReport,
  spec: LetterSpec,
  lang: Lang,
  date: Date,
): Promise<NamedFile> {
  const [file] = await reportLetters(c, report, lang, date, [spec]);
  if (!file) throw new Error(`the ${spec.kind} letter was not made`);
  return file;
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
