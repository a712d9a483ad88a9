/** The document layer: what a submitted report becomes — PDF, letters, exports — and the signing key. */
export type { CellValue, Column, ExportRow } from "./export/columns.js";
export { type ExportDeps, exportCsv } from "./export/csv.js";
export { exportXlsx } from "./export/xlsx.js";
export { type LetterSpec, lettersFor } from "./letters/choose.js";
export { type LetterOptions, renderLetter } from "./letters/render.js";
export { FontError, loadFonts } from "./pdf/fonts.js";
export { type ReportPdfOptions, renderReportPdf } from "./pdf/report-pdf.js";
export { loadReportKeys, SigningKeyError } from "./signing-key.js";
export type { DocumentDeps } from "./wording.js";
