import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { erdrData } from "../../src/bot/callback-data/erdr.js";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import type { Lang } from "../../src/core/model.js";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { moves, play } from "../support/questionnaire-driver.js";
import { submitReport } from "../support/reports-db.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

/**
 * Dialog state lives in the database only (the draft, and one awaited input per
 * chat): the first half of each dialog runs in this process, which then stops; a
 * new process (`node src/main.ts`, no memory shared with the first) gets the next
 * update and carries on from the database.
 */
const catalog = loadDefaultCatalog();
const plain = (lang: Lang, key: string) => label(lang, key).replace(/<[^>]+>/g, "");
const STORY =
  "Вчера позвонили из службы безопасности банка, сказали что на меня оформляют кредит, я назвала код из смс и перевела 300 тысяч на безопасный счёт";
const LONG = { timeoutMs: 60_000 };

describe("dialog state survives a change of process", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Stops the in-process bot once it is idle and starts a separate one on the same database. */
  async function handOver() {
    await h.settle();
    await h.stopBot();
    return h.spawnBot();
  }

  it("between «tell what happened» and the story: the new process takes the story as the answer, from the draft alone", async () => {
    const id = 31_501;
    const u = await consentedUser(h, id, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u);
    const asked = await play(u, [
      { press: label("ru", "questionnaire:steps.urgent.continue") },
      { press: label("ru", "common:filed_for.self") },
    ]);
    expect(asked.text).toContain(plain("ru", "questionnaire:steps.narrative.q").slice(0, 40));
    // The draft is all there is: no awaited input, no conversation table.
    expect(await rows(h, "SELECT kind FROM pending_inputs WHERE user_id = ?", id)).toEqual([]);

    const bot = await handOver();
    u.send(STORY);
    const next = await u.waitFor((m) => m.buttons.length > 0 && !m.text.includes(STORY), LONG);
    expect(next.text).not.toContain(plain("ru", "questionnaire:gone"));
    await h.emulator.waitIdle({ quietMs: 300 });
    await bot.kill("SIGTERM");

    const [draft] = await rows<{ narrative: string; cursor: string; status: string }>(
      h,
      "SELECT narrative, cursor, status FROM reports WHERE user_id = ?",
      id,
    );
    expect(draft?.status).toBe("draft");
    expect(draft?.narrative).toBe(STORY);
    expect(JSON.parse(draft!.cursor).step).not.toBe("narrative");
  }, 240_000);

  it("a story held while the person chooses between their unfinished report and a new one reaches the new draft after a restart", async () => {
    const id = 31_502;
    const u = await consentedUser(h, id, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u);
    // An unfinished report, left for the menu.
    u.command("menu");
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "menu:items.continue")));
    u.send(STORY);
    const offer = await u.waitFor((m) => buttonTexts(m).includes(label("ru", "story:buttons.fill")));
    u.press(label("ru", "story:buttons.fill"), offer);
    const choice = await u.waitFor((m) => buttonTexts(m).includes(label("ru", "questionnaire:draft.new_with_story")));
    const [held] = await rows<{ kind: string; payload: string }>(
      h,
      "SELECT kind, payload FROM pending_inputs WHERE user_id = ?",
      id,
    );
    expect(held).toEqual({ kind: "waiting_story", payload: STORY });

    const bot = await handOver();
    u.press(label("ru", "questionnaire:draft.new_with_story"), choice);
    await u.waitFor((m) => m.buttons.length > 0 && m.message_id > choice.message_id, LONG);
    await h.emulator.waitIdle({ quietMs: 300 });
    await bot.kill("SIGTERM");

    const drafts = await rows<{ narrative: string | null }>(
      h,
      "SELECT narrative FROM reports WHERE user_id = ? AND status = 'draft'",
      id,
    );
    expect(drafts).toEqual([{ narrative: STORY }]);
    expect(await rows(h, "SELECT kind FROM pending_inputs WHERE user_id = ?", id)).toEqual([]);
  }, 240_000);

  it("the text awaited by «describe the call» is taken by the next process, before consent too", async () => {
    const id = 31_503;
    const u = h.user(id, "ru");
    u.command("check");
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "check:buttons.text")));
    u.press(label("ru", "check:buttons.text"));
    await u.waitFor((m) => m.text === plain("ru", "check:text.prompt"));

    const bot = await handOver();
    u.send(
      "Звонит следователь, говорит что я подозреваемый по делу о финансировании терроризма, никому не рассказывать",
    );
    const verdict = await u.waitFor((m) => m.text.includes(catalog.callCheck.verdict.danger.headline.ru), LONG);
    expect(verdict.text).toContain(catalog.scheme("law_enforcement")!.title.ru);
    await h.emulator.waitIdle({ quietMs: 300 });
    await bot.kill("SIGTERM");
    // Taken once; nothing about the person was kept (no user row, the call's text nowhere).
    expect(await rows(h, "SELECT kind FROM pending_inputs WHERE user_id = ?", id)).toEqual([]);
    expect(await rows(h, "SELECT id FROM users WHERE id = ?", id)).toEqual([]);
  }, 240_000);

  it("the ЕРДР number asked for in one process is saved by the next", async () => {
    const id = 31_504;
    const u = await consentedUser(h, id, "ru");
    const { reportId } = await submitReport(h, id, "ru", {}, new Date());
    u.pressData(u.last()!.message_id, erdrData.pack({ r: reportId, a: "n" }));
    await u.waitFor((m) => m.text === plain("ru", "guidance:erdr.prompt"));
    expect(await rows(h, "SELECT kind FROM pending_inputs WHERE user_id = ?", id)).toEqual([
      { kind: `erdr:${reportId}` },
    ]);

    const bot = await handOver();
    u.send("№ 2475 0003 1000 123");
    await u.waitFor((m) => m.text.includes("247500031000123"), LONG);
    await h.emulator.waitIdle({ quietMs: 300 });
    await bot.kill("SIGTERM");
    expect(await rows(h, "SELECT erdr_number FROM reports WHERE id = ?", reportId)).toEqual([
      { erdr_number: "247500031000123" },
    ]);
    expect(await rows(h, "SELECT kind FROM pending_inputs WHERE user_id = ?", id)).toEqual([]);
  }, 240_000);

  it("a language chosen before consent is the bot's language in the next process, and becomes the person's at consent", async () => {
    const id = 31_505;
    // No language_code from Telegram: the bot has to ask.
    const u = h.user(id);
    u.command("start");
    const ask = await u.waitFor((m) => buttonTexts(m).includes("Қазақша"));
    u.press("Қазақша", ask);
    await u.waitFor((m) => buttonTexts(m).includes(label("kk", "start:consent.agree")));
    expect(await rows(h, "SELECT language FROM pre_consent_languages WHERE user_id = ?", id)).toEqual([
      { language: "kk" },
    ]);
    expect(await rows(h, "SELECT id FROM users WHERE id = ?", id)).toEqual([]);

    const bot = await handOver();
    const before = u.last()!.message_id;
    // Asked in Kazakh, and not asked for a language again.
    u.command("start");
    const consent = await u.waitFor(
      (m) => m.message_id > before && buttonTexts(m).includes(label("kk", "start:consent.agree")),
      LONG,
    );
    expect(u.messages().some((m) => m.message_id > before && buttonTexts(m).includes("Русский"))).toBe(false);
    u.press(label("kk", "start:consent.agree"), consent);
    await u.waitFor((m) => buttonTexts(m).includes(label("kk", "menu:items.report")), LONG);
    await h.emulator.waitIdle({ quietMs: 300 });
    await bot.kill("SIGTERM");
    expect(await rows(h, "SELECT language FROM users WHERE id = ?", id)).toEqual([{ language: "kk" }]);
    expect(await rows(h, "SELECT language FROM pre_consent_languages WHERE user_id = ?", id)).toEqual([]);
  }, 240_000);

  it("a transfer being added to a submitted report is finished by the next process; the recipient's card typed there is kept whole", async () => {
    const id = 31_506;
    const u = await consentedUser(h, id, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u);
    await play(u, scenarios[0]!.script("ru"));
    u.press(label("ru", "questionnaire:review.submit"));
    await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, LONG);
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "guidance:checklist.done")), LONG);
    const [report] = await rows<{ number: string }>(h, "SELECT number FROM reports WHERE user_id = ?", id);
    u.command("myreports");
    const list = await u.waitFor((m) => m.text.includes(report!.number) && m.buttons.length > 0);
    u.press(`📄 ${report!.number}`, list);
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "myreports:buttons.add")));
    u.press(label("ru", "myreports:buttons.add"));
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "myreports:add.buttons.transfer")));
    u.press(label("ru", "myreports:add.buttons.transfer"));
    await nextQuestion(u);
    await play(u, [
      moves.type("75 000"),
      moves.press(label("ru", "common:transfer_when.today")),
      moves.press(label("ru", "common:methods.card_to_card")),
      moves.press(label("ru", "common:loss_kinds.sent")),
    ]);
    expect(await rows(h, "SELECT kind FROM pending_inputs WHERE user_id = ?", id)).toEqual([
      { kind: "add_transfer_recipient" },
    ]);

    const bot = await handOver();
    u.send("5169 4931 2345 6785 Серик");
    await nextQuestion(u, 60_000);
    const last = await play(
      u,
      [
        moves.press(label("ru", "common:banks.forte")),
        moves.press(label("ru", "common:banks.kaspi")),
        moves.type("123456789"),
      ],
      60_000,
    );
    expect(last.file?.file_name).toBe(`${report!.number}_v2_ru.pdf`);
    await h.emulator.waitIdle({ quietMs: 300 });
    await bot.kill("SIGTERM");
    const transfers = await rows<{ recipient_value: string }>(
      h,
      "SELECT t.recipient_value FROM report_transfers t JOIN reports r ON r.id = t.report_id WHERE r.user_id = ? ORDER BY t.id",
      id,
    );
    expect(transfers.map((t) => t.recipient_value)).toContain("5169493123456785");
    expect(await rows(h, "SELECT kind FROM pending_inputs WHERE user_id = ?", id)).toEqual([]);
  }, 240_000);

  it("an unanswered offer of the other language is not repeated by the next process, before consent too", async () => {
    const id = 31_507;
    const u = h.user(id, "ru");
    const offer = "Қазақша жалғастырайық па?";
    u.send("Сәлеметсіз бе, анама ҰҚК-дан хабарласып жатыр, ақшаны арнайы шотқа аудар деді");
    await u.waitFor((m) => m.text === offer);
    expect(await rows(h, "SELECT id FROM users WHERE id = ?", id)).toEqual([]);

    const bot = await handOver();
    u.send("Кеше анама тағы хабарласты, не істеу керек?");
    await u.nextReply({ timeoutMs: 60_000 });
    await h.emulator.waitIdle({ quietMs: 500 });
    await bot.kill("SIGTERM");
    expect(u.messages().filter((m) => m.text === offer)).toHaveLength(1);
    expect(await rows(h, "SELECT id FROM users WHERE id = ?", id)).toEqual([]);
  }, 240_000);
});
