/**
 * Telegram failing the bot's calls: 429 with retry_after, 500s, connections cut
 * before the call ran ("network") and after it ran ("lost": the message is
 * posted but the bot never learns it). Calls are retried; the person's answers
 * are stored exactly once; nothing is lost; no apology for a fault the person
 * never caused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import type { FaultKind } from "../emulator/index.js";
import { consistencyProblems, reportSnapshot, rows } from "../support/db-reader.js";
import { atNarrative, draftOf, STORY, toChannels } from "../support/drafts.js";
import { playExpecting, recordQuestions } from "../support/fault-driver.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const LANGS: Lang[] = ["ru", "kk"];
const plain = (html: string) => html.replace(/<\/?[bi]>/g, "");
const SENDING = ["sendMessage", "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery", "sendDocument"];

describe("Telegram API failures", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  const apologies = (lang: Lang, chatId: number) =>
    h.emulator.sentTo(chatId).filter((m) => m.text.includes(plain(label(lang, "common:errors.generic"))));

  let nextId = 9300;

  it("a 429 is waited out for retry_after seconds, then the reply goes out once and the answer is stored once", async () => {
    const lang: Lang = "ru";
    const id = nextId++;
    const u = await atNarrative(h, id, lang);
    h.emulator.failNext("sendMessage", "429");
    const before = h.emulator.calls.length;
    u.send(STORY[lang]);
    const question = await nextQuestion(u);
    await h.emulator.waitIdle();
    const calls = h.emulator.calls.slice(before).filter((c) => c.method === "sendMessage" && c.params.chat_id === id);
    expect(calls.map((c) => c.outcome)).toEqual(["fault", "ok"]);
    expect(calls[1]!.time - calls[0]!.time).toBeGreaterThanOrEqual(950);
    expect(question.text).toContain(label(lang, "questionnaire:sections.when"));
    expect((await draftOf(h, id))?.narrative).toBe(STORY[lang]);
  });

  for (const [kind, lang] of [
    ["500", "kk"],
    ["network", "ru"],
    ["lost", "kk"],
  ] as [FaultKind, Lang][]) {
    it(`a ${kind} on sending the next question is retried; the answer is stored once (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      const before = (await draftOf(h, id))!;
      h.emulator.failNext("sendMessage", kind);
      u.send(STORY[lang]);
      const question = await nextQuestion(u, 60_000);
      // "lost": the first copy was posted, the bot could not know, the retry (after a back-off) posts it again.
      if (kind === "lost") await u.waitFor((m) => m.text === question.text, { kinds: ["new"], timeoutMs: 60_000 });
      await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 60_000 });
      expect(question.text).toContain(plain(label(lang, "questionnaire:sections.when")));
      const after = (await draftOf(h, id))!;
      expect(after.narrative).toBe(STORY[lang]);
      expect(after.rev).toBe((before.rev + 1) % 1000);
      const copies = u.messages().filter((m) => m.text === question.text).length;
      expect(copies).toBe(kind === "lost" ? 2 : 1);
      expect(apologies(lang, id)).toEqual([]);
    }, 240_000);
  }

  {
    const lang: Lang = "ru";
    it(`a button press whose answer to Telegram was lost still does its work (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      u.send(STORY[lang]);
      await nextQuestion(u);
      h.emulator.failNext("answerCallbackQuery", "lost");
      u.press(label(lang, "common:day.yesterday"));
      await nextQuestion(u, 60_000);
      await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 60_000 });
      expect(JSON.parse((await draftOf(h, id))!.cursor).step).toBe("incident_time");
      expect(apologies(lang, id)).toEqual([]);
    }, 240_000);
  }
  {
    const lang: Lang = "kk";
    it(`a menu button whose answer to Telegram was lost still opens the questionnaire (${lang})`, async () => {
      const id = nextId++;
      const u = await atNarrative(h, id, lang);
      u.command("menu");
      await u.waitFor((m) => m.buttons.length > 0);
      h.emulator.failNext("answerCallbackQuery", "lost");
      u.press(label(lang, "menu:items.continue"));
      await nextQuestion(u, 60_000);
      await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 60_000 });
      expect(apologies(lang, id)).toEqual([]);
      expect(h.logs.join("")).not.toContain("update failed");
    }, 240_000);
  }

  // Inside a conversation the plugin replays recorded results through the retry transformer on every
  // update; replayed contexts retry without waiting (src/bot/api/retry.ts), so only the live reply waits.
  it("a 429 inside the questionnaire delays that reply only, not the answers after it", async () => {
    const lang: Lang = "ru";
    const id = nextId++;
    const u = await atNarrative(h, id, lang);
    await toChannels(u, lang);
    h.emulator.setFaults({ rate: 0, retryAfter: 2 });
    h.emulator.failNext("editMessageText", "429");
    const phone = label(lang, "common:channels.phone_call");
    u.press(phone);
    await u.waitFor((m) => buttonTexts(m).includes(`✅ ${phone}`), { kinds: ["edit"], timeoutMs: 60_000 });
    h.emulator.faults.clear();
    const sms = label(lang, "common:channels.sms");
    const pressed = Date.now();
    u.press(sms);
    await u.waitFor((m) => buttonTexts(m).includes(`✅ ${sms}`), { kinds: ["edit"], timeoutMs: 60_000 });
    expect(Date.now() - pressed).toBeLessThan(1500);
  }, 240_000);

  for (const [kind, lang] of [
    ["413", "ru"],
    ["400", "kk"],
  ] as const) {
    it(`a document refused at Submit (${kind}) does not stop the others, and the person can get them again (${lang})`, async () => {
      const id = nextId++;
      const u = await consentedUser(h, id, lang);
      u.press(label(lang, "menu:items.report"));
      await nextQuestion(u);
      const review = await play(u, scenarios[1]!.script(lang));
      h.emulator.failNext("sendDocument", kind);
      u.press(label(lang, "questionnaire:review.submit"), review);
      const offer = await u.waitFor((m) => m.text === plain(label(lang, "report:files.failed")), { timeoutMs: 30_000 });
      await h.emulator.waitIdle({ quietMs: 500, timeoutMs: 30_000 });
      const files = () =>
        u
          .messages()
          .filter((m) => m.file)
          .map((m) => m.file!.file_name!);
      // The PDF was refused; the JSON, the letters, the checklist and the warning still came.
      expect(files().some((f) => f.endsWith(".json"))).toBe(true);
      expect(files().filter((f) => f.includes("_v1_"))).toEqual([]);
      expect(u.messages().some((m) => m.text.startsWith("⚠️ ") && m !== offer)).toBe(true);
      u.press(label(lang, "report:files.again"), offer);
      await u.waitFor((m) => m.file?.file_name?.includes("_v1_") === true, { timeoutMs: 30_000 });
      await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 30_000 });
      expect(files().filter((f) => f.includes("_v1_"))).toHaveLength(1);
      expect(apologies(lang, id)).toEqual([]);
    }, 90_000);
  }

  it("a whole questionnaire with 20% of sending calls failing is stored exactly as without faults", async () => {
    const scenario = scenarios[1]!;
    // The clean run gives the questions the person must see, and the report to compare with.
    const cleanIds: Record<Lang, number> = { ru: nextId++, kk: nextId++ };
    const expected: Record<string, Awaited<ReturnType<typeof recordQuestions>>> = {};
    await Promise.all(
      LANGS.map(async (lang) => {
        const u = await atNarrative(h, cleanIds[lang], lang);
        expected[lang] = await recordQuestions(u, scenario.script(lang).slice(2));
      }),
    );
    const faultIds: Record<Lang, number> = { ru: nextId++, kk: nextId++ };
    const users = Object.fromEntries(
      await Promise.all(LANGS.map(async (lang) => [lang, await atNarrative(h, faultIds[lang], lang)] as const)),
    );
    // Mostly 429 (short retry_after, so the test stays quick), some 500s and cut connections.
    const firstCall = h.emulator.calls.length;
    h.emulator.setFaults({
      rate: 0.2,
      seed: 42,
      retryAfter: 0.05,
      methods: SENDING,
      kinds: [...Array<FaultKind>(24).fill("429"), "500", "network", "lost"],
    });
    try {
      await Promise.all(
        LANGS.map(async (lang) => {
          const u = users[lang]!;
          const on = u.messages().findLast((m) => m.buttons.length > 0)!;
          const review = await playExpecting(u, scenario.script(lang).slice(2), expected[lang]!, on, 40_000);
          u.press(label(lang, "questionnaire:review.submit"), review);
          await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 40_000 });
        }),
      );
      await h.emulator.waitIdle({ quietMs: 500, timeoutMs: 30_000 });
    } finally {
      h.emulator.faults.clear();
    }
    const faults = h.emulator.calls.slice(firstCall).filter((c) => c.fault !== undefined).length;
    expect(faults).toBeGreaterThan(10);

    for (const lang of LANGS) {
      const [clean] = await rows<{ id: number }>(h, "SELECT id FROM reports WHERE user_id = ?", cleanIds[lang]);
      const [faulted] = await rows<{ id: number; status: string }>(
        h,
        "SELECT id, status FROM reports WHERE user_id = ?",
        faultIds[lang],
      );
      expect(faulted?.status).toBe("submitted");
      const { report: a, ...childrenA } = (await reportSnapshot(h, clean!.id)) as Record<
        string,
        Record<string, unknown>
      >;
      const { report: b, ...childrenB } = (await reportSnapshot(h, faulted!.id)) as Record<
        string,
        Record<string, unknown>
      >;
      const answersOnly = (r: Record<string, unknown> | undefined) => {
        const { status: _s, version: _v, cursor: _c, catalog_version: _k, ...rest } = r ?? {};
        return rest;
      };
      expect(answersOnly(b)).toEqual(answersOnly(a));
      expect(childrenB).toEqual(childrenA);
      expect(await rows(h, "SELECT version FROM report_versions WHERE report_id = ?", faulted!.id)).toEqual([
        { version: 1 },
      ]);
      expect(apologies(lang, faultIds[lang])).toEqual([]);
    }
    expect(await consistencyProblems(h)).toEqual([]);
    expect(h.logs.join("")).not.toContain("update failed");
    console.info(`API faults injected in the whole-questionnaire run: ${faults}`);
  }, 150_000);
});
