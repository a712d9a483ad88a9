/**
 * Reports as CSV for Excel in a Kazakh or Russian locale: `;` between fields,
 * a decimal comma, dates as dd.mm.yyyy, UTF-8 with a BOM so Excel reads Cyrillic,
 * RFC 4180 quoting. Long numbers (cards, IINs, ЕРДР numbers) and phone numbers are
 * written as ="…" so Excel keeps every digit and the "+" as text; so is text that
 * would start a formula (= + - @), which Excel then shows as it is.
 */
import type { Lang } from "../../core/model.js";
import { decimalComma, wallClockText } from "../format.js";
import { type DocumentDeps, wording } from "../wording.js";
import { type CellValue, type Column, type ExportRow, exportCurrencies, reportColumns } from "./columns.js";

export type ExportDeps = Pick<DocumentDeps, "i18n" | "schemeTitle">;

const BOM = "\ufeff";
const SEPARATOR = ";";
/** Excel's longest text in one formula string literal, and its longest formula. */
const LITERAL_MAX = 250;
const FORMULA_MAX = 8000;

/** "+77009998877", "4400430123456789", "000123": a number Excel would mangle (exponent, lost zeros, lost "+"). */
const MANGLED_NUMBER = /^(?:\+\d+|0\d+|\d{11,})$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** "430000,5" → "430000,50": Excel in kk/ru reads a decimal comma. */
const decimal = (n: number, type: Column<unknown>["type"]) => decimalComma(n, type === "amount");

/** ="…"&"…": a formula whose value is exactly the text, in literals Excel accepts. */
function asLiteral(text: string): string | undefined {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += LITERAL_MAX)
    parts.push(`"${text.slice(i, i + LITERAL_MAX).replace(/"/g, '""')}"`);
  const formula = `=${parts.join("&")}`;
  return formula.length <= FORMULA_MAX ? formula : undefined;
}

function textCell(text: string): string {
  if (!MANGLED_NUMBER.test(text) && !FORMULA_START.test(text)) return text;
  // beyond any formula (never, for a report's fields): the apostrophe Excel hides on entry
  return asLiteral(text) ?? `'${text}`;
}

function cell(value: CellValue, type: Column<unknown>["type"]): string {
  if (value === undefined) return "";
  let text: string;
  if (value instanceof Date) {
    text = wallClockText(value, type !== "date");
  } else if (typeof value === "number") {
    text = decimal(value, type);
  } else {
    text = textCell(value);
  }
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<R>(columns: readonly Column<R>[], rows: Iterable<R>): string {
  const lines = [columns.map((c) => cell(c.header, "text")).join(SEPARATOR)];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row), c.type)).join(SEPARATOR));
  return `${lines.join("\r\n")}\r\n`;
}

/** A CSV document (BOM included) as bytes. */
export const csvBytes = <R>(columns: readonly Column<R>[], rows: Iterable<R>): Buffer =>
  Buffer.from(BOM + toCsv(columns, rows), "utf8");

/** One row per report, every field of the report and its case file. */
export function exportCsv(rows: readonly ExportRow[], lang: Lang, deps: ExportDeps): Buffer {
  const w = wording(lang, { ...deps, describeReason: (r) => r.value });
  return csvBytes(reportColumns(w, exportCurrencies(rows.map((r) => r.report))), rows);
}
