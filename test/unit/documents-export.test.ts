import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import type { SubmittedReport } from "../../src/core/report/report.js";
import type { CaseFile } from "../../src/db/case-file.js";
import type { ExportRow } from "../../src/documents/export/columns.js";
import { exportCsv } from "../../src/documents/export/csv.js";
import { exportXlsx } from "../../src/documents/export/xlsx.js";
import { createI18n } from "../../src/i18n.js";
import { allReports, largeReport, relativeReport, schemeTitle } from "../fixtures/reports/index.js";

const i18n = createI18n();
const deps = { i18n, schemeTitle };
const fixtures = (): SubmittedReport[] => Object.values(allReports).map((make, i) => make(i % 2 ? "kk" : "ru"));
const rowsOf = (reports: SubmittedReport[]): ExportRow[] => reports.map((report) => ({ report }));
const col = (lang: Lang, key: string) => i18n.plain(lang, `documents:export.columns.${key}`);

/** A minimal RFC 4180 reader with the separator Excel uses in kk/ru locales. */
function parseCsv(text: string, separator = ";"): string[][] {
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
    } else if (!quoted && c === separator) {
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
  report.answers.contacts[0]!.claimedName = "Line one\nline; two";
  report.answers.narrative = `- ${"позвонили ".repeat(40)}`;
  return report;
};

const CASE: CaseFile = {
  reportId: 1,
  number: "SB-2026-009999",
  ownerId: 5,
  ownerLang: "ru",
  region: "east_kazakhstan",
  erdrNumber: "261500031000123",
  status: "money_frozen",
  assigneeId: 777,
  assigneeName: "Айдос Нурланов",
  updatedAt: "2026-03-01T05:00:00.000Z",
};
const caseRow = (lang: Lang): ExportRow => ({
  report: largeReport(lang),
  file: CASE,
  notes: [{ kind: "note", value: "Запрос в Halyk отправлен", actorId: 777, at: "2026-03-01T05:00:00.000Z" }],
});

