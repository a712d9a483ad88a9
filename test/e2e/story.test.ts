import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import type { Lang } from "../../src/core/model.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { sqlOf } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const catalog = loadDefaultCatalog();
const plain = (lang: Lang, key: string, options?: Record<string, unknown>) =>
  label(lang, key)
    .replace(/<[^>]+>/g, "")
    .replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(options?.[k] ?? ""));

const story = {
  ru: "Вчера позвонили из службы безопасности банка, сказали что на меня оформляют кредит, я назвала код из смс и перевела 300 тысяч на безопасный счёт",
  kk: "Кеше банктің қауіпсіздік қызметінен хабарласып, атыма несие рәсімделіп жатыр деді, мен SMS-кодты айттым да, 300 мың теңгені қауіпсіз шотқа аудардым",
};
const recovery = {
  ru: "Мне позвонил юрист и сказал что вернёт украденные деньги если я заплачу комиссию 20 тысяч",
  kk: "Маған заңгер хабарласып, ұрланған ақшаны қайтарамын, тек комиссия төлеу керек деді",
};

const apk = {
  ru: "Мне в вотсап пришло сообщение от «курьера»: фото посылки, файл Foto_posylki.apk. Я открыла, разрешила установку, телефон попросил доступ к смс. Фото не открылось, а ночью с каспи ушло 120 тысяч",
  kk: "WhatsApp-қа «сәлемдеменің суреті» деп Foto_posylki.apk файлы келді. Аштым, орнатуға рұқсат бердім, қосымша SMS-ке рұқсат сұрады. Сурет ашылмады, түнде Kaspi-ден 120 мың кетіпті",
};
const pin = {
  ru: "Забыла пин код от карты каспи, как его поменять?",
  kk: "Kaspi картамның PIN-кодын ұмытып қалдым, қалай қалпына келтіремін?",
};
const vague = {
  ru: "Мне написал незнакомый человек, не понимаю чего он хочет",
  kk: "Маған бейтаныс адам жазды, не қалайтынын түсінбеймін",
};

