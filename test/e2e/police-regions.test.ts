/**
 * Officers see their regions: an Almaty officer gets no Karaganda row in lists,
 * exports, statistics, lookups or links, cannot open a Karaganda report by number
 * or by a forged button, and is told of new reports of Almaty only. The QR on a
 * paper the person brings opens any report: holding the document is the right.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyStartPayload } from "../../src/core/report/signature.js";
import { grantRole } from "../../src/db/roles.js";
import type { UserHandle } from "../emulator/index.js";
import { marketplaceReport, relativeReport } from "../fixtures/reports/index.js";
import { Harness } from "../support/harness.js";
import { bankReportToSharedCard, depsOf, sqlOf, submitReport } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const ALMATY = 9201;
const KARAGANDA = 9202;
const NATIONAL = 9203;

describe("officers are scoped to their regions", () => {
  let h: Harness;
  let almaty: UserHandle;
  const reports: Record<"a1" | "a2" | "k1" | "k2", { reportId: number; number: string }> = {} as never;
  const karagandaNumbers = () => [reports.k1.number, reports.k2.number];
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
    const day = (d: number) => new Date(`2026-11-${d}T06:00:00Z`);
    // a1 and k1 share a recipient card; k2 shares the relative scheme's phone with nobody in Almaty
    reports.a1 = await submitReport(
      h,
      101,
      "ru",
      { ...bankReportToSharedCard("ru"), region: "almaty", incidentDate: "2026-11-18" },
      day(18),
    );
    reports.a2 = await submitReport(
      h,
      102,
      "ru",
      { ...relativeReport("ru").answers, region: "almaty", incidentDate: "2026-11-19" },
      day(19),
    );
    reports.k1 = await submitReport(
      h,
      103,
      "kk",
      { ...marketplaceReport("kk").answers, region: "karaganda", incidentDate: "2026-11-20" },
      day(20),
    );
    reports.k2 = await submitReport(
      h,
      104,
      "ru",
      { ...relativeReport("ru").answers, region: "karaganda", incidentDate: "2026-11-21" },
      day(21),
    );
    const { db } = depsOf(h);
    await grantRole(db, ALMATY, "police", { unit: "ДП г. Алматы", regions: ["almaty"] }, NOW);
    await grantRole(db, KARAGANDA, "police", { unit: "ДП Карагандинской обл.", regions: ["karaganda"] }, NOW);
    await grantRole(db, NATIONAL, "police", { unit: "МВД РК", allRegions: true }, NOW);
    almaty = h.user(ALMATY, "ru");
  });
  afterAll(async () => h.close());

  /** What the bot sent for one action; `quiet` for a press that is answered without a message. */
  async function outcome(u: UserHandle, act: () => void, quiet = false) {
    const before = u.messages().length;
    const answers = u.callbackAnswers().length;
    act();
    if (!quiet) await u.waitFor(() => true, { timeoutMs: 60_000 });
    await h.emulator.waitIdle({ quietMs: 200 });
    return { messages: u.messages().slice(before), answers: u.callbackAnswers().slice(answers) };
  }
  const noKaraganda = (texts: string[]) => {
    for (const text of texts) for (const number of karagandaNumbers()) expect(text).not.toContain(number);
  };

  it("lists, pages and counts only Almaty reports, whatever filter is typed", async () => {
    const all = await outcome(almaty, () => almaty.command("reports"));
    expect(all.messages[0]!.text).toContain("Заявления: 2");
    expect(all.messages[0]!.text).toContain(reports.a1.number);
    expect(all.messages[0]!.text).toContain(reports.a2.number);
    for (const filter of ["Караганда", "karaganda", "2026-11-20 2026-11-21", "marketplace_seller"]) {
      const filtered = await outcome(almaty, () => almaty.command("reports", filter));
      expect(filtered.messages[0]!.text, filter).toContain("Заявления: 0");
    }
    const stats = await outcome(almaty, () => almaty.command("stats"));
    expect(stats.messages[0]!.text).toContain("Заявлений: 2");
    noKaraganda([...all.messages, ...stats.messages].map((m) => m.text));
  });

  it("exports Almaty rows only, in CSV and XLSX", async () => {
    const files = await outcome(almaty, () => almaty.command("export", "2026-11-01 2026-11-30"));
    await h.emulator.waitIdle({ quietMs: 300 });
    const sent = almaty.messages().filter((m) => m.file);
    const csv = sent.find((m) => m.file!.file_name!.endsWith(".csv"))!;
    const xlsx = sent.find((m) => m.file!.file_name!.endsWith(".xlsx"))!;
    expect(files.messages.length).toBeGreaterThan(0);
    const lines = csv.file!.bytes.toString("utf8").trim().split("\r\n").slice(1);
    expect(lines.map((l) => l.split(";")[0]).sort()).toEqual([reports.a1.number, reports.a2.number].sort());
    noKaraganda([csv.file!.bytes.toString("utf8")]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.file!.bytes as unknown as ArrayBuffer);
    for (const sheet of book.worksheets) {
      sheet.eachRow((row, n) => {
        if (n > 1) expect([reports.a1.number, reports.a2.number]).toContain(row.getCell(1).value);
      });
    }
  });

  it("finds only Almaty reports by a card two regions share, and counts the others without naming them", async () => {
    const found = await outcome(almaty, () => almaty.command("lookup", "4400 4301 2345 6789"));
    const text = found.messages.map((m) => m.text).join("\n");
    expect(text).toContain("заявлений — 1");
    expect(text).toContain(reports.a1.number);
    expect(text).toContain("Ещё в других регионах: 1");
    noKaraganda(text.split("\n"));
    const karaganda = h.user(KARAGANDA, "kk");
    const theirs = await outcome(karaganda, () => karaganda.command("lookup", "4400 4301 2345 6789"));
    expect(theirs.messages[0]!.text).toContain(reports.k1.number);
    expect(theirs.messages[0]!.text).not.toContain(reports.a1.number);
  });

  it("shows links within the region and only a count of the others", async () => {
    const opened = await outcome(almaty, () => almaty.command("open", reports.a1.number));
    const text = opened.messages.map((m) => m.text).join("\n");
    expect(text).toContain(reports.a1.number);
    expect(text).toContain(label("ru", "police:linked.none"));
    expect(text).toContain("Ещё в других регионах: 1");
    noKaraganda(opened.messages.map((m) => m.text));
    expect(opened.messages.flatMap((m) => m.buttons.flat().map((b) => b.text))).not.toContain(reports.k1.number);
  });

  it("refuses a Karaganda report by number, by a forged button and by a forged case press, sending nothing of it", async () => {
    const byNumber = await outcome(almaty, () => almaty.command("open", reports.k1.number));
    expect(byNumber.messages.map((m) => m.text)).toEqual([
      `Заявление ${reports.k1.number} относится к региону «Карагандинская обл.», а он не входит в ваши. Откройте его по QR-коду на бумаге или попросите администратора добавить регион.`,
    ]);
    const anchor = almaty.last()!.message_id;
    for (const data of [
      `pol:o:${reports.k1.reportId}:`,
      `pol:p:${reports.k1.reportId}:ru`,
      `pol:j:${reports.k1.reportId}:`,
      `pol:f:${reports.k1.reportId}:ru`,
      `pol:c:${reports.k1.reportId}:`,
      `cse:s:${reports.k1.reportId}:1`,
      `cse:m:${reports.k1.reportId}:`,
      `cse:e:${reports.k1.reportId}:`,
    ]) {
      const pressed = await outcome(almaty, () => almaty.pressData(anchor, data), true);
      expect(pressed.messages, data).toEqual([]);
      expect(pressed.answers).toHaveLength(1);
    }
    const byCase = await outcome(almaty, () => almaty.command("case", reports.k2.number));
    expect(byCase.messages.map((m) => m.text)).toEqual([label("ru", "case:out_of_scope")]);
    expect(await sql("SELECT case_status, assignee_id FROM reports WHERE id = ?", reports.k1.reportId)).toEqual([
      { case_status: "new", assignee_id: null },
    ]);
    noKaraganda(almaty.messages().map((m) => m.text.replace(/Заявление SB-\d{4}-\d{6} относится.*/s, "")));
  });

  it("tells officers of new reports in their region only, and not after /notices off", async () => {
    const national = h.user(NATIONAL, "ru");
    const karaganda = h.user(KARAGANDA, "kk");
    // Telegram lets a bot write only to people who opened it
    for (const u of [national, karaganda]) await outcome(u, () => u.command("help"));
    const fresh = await submitReport(h, 105, "ru", { ...relativeReport("ru").answers, region: "almaty" }, NOW);
    const notice = await almaty.waitFor((m) => m.text.includes(fresh.number), { timeoutMs: 60_000 });
    expect(notice.text).toContain(`Новое заявление ${fresh.number}`);
    expect(notice.text).toContain("Алматы");
    expect(notice.buttons.flat().map((b) => b.text)).toEqual([label("ru", "police:notices.open")]);
    await national.waitFor((m) => m.text.includes(fresh.number), { timeoutMs: 60_000 });
    await h.emulator.waitIdle({ quietMs: 300 });
    expect(karaganda.messages().some((m) => m.text.includes(fresh.number))).toBe(false);
    expect(
      await sql(
        "SELECT actor_id FROM audit_log WHERE action = 'report.notice' AND report_number = ? ORDER BY actor_id",
        fresh.number,
      ),
    ).toEqual([{ actor_id: ALMATY }, { actor_id: NATIONAL }]);

    await outcome(almaty, () => almaty.command("notices", "off"));
    const later = await submitReport(h, 106, "ru", { ...relativeReport("ru").answers, region: "almaty" }, NOW);
    await national.waitFor((m) => m.text.includes(later.number), { timeoutMs: 60_000 });
    await h.emulator.waitIdle({ quietMs: 300 });
    expect(almaty.messages().some((m) => m.text.includes(later.number))).toBe(false);
  });

  it("opens a Karaganda report by the QR on its paper, and then its files", async () => {
    const payload = verifyStartPayload(reports.k1.number, 1, depsOf(h).keys);
    const opened = await outcome(almaty, () => almaty.command("start", payload));
    expect(opened.messages[0]!.text).toContain(reports.k1.number);
    const anchor = opened.messages[0]!.message_id;
    almaty.pressData(anchor, `pol:j:${reports.k1.reportId}:`);
    const json = await almaty.waitFor((m) => m.file?.file_name === `${reports.k1.number}_v1.json`, {
      timeoutMs: 60_000,
    });
    expect(JSON.parse(json.file!.bytes.toString("utf8")).number).toBe(reports.k1.number);
    const views = (
      await sql<{ details: string }>(
        "SELECT details FROM audit_log WHERE actor_id = ? AND report_number = ? AND action = 'report.view'",
        ALMATY,
        reports.k1.number,
      )
    ).map((r) => JSON.parse(r.details));
    // refused by number and by button before, opened by QR now
    expect(views.map((v) => [v.route, v.outcome ?? v.via])).toEqual([
      ["open", "out_of_scope"],
      ["report.open", "out_of_scope"],
      ["qr", "qr"],
    ]);
  });
});