describe("CSV export for Excel in a Kazakh or Russian locale", () => {
  it("starts with a BOM, separates with «;», one row per report matching the input", () => {
    const reports = fixtures();
    const buffer = exportCsv(rowsOf(reports), "ru", deps);
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(buffer.toString("utf8").slice(1));
    const header = rows[0]!;
    expect(rows).toHaveLength(reports.length + 1);
    const at = (name: string) => header.indexOf(col("ru", name));
    const kzt = header.indexOf("Сумма, KZT");
    for (const [i, report] of reports.entries()) {
      const row = rows[i + 1]!;
      expect(row).toHaveLength(header.length);
      expect(row[at("number")]).toBe(report.number);
      expect(row[at("version")]).toBe(String(report.version));
      expect(row[at("transfer_count")]).toBe(String(report.answers.transfers.length));
      expect(row[at("scheme_ids")]).toBe(report.recognition!.schemes.map((s) => s.id).join(", "));
      const kztMinor = report.answers.transfers
        .filter((t) => t.amount?.currency === "KZT")
        .reduce((sum, t) => sum + t.amount!.amountMinor, 0);
      // a decimal comma, kopecks only when there are any
      const expected = kztMinor
        ? kztMinor % 100
          ? (kztMinor / 100).toFixed(2).replace(".", ",")
          : String(kztMinor / 100)
        : "";
      expect(row[kzt]).toBe(expected);
    }
    expect(rows[1]![at("submitted_at")]).toBe("14.03.2026 14:20");
    expect(rows[1]![at("top_scheme")]).toBe("Звонок от имени службы безопасности банка");
    expect(rows[1]![at("recipients")]).toBe("KZ18722S000012345678");
  });

  it('keeps every digit of cards and the «+» of phones as text (="…"), and writes 80 000,50 with a comma', () => {
    const rows = parseCsv(
      exportCsv([caseRow("ru")], "ru", deps)
        .toString("utf8")
        .slice(1),
    );
    const [header, row] = [rows[0]!, rows[1]!];
    const at = (name: string) => row[header.indexOf(col("ru", name))];
    expect(at("applicant_phone")).toBe('="+77019998877"');
    expect(at("caller_phones")).toMatch(/^="\+77050001000, /);
    expect(at("erdr_number")).toBe('="261500031000123"');
    expect(at("own_card_last4")).toBe('="0042"');
    expect(rows.flat().join("\n")).not.toMatch(/\d\.\d+E\+\d+/);
    expect(at("case_status")).toBe(i18n.plain("ru", "documents:export.case_status.money_frozen"));
    expect(at("case_notes")).toBe("[01.03.2026 10:00] Запрос в Halyk отправлен");
    const relative = parseCsv(
      exportCsv(rowsOf([relativeReport("ru")]), "ru", deps)
        .toString("utf8")
        .slice(1),
    );
    expect(relative[1]![relative[0]!.indexOf("Сумма, KZT")]).toBe("80000,50");
  });

  it("quotes fields with «;», quotes and line breaks (RFC 4180)", () => {
    const rows = parseCsv(
      exportCsv(rowsOf([hostile()]), "ru", deps)
        .toString("utf8")
        .slice(1),
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(rows[0]!.length);
    expect(rows[1]![rows[0]!.indexOf(col("ru", "contact_names"))]).toContain("Line one\nline; two");
  });

  it("never lets a cell start a formula: text that looks like one is written as a string literal", () => {
    const rows = parseCsv(
      exportCsv(rowsOf([hostile()]), "ru", deps)
        .toString("utf8")
        .slice(1),
    );
    const city = rows[0]!.indexOf(col("ru", "city"));
    expect(rows[1]![city]).toBe(`="=HYPERLINK(""http://x"",""click"")"`);
    const narrative = rows[1]![rows[0]!.indexOf(col("ru", "narrative"))]!;
    // longer than one formula string: literals joined with &, the text unchanged
    expect(narrative).toMatch(/^="- позвонили [^"]+"&"/);
    expect(narrative.slice(2, -1).split('"&"').join("")).toBe(hostile().answers.narrative);
    for (const cell of rows[1]!) expect(cell).not.toMatch(/^[+\-@]|^=[^"]/);
  });
});

describe("XLSX export", () => {
  it.each(["kk", "ru"] as const)("names sheets and columns in the officer's language (%s)", async (lang) => {
    const workbook = await readXlsx(await exportXlsx([caseRow(lang)], lang, deps));
    const sheet = (key: string) => i18n.plain(lang, `documents:export.sheets.${key}`);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      ["reports", "transfers", "contacts", "loans"].map((k) => sheet(k)),
    );
    for (const name of workbook.worksheets.map((w) => w.name)) expect(name).toMatch(/^[^A-Za-z]+$/u);
    const header = (workbook.getWorksheet(sheet("reports"))!.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe(col(lang, "number"));
  });

  it("holds every field of the report and its case file, typed: numbers, dates, and text with every digit", async () => {
    const lang = "ru";
    const row = caseRow(lang);
    const a = row.report.answers;
    const workbook = await readXlsx(await exportXlsx([row], lang, deps));
    const reports = workbook.getWorksheet(i18n.plain(lang, "documents:export.sheets.reports"))!;
    const header = (reports.getRow(1).values as unknown[]).slice(1) as string[];
    const cell = (key: string) => reports.getRow(2).getCell(header.indexOf(col(lang, key)) + 1);
    // every column holds something for a report that answered everything
    header.forEach((h, i) => {
      expect(reports.getRow(2).getCell(i + 1).value, h).not.toBeNull();
    });
    expect(cell("narrative").value).toBe(a.narrative);
    expect(cell("applicant_name").value).toBe(a.applicantName);
    expect(cell("applicant_phone").value).toBe("+77019998877");
    expect(cell("applicant_phone").type).toBe(ExcelJS.ValueType.String);
    expect(cell("contact_names").value).toContain("Менеджер №1");
    expect(cell("lenders").value).toBe("Kaspi Bank");
    expect(cell("bank_request_no").value).toBe("HB-2026-55501");
    expect(cell("statement_no").value).toBe("KUI-2026-1187");
    expect(cell("erdr_number").value).toBe("261500031000123");
    expect(cell("erdr_number").type).toBe(ExcelJS.ValueType.String);
    expect(cell("assignee").value).toBe("Айдос Нурланов");
    expect(cell("evidence_count").value).toBe(12);
    expect(cell("incident_date").value).toEqual(new Date("2026-02-01T00:00:00Z"));
    expect(cell("incident_date").numFmt).toBe("dd.mm.yyyy");
    const submitted = cell("submitted_at").value as Date;
    expect(submitted).toBeInstanceOf(Date);
    // wall-clock time in Kazakhstan, UTC+5
    expect(submitted.getTime()).toBe(Date.parse(row.report.submittedAt) + 5 * 3600_000);
    expect(cell("version").type).toBe(ExcelJS.ValueType.Number);
    const kzt = reports.getRow(2).getCell(header.indexOf("Сумма, KZT") + 1);
    expect(kzt.type).toBe(ExcelJS.ValueType.Number);
    expect(kzt.numFmt).toBe("#,##0.00");

    const transfers = workbook.getWorksheet(i18n.plain(lang, "documents:export.sheets.transfers"))!;
    expect(transfers.rowCount).toBe(a.transfers.length + 1);
    for (const [i, t] of a.transfers.entries()) {
      const r = transfers.getRow(i + 2);
      expect(r.getCell(1).value).toBe(row.report.number);
      expect(r.getCell(5).value).toBe(t.amount!.amountMinor / 100);
      expect(r.getCell(5).type).toBe(ExcelJS.ValueType.Number);
      // a 16-digit card, a phone with its «+», an IBAN: text, whole, no apostrophe
      expect(r.getCell(9).value).toBe(t.recipient!.value);
      expect(r.getCell(9).type).toBe(ExcelJS.ValueType.String);
      expect(r.getCell(3).value).toEqual(new Date(`${t.date}T00:00:00Z`));
    }
    expect(transfers.getRow(2).getCell(9).value).toMatch(/^\d{16}$/);
    expect(transfers.getRow(4).getCell(9).value).toMatch(/^\+7\d{10}$/);

    const contacts = workbook.getWorksheet(i18n.plain(lang, "documents:export.sheets.contacts"))!;
    expect(contacts.rowCount).toBe(a.contacts.length + 1);
    expect(contacts.getRow(2).getCell(4).value).toBe("Менеджер №1");
    const loans = workbook.getWorksheet(i18n.plain(lang, "documents:export.sheets.loans"))!;
    expect(loans.getRow(2).getCell(3).value).toBe("Kaspi Bank");
    expect(loans.getRow(2).getCell(4).value).toBe(1_500_000);
  });

  it("stores text that looks like a formula as text, without an apostrophe", async () => {
    const workbook = await readXlsx(await exportXlsx(rowsOf([hostile()]), "ru", deps));
    const transfers = workbook.getWorksheet(i18n.plain("ru", "documents:export.sheets.transfers"))!;
    const names = transfers.getColumn(10).values.slice(2);
    expect(names).toEqual(["@SUM(A1:A2)", "-2+3"]);
    const reports = workbook.getWorksheet(i18n.plain("ru", "documents:export.sheets.reports"))!;
    const header = (reports.getRow(1).values as unknown[]).slice(1);
    const city = reports.getRow(2).getCell(header.indexOf(col("ru", "city")) + 1);
    expect(city.value).toBe('=HYPERLINK("http://x","click")');
    expect(city.type).toBe(ExcelJS.ValueType.String);
    reports.eachRow((r) => {
      r.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof c.value === "string") expect(c.value.startsWith("'")).toBe(false);
      });
    });
  });

  // Speed is measured by `npm run bench` (export_10k_s), not by a timed test.
  it("exports 10,000 reports to CSV and XLSX", async () => {
    const makers = Object.values(allReports);
    const reports = Array.from({ length: 10_000 }, (_, i) => ({
      ...makers[i % makers.length]!(i % 2 ? "kk" : "ru"),
      number: `SB-2026-${String(i).padStart(6, "0")}`,
    }));
    const csv = exportCsv(rowsOf(reports), "ru", deps);
    const xlsx = await exportXlsx(rowsOf(reports), "ru", deps);
    expect(csv.toString("utf8").split("\r\n").length).toBeGreaterThanOrEqual(10_002);
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });
});
