import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness } from "../support/harness.js";

const KAZAKH = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

describe("foundation: start, language, consent, commands", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterEach(() => h.close());

  const userRows = () => rows(h, "SELECT * FROM users");

  it("answers /start in Kazakh for a kk user and asks consent", async () => {
    const u = h.user(101, "kk");
    u.command("start");
    const consent = await u.waitFor((m) => m.buttons.length > 0);
    expect(consent.text).toMatch(KAZAKH);
    expect(buttonTexts(consent)).toEqual(["Келісемін", "Келіспеймін"]);
  });

  it("answers /start in Russian for a ru user", async () => {
    const u = h.user(102, "ru");
    u.command("start");
    const consent = await u.waitFor((m) => m.buttons.length > 0);
    expect(consent.text).toContain("Согласие на обработку персональных данных");
    expect(buttonTexts(consent)).toEqual(["Согласен(на)", "Не согласен(на)"]);
  });

  it("asks the language with two buttons when Telegram's language is neither", async () => {
    const u = h.user(103, "en");
    u.command("start");
    const ask = await u.waitFor((m) => m.buttons.length > 0);
    expect(buttonTexts(ask)).toEqual(["Қазақша", "Русский"]);
    u.press("Қазақша");
    const consent = await u.waitFor((m) => m.buttons.length > 0);
    expect(consent.text).toContain("Дербес деректерді өңдеуге келісім");
  });

  it("stores nothing about a person before they agree, and records consent on Agree", async () => {
    const u = h.user(104, "ru");
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0);
    u.send("Мне звонят из банка");
    await u.nextReply();
    expect(await userRows()).toEqual([]);
    u.command("start");
    await u.waitFor((m) => buttonTexts(m).includes("Согласен(на)"));
    u.press("Согласен(на)");
    const menu = await u.waitFor((m) => m.text.includes("Спасибо"));
    expect(buttonTexts(menu)).toContain("🆘 Меня обманули");
    const rows = (await userRows()) as { id: number; language: string; consent_at: string | null; role: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 104, language: "ru", role: "citizen" });
    expect(rows[0]?.consent_at).toBeTruthy();
  });

  it("keeps nothing when the person declines", async () => {
    const u = h.user(105, "kk");
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0);
    u.press("Келіспеймін");
    const menu = await u.waitFor((m) => m.buttons.length > 0);
    expect(buttonTexts(menu)).not.toContain("📄 Менің арыздарым");
    expect(await userRows()).toEqual([]);
  });

  it("switches the language with /language and remembers it after a restart", async () => {
    const u = h.user(106, "ru");
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0);
    u.press("Согласен(на)");
    await u.waitFor((m) => m.text.includes("Спасибо"));
    u.command("language");
    await u.waitFor((m) => buttonTexts(m).includes("Қазақша"));
    u.press("Қазақша");
    const switched = await u.waitFor((m) => m.text.includes("қазақша жазамын"));
    expect(buttonTexts(switched)).toContain("🆘 Мені алдап кетті");
    await h.stopBot();
    await h.start();
    u.command("start");
    const back = await u.waitFor((m) => m.buttons.length > 0);
    expect(back.text).toMatch(KAZAKH);
  });

  it("registers its commands in Kazakh and in Russian", async () => {
    const sets = h.emulator.commands();
    const byLang = Object.fromEntries(sets.map((s) => [s.language_code ?? "default", s.commands]));
    expect(byLang.kk?.map((c) => c.command)).toContain("report");
    expect(byLang.ru?.find((c) => c.command === "check")?.description).toBe("Мне звонят прямо сейчас");
    expect(byLang.kk?.find((c) => c.command === "check")?.description).toBe("Қазір қоңырау шалып жатыр");
  });

  it("answers /help and unknown commands instead of staying silent", async () => {
    const u = h.user(107, "ru");
    u.command("help");
    expect((await u.nextReply()).text).toContain("Что я умею");
    u.command("nonsense");
    expect((await u.nextReply()).text).toContain("Такой команды нет");
  });
});
