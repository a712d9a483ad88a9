/**
 * Personal data has a lifecycle: nothing is stored before the person agrees,
 * and a draft left untouched for 30 days is purged by the housekeeping job
 * (its answers, contacts, transfers and evidence references with it), while
 * submitted reports stay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { rows } from "../support/db-reader.js";
import { atNarrative, STORY, toChannels } from "../support/drafts.js";
import { Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const DAY = 86_400_000;

/** Everything stored about one person, table by table (only tables that hold a person's data). */
async function storedAbout(h: Harness, userId: number): Promise<Record<string, number>> {
  const count = async (sql: string) => (await rows<{ n: number }>(h, sql, userId))[0]!.n;
  return {
    users: await count("SELECT COUNT(*) AS n FROM users WHERE id = ?"),
    reports: await count("SELECT COUNT(*) AS n FROM reports WHERE user_id = ?"),
    pending_inputs: await count("SELECT COUNT(*) AS n FROM pending_inputs WHERE user_id = ?"),
    audit_log: await count("SELECT COUNT(*) AS n FROM audit_log WHERE actor_id = ?"),
  };
}
const nothing = { users: 0, reports: 0, pending_inputs: 0, audit_log: 0 };

describe("consent before storage", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  for (const [id, lang] of [
    [9901, "ru"],
    [9902, "kk"],
  ] as [number, Lang][]) {
    it(`nothing about a person is stored before they press Agree, whatever they try (${lang})`, async () => {
      const u = h.user(id, lang);
      u.command("start");
      await u.waitFor((m) => m.buttons.length > 0);
      const attempts: (() => unknown)[] = [
        () => u.send(STORY[lang]),
        () => u.send("+7 701 234 56 78"),
        () => u.command("report"),
        () => u.command("mydata"),
        () => u.command("myreports"),
        () => u.sendPhoto({ caption: "скриншот" }),
        () => u.sendDocument({ name: "чек.pdf", mime: "application/pdf", bytes: Buffer.from("%PDF-1.4") }),
        () => u.sendContact("+77011234567"),
        () => u.pressData(1, "m:report"),
        () => u.pressData(1, "m:continue"),
        () => u.pressData(1, "draft:new"),
        () => u.pressData(1, "q:k:urgent:::0"),
        () => u.pressData(1, `consent:decline:${lang}`),
        () => u.send("4400 4301 2345 6789"),
      ];
      for (const attempt of attempts) {
        attempt();
        await h.settle({ quietMs: 60 });
      }
      expect(await storedAbout(h, id)).toEqual(nothing);
      // Asked to agree, in their language.
      expect(
        u
          .messages()
          .filter(
            (m) =>
              m.text.includes(label(lang, "start:consent.agree")) ||
              m.buttons.flat().some((b) => b.text === label(lang, "start:consent.agree")),
          ).length,
      ).toBeGreaterThan(0);

      u.command("start");
      await u.waitFor((m) => m.buttons.flat().some((b) => b.text === label(lang, "start:consent.agree")));
      u.press(label(lang, "start:consent.agree"));
      await u.waitFor((m) => m.buttons.flat().some((b) => b.text === label(lang, "menu:items.report")));
      expect((await storedAbout(h, id)).users).toBe(1);
    });
  }
});

describe("drafts untouched for 30 days", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  it("are purged by the housekeeping job with everything they hold; younger drafts and submitted reports stay", async () => {
    // A draft with a story, a file and an answer to each of several questions; a younger draft; a submitted report.
    const stale = await atNarrative(h, 9911, "ru");
    await toChannels(stale, "ru");
    stale.sendPhoto({ caption: "скриншот" });
    await nextQuestion(stale);
    const young = await atNarrative(h, 9912, "kk");
    young.send(STORY.kk);
    await nextQuestion(young);
    const filed = await consentedUser(h, 9913, "ru");
    filed.press(label("ru", "menu:items.report"));
    await nextQuestion(filed);
    const review = await play(filed, scenarios[1]!.script("ru"));
    filed.press(label("ru", "questionnaire:review.submit"), review);
    await filed.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 60_000 });
    await h.emulator.waitIdle();
    await h.stopBot();

    const staleDraft = (await rows<{ id: number }>(h, "SELECT id FROM reports WHERE user_id = 9911"))[0]!.id;
    expect(await rows(h, "SELECT id FROM report_evidence WHERE report_id = ?", staleDraft)).toHaveLength(1);
    // Time passes: the stale draft was last touched 31 days ago, the young one 29, the report was filed 31 days ago.
    const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
    const touch = "UPDATE reports SET updated_at = ? WHERE user_id = ?";
    await rows(h, touch, ago(31), 9911);
    await rows(h, touch, ago(29), 9912);
    await rows(h, touch, ago(31), 9913);

    await h.start(); // the job runs at start, then every six hours
    await h.emulator.waitIdle();

    const left = await rows<{ user_id: number; status: string }>(
      h,
      "SELECT user_id, status FROM reports ORDER BY user_id",
    );
    expect(left).toEqual([
      { user_id: 9912, status: "draft" },
      { user_id: 9913, status: "submitted" },
    ]);
    for (const table of [
      "report_contacts",
      "report_transfers",
      "report_loans",
      "report_identifiers",
      "report_evidence",
    ]) {
      expect(await rows(h, `SELECT id FROM ${table} WHERE report_id = ?`, staleDraft), table).toEqual([]);
    }
    expect(h.logs.join("")).toContain("stale drafts purged");
  }, 240_000);

  it("the person whose draft was purged is offered a fresh start", async () => {
    const stale = h.user(9911, "ru");
    stale.command("report");
    const first = await nextQuestion(stale);
    expect(first.text).toContain("102");
  });
});
