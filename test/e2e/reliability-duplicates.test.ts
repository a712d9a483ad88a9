/**
 * Telegram delivers an update again when it did not learn the bot got it; people
 * double-tap buttons and press buttons of old messages. Each of these acts once
 * or not at all, and the draft says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { rows } from "../support/db-reader.js";
import { atNarrative, deliveries, draftOf, STORY, toChannels } from "../support/drafts.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const LANGS: Lang[] = ["ru", "kk"];
const plain = (html: string) => html.replace(/<\/?[bi]>/g, "");

describe("duplicate and out-of-order updates", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  let nextId = 9100;

  for (const lang of LANGS) {
    it(`an answer delivered twice with the same update_id is handled once (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      const update = u.send(STORY[lang]);
      await nextQuestion(u);
      await h.emulator.waitIdle();
      const before = await draftOf(h, id);
      const shown = u.messages().length;

      h.emulator.redeliver(update);
      await h.emulator.waitIdle({ quietMs: 300 });

      expect(deliveries(h, update.update_id)).toBe(2);
      expect(u.messages().length).toBe(shown);
      expect(await draftOf(h, id)).toEqual(before);
      expect(before?.narrative).toBe(STORY[lang]);
    });

    it(`a toggle delivered twice stays ticked (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      await toChannels(u, lang);
      const phone = label(lang, "common:channels.phone_call");
      const update = u.press(phone);
      const ticked = await u.waitFor((m) => buttonTexts(m).includes(`✅ ${phone}`), { kinds: ["edit"] });
      await h.emulator.waitIdle();
      const before = await draftOf(h, id);

      h.emulator.redeliver(update);
      await h.emulator.waitIdle({ quietMs: 300 });

      expect(deliveries(h, update.update_id)).toBe(2);
      expect(JSON.parse((await draftOf(h, id))!.channels)).toEqual(["phone_call"]);
      expect(await draftOf(h, id)).toEqual(before);
      expect(buttonTexts(u.messages().find((m) => m.message_id === ticked.message_id)!)).toContain(`✅ ${phone}`);
    });

    it(`an update delivered again after a restart, its confirmation lost, is handled once (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      // The long poll waiting now delivers the update; every poll after it (which would
      // confirm it) is cut off before it reaches Telegram. Then the bot restarts.
      await h.emulator.waitIdle();
      const update = u.send(STORY[lang]);
      h.emulator.failNext("getUpdates", "network", 1000);
      await nextQuestion(u);
      await new Promise((r) => setTimeout(r, 200));
      await h.stopBot();
      h.emulator.faults.clear();
      const before = await draftOf(h, id);
      const shown = u.messages().length;
      await h.start();
      await h.emulator.waitIdle({ quietMs: 300 });

      expect(deliveries(h, update.update_id)).toBe(2);
      expect(u.messages().length).toBe(shown);
      expect(await draftOf(h, id)).toEqual(before);
    });

    it(`a double tap on a button acts once (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      u.send(STORY[lang]);
      const day = await nextQuestion(u);
      const before = (await draftOf(h, id))!;
      const yesterday = label(lang, "common:day.yesterday");
      u.press(yesterday, day);
      u.press(yesterday, day);
      await nextQuestion(u);
      await h.emulator.waitIdle({ quietMs: 300 });

      const after = (await draftOf(h, id))!;
      expect(after.rev).toBe((before.rev + 1) % 1000);
      expect(JSON.parse(after.cursor).step).toBe("incident_time");
      const questions = u.messages().filter((m) => m.message_id > day.message_id && m.buttons.length > 0);
      expect(questions).toHaveLength(1);
      expect(u.callbackAnswers().some((a) => a.text === label(lang, "common:stale"))).toBe(true);
    });

    it(`a double tap on a toggle ticks it once (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      await toChannels(u, lang);
      const channels = u.messages().findLast((m) => m.buttons.length > 0)!;
      const sms = label(lang, "common:channels.sms");
      u.press(sms, channels);
      u.press(sms, channels);
      await h.emulator.waitIdle({ quietMs: 300 });

      expect(JSON.parse((await draftOf(h, id))!.channels)).toEqual(["sms"]);
      const now = u.messages().findLast((m) => m.buttons.length > 0)!;
      expect(buttonTexts(now)).toContain(`✅ ${sms}`);
    });

    it(`a toggle ticked and then cleared after the tick is shown ends clear (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      await toChannels(u, lang);
      const sms = label(lang, "common:channels.sms");
      u.press(sms);
      await u.waitFor((m) => buttonTexts(m).includes(`✅ ${sms}`), { kinds: ["edit"] });
      u.press(`✅ ${sms}`);
      await u.waitFor((m) => buttonTexts(m).includes(sms), { kinds: ["edit"] });

      expect(JSON.parse((await draftOf(h, id))!.channels)).toEqual([]);
    });

    it(`a button of an old question says "this step is over" and changes nothing (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      const narrative = u.messages().findLast((m) => m.buttons.length > 0)!;
      const oldData = narrative.buttons.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
      u.send(STORY[lang]);
      await nextQuestion(u);
      await h.emulator.waitIdle();
      const before = await draftOf(h, id);
      const shown = u.messages().length;

      for (const data of oldData) u.pressData(narrative.message_id, data);
      await h.emulator.waitIdle({ quietMs: 300 });

      expect(await draftOf(h, id)).toEqual(before);
      expect(u.messages().length).toBe(shown);
      const answers = u.callbackAnswers().slice(-oldData.length);
      expect(answers.map((a) => a.text)).toEqual(oldData.map(() => plain(label(lang, "common:stale"))));
    });
  }

  it("an answer saved just before a crash is not applied again after the restart; the person sees the question they are at", async () => {
    const id = nextId++;
    const u = await atNarrative(h, id, "kk");
    const answer = u.send(STORY.kk);
    await nextQuestion(u);
    await h.emulator.waitIdle({ quietMs: 300 });
    const saved = await draftOf(h, id);
    await h.stopBot();
    // As if the process had died after saving the answer, before its reply went out.
    await rows(
      h,
      "INSERT INTO update_inbox (update_id, payload, attempts) VALUES (?, ?, 1)",
      answer.update_id,
      JSON.stringify(answer),
    );
    await h.start();
    const shown = await nextQuestion(u, 60_000);
    await h.emulator.waitIdle({ quietMs: 300 });
    expect(shown.text).toContain(plain(label("kk", "questionnaire:sections.when")));
    expect(shown.text.startsWith("⚠️")).toBe(false);
    expect(await draftOf(h, id)).toEqual(saved);
  }, 240_000);

  it("a Submit replayed after a crash sends the documents again and files the report once", async () => {
    const id = nextId++;
    const u = await consentedUser(h, id, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u);
    const review = await play(u, scenarios[1]!.script("ru"));
    const submit = u.press(label("ru", "questionnaire:review.submit"), review);
    await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 60_000 });
    await h.emulator.waitIdle({ quietMs: 300 });
    await h.stopBot();
    // As if the process had died while sending the documents: the update is still in the
    // inbox, already recorded as handled.
    await rows(
      h,
      "INSERT INTO update_inbox (update_id, payload, attempts) VALUES (?, ?, 1)",
      submit.update_id,
      JSON.stringify(submit),
    );
    const before = u.messages().filter((m) => m.file?.file_name?.endsWith(".json")).length;
    await h.start();
    await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 60_000 });
    await h.emulator.waitIdle({ quietMs: 300 });

    const jsons = u.messages().filter((m) => m.file?.file_name?.endsWith(".json"));
    expect(jsons).toHaveLength(before + 1);
    const numbers = new Set(jsons.map((m) => JSON.parse(m.file!.bytes.toString("utf8")).number));
    expect(numbers.size).toBe(1);
    const [report] = await rows<{ id: number; status: string }>(
      h,
      "SELECT id, status FROM reports WHERE user_id = ?",
      id,
    );
    expect(report?.status).toBe("submitted");
    expect(await rows(h, "SELECT version FROM report_versions WHERE report_id = ?", report!.id)).toEqual([
      { version: 1 },
    ]);
    // Handled to the end: the inbox empties once the last update's handling is over (later than its last reply).
    await expect.poll(() => rows(h, "SELECT update_id FROM update_inbox"), { timeout: 60_000 }).toEqual([]);
    expect(u.messages().some((m) => m.text.includes(plain(label("ru", "questionnaire:gone"))))).toBe(false);
  }, 240_000);
});
