import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remindDrafts } from "../../src/bot/jobs/draft-reminders.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

describe("unfinished reports are kept and offered back", () => {
  let h: Harness;
  // Far from the real date: code that reads the real clock instead of the app's is caught.
  let now = new Date("2031-03-10T06:00:00Z");
  beforeAll(async () => {
    h = await Harness.create({ now: () => now });
    await h.start();
  });
  afterAll(async () => h.close());

  it("leaves with /cancel, keeps the answers, and continues at the same question from the menu", async () => {
    const u = await consentedUser(h, 901, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u);
    await play(u, [
      { press: label("ru", "questionnaire:steps.urgent.continue") },
      { press: label("ru", "common:filed_for.parent") },
    ]);
    u.command("cancel");
    const menu = await u.waitFor((m) => m.buttons.length > 0);
    expect(menu.text).toContain("сохранено");
    expect(buttonTexts(menu)).toContain(label("ru", "menu:items.continue"));
    u.press(label("ru", "menu:items.continue"));
    const again = await nextQuestion(u);
    expect(again.text).toContain("что произошло с этим человеком");
  });

  it("asks whether to continue or start anew when /report finds a draft", async () => {
    // Its own person with a draft of their own: no test leans on another's user.
    const u = await consentedUser(h, 903, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u);
    await play(u, [{ press: label("ru", "questionnaire:steps.urgent.continue") }]);
    u.command("cancel");
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "menu:items.continue")));
    u.command("report");
    const offer = await u.waitFor((m) => m.buttons.length > 0);
    expect(buttonTexts(offer)).toEqual([
      label("ru", "questionnaire:draft.continue"),
      label("ru", "questionnaire:draft.new"),
    ]);
    u.press(label("ru", "questionnaire:draft.new"));
    const urgent = await nextQuestion(u);
    expect(urgent.text).toContain("102");
  });

  it("reminds once, a day later, in the person's language", async () => {
    const u = await consentedUser(h, 902, "kk");
    u.press(label("kk", "menu:items.report"));
    await nextQuestion(u);
    await play(u, [{ press: label("kk", "questionnaire:steps.urgent.continue") }]);
    u.command("menu");
    await u.waitFor((m) => m.buttons.length > 0);

    const app = h.app!;
    expect(await remindDrafts(app.bot, app.deps)).toBe(0);
    now = new Date(now.getTime() + 25 * 3600_000);
    u.markNow();
    expect(await remindDrafts(app.bot, app.deps)).toBeGreaterThanOrEqual(1);
    const reminder = await u.waitFor((m) => m.text.includes("аяқтамай қалдыңыз"));
    expect(await remindDrafts(app.bot, app.deps)).toBe(0);
    u.press(label("kk", "questionnaire:draft.continue"), reminder);
    const back = await nextQuestion(u);
    expect(back.text).toContain("Арызды өзіңіз үшін толтырып жатырсыз ба");
  });
});
