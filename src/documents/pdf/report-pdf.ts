/** The pre-report PDF: A4, one to three pages, in the person's language, with a QR code to verify it. */
import type { Lang } from "../../core/model.js";
import { checkFacts } from "../../core/report/facts.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { type DocumentDeps, type Wording, wording } from "../wording.js";
import { loadFonts } from "./fonts.js";
import { reportBody } from "./report-content.js";
import { PdfWriter } from "./writer.js";

export interface ReportPdfOptions extends DocumentDeps {
  lang: Lang;
  /** What the QR code opens: the bot's deep link with the verify payload. */
  verifyLink: string;
  /** The fingerprint of the public key that checks the report's signature, for the footer. */
  keyFingerprint: string;
  /** FONT_PATH: a TTF with Cyrillic and Kazakh letters instead of the packaged DejaVu Sans. */
  fontPath?: string;
}

const QR_SIZE = 78;

export async function renderReportPdf(report: SubmittedReport, options: ReportPdfOptions): Promise<Buffer> {
  const w = wording(options.lang, options);
  const { default: QRCode } = await import("qrcode");
  const qr = await QRCode.toBuffer(options.verifyLink, {
    type: "png",
    margin: 1,
    width: 256,
    errorCorrectionLevel: "M",
  });
  const writer = new PdfWriter(loadFonts(options.fontPath), {
    title: `${w.t("report.title")} ${report.number}`,
    lang: options.lang,
    createdAt: new Date(report.versionAt),
  });
  header(writer, report, w, qr);
  writer.render(reportBody(report, w));
  writer.footer((page, pages) =>
    w.t("report.footer", { number: report.number, version: report.version, page, pages, key: options.keyFingerprint }),
  );
  return writer.toBuffer();
}

function header(writer: PdfWriter, report: SubmittedReport, w: Wording, qr: Buffer): void {
  const { doc } = writer;
  const top = doc.y;
  const textWidth = writer.width - QR_SIZE - 14;
  const qrX = writer.left + writer.width - QR_SIZE;
  doc.image(qr, qrX, top, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font("regular")
    .fontSize(6.5)
    .fillColor("#555555")
    .text(w.t("report.qr_caption"), qrX - 6, top + QR_SIZE + 2, { width: QR_SIZE + 12, align: "center" });
  doc.font("bold").fontSize(15).fillColor("black").text(w.t("report.title"), writer.left, top, { width: textWidth });
  doc.moveDown(0.2);
  doc
    .font("bold")
    .fontSize(12)
    .text(w.t("report.number_line", { number: report.number, version: report.version }), { width: textWidth });
  doc.font("regular").fontSize(9).moveDown(0.2);
  doc.text(w.t("report.submitted", { time: w.moment(report.submittedAt) }), { width: textWidth });
  if (report.version > 1)
    doc.text(w.t("report.version_at", { time: w.moment(report.versionAt) }), { width: textWidth });
  doc.fontSize(7.5).fillColor("#333333").moveDown(0.2).text(checkLine(report, w), { width: textWidth });
  doc.fontSize(9).fillColor("black");
  if (report.status === "withdrawn") {
    doc.moveDown(0.2).font("bold").fillColor("#b00020").text(w.t("report.withdrawn"), { width: textWidth });
    doc.fillColor("black");
  }
  doc.y = Math.max(doc.y, top + QR_SIZE + 16);
  doc.x = writer.left;
}

/** What the QR check shows, printed for comparison: money, transfers, incident date, recipients' digest. */
function checkLine(report: SubmittedReport, w: Wording): string {
  const facts = checkFacts(report);
  return w.t("report.check_line", {
    total: facts.totals.map((m) => w.money(m)).join(" + ") || w.t("none"),
    transfers: facts.transfers,
    date: w.date(facts.incidentDate),
    digest: facts.recipientsDigest ?? w.t("none"),
  });
}
