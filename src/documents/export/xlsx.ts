/**
 * Reports as XLSX for police: sheet "Reports" (one row per report) and sheet "Transfers"
 * (one row per transfer). Cells are typed — dates are dates, amounts numbers — and the
 * streaming writer keeps 10,000 reports fast and small in memory.
 */
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type { Lang } from "../../core/model.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { wording } from "../wording.js";
import {
  type Column,
  exportCurrencies,
  neutraliseFormula,
  reportColumns,
  transferColumns,
  transferRows,
} from "./columns.js";
import type { ExportDeps } from "./csv.js";

const NUMBER_FORMAT: Partial<Record<Column<unknown>["type"], string>> = {
  integer: "0",
  amount: "#,##0.00",
  datetime: "dd.mm.yyyy hh:mm",
  date: "dd.mm.yyyy",
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
    return numFmt ? { numFmt } : {};
  });
  for (const row of rows) {
    const added = sheet.addRow(
      columns.map((c) => {
        const value = c.value(row);
        return typeof value === "string" ? neutraliseFormula(value) : (value ?? null);
      }),
    );
    for (let i = 0; i < styles.length; i++) added.getCell(i + 1).style = styles[i]!;
    added.commit();
  }
  sheet.commit();
}

export async function exportXlsx(reports: readonly SubmittedReport[], lang: Lang, deps: ExportDeps): Promise<Buffer> {
  const w = wording(lang, { ...deps, describeReason: (r) => r.value });
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  // Loaded on the first export: exceljs is the slowest module to load, and most processes never export.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Saqbol";
  addSheet(workbook, "Reports", reportColumns(w, exportCurrencies(reports)), reports);
  addSheet(workbook, "Transfers", transferColumns(w), transferRows(reports));
  await workbook.commit();
  return Buffer.concat(chunks);
}
