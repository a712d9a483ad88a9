/**
 * Reports as XLSX for police, sheets named in the officer's language: reports (one row
 * per report, every field and the case file), transfers, the fraudsters' contacts and
 * loans (one row each, with the report's number). Cells are typed — dates are dates,
 * amounts and counts numbers, cards, phones and IBANs text with every digit — and a
 * text cell is never a formula, so nothing is prefixed. The streaming writer keeps
 * 10,000 reports fast and small in memory.
 */
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type { Lang } from "../../core/model.js";
import { wording } from "../wording.js";
import {
  type Column,
  contactColumns,
  type ExportRow,
  exportCurrencies,
  itemRows,
  loanColumns,
  reportColumns,
  transferColumns,
} from "./columns.js";
import type { ExportDeps } from "./csv.js";

const NUMBER_FORMAT: Partial<Record<Column<unknown>["type"], string>> = {
  integer: "0",
  amount: "#,##0.00",
  datetime: "dd.mm.yyyy hh:mm",
  date: "dd.mm.yyyy",
  text: "@",
};

function addSheet<R>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Column<R>[],
  rows: Iterable<R>,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ key: String(i), header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  // one style object per column, shared by its cells: exceljs caches styles by object identity,
  // and a fresh object per cell made styling most of the export's time
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => {
    const numFmt = NUMBER_FORMAT[c.type];
    return numFmt ? { numFmt, ...(c.width >= 40 ? { alignment: { wrapText: true, vertical: "top" } } : {}) } : {};
  });
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => c.value(row) ?? null));
    for (let i = 0; i < styles.length; i++) added.getCell(i + 1).style = styles[i]!;
    added.commit();
  }
  sheet.commit();
}

export async function exportXlsx(rows: readonly ExportRow[], lang: Lang, deps: ExportDeps): Promise<Buffer> {
  const w = wording(lang, { ...deps, describeReason: (r) => r.value });
  const reports = rows.map((r) => r.report);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  // Loaded on the first export: exceljs is the slowest module to load, and most processes never export.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Saqbol";
  const sheet = (key: string) => w.t(`export.sheets.${key}`);
  addSheet(workbook, sheet("reports"), reportColumns(w, exportCurrencies(reports)), rows);
  addSheet(
    workbook,
    sheet("transfers"),
    transferColumns(w),
    itemRows(reports, (r) => r.answers.transfers),
  );
  addSheet(
    workbook,
    sheet("contacts"),
    contactColumns(w),
    itemRows(reports, (r) => r.answers.contacts),
  );
  addSheet(
    workbook,
    sheet("loans"),
    loanColumns(w),
    itemRows(reports, (r) => r.answers.loans),
  );
  await workbook.commit();
  return Buffer.concat(chunks);
}
