import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { type Lang, SCHEME_IDS } from "../../src/core/model.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { label } from "../support/scenarios.js";

const catalog = loadDefaultCatalog();
const schemes = catalog.schemes();
const plain = (lang: Lang, key: string) => label(lang, key).replace(/<[^>]+>/g, "");

describe("the scheme library", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  it("holds all 18 schemes of the catalogue, the four new ones among them", async () => {
    expect(schemes.map((s) => s.id)).toEqual([...SCHEME_IDS]);
    for (const id of ["malicious_app", "fake_charity", "crypto_p2p", "mistaken_transfer"])
      expect(schemes.map((s) => s.id)).toContain(id);
  });

  for (const lang of ["kk", "ru"] as const) {
    it(`renders every scheme's page with how it goes, red flags and what to do (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 2001 : 2002, lang);
      u.command("schemes");
      const list = await u.waitFor((m) => m.text.startsWith(plain(lang, "schemes:list.title")));
      expect(buttonTexts(list)).toContain(schemes[0]!.title[lang]);
      expect(buttonTexts(list)).toContain(label(lang, "schemes:buttons.next"));

      u.press(schemes[0]!.title[lang]);
      for (const [k, scheme] of schemes.entries()) {
        const page = await u.waitFor((m) => m.text.includes(scheme.title[lang]), { kinds: ["edit"] });
        expect(page.text).toContain(scheme.howItGoes[lang]);
        for (const flag of scheme.redFlags) expect(page.text).toContain(flag[lang]);
        for (const advice of scheme.prevention) expect(page.text).toContain(advice[lang]);
        for (const step of scheme.urgentSteps) expect(page.text).toContain(step.text[lang]);
        for (const heading of ["how", "red_flags", "prevention", "if_happened"]) {
          expect(page.text).toContain(label(lang, `schemes:page.${heading}`));
        }
        const warned = page.text.includes(catalog.awareness.recoveryScam[lang]);
        expect(warned).toBe(scheme.id === "recovery_scam");
        if (k < schemes.length - 1) u.press(label(lang, "schemes:buttons.next"));
        else expect(buttonTexts(page)).not.toContain(label(lang, "schemes:buttons.next"));
      }
    });

    it(`pages through the list and back from a scheme to its page of the list (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 2003 : 2004, lang);
      u.command("menu");
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "menu:items.schemes")));
      u.press(label(lang, "menu:items.schemes"));
      await u.waitFor((m) => m.text.startsWith(plain(lang, "schemes:list.title")));
      u.press(label(lang, "schemes:buttons.next"));
      const second = await u.waitFor((m) => buttonTexts(m).includes(schemes[13]!.title[lang]), { kinds: ["edit"] });
      expect(buttonTexts(second)).not.toContain(schemes[0]!.title[lang]);
      u.press(label(lang, "schemes:buttons.next"));
      const last = schemes.at(-1)!;
      const third = await u.waitFor((m) => buttonTexts(m).includes(last.title[lang]), { kinds: ["edit"] });
      expect(buttonTexts(third)).not.toContain(label(lang, "schemes:buttons.next"));
      u.press(last.title[lang]);
      await u.waitFor((m) => m.text.includes(last.howItGoes[lang]), { kinds: ["edit"] });
      u.press(label(lang, "schemes:buttons.all"));
      const back = await u.waitFor((m) => m.text.startsWith(plain(lang, "schemes:list.title")), { kinds: ["edit"] });
      expect(buttonTexts(back)).toContain(last.title[lang]);
    });
  }

  it("answers a button of a scheme that no longer exists politely", async () => {
    const u = h.user(2005, "ru");
    u.command("schemes");
    const list = await u.waitFor((m) => m.buttons.length > 0);
    u.pressData(list.message_id, "lib:s:99");
    await expect.poll(() => u.callbackAnswers().length).toBe(1);
    expect(u.callbackAnswers()[0]?.text).toBe(label("ru", "common:stale"));
  });
});
