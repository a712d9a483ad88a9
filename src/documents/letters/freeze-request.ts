/**
 * The investigator's request to the recipient's bank, from the report: hold the
 * money that came in, name the holders of the cards and accounts, and show where
 * the money went next. One PDF per recipient bank, in kk or ru, with the
 * recipients' cards, IBANs and phones whole, amounts and times, the report number
 * and the ЕРДР/КУИ number; what the officer signs by hand is left blank.
 */
import type { Bank, Lang } from "../../core/model.js";
import type { Transfer } from "../../core/report/answers.js";
import type { SubmittedReport } from "../../core/report/report.js";
import type { I18n } from "../../i18n.js";
import type { Block } from "../pdf/blocks.js";
import { loadFonts } from "../pdf/fonts.js";
import { transferTable } from "../pdf/report-content.js";
import { PdfWriter } from "../pdf/writer.js";
import { wording } from "../wording.js";
import { BLANK } from "./frame.js";

export interface FreezeRequestOptions {
  i18n: I18n;
  lang: Lang;
  date: Date;
  /** The case file and the officer who asks; a blank line for what is not known. */
  erdrNumber?: string | null | undefined;
  unit?: string | null | undefined;
  officer?: string | null | undefined;
  fontPath?: string | undefined;
}

/** The transfers with a known recipient, by the recipient's bank ("unknown" when the person did not say). */
export function transfersByRecipientBank(report: SubmittedReport): Map<Bank | "unknown", Transfer[]> {
  const groups = new Map<Bank | "unknown", Transfer[]>();
  for (const t of report.answers.transfers) {
    if (!t.recipient) continue;
    const bank = t.recipientBank ?? "unknown";
    groups.set(bank, [...(groups.get(bank) ?? []), t]);
  }
  return groups;
}

const earliest = (transfers: readonly Transfer[], fallback: string | undefined) =>
  transfers
    .map((t) => t.date)
    .filter((d): d is string => Boolean(d))
    .sort()[0] ?? fallback;

export function freezeRequestBlocks(
  report: SubmittedReport,
  bank: Bank | "unknown",
  transfers: readonly Transfer[],
  options: FreezeRequestOptions,
): Block[] {
  const w = wording(options.lang, { i18n: options.i18n, schemeTitle: (id) => id, describeReason: (r) => r.value });
  const t = (key: string, params?: Record<string, unknown>) => w.t(`freeze_request.${key}`, params);
  const unit = options.unit?.trim() || BLANK;
  const since = earliest(transfers, report.answers.incidentDate);
  return [
    {
      type: "fields",
      rows: [
        [w.t("letters.to"), [BLANK, bank === "unknown" ? t("bank_unknown") : w.label("banks", bank)].join("\n")],
        [w.t("letters.from"), unit],
        [t("officer"), options.officer?.trim() || BLANK],
        [w.t("letters.phone"), BLANK],
      ],
      indent: 0.45,
    },
    { type: "space" },
    { type: "title", text: t("title") },
    {
      type: "paragraph",
      text: t("intro", {
        number: report.number,
        submitted: w.moment(report.submittedAt).slice(0, 10),
        erdr: options.erdrNumber?.trim() || BLANK,
        incident: w.date(report.answers.incidentDate),
      }),
    },
    { type: "paragraph", text: t(bank === "unknown" ? "transfers_bank_unknown" : "transfers") },
    transferTable(transfers, w),
    { type: "paragraph", text: t("requests"), bold: true },
    {
      type: "list",
      items: [t("hold"), t("holders"), t("statement", { since: w.date(since) }), t("logins")],
    },
    { type: "paragraph", text: t("answer_to", { unit }) },
    { type: "space" },
    {
      type: "fields",
      rows: [
        [w.t("letters.date"), w.moment(options.date.toISOString()).slice(0, 10)],
        [t("position"), BLANK],
        [w.t("letters.signature"), BLANK],
      ],
    },
    { type: "space" },
    { type: "paragraph", text: t("footer", { number: report.number, version: report.version }), small: true },
  ];
}

export async function renderFreezeRequest(
  report: SubmittedReport,
  bank: Bank | "unknown",
  transfers: readonly Transfer[],
  options: FreezeRequestOptions,
): Promise<Buffer> {
  const title = options.i18n.plain(options.lang, "documents:freeze_request.title");
  const writer = new PdfWriter(loadFonts(options.fontPath), {
    title: `${title} — ${report.number}`,
    lang: options.lang,
    createdAt: options.date,
    textScale: 1.2,
  });
  writer.render(freezeRequestBlocks(report, bank, transfers, options));
  writer.footer((page, pages) => (pages > 1 ? `${report.number} · ${page}/${pages}` : report.number));
  return writer.toBuffer();
}
