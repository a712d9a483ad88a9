import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import type { Lang } from "../../src/core/model.js";
import type { BotMessage, UserHandle } from "../emulator/index.js";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness } from "../support/harness.js";
import { label } from "../support/scenarios.js";

const { dropperCheck } = loadDefaultCatalog();
const plain = (lang: Lang, key: string) => label(lang, key).replace(/<[^>]+>/g, "");

/** Opens the check from the menu and answers its questions in order. */
async function answer(u: UserHandle, lang: Lang, answers: boolean[]): Promise<BotMessage> {
  u.command("menu");
  await u.waitFor((m) => buttonTexts(m).includes(label(lang, "menu:items.dropper")));
  u.press(label(lang, "menu:items.dropper"));
  let last = await u.waitFor((m) => m.text.includes(dropperCheck.questions[0]!.text[lang]));
  expect(last.text).toContain(plain(lang, "dropper:intro").split("\n")[0]);
  for (const [k, yes] of answers.entries()) {
    u.press(label(lang, yes ? "dropper:yes" : "dropper:no"));
    const next = dropperCheck.questions[k + 1];
    last = await u.waitFor(
      (m) => (next ? m.text.includes(next.text[lang]) : m.text.includes(dropperCheck.crime[lang])),
      {
        kinds: ["edit"],
      },
    );
  }
  return last;
}

describe("the dropper self-check", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(() => h.close());

  it("asks the catalogue's questions", async () => {
    expect(dropperCheck.questions.map((q) => q.id)).toEqual([
      "pass_on_transfers",
      "rent_out",
      "cash_out",
      "money_came",
    ]);
  });

  for (const lang of ["kk", "ru"] as const) {
    it(`calls an offer to pass transfers on a crime and says to refuse (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 3001 : 3002, lang);
      const verdict = await answer(u, lang, [true, false, false, false]);
      expect(verdict.text).toContain(label(lang, "dropper:verdict.offer"));
      expect(verdict.text).toContain(dropperCheck.crime[lang]);
      expect(verdict.text).toContain("232-1");
      expect(verdict.text).toContain(dropperCheck.refuse[lang]);
      expect(verdict.text).toContain(dropperCheck.moneyCame[lang]);
      expect(verdict.text).not.toContain(label(lang, "dropper:steps_title"));
    });

    it(`tells what to do when stolen money already came in (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 3003 : 3004, lang);
      const verdict = await answer(u, lang, [false, true, true, true]);
      expect(verdict.text).toContain(label(lang, "dropper:verdict.offer"));
      expect(verdict.text).toContain(label(lang, "dropper:steps_title"));
      for (const action of dropperCheck.actions) expect(verdict.text).toContain(action.text[lang]);
      expect(buttonTexts(verdict)).toContain(label(lang, "schemes:buttons.more"));
    });

    it(`still explains the crime when nothing like that was offered (${lang})`, async () => {
      const u = h.user(lang === "kk" ? 3005 : 3006, lang);
      const verdict = await answer(u, lang, [false, false, false, false]);
      expect(verdict.text).toContain(label(lang, "dropper:verdict.none"));
      expect(verdict.text).not.toContain(label(lang, "dropper:verdict.offer"));
      expect(verdict.text).toContain(dropperCheck.crime[lang]);
      u.press(label(lang, "dropper:again"));
      await u.waitFor((m) => m.text.includes(dropperCheck.questions[0]!.text[lang]), { kinds: ["edit"] });
    });
  }

  it("stores nothing about the person", async () => {
    expect(await rows(h, "SELECT COUNT(*) AS n FROM users")).toEqual([{ n: 0 }]);
    expect(await rows(h, "SELECT COUNT(*) AS n FROM pending_inputs")).toEqual([{ n: 0 }]);
  });
});
