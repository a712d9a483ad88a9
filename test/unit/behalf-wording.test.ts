import { describe, expect, it } from "vitest";
import { renderQuestion } from "../../src/bot/render/question.js";
import { reviewSummary } from "../../src/bot/render/summary.js";
import { LANGS, type Lang } from "../../src/core/model.js";
import { type Answers, emptyAnswers } from "../../src/core/report/answers.js";
import { createI18n } from "../../src/i18n.js";

const i18n = createI18n();
const tOf = (lang: Lang) => (key: string, options?: Record<string, unknown>) => i18n.t(lang, key, options);
const state = (answers: Partial<Answers>, step: string) => ({
  answers: { ...emptyAnswers(), ...answers },
  cursor: { step },
  rev: 0,
});
const buttons = (lang: Lang, answers: Partial<Answers>, step: string) =>
  renderQuestion(tOf(lang), state(answers, step) as never)
    .keyboard.inline_keyboard.flat()
    .map((b) => b.text);

describe("a report filed for someone else is worded for them", () => {
  it("offers the options in the third person when filed for a parent, in the first person for oneself", async () => {
    expect(buttons("kk", { filedFor: "self" }, "channels")).toContain("Өзім оларға жаздым");
    expect(buttons("kk", { filedFor: "parent" }, "channels")).toContain("Оларға өзі жазды");
    expect(buttons("ru", { filedFor: "relative" }, "channels")).toContain("Он(а) сам(а) им написал(а)");
    expect(buttons("ru", { filedFor: "other" }, "loan_status")).toContain("Да, без его (её) участия");
    expect(buttons("ru", { filedFor: "self" }, "loan_status")).toContain("Да, без моего участия");
  });

  it("uses no first person in any option shown for someone else", async () => {
    const firstPerson: Record<Lang, RegExp> = {
      kk: /(?<![\p{L}])(мен|мені|менің|маған)(?![\p{L}])|(дым|дім|тым|тім|мын|мін)(?![\p{L}])/u,
      ru: /(?<![\p{L}])(я|меня|мне|мой|моя|моего|моей|моих)(?![\p{L}])/iu,
    };
    const steps = ["filed_for", "channels", "loan_status", "already_done", "leak_sources", "contact_more", "card_data"];
    for (const lang of LANGS) {
      for (const step of steps) {
        // «I don't know» is the filler's own knowledge, whoever the report is for
        const ownKnowledge = [
          "common:filed_for.self",
          "common:loan_statuses.unsure",
          "common:leak_sources.dont_know",
        ].map((key) => i18n.t(lang, key));
        const shown = buttons(lang, { filedFor: "parent" }, step).filter((b) => !ownKnowledge.includes(b));
        expect(
          shown.filter((b) => firstPerson[lang].test(b)),
          `${lang} ${step}`,
        ).toEqual([]);
      }
    }
  });

  it("summarises answers for someone else in the third person too", async () => {
    const a = { ...emptyAnswers(), filedFor: "parent" as const, channels: ["i_contacted_them" as const] };
    expect(reviewSummary(tOf("kk"), a)).toContain("Оларға өзі жазды");
  });

  it("has a plain form for every _behalf form", async () => {
    for (const lang of LANGS) {
      const common = i18n.instance.getResourceBundle(lang, "common") as Record<string, Record<string, string>>;
      for (const [list, items] of Object.entries(common)) {
        if (typeof items !== "object") continue;
        for (const key of Object.keys(items).filter((k) => k.endsWith("_behalf"))) {
          expect(items[key.slice(0, -"_behalf".length)], `${lang} ${list}.${key}`).toBeDefined();
        }
      }
    }
  });
});
