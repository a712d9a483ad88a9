import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { label } from "../support/scenarios.js";

/**
 * The bot runs as its own process (`node --import tsx src/main.ts`), is killed in
 * the middle of the questionnaire, and a new process on the same database
 * continues at the same step with every earlier answer present.
 */
describe("a restart in the middle of the questionnaire", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
  });
  afterEach(async () => h.close());

  it("continues at the same step in a new process, with all earlier answers", async () => {
    let bot = h.spawnBot();
    const u = h.user(7001, "kk");
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0, { timeoutMs: 60_000 });
    u.press(label("kk", "start:consent.agree"));
    await u.waitFor((m) => buttonTexts(m).includes(label("kk", "menu:items.report")));
    u.press(label("kk", "menu:items.report"));
    await nextQuestion(u);
    const channelsQuestion = await play(u, [
      { press: label("kk", "questionnaire:steps.urgent.continue") },
      { press: label("kk", "common:filed_for.self") },
      { type: "Банктен хабарласып, қауіпсіз шотқа аударыңыз деді" },
      { press: label("kk", "common:day.yesterday") },
      { type: "19:30" },
    ]);
    expect(channelsQuestion.text).toContain("Сізге қалай хабарласты?");

    expect(await bot.kill("SIGKILL")).toBeNull();
    bot = h.spawnBot();

    // The person carries on where they were: a toggle on the same question.
    u.press(label("kk", "common:channels.phone_call"));
    // The new process may first show the current question again (the last answer's reply may have
    // died with the old one); the press is handled either way.
    const toggled = await u.waitFor((m) => buttonTexts(m).includes(`✅ ${label("kk", "common:channels.phone_call")}`), {
      timeoutMs: 60_000,
    });
    u.press(label("kk", "common:buttons.done"), toggled);
    const next = await u.waitFor((m) => m.text.includes("1-хабарласқан адам"), { timeoutMs: 60_000 });
    expect(buttonTexts(next)).toContain(label("kk", "common:identities.bank"));

    await bot.kill("SIGTERM");
    const [row] = await rows<{ narrative: string; incident_time: string; channels: string; cursor: string }>(
      h,
      "SELECT narrative, incident_time, channels, cursor FROM reports WHERE user_id = 7001",
    );
    if (!row) throw new Error("no report row");
    expect(row.narrative).toBe("Банктен хабарласып, қауіпсіз шотқа аударыңыз деді");
    expect(row.incident_time).toBe("19:30");
    expect(JSON.parse(row.channels)).toEqual(["phone_call"]);
    expect(JSON.parse(row.cursor).step).toBe("contact_identity");
  }, 240_000);
});
