import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import type { Evidence } from "../../src/core/report/answers.js";
import { verifyReport, verifyStartPayload } from "../../src/core/report/signature.js";
import { grantRole } from "../../src/db/roles.js";
import type { UserHandle } from "../emulator/index.js";
import { egovLoanReport, marketplaceReport, relativeReport } from "../fixtures/reports/index.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { bankReportToSharedCard, depsOf, leaveDraft, sqlOf, submitReport } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const plain = (lang: Lang, key: string, options?: Record<string, unknown>) =>
  label(lang, key)
    .replace(/<\/?[a-z]+>/g, "")
    .replace(/\{\{-?\s*(\w+)\}\}/g, (_, k) => String(options?.[k] ?? ""));

describe("police tools", () => {
  let h: Harness;
  let ru: UserHandle;
  let kk: UserHandle;
  const reports: Record<string, { id: number; number: string }> = {};
  let evidence: Evidence[] = [];
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
    const at = (iso: string) => new Date(iso);
    // The applicant's files, sent through Telegram so their file ids exist.
    const applicant = h.user(101, "ru");
    const photo = applicant.sendPhoto().message!.photo!.at(-1)!;
    const doc = applicant.sendDocument({
      name: "chek.pdf",
      mime: "application/pdf",
      bytes: Buffer.from("%PDF-1.4 receipt"),
    }).message!.document!;
    evidence = [
      {
        fileId: photo.file_id,
        fileUniqueId: photo.file_unique_id,
        kind: "photo" as const,
        receivedAt: "2026-11-20T05:50:00.000Z",
      },
      {
        fileId: doc.file_id,
        fileUniqueId: doc.file_unique_id,
        kind: "document" as const,
        name: "chek.pdf",
        receivedAt: "2026-11-20T05:55:00.000Z",
      },
    ];
    const a = await submitReport(
      h,
      101,
      "ru",
      { ...bankReportToSharedCard("ru"), region: "almaty", evidence, incidentDate: "2026-11-19" },
      at("2026-11-20T06:00:00Z"),
    );
    const b = await submitReport(
      h,
      102,
      "kk",
      { ...marketplaceReport("kk").answers, region: "astana", incidentDate: "2026-11-21" },
      at("2026-11-22T06:00:00Z"),
    );
    const c = await submitReport(
      h,
      103,
      "ru",
      { ...relativeReport("ru").answers, incidentDate: "2026-11-25" },
      at("2026-11-25T06:00:00Z"),
    );
    const e = await submitReport(
      h,
      104,
      "ru",
      { ...egovLoanReport("ru").answers, incidentDate: "2026-10-03" },
      at("2026-10-05T06:00:00Z"),
    );
    await leaveDraft(h, 105, "ru", marketplaceReport("ru").answers);
    Object.assign(reports, { a, b, c, e });
    // a national unit: the region rules have their own test (police-regions)
    for (const id of [201, 202]) await grantRole(depsOf(h).db, id, "police", { unit: "УП", allRegions: true }, NOW);
    ru = h.user(201, "ru");
    kk = h.user(202, "kk");
  });
  afterAll(async () => h.close());

  const waitText = (u: UserHandle, part: string, timeoutMs = 5000) =>
    u.waitFor((m) => m.text.includes(part), { kinds: ["new"], timeoutMs });

  it("opens a report by the QR deep link and shows the full report with its linked reports", async () => {
    const payload = verifyStartPayload(reports.a!.number, 1, depsOf(h).keys);
    ru.command("start", payload);
    const report = await waitText(ru, reports.a!.number);
    expect(report.text).toContain(plain("ru", "police:report.title", { number: reports.a!.number, version: 1 }));
    expect(report.text).toContain("4400430123456789");
    expect(report.text).toContain("+77471234567");
    expect(buttonTexts(report)).toEqual([
      "PDF на казахском",
      "PDF на русском",
      "JSON",
      "📎 Файлы заявителя (2)",
      "🏦 Запрос в банк (каз.)",
      "🏦 Запрос в банк (рус.)",
      "📁 Дело",
    ]);
    const linked = await waitText(ru, "Связанные заявления: 1");
    expect(linked.text).toContain(reports.b!.number);
    expect(linked.text).toContain("карта 4400 4301 2345 6789");
    expect(buttonTexts(linked)).toEqual([reports.b!.number]);

    ru.press("PDF на казахском", report);
    const pdf = await ru.waitFor((m) => m.file?.file_name?.endsWith("_kk.pdf") === true, { timeoutMs: 60_000 });
    expect(pdf.file?.bytes.subarray(0, 4).toString()).toBe("%PDF");
    ru.press("JSON", report);
    const json = await ru.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 60_000 });
    const signed = JSON.parse(json.file!.bytes.toString("utf8"));
    expect(signed.number).toBe(reports.a!.number);
    expect(verifyReport(signed, depsOf(h).keys)).toMatchObject({ valid: true });
    await h.emulator.waitIdle();

    ru.press("📎 Файлы заявителя (2)", report);
    const sentPhoto = await ru.waitFor((m) => m.photo !== undefined, { timeoutMs: 60_000 });
    const sentDoc = await ru.waitFor((m) => m.document !== undefined && m.text.includes("2 из 2"), {
      timeoutMs: 60_000,
    });
    expect(sentPhoto.text).toContain(`${reports.a!.number} · файл 1 из 2`);
    expect(sentDoc.document?.file_id).toBe(evidence[1]!.fileId);
  });

  it("links two reports that share a recipient card, both ways, in Kazakh too", async () => {
    kk.command("open", reports.b!.number);
    const report = await waitText(kk, reports.b!.number);
    expect(report.text).toContain(plain("kk", "police:report.title", { number: reports.b!.number, version: 1 }));
    const linked = await waitText(kk, "Байланысты арыздар: 1");
    expect(linked.text).toContain(reports.a!.number);
    expect(linked.text).toContain("карта 4400 4301 2345 6789");
    kk.press(reports.a!.number, linked);
    const back = await waitText(kk, plain("kk", "police:report.title", { number: reports.a!.number, version: 1 }));
    expect(back.text).toContain("+77471234567");
    await h.emulator.waitIdle();

    ru.command("open", reports.c!.number);
    const lone = await waitText(ru, reports.c!.number);
    expect(lone.text).toContain(plain("ru", "police:linked.none"));
    await h.emulator.waitIdle();
  });

  it("says when a number is unknown and how to write one", async () => {
    ru.command("open", "SB-2026-999999");
    expect((await ru.nextReply()).text).toBe(plain("ru", "police:open.not_found"));
    kk.command("open");
    expect((await kk.nextReply()).text).toContain("/open SB-2026-000042");
  });

  it("filters /reports by incident dates, region in any language, scheme, bank, amount and status", async () => {
    // the fraud of 19.11 was reported on 20.11: the incident date counts
    ru.command("reports", "2026-11-19 2026-11-21");
    const byDate = await waitText(ru, "Заявления: 2");
    expect(byDate.text).toContain(reports.a!.number);
    expect(byDate.text).toContain(reports.b!.number);
    expect(byDate.text).not.toContain(reports.c!.number);
    ru.command("reports", "2026-11-20");
    expect((await waitText(ru, "Заявления: 0")).text).toContain(plain("ru", "police:reports.empty"));

    for (const name of ["Алматы", "Алматыда", "almaty"]) {
      kk.command("reports", name);
      const byRegion = await waitText(kk, "Арыздар: 1");
      expect(byRegion.text).toContain(reports.a!.number);
    }

    ru.command("reports", "scheme=bank_security");
    const byScheme = await waitText(ru, "Заявления: 1");
    expect(byScheme.text).toContain(reports.a!.number);

    ru.command("reports", "kaspi >400000");
    const byBank = await waitText(ru, "Заявления: 1");
    expect(byBank.text).toContain(reports.a!.number);

    ru.command("reports", "updated");
    expect((await waitText(ru, "Заявления: 0")).text).toContain(plain("ru", "police:reports.empty"));

    ru.command("reports", "Караганда 01.10.2026..31.10.2026");
    const old = await waitText(ru, "Заявления: 1");
    expect(old.text).toContain(reports.e!.number);

    ru.command("reports", "nowhere");
    expect((await ru.nextReply()).text).toContain("Не понял: nowhere");
  });

  it("pages through /reports with buttons", async () => {
    for (let i = 0; i < 9; i++) {
      await submitReport(h, 300 + i, "ru", relativeReport("ru").answers, new Date(`2026-11-1${i}T06:00:00Z`));
    }
    ru.command("reports");
    const first = await waitText(ru, "Заявления: 13");
    expect(first.text).toContain("стр. 1 из 2");
    expect(buttonTexts(first)).toContain("▶");
    ru.press("▶", first);
    const second = await ru.waitFor((m) => m.message_id === first.message_id && m.text.includes("стр. 2 из 2"), {
      kinds: ["edit"],
    });
    expect(second.text.match(/SB-2026-\d{6}/g)).toHaveLength(3);
    expect(buttonTexts(second)).toContain("◀");
  });

  it("exports a date range as CSV and XLSX whose rows match the database", async () => {
    ru.command("export", "2026-11-19 2026-11-30");
    const csv = await ru.waitFor((m) => m.file?.file_name?.endsWith(".csv") === true, { timeoutMs: 60_000 });
    const xlsx = await ru.waitFor((m) => m.file?.file_name?.endsWith(".xlsx") === true, { timeoutMs: 60_000 });
    const expected = (
      await sql<{ number: string }>(
        "SELECT number FROM reports WHERE status = 'submitted' AND incident_date BETWEEN ? AND ? ORDER BY submitted_at",
        "2026-11-19",
        "2026-11-30",
      )
    ).map((r) => r.number);
    expect(expected).toHaveLength(3);
    const lines = csv
      .file!.bytes.toString("utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines.slice(1).map((l) => l.split(";")[0])).toEqual(expected);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.file!.bytes as unknown as ArrayBuffer);
    const sheetValues = (name: string) => {
      const rows: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((row, n) => {
        if (n > 1) rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    };
    expect(sheetValues("Заявления").map((r) => r[0])).toEqual(expected);
    const transfers = await sql<{ number: string; amount_minor: number }>(
      `SELECT r.number, t.amount_minor FROM report_transfers t JOIN reports r ON r.id = t.report_id
       WHERE r.status = 'submitted' AND r.incident_date BETWEEN ? AND ? ORDER BY r.submitted_at, t.position`,
      "2026-11-19",
      "2026-11-30",
    );
    const sheet = sheetValues("Переводы");
    expect(sheet.map((r) => [r[0], Math.round(Number(r[4]) * 100)])).toEqual(
      transfers.map((t) => [t.number, t.amount_minor]),
    );

    kk.command("export", "almaty");
    expect((await kk.nextReply()).text).toContain("/export 01.11.2026 30.11.2026 Алматы");
  });

  it("finds every submitted report holding an identifier with /lookup", async () => {
    ru.command("lookup", "4400 4301 2345 6789");
    const found = await waitText(ru, "заявлений — 2");
    expect(found.text).toContain(reports.a!.number);
    expect(found.text).toContain(reports.b!.number);
    kk.command("lookup", "+7 747 123 45 67");
    const byPhone = await waitText(kk, "арыздар саны — 1");
    expect(buttonTexts(byPhone)).toEqual([reports.a!.number]);
    ru.command("lookup", "+7 700 000 00 01");
    expect((await ru.nextReply()).text).toContain("заявлений нет");
  });

  it("counts reports and losses by scheme, region and week, and names recurring recipients", async () => {
    ru.command("stats", "2026-11-19 2026-11-26");
    const stats = await waitText(ru, "Статистика");
    expect(stats.text).toContain("Заявлений: 3");
    expect(stats.text).toContain("Алматы");
    expect(stats.text).toContain("16.11.2026 – 22.11.2026");
    expect(stats.text).toContain("23.11.2026 – 29.11.2026");
    expect(stats.text).toMatch(/карта 4400 4301 2345 6789 — заявлений: 2/);
    kk.command("stats");
    const all = await waitText(kk, "Статистика");
    expect(all.text).toContain("Арыздар: 13");
    expect(all.text).toMatch(/телефон \+7 701 111 22 33 — арыз: 10/);
  });

  it("writes every police action to the audit log with who, role, what and which report", async () => {
    const rows = await sql<{ actor_id: number; actor_role: string; action: string; report_number: string | null }>(
      "SELECT actor_id, actor_role, action, report_number FROM audit_log WHERE actor_id IN (201, 202) ORDER BY id",
    );
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      "report.view",
      "report.pdf",
      "report.evidence",
      "report.json",
      "reports.list",
      "reports.export",
      "identifier.lookup",
      "stats.view",
    ]) {
      expect(actions).toContain(action);
    }
    expect(rows.every((r) => r.actor_role === "police")).toBe(true);
    expect(rows).toContainEqual({
      actor_id: 201,
      actor_role: "police",
      action: "report.pdf",
      report_number: reports.a!.number,
    });
    const qr = await sql<{ details: string }>(
      "SELECT details FROM audit_log WHERE action = 'report.view' AND report_number = ? AND actor_id = 201 ORDER BY id LIMIT 1",
      reports.a!.number,
    );
    expect(JSON.parse(qr[0]!.details)).toMatchObject({ via: "qr", linked: [reports.b!.number] });
  });
});
