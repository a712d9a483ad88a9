import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { SubmittedReport } from "../../src/core/report/report.js";
import { exportCsv } from "../../src/documents/export/csv.js";
import { exportXlsx } from "../../src/documents/export/xlsx.js";
import { createI18n } from "../../src/i18n.js";
import { allReports, relativeReport, schemeTitle } from "../fixtures/reports/index.js";

const i18n = createI18n();
const deps = { i18n, schemeTitle };
const fixtures = (): SubmittedReport[] => Object.values(allReports).map((make, i) => make(i % 2 ? "kk" : "ru"));

/** A minimal RFC 4180 reader, enough to check what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      endField();
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs' types predate Node's generic Buffer
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

const hostile = (): SubmittedReport => {
  const report = relativeReport("ru");
  report.answers.city = '=HYPERLINK("http://x","click")';
  report.answers.transfers[0]!.recipientName = "@SUM(A1:A2)";
  report.answers.transfers[1]!.recipientName = "-2+3";
  report.answers.contacts[0]!.claimedName = "Line one\nline, two";
  return report;
};

describe("CSV export", () => {
  it("starts with a BOM and has one row per report matching the input", () => {
    const reports = fixtures();
    const buffer = exportCsv(reports, "ru", deps);
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(buffer.toString("utf8").slice(1));
    const header = rows[0]!;
    expect(rows).toHaveLength(reports.length + 1);
    const col = (name: string) => header.indexOf(i18n.plain("ru", `documents:export.columns.${name}`));
    const kzt = header.indexOf("Сумма, KZT");
    for (const [i, report] of reports.entries()) {
      const row = rows[i + 1]!;
      expect(row).toHaveLength(header.length);
      expect(row[col("number")]).toBe(report.number);
      expect(row[col("version")]).toBe(String(report.version));
      expect(row[col("transfer_count")]).toBe(String(report.answers.transfers.length));
      expect(row[col("scheme_ids")]).toBe(report.recognition!.schemes.map((s) => s.id).join(", "));
      const kztMinor = report.answers.transfers
        .filter((t) => t.amount?.currency === "KZT")
        .reduce((sum, t) => sum + t.amount!.amountMinor, 0);
      expect(row[kzt]).toBe(kztMinor ? String(kztMinor / 100) : "");
    }
    expect(rows[1]![col("submitted_at")]).toBe("2026-03-14 14:20");
    expect(rows[1]![col("top_scheme")]).toBe("Звонок от имени службы безопасности банка");
    expect(rows[1]![col("recipients")]).toBe("KZ18722S000012345678");
  });

  it("quotes fields with commas, quotes and line breaks (RFC 4180)", () => {
    const rows = parseCsv(exportCsv([hostile()], "ru", deps).toString("utf8").slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(rows[0]!.length);
  });

  it("neutralises formula injection", () => {
    const rows = parseCsv(exportCsv([hostile()], "ru", deps).toString("utf8").slice(1));
    const city = rows[0]!.indexOf("Город");
    expect(rows[1]![city]).toBe(`'=HYPERLINK("http://x","click")`);
    for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe("XLSX export", () => {
  it("has a Reports sheet and a Transfers sheet whose typed rows match the input", async () => {
    const reports = fixtures();
    const workbook = await readXlsx(await exportXlsx(reports, "kk", deps));
    const sheet = workbook.getWorksheet("Reports")!;
    const transfers = workbook.getWorksheet("Transfers")!;
    expect(sheet.rowCount).toBe(reports.length + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe("Нөмірі");
    for (const [i, report] of reports.entries()) {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(report.number);
      expect(row.getCell(2).value).toBe(report.version);
      const submitted = row.getCell(3).value as Date;
      expect(submitted).toBeInstanceOf(Date);
      // wall-clock time in Kazakhstan, UTC+5
      expect(submitted.getTime()).toBe(Date.parse(report.submittedAt) + 5 * 3600_000);
      expect(row.getCell(3).numFmt).toBe("dd.mm.yyyy hh:mm");
    }
    const allTransfers = reports.flatMap((r) => r.answers.transfers.map((t) => ({ number: r.number, t })));
    expect(transfers.rowCount).toBe(allTransfers.length + 1);
    for (const [i, { number, t }] of allTransfers.entries()) {
      const row = transfers.getRow(i + 2);
      expect(row.getCell(1).value).toBe(number);
      expect(row.getCell(5).value).toBe(t.amount!.amountMinor / 100);
      expect(typeof row.getCell(5).value).toBe("number");
      expect(row.getCell(6).value).toBe(t.amount!.currency);
      expect(row.getCell(9).value).toBe(
        t.recipient!.value.startsWith("+") ? `'${t.recipient!.value}` : t.recipient!.value,
      );
      expect(row.getCell(3).value).toEqual(new Date(`${t.date}T00:00:00Z`));
    }
  });

  it("neutralises formula injection", async () => {
    const workbook = await readXlsx(await exportXlsx([hostile()], "ru", deps));
    const names = workbook.getWorksheet("Transfers")!.getColumn(10).values.slice(2);
    expect(names).toEqual(["'@SUM(A1:A2)", "'-2+3"]);
    expect(workbook.getWorksheet("Reports")!.getRow(2).getCell(6).value).toBe(`'=HYPERLINK("http://x","click")`);
  });

  // Speed is measured by `npm run bench` (export_10k_s), not by a timed test.
  it("exports 10,000 reports to CSV and XLSX", async () => {
    const makers = Object.values(allReports);
    const reports = Array.from({ length: 10_000 }, (_, i) => ({
      ...makers[i % makers.length]!(i % 2 ? "kk" : "ru"),
      number: `SB-2026-${String(i).padStart(6, "0")}`,
    }));
    const csv = exportCsv(reports, "ru", deps);
    const xlsx = await exportXlsx(reports, "ru", deps);
    expect(csv.toString("utf8").split("\r\n")).toHaveLength(10_002);
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });
});
