import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import type { BotMessage, UserHandle } from "../emulator/index.js";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const KAZAKH_STORY = "Сәлеметсіз бе, анама ҰҚК-дан хабарласып жатыр, ақшаны арнайы шотқа аудар деді";
const RUSSIAN_STORY = "Здравствуйте, мне позвонили из службы безопасности банка и попросили назвать код из смс";
const OFFER: Record<Lang, string> = { kk: "Қазақша жалғастырайық па?", ru: "Продолжим по-русски?" };

const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-raw", "-", "-"], { input: pdf }).toString("utf8");

describe("the language people write in", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW, adminIds: [9107] });
    await h.start();
  });
  afterAll(async () => h.close());

  const userRow = async (id: number) =>
    (
      await rows<{ language: Lang; declined_language: Lang | null; menu: string | null }>(
        h,
        "SELECT language, declined_language, menu FROM users WHERE id = ?",
        id,
      )
    )[0];
  const draftNarrative = async (id: number) =>
    (await rows<{ narrative: string }>(h, "SELECT narrative FROM reports WHERE user_id = ?", id))[0]!.narrative;
  const offerTo = (u: UserHandle, lang: Lang) => u.waitFor((m) => m.text === OFFER[lang]);
  /** What the person sees when they type «/», as Telegram resolves it for their chat. */
  const menuOf = (u: UserHandle) => u.commandMenu().map((c) => c.description);
  const menuIn = (lang: Lang) => ["start", "report", "check"].map((c) => label(lang, `menu:commands.${c}`));

  /** Submits the bank-security scenario from /report and returns the PDF. */
  async function fileReport(u: UserHandle, lang: Lang): Promise<BotMessage> {
    u.command("report");
    const urgent = await nextQuestion(u);
    expect(urgent.text).toContain(lang === "kk" ? "Алдымен — ең шұғылы" : "Сначала — самое срочное");
    await play(u, scenarios[0]!.script(lang));
    u.press(label(lang, "questionnaire:review.submit"));
    return u.waitFor((m) => m.file?.file_name?.endsWith(".pdf") === true, { timeoutMs: 20_000 });
  }

  for (const [from, to, story] of [
    ["ru", "kk", KAZAKH_STORY],
    ["kk", "ru", RUSSIAN_STORY],
  ] as const) {
    it(`a ${from} user who writes in ${to === "kk" ? "Kazakh" : "Russian"}: one confirmation, then the session, the chat's command menu and the PDF are in that language`, async () => {
      const id = from === "ru" ? 9101 : 9102;
      const u = await consentedUser(h, id, from);
      expect(menuOf(u).slice(0, 3)).toEqual(menuIn(from));

      u.send(story);
      // what they wrote is answered first, in the bot's language so far; then the one question
      const offer = await offerTo(u, to);
      const before = u.messages().slice(0, -1).at(-1)!;
      expect(before.text).not.toBe(OFFER[to]);
      expect(buttonTexts(offer)).toEqual([label(to, "start:offer.yes"), label(from, "start:offer.no")]);
      expect((await userRow(id))?.language).toBe(from);
      expect(menuOf(u).slice(0, 3)).toEqual(menuIn(from));

      u.press(label(to, "start:offer.yes"));
      await u.waitFor((m) => m.text === label(to, "start:language_set"));
      expect(await userRow(id)).toMatchObject({ language: to, menu: `citizen:${to}` });
      // the menu is set for this chat, whatever Telegram's language is
      expect(menuOf(u).slice(0, 3)).toEqual(menuIn(to));
      const chatScoped = h.emulator
        .callsOf("setMyCommands")
        .filter((c) => JSON.stringify(c.params.scope ?? "").includes(`${id}`));
      expect(chatScoped.length).toBeGreaterThanOrEqual(1);

      const pdf = await fileReport(u, to);
      expect(pdf.file?.file_name).toMatch(new RegExp(`_${to}\\.pdf$`));
      expect(pdfText(pdf.file!.bytes)).toContain(label(to, "documents:report.title"));
      // no second offer in the whole session
      expect(u.messages().filter((m) => m.text === OFFER[to] || m.text === OFFER[from])).toHaveLength(1);
    }, 60_000);
  }

  it("an answer typed in the other language mid-questionnaire is saved as it came; the switch waits for a yes and shows the same question again", async () => {
    const u = await consentedUser(h, 9103, "ru");
    u.command("report");
    await nextQuestion(u);
    await play(u, [
      { press: label("ru", "questionnaire:steps.urgent.continue") },
      { press: label("ru", "common:filed_for.self") },
    ]);
    const narrative = "Кеше маған банктен хабарласып, картаңыз бұғатталады деді, мен SMS-кодты айтып қойдым";
    u.send(narrative);
    // The story named when, who and a code: the next question is the check of what was understood.
    const storyCheck = (lang: "kk" | "ru") => label(lang, "questionnaire:steps.story_check.q").replace(/<\/?b>/g, "");
    const next = await u.waitFor((m) => m.buttons.length > 0 && m.text.includes(storyCheck("ru").slice(0, 25)));
    const offer = await offerTo(u, "kk");
    expect(offer.message_id).toBeGreaterThan(next.message_id);
    expect(await draftNarrative(9103)).toBe(narrative);
    expect((await userRow(9103))?.language).toBe("ru");

    u.press(label("kk", "start:offer.yes"));
    const checkAgain = await u.waitFor((m) => m.buttons.length > 0 && m.text.includes(storyCheck("kk").slice(0, 25)));
    // «ask me everything»: the date question comes next, in Kazakh
    u.press(label("kk", "questionnaire:facts.none"), checkAgain);
    const again = await u.waitFor((m) => m.buttons.length > 0 && m.text.includes("Бұл қашан болды"));
    expect(buttonTexts(again)).toContain(label("kk", "common:day.today"));
    u.press(label("kk", "common:day.today"));
    const time = await nextQuestion(u);
    expect(time.text).toContain(label("kk", "questionnaire:steps.incident_time.q").slice(0, 20));
    expect(await draftNarrative(9103)).toBe(narrative);
  });

  for (const [from, to, button, id] of [
    ["ru", "kk", "Қазақша", 9110],
    ["kk", "ru", "Русский", 9111],
  ] as const) {
    it(`${from} → ${to} by /language mid-questionnaire: the same question again in ${to}, not the menu, and the answers kept`, async () => {
      const u = await consentedUser(h, id, from);
      u.command("report");
      await nextQuestion(u);
      await play(u, [
        { press: label(from, "questionnaire:steps.urgent.continue") },
        { press: label(from, "common:filed_for.self") },
      ]);
      const story = (lang: Lang) => label(lang, "questionnaire:steps.narrative.q").slice(0, 25);
      expect(u.messages().at(-1)?.text).toContain(story(from));
      u.command("language");
      await u.waitFor((m) => buttonTexts(m).includes(button));
      u.press(button);
      await u.waitFor((m) => m.text.includes(label(to, "start:language_set")));
      const again = await u.waitFor((m) => m.text.includes(story(to)));
      expect(buttonTexts(again)).not.toContain(label(to, "menu:items.report"));
      // The answer typed now is the story of the same draft, not a message to the menu.
      const narrative =
        to === "kk"
          ? "Кеше маған банктен хабарласты, кодты айтып қойдым"
          : "Вчера мне позвонили из банка, я назвала код";
      u.send(narrative);
      await nextQuestion(u);
      expect(await draftNarrative(id)).toBe(narrative);
      expect((await userRow(id))?.language).toBe(to);
    });
  }

  it("a no is remembered for the person, also after a restart, until they choose a language themselves", async () => {
    const u = await consentedUser(h, 9104, "ru");
    u.send(KAZAKH_STORY);
    await offerTo(u, "kk");
    u.press(label("ru", "start:offer.no"));
    await u.waitFor((m) => m.text === label("ru", "start:offer.kept"));
    expect(await userRow(9104)).toMatchObject({ language: "ru", declined_language: "kk" });

    await h.stopBot();
    await h.start();
    u.send("Кеше анама тағы хабарласты, не істеу керек?");
    await u.nextReply();
    u.send("Ол ешкімге айтпа деді");
    await u.nextReply();
    expect(u.messages().filter((m) => m.text === OFFER.kk)).toHaveLength(1);

    // their own choice of Kazakh clears the old no; Russian may be offered from then on
    u.command("language");
    await u.waitFor((m) => buttonTexts(m).includes("Қазақша"));
    u.press("Қазақша");
    await u.waitFor((m) => m.text.includes(label("kk", "start:language_set")));
    expect(await userRow(9104)).toMatchObject({ language: "kk", declined_language: null });
    u.send(RUSSIAN_STORY);
    await offerTo(u, "ru");
  });

  it("before consent the choice is kept in memory only, and still sets the chat's menu", async () => {
    const u = h.user(9105, "ru");
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0);
    u.send(KAZAKH_STORY);
    await offerTo(u, "kk");
    u.press(label("kk", "start:offer.yes"));
    await u.waitFor((m) => m.text === label("kk", "start:language_set"));
    expect(await userRow(9105)).toBeUndefined();
    expect(menuOf(u).slice(0, 3)).toEqual(menuIn("kk"));
    u.command("start");
    const consent = await u.waitFor((m) => m.buttons.length > 0);
    expect(consent.text).toContain("Дербес деректерді өңдеуге келісім");
  });

  it("offers nothing for numbers, names, a person's own language, or a message forwarded from someone else", async () => {
    const u = await consentedUser(h, 9106, "ru");
    for (const text of ["+7 701 234 56 78", "Айгүл Серікқызы", "Мне звонили из банка", "Kaspi Gold"]) {
      u.send(text);
      await u.nextReply();
    }
    u.send(KAZAKH_STORY, { forward_origin: { type: "hidden_user", sender_user_name: "Kaspi", date: 1_790_000_000 } });
    await u.nextReply();
    u.command("help");
    await u.waitFor((m) => m.text.includes("Что я умею"));
    expect(u.messages().filter((m) => m.text === OFFER.kk)).toEqual([]);
  });

  it("gives staff their tools in the menu of their chat, in their language", async () => {
    const admin = await consentedUser(h, 9107, "kk");
    admin.command("help");
    await admin.nextReply();
    const menu = admin.commandMenu().map((c) => c.command);
    expect(menu).toEqual(expect.arrayContaining(["report", "open", "reports", "export", "grant", "catalog", "alert"]));
    expect(admin.commandMenu().find((c) => c.command === "grant")?.description).toBe(
      label("kk", "staff:commands.grant"),
    );
    expect((await userRow(9107))?.menu).toBe("admin:kk");
    const citizen = await consentedUser(h, 9108, "kk");
    expect(citizen.commandMenu().map((c) => c.command)).not.toContain("grant");

    // every command in the menu is one the bot answers
    admin.markNow();
    for (const command of menu) admin.command(command);
    admin.command("help");
    await admin.waitFor((m) => m.text.startsWith("Мен не істей аламын"), { timeoutMs: 20_000 });
    const unknown = label("kk", "common:unknown_command");
    expect(admin.messages().filter((m) => m.text.includes(unknown))).toEqual([]);
  });

  it("describes itself in each language, and in both to everyone else", async () => {
    expect(h.emulator.profileText("description", "kk")).toBe(label("kk", "start:description"));
    expect(h.emulator.profileText("short_description", "ru")).toBe(label("ru", "start:short_description"));
    const other = h.emulator.profileText("description", "en");
    expect(other).toContain(label("kk", "start:description"));
    expect(other).toContain(label("ru", "start:description"));
    expect(h.emulator.profileText("short_description", "en").length).toBeLessThanOrEqual(120);
  });
});
