import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marketplaceReport, relativeReport } from "../fixtures/reports/index.js";
import { Harness } from "../support/harness.js";
import { askerAtLookup, bankReportToSharedCard, leaveDraft, sqlOf, submitReport } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("has this been reported? (for everyone)", () => {
  let h: Harness;
  let numbers: string[] = [];
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
    const a = await submitReport(h, 101, "ru", bankReportToSharedCard("ru"), new Date("2026-11-20T06:00:00Z"));
    const b = await submitReport(h, 102, "kk", marketplaceReport("kk").answers, new Date("2026-11-22T06:00:00Z"));
    const c = await submitReport(h, 103, "ru", relativeReport("ru").answers, new Date("2026-11-23T06:00:00Z"));
    await leaveDraft(h, 104, "ru", marketplaceReport("ru").answers);
    numbers = [a.number, b.number, c.number];
  });
  afterAll(() => h.close());

  it("answers only a count and the schemes, never a report's content, before consent", async () => {
    const u = await askerAtLookup(h, 401, "ru");
    u.send("4400 4301 2345 6789");
    const answer = await u.nextReply();
    expect(answer.text).toContain("карта 4400 4301 2345 6789 встречается в заявлениях пострадавших: 2");
    expect(answer.text).toContain("Звонок из «службы безопасности банка» (1)");
    expect(answer.text).toContain("Фальшивое объявление");
    for (const secret of [...numbers, "Данияр", "Ерлан", "Kaspi", "450", "+7"])
      expect(answer.text).not.toContain(secret);
    expect(await sql("SELECT * FROM users WHERE id = 401")).toEqual([]);
    expect(await sql("SELECT * FROM pending_inputs WHERE user_id = 401")).toEqual([]);
    expect(await sql("SELECT * FROM audit_log WHERE actor_id = 401")).toEqual([]);
  });

  it("answers in Kazakh, and counts a phone that received transfers in one report once", async () => {
    const u = await askerAtLookup(h, 402, "kk");
    u.send("8 701 111 22 33");
    const answer = await u.nextReply();
    expect(answer.text).toContain("телефон +7 701 111 22 33 зардап шеккендердің арыздарында кездеседі: 1");
    expect(answer.text).toContain("«Туысқан қиын жағдайда»");
    expect(answer.text).not.toContain(numbers[2]!);
  });

  it("says when nothing is known, without calling the number safe", async () => {
    const u = await askerAtLookup(h, 403, "ru");
    u.send("@nobody_here");
    const answer = await u.nextReply();
    expect(answer.text).toContain("аккаунт @nobody_here: в поданных заявлениях не встречается");
    expect(answer.text).toContain("мошенники часто меняют");
  });

  it("asks again for a card with a typo or with only its last digits", async () => {
    const u = await askerAtLookup(h, 404, "kk");
    u.send("4400 4301 2345 6788");
    expect((await u.nextReply()).text).toBe(label("kk", "lookup:errors.typo"));
    u.send("**** 6789");
    expect((await u.nextReply()).text).toBe(label("kk", "lookup:errors.masked"));
    u.send("4400430123456789");
    expect((await u.nextReply()).text).toContain("арыздарында кездеседі: 2");
  });

  it("counts submitted reports only: a withdrawn report stops counting", async () => {
    await sql("UPDATE reports SET status = 'withdrawn' WHERE number = ?", numbers[1]);
    const u = await askerAtLookup(h, 405, "ru");
    u.send("4400 4301 2345 6789");
    expect((await u.nextReply()).text).toContain("встречается в заявлениях пострадавших: 1");
  });
});
