import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recipientsDigest } from "../../src/core/report/facts.js";
import { publicKeyFingerprint, verifyStartPayload } from "../../src/core/report/signature.js";
import { grantRole } from "../../src/db/roles.js";
import { almatyDateTime, formatMoney } from "../../src/documents/format.js";
import type { UserHandle } from "../emulator/index.js";
import { bankSecurityReport, marketplaceReport } from "../fixtures/reports/index.js";
import { Harness } from "../support/harness.js";
import { keysFromSeed } from "../support/keys.js";
import { depsOf, sqlOf, submitReport } from "../support/reports-db.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const SUBMITTED = new Date("2026-11-20T06:00:00Z");

describe("the verification deep link in the report's QR", () => {
  let h: Harness;
  let valid: { number: string; payload: string };
  let withdrawn: { number: string; payload: string };
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
    const { keys, db } = depsOf(h);
    const a = await submitReport(h, 101, "ru", bankSecurityReport("ru").answers, SUBMITTED);
    const b = await submitReport(h, 102, "kk", marketplaceReport("kk").answers, SUBMITTED);
    valid = { number: a.number, payload: verifyStartPayload(a.number, 1, keys) };
    withdrawn = { number: b.number, payload: verifyStartPayload(b.number, 1, keys) };
    // What "delete my data" leaves behind: the number, its dates, nothing else.
    await sql(
      "INSERT INTO withdrawn_numbers (number, submitted_at, withdrawn_at) VALUES (?, ?, ?)",
      b.number,
      SUBMITTED.toISOString(),
      NOW.toISOString(),
    );
    await sql("DELETE FROM reports WHERE number = ?", b.number);
    await grantRole(db, 900, "police", {}, NOW);
  });
  afterAll(async () => h.close());

  /** Opens the link and returns everything the bot sent for it. */
  async function open(u: UserHandle, payload: string) {
    const before = u.messages().length;
    u.command("start", payload);
    await u.nextReply();
    await h.settle({ quietMs: 150 });
    return u.messages().slice(before);
  }

  it("tells anyone else that the report is genuine, with the facts a bank clerk compares with the paper", async () => {
    const report = bankSecurityReport("ru");
    const digest = recipientsDigest(report.answers.transfers)!;
    const key = publicKeyFingerprint(depsOf(h).keys.publicKey);
    const replies = await open(h.user(501, "ru"), valid.payload);
    expect(replies.map((m) => m.text)).toEqual([
      [
        `✅ Действительное заявление ${valid.number}, подано ${almatyDateTime(SUBMITTED.toISOString())}, версия 1.`,
        "",
        "Сверьте с бумагой:",
        `• сумма переводов: ${formatMoney({ amountMinor: 450_000_00, currency: "KZT" })}`,
        "• переводов: 1",
        "• дата происшествия: 14.03.2026",
        `• код получателей: ${digest}`,
        `• ключ подписи: ${key}`,
      ].join("\n"),
    ]);
    expect(replies[0]!.buttons).toEqual([]);
    expect(replies[0]!.file).toBeUndefined();
    // the name and the IBAN stay out
    expect(replies[0]!.text).not.toMatch(/Ерлан|KZ18/);
    const kk = await open(h.user(502, "kk"), valid.payload);
    expect(kk[0]!.text).toContain(`✅ ${valid.number} арызы жарамды, 20.11.2026 11:00 берілген, 1-нұсқа.`);
    expect(kk[0]!.text).toContain(`• алушылар коды: ${digest}`);
    expect(await sql("SELECT id FROM users WHERE id IN (501, 502)")).toEqual([]);
    expect(await sql("SELECT id FROM audit_log WHERE actor_id IN (501, 502)")).toEqual([]);
  });

  it("says 'not valid' for a forged token, a token of another number, or a version that does not exist", async () => {
    const u = h.user(503, "ru");
    const token = valid.payload.split("_").slice(3).join("_");
    const flipped = token.endsWith("A") ? `${token.slice(0, -1)}B` : `${token.slice(0, -1)}A`;
    const forged = [
      valid.payload.replace(token, flipped),
      `v_${valid.number.replace(/\d$/, "9")}_1_${token}`,
      verifyStartPayload(valid.number, 2, depsOf(h).keys),
      verifyStartPayload(valid.number, 1, keysFromSeed("another server")),
    ];
    for (const payload of forged) {
      const replies = await open(u, payload);
      expect(replies.map((m) => m.text)).toEqual(["❌ Недействительно: такого заявления нет или ссылка изменена."]);
    }
    const kk = await open(h.user(504, "kk"), forged[0]!);
    expect(kk.map((m) => m.text)).toEqual(["❌ Жарамсыз: мұндай арыз жоқ немесе сілтеме өзгертілген."]);
  });

  it("says 'withdrawn by the applicant' for a withdrawn report, to police too", async () => {
    const citizen = await open(h.user(505, "ru"), withdrawn.payload);
    expect(citizen.map((m) => m.text)).toEqual([
      `⚪️ Заявление ${withdrawn.number} (подано 20.11.2026 11:00) отозвано заявителем.`,
    ]);
    const police = await open(h.user(900, "kk"), withdrawn.payload);
    expect(police.map((m) => m.text)).toEqual([
      `⚪️ ${withdrawn.number} арызын (20.11.2026 11:00 берілген) арыз беруші кері қайтарып алды.`,
    ]);
  });

  it("shows police the full report and records that they opened it by QR", async () => {
    const replies = await open(h.user(900, "ru"), valid.payload);
    expect(replies[0]!.text).toContain(`Заявление ${valid.number} · версия 1`);
    expect(replies[0]!.text).toContain("Подполковник Серик Жумабаев");
    expect(await sql("SELECT action, report_number FROM audit_log WHERE actor_id = 900")).toEqual([
      { action: "report.view", report_number: valid.number },
    ]);
  });
});
