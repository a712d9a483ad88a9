import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_LOOKUP_QUOTA } from "../../src/services/lookup.js";
import { marketplaceReport, relativeReport } from "../fixtures/reports/index.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { askerAtLookup, bankReportToSharedCard, leaveDraft, sqlOf, submitReport } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const CARD = "4400 4301 2345 6789";

describe("has this been reported? (for people who agreed to the notice)", () => {
  let h: Harness;
  let numbers: string[] = [];
  const sql = <T>(query: string, ...params: unknown[]) => sqlOf(h)<T>(query, ...params);

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
    // two people reported the same card; one person reported a phone, twice
    const a = await submitReport(h, 101, "ru", bankReportToSharedCard("ru"), new Date("2026-11-20T06:00:00Z"));
    const b = await submitReport(h, 102, "kk", marketplaceReport("kk").answers, new Date("2026-11-22T06:00:00Z"));
    const c = await submitReport(h, 103, "ru", relativeReport("ru").answers, new Date("2026-11-23T06:00:00Z"));
    await submitReport(h, 103, "ru", relativeReport("ru").answers, new Date("2026-11-24T06:00:00Z"));
    await leaveDraft(h, 104, "ru", marketplaceReport("ru").answers);
    numbers = [a.number, b.number, c.number];
  });
  afterAll(async () => h.close());

  it("asks for consent first, and counts nothing before it", async () => {
    const u = h.user(400, "ru");
    u.command("start");
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "start:consent.decline")));
    u.press(label("ru", "start:consent.decline"));
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "menu:items.lookup")));
    u.press(label("ru", "menu:items.lookup"));
    const asked = await u.waitFor((m) => buttonTexts(m).includes(label("ru", "start:consent.agree")));
    expect(asked.text).toContain(
      label("ru", "start:consent.text")
        .replace(/<\/?b>/g, "")
        .slice(0, 40),
    );
    expect(await sql("SELECT * FROM users WHERE id = 400")).toEqual([]);
    expect(await sql("SELECT * FROM lookup_quota WHERE user_id = 400")).toEqual([]);
  });

  it("gives a count of the people who reported a key, without schemes to someone who filed no report", async () => {
    const u = await askerAtLookup(h, 401, "ru");
    u.send(CARD);
    const answer = await u.nextReply();
    expect(answer.text).toContain(
      "карта 4400 4301 2345 6789 — есть в заявлениях пострадавших. Сообщили разные люди: 2",
    );
    expect(answer.text).not.toContain(label("ru", "lookup:schemes").slice(0, 10));
    for (const secret of [...numbers, "Данияр", "Ерлан", "Kaspi", "450", "+7", "службы безопасности", "объявление"])
      expect(answer.text).not.toContain(secret);
    expect(await sql("SELECT * FROM audit_log WHERE actor_id = 401")).toEqual([]);
  });

  it("names the schemes to a victim with a report of their own, in Kazakh too", async () => {
    const u = await askerAtLookup(h, 102, "kk");
    u.send(CARD);
    const answer = await u.nextReply();
    expect(answer.text).toContain("зардап шеккендердің арыздарында бар. Хабарлаған әртүрлі адамдар саны: 2");
    expect(answer.text).toContain("Олардың арыздарындағы схемалар:");
    for (const secret of numbers) expect(answer.text).not.toContain(secret);
  });

  it("answers «no confirmed reports» for a key only one person reported, however many times", async () => {
    const u = await askerAtLookup(h, 402, "kk");
    u.send("8 701 111 22 33");
    const answer = await u.nextReply();
    expect(answer.text).toContain("телефон +7 701 111 22 33: расталған хабарлама жоқ");
    expect(answer.text).toContain("Кемінде екі түрлі адам");
    const nothing = await askerAtLookup(h, 403, "ru");
    nothing.send("@nobody_here");
    const none = (await nothing.nextReply()).text;
    expect(none).toContain("аккаунт @nobody_here: подтверждённых сообщений нет");
    expect(none).toContain("мошенники часто меняют");
  });

  it("asks again for a card with a typo or with only its last digits, and counts only real checks", async () => {
    const u = await askerAtLookup(h, 404, "kk");
    u.send("4400 4301 2345 6788");
    expect((await u.nextReply()).text).toBe(label("kk", "lookup:errors.typo"));
    u.send("**** 6789");
    expect((await u.nextReply()).text).toBe(label("kk", "lookup:errors.masked"));
    u.send("4400430123456789");
    expect((await u.nextReply()).text).toContain("Хабарлаған әртүрлі адамдар саны: 2");
    expect(await sql("SELECT count FROM lookup_quota WHERE user_id = 404")).toEqual([{ count: 1 }]);
  });

  it("limits each person's checks per day in the database: the limit holds after a restart", async () => {
    const id = 405;
    for (let i = 0; i < PUBLIC_LOOKUP_QUOTA.limit; i++) {
      const u = await askerAtLookup(h, id, "ru");
      u.send(`@probe_${i}`);
      expect((await u.nextReply()).text).toContain("подтверждённых сообщений нет");
    }
    await h.stopBot();
    await h.start();
    const u = await askerAtLookup(h, id, "ru");
    u.send(CARD);
    expect((await u.nextReply()).text).toBe(label("ru", "lookup:limit"));
    expect(await sql("SELECT count FROM lookup_quota WHERE user_id = ?", id)).toEqual([
      { count: PUBLIC_LOOKUP_QUOTA.limit },
    ]);
  });

  it("counts submitted reports only: a withdrawn report stops counting", async () => {
    await sqlOf(h)("UPDATE reports SET status = 'withdrawn' WHERE number = ?", numbers[1]);
    const u = await askerAtLookup(h, 406, "ru");
    u.send(CARD);
    expect((await u.nextReply()).text).toContain("подтверждённых сообщений нет");
  });
});