describe("a story typed outside any conversation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  for (const lang of ["kk", "ru"] as const) {
    it(`names the scheme with reasons, red flags and steps, stores nothing, and fills the report after consent (${lang})`, async () => {
      const id = lang === "kk" ? 6001 : 6002;
      const u = h.user(id, lang);
      u.send(story[lang]);
      const answer = await u.nextReply();
      const scheme = catalog.scheme("bank_security")!;
      expect(answer.text).toContain(plain(lang, "story:looks_like", { title: scheme.title[lang] }));
      expect(answer.text).toContain(label(lang, "story:why"));
      // At least one reason quotes the story itself.
      expect(answer.text).toContain(`• ${label(lang, "recognition:reason.phrase").split("{{")[0]}`);
      expect(answer.text).toContain(scheme.redFlags[0]![lang]);
      expect(answer.text).toContain(scheme.urgentSteps[0]!.text[lang]);
      expect(buttonTexts(answer)).toContain(label(lang, "schemes:buttons.more"));
      expect(await sqlOf(h)("SELECT id FROM users WHERE id = ?", id)).toEqual([]);

      u.press(label(lang, "story:buttons.fill"));
      const consent = await u.waitFor((m) => buttonTexts(m).includes(label(lang, "start:consent.agree")));
      expect(consent.text).toContain(plain(lang, "story:consent_first"));
      expect(await sqlOf(h)("SELECT id FROM users WHERE id = ?", id)).toEqual([]);
      u.press(label(lang, "start:consent.agree"));
      await u.waitFor((m) => m.text === plain(lang, "story:consent_thanks"));
      const urgent = await nextQuestion(u);
      expect(urgent.text).toContain("102");
      u.press(label(lang, "questionnaire:steps.urgent.continue"));
      await nextQuestion(u);
      u.press(label(lang, "common:filed_for.self"));
      const narrative = await nextQuestion(u);
      expect(narrative.text).toContain(story[lang].slice(0, 60));
      expect(await sqlOf(h)("SELECT narrative, status FROM reports WHERE user_id = ?", id)).toEqual([
        { narrative: story[lang], status: "draft" },
      ]);
      expect(
        (await sqlOf(h)<{ consent_at: string }>("SELECT consent_at FROM users WHERE id = ?", id))[0]?.consent_at,
      ).toBeTruthy();
    });

    it(`warns that nobody charges to return money after a recovery-scam story (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 6003 : 6004, lang);
      u.forward(recovery[lang]);
      const answer = await u.nextReply();
      expect(answer.text).toContain(catalog.scheme("recovery_scam")!.title[lang]);
      expect(answer.text).toContain(catalog.awareness.recoveryScam[lang]);
    });

    it(`names a malicious APK and gives its steps: airplane mode, the bank from another phone, no banking apps, keep the file (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 6011 : 6012, lang);
      u.send(apk[lang]);
      const answer = await u.nextReply();
      const scheme = catalog.scheme("malicious_app")!;
      expect(answer.text).toContain(plain(lang, "story:looks_like", { title: scheme.title[lang] }));
      expect(answer.text).toContain(label(lang, "story:why"));
      expect(answer.text.toLowerCase()).toContain("apk");
      for (const step of [
        "apk_airplane_mode",
        "apk_call_bank_other_phone",
        "apk_keep_file_and_message",
        "apk_no_banking_until_reset",
      ])
        expect(answer.text, step).toContain(catalog.action(step)!.text[lang]);
      expect(buttonTexts(answer)).toEqual([
        label(lang, "story:buttons.fill"),
        label(lang, "schemes:buttons.more"),
        label(lang, "menu:items.home"),
      ]);
      expect(await sqlOf(h)("SELECT id FROM users WHERE id = ?", lang === "kk" ? 6011 : 6012)).toEqual([]);
    });

    it(`says plainly that it sees no known scheme in a forgotten-PIN question, and points to the bank, the library and a report anyway (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 6013 : 6014, lang);
      u.send(pin[lang]);
      const answer = await u.nextReply();
      expect(answer.text).toContain(plain(lang, "story:no_scheme"));
      expect(answer.text).toContain(plain(lang, "story:no_scheme_help").split("\n")[0]);
      expect(answer.text).not.toContain(label(lang, "story:why"));
      for (const s of catalog.schemes()) expect(answer.text).not.toContain(s.title[lang]);
      expect(buttonTexts(answer)).toEqual([
        label(lang, "story:buttons.fill_anyway"),
        label(lang, "menu:items.schemes"),
        label(lang, "menu:items.check"),
        label(lang, "menu:items.home"),
      ]);
      u.press(label(lang, "menu:items.schemes"));
      const library = await u.waitFor((m) => m.text.startsWith(plain(lang, "schemes:list.title")));
      expect(buttonTexts(library)).toContain(catalog.schemes()[0]!.title[lang]);
    });

    it(`lets a person file a report anyway after "no known scheme" (${lang})`, async () => {
      const id = lang === "kk" ? 6015 : 6016;
      const u = await consentedUser(h, id, lang);
      u.send(vague[lang]);
      const answer = await u.waitFor((m) => buttonTexts(m).includes(label(lang, "story:buttons.fill_anyway")));
      expect(answer.text).toContain(plain(lang, "story:no_scheme"));
      u.press(label(lang, "story:buttons.fill_anyway"));
      const urgent = await nextQuestion(u);
      expect(urgent.text).toContain("102");
      expect(await sqlOf(h)("SELECT narrative FROM reports WHERE user_id = ?", id)).toEqual([
        { narrative: vague[lang] },
      ]);
    });
  }

  it("starts the questionnaire at once for a person who already agreed", async () => {
    const u = await consentedUser(h, 6007, "kk");
    u.send(story.kk);
    await u.waitFor((m) => buttonTexts(m).includes(label("kk", "story:buttons.fill")));
    u.press(label("kk", "story:buttons.fill"));
    const urgent = await nextQuestion(u);
    expect(urgent.text).toContain("102");
    expect(await sqlOf(h)("SELECT narrative FROM reports WHERE user_id = 6007")).toEqual([{ narrative: story.kk }]);
  });

  it("leaves a greeting to the menu and an older story's button says the story is gone", async () => {
    const u = h.user(6008, "ru");
    u.send("Привет");
    const menu = await u.nextReply();
    expect(menu.text).toBe(plain("ru", "common:not_understood"));
    u.send(story.ru);
    const first = await u.waitFor((m) => buttonTexts(m).includes(label("ru", "story:buttons.fill")));
    u.send(recovery.ru);
    await u.waitFor((m) => m.message_id !== first.message_id && m.buttons.length > 0);
    u.press(label("ru", "story:buttons.fill"), first);
    await expect.poll(() => u.callbackAnswers().some((a) => a.text === plain("ru", "story:expired"))).toBe(true);
    expect(await sqlOf(h)("SELECT id FROM users WHERE id = 6008")).toEqual([]);
  });
});
