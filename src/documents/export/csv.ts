/** Reports as CSV for police: RFC 4180, UTF-8 with a BOM so Excel reads Cyrillic. */
import type { Lang } from "../../core/model.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { type DocumentDeps, wording } from "../wording.js";
import { type CellValue, type Column, exportCurrencies, neutraliseFormula, reportColumns } from "./columns.js";

export type ExportDeps = Pick<DocumentDeps, "i18n" | "schemeTitle">;

const BOM = "\ufeff";
const pad = (n: number) => String(n).padStart(2, "0");

function cell(value: CellValue, type: Column<unknown>["type"]): string {
  if (value === undefined) return "";
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return type === "date" ? date : `${date} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  }
  const text = typeof value === "number" ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<R>(columns: readonly Column<R>[], rows: Iterable<R>): string {
  const lines = [columns.map((c) => cell(c.header, "text")).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row), c.type)).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** One row per report. */
export function exportCsv(reports: readonly SubmittedReport[], lang: Lang, deps: ExportDeps): Buffer {
  const w = wording(lang, { ...deps, describeReason: (r) => r.value });
  return Buffer.from(BOM + toCsv(reportColumns(w, exportCurrencies(reports)), reports), "utf8");
}
