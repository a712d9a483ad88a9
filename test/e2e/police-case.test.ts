/**
 * An investigator's walk, in Kazakh and in Russian: opens a report by the QR on
 * its paper, writes the ЕРДР number and the status into the case file, generates
 * the request to the recipient's bank, and the person who filed the report sees
 * the status in «My reports».
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { verifyStartPayload } from "../../src/core/report/signature.js";
import { grantRole } from "../../src/db/roles.js";
import type { BotMessage, UserHandle } from "../emulator/index.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { bankReportToSharedCard, depsOf, sqlOf, submitReport } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const ERDR = "261500031000123";
const pdfText = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-raw", "-", "-"], { input: pdf })
    .toString("utf8")
    .replace(/[\s\u00a0]+/g, " ");
const plain = (lang: Lang, key: string, values: Record<string, string> = {}) =>
  label(lang, key)
    .replace(/<\/?[a-z]+>/g, "")
    .replace(/\{\{-?\s*(\w+)\}\}/g, (_, k) => values[k] ?? "");

describe("an investigator works a case from the QR to the bank request; the victim sees the status", () => {
  let h: Harness;
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
  });
  afterAll(async () => h.close());

  describe.each(["kk", "ru"] as const)("in %s", (lang) => {
    const citizenId = lang === "kk" ? 8101 : 8201;
    const officerId = lang === "kk" ? 8102 : 8202;
    let citizen: UserHandle;
    let officer: UserHandle;
    let filed: { reportId: number; number: string };
    let reportMessage: BotMessage;
    let caseMessage: BotMessage;

    const waitText = (u: UserHandle, part: string) => u.waitFor((m) => m.text.includes(part), { timeoutMs: 60_000 });

    beforeAll(async () => {
      citizen = h.user(citizenId, lang);
      citizen.command("start");
      await citizen.waitFor((m) => buttonTexts(m).includes(label(lang, "start:consent.agree")));
      citizen.press(label(lang, "start:consent.agree"));
      await citizen.waitFor((m) => buttonTexts(m).includes(label(lang, "menu:items.report")));
      filed = await submitReport(
        h,
        citizenId,
        lang,
        { ...bankReportToSharedCard(lang), region: "almaty", incidentDate: "2026-11-24" },
        new Date("2026-11-25T06:00:00Z"),
      );
      await grantRole(
        depsOf(h).db,
        officerId,
        "police",
        { unit: "ДП г. Алматы, УП Медеуского района", regions: ["almaty"] },
        NOW,
      );
      officer = h.user(officerId, lang);
    });

    it("opens the report by the QR on its paper", async () => {
      officer.command("start", verifyStartPayload(filed.number, 1, depsOf(h).keys));
      reportMessage = await officer.waitFor((m) => m.text.includes(filed.number) && m.buttons.length > 0);
      expect(reportMessage.text).toContain(plain(lang, "case:statuses.new"));
      expect(buttonTexts(reportMessage)).toEqual(
        expect.arrayContaining([label(lang, "case:buttons.open"), label(lang, "case:buttons.freeze_kk")]),
      );
    });

    it("writes the ЕРДР number into the case file, and the person is told", async () => {
      officer.press(label(lang, "case:buttons.open"), reportMessage);
      caseMessage = await waitText(officer, plain(lang, "case:title", { number: filed.number }));
      expect(caseMessage.text).toContain(plain(lang, "case:erdr", { number: label(lang, "case:not_set") }));
      officer.press(label(lang, "case:buttons.erdr"), caseMessage);
      await waitText(officer, plain(lang, "case:ask_erdr", { number: filed.number }));
      officer.send(`№ ${ERDR.slice(0, 3)}`);
      expect((await officer.nextReply()).text).toBe(label(lang, "case:ask_erdr_again"));
      officer.send(ERDR);
      caseMessage = await waitText(officer, ERDR);
      expect(caseMessage.text).toContain(plain(lang, "case:erdr", { number: ERDR }));
      const told = await waitText(citizen, ERDR);
      expect(told.text).toContain(plain(lang, "case:applicant.title", { number: filed.number }));
      expect(await sql("SELECT erdr_number FROM reports WHERE id = ?", filed.reportId)).toEqual([
        { erdr_number: ERDR },
      ]);
    });

    it("sets the status «registered» and takes the case, and the person is told the status", async () => {
      officer.press(label(lang, "case:set_status.registered"), caseMessage);
      caseMessage = await officer.waitFor(
        (m) => m.message_id === caseMessage.message_id && m.text.includes(plain(lang, "case:statuses.registered")),
        { kinds: ["edit"], timeoutMs: 60_000 },
      );
      expect(buttonTexts(caseMessage)).not.toContain(label(lang, "case:set_status.registered"));
      const told = await waitText(citizen, plain(lang, "case:statuses.registered"));
      expect(told.text).toContain(filed.number);
      officer.press(label(lang, "case:buttons.take"), caseMessage);
      caseMessage = await officer.waitFor(
        (m) => m.message_id === caseMessage.message_id && buttonTexts(m).includes(label(lang, "case:buttons.release")),
        { kinds: ["edit"], timeoutMs: 60_000 },
      );
      expect(await sql("SELECT case_status, assignee_id FROM reports WHERE id = ?", filed.reportId)).toEqual([
        { case_status: "registered", assignee_id: officerId },
      ]);
    });

    it("generates the request to the recipient's bank, in kk and ru, with the recipient, money, times and numbers", async () => {
      for (const docLang of ["kk", "ru"] as const) {
        officer.press(label(lang, `case:buttons.freeze_${docLang}`), reportMessage);
        const request = await officer.waitFor(
          (m) =>
            m.file?.file_name?.startsWith(`${filed.number}_request_`) === true &&
            m.file.file_name.endsWith(`_${docLang}.pdf`),
          { timeoutMs: 60_000 },
        );
        expect(request.text).toBe(plain(lang, "case:freeze.caption", { number: filed.number }));
        const text = pdfText(request.file!.bytes);
        expect(text).toContain(filed.number);
        expect(text).toContain(ERDR);
        // the recipient whole, the money and the time of the transfer
        expect(text).toContain("4400430123456789");
        expect(text).toContain("14.03.2026 12:05");
        expect(text).toMatch(/450 000 ₸/);
        expect(text).toContain("ДП г. Алматы, УП Медеуского района");
        expect(text).toContain(docLang === "kk" ? "Сұраймын:" : "Прошу:");
        expect(text).toContain(docLang === "kk" ? "Операцияларды тоқтата тұру" : "Запрос о приостановлении операций");
      }
      const audit = (
        await sql<{ action: string }>(
          "SELECT action FROM audit_log WHERE actor_id = ? AND report_number = ? ORDER BY id",
          officerId,
          filed.number,
        )
      ).map((r) => r.action);
      expect(audit).toEqual([
        "report.view",
        "case.view",
        "case.erdr",
        "case.status",
        "case.assign",
        "report.freeze_request",
        "report.freeze_request",
      ]);
    });

    it("shows the person the status and the number in «My reports»", async () => {
      citizen.command("myreports");
      const list = await waitText(citizen, filed.number);
      expect(list.text).toContain(
        plain(lang, "myreports:list.case", { status: label(lang, "case:statuses.registered") }),
      );
      citizen.press(`📄 ${filed.number}`, list);
      const card = await citizen.waitFor((m) => m.text.includes(plain(lang, "myreports:case.erdr", { number: ERDR })), {
        timeoutMs: 60_000,
      });
      expect(card.text).toContain(
        plain(lang, "myreports:case.status", { status: label(lang, "case:statuses.registered") }),
      );
      expect(card.text).toContain(`26.11.2026 14:00 — ${label(lang, "case:statuses.registered")}`);
      // the officer's notes and name stay with the police
      expect(card.text).not.toContain("УП Медеуского района");
    });
  });
});
