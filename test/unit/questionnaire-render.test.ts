import { describe, expect, it } from "vitest";
import { answeredLabel } from "../../src/bot/render/answered.js";
import { renderQuestion, type Shown } from "../../src/bot/render/question.js";
import type { QState } from "../../src/core/questionnaire/engine.js";
import { emptyAnswers } from "../../src/core/report/answers.js";
import { createI18n } from "../../src/i18n.js";

const i18n = createI18n();
const t = (key: string, options?: Record<string, unknown>) => i18n.t("ru", key, options);
const buttons = (s: Shown) =>
  renderQuestion(t, s)
    .keyboard.inline_keyboard.flat()
    .map((b) => b.text);

const named: QState = {
  answers: { ...emptyAnswers(), contacts: [{ phones: [], handles: [], claimedName: "Ерлан" }] },
  cursor: { step: "contact_name", item: 0 },
};
const empty: QState = { answers: emptyAnswers(), cursor: { step: "city" } };

describe("skip, keep and what the answered question says", () => {
  it("a question with a saved answer offers «Оставить как есть», and pressing it reads «оставлено как есть»", () => {
    expect(buttons({ ...named, rev: 0 })).toContain(t("common:buttons.keep"));
    expect(answeredLabel(t, named, named, { type: "skip" })).toBe(t("questionnaire:kept"));
  });

  it("while editing from the review the same: kept, never «пропущено»", () => {
    const editing: QState = { ...empty, cursor: { step: "city", editing: "region", field: true } };
    expect(buttons({ ...editing, rev: 0 })).toContain(t("common:buttons.keep"));
    expect(answeredLabel(t, editing, editing, { type: "skip" })).toBe(t("questionnaire:kept"));
  });

  it("an empty question offers «Пропустить», and pressing it reads «пропущено»", () => {
    expect(buttons({ ...empty, rev: 0 })).toContain(t("common:buttons.skip"));
    expect(answeredLabel(t, empty, empty, { type: "skip" })).toBe(t("questionnaire:skipped"));
  });

  it("a value read elsewhere is shown as a question with a one-tap «yes», not as a saved answer", () => {
    const hinted: Shown = {
      answers: {
        ...emptyAnswers(),
        transfers: [{ method: "card_to_card", recipientName: "не знаю" }],
        pending: { hints: { "transfer_recipient_bank#0": "kaspi" } },
      },
      cursor: { step: "transfer_recipient_bank", item: 0 },
      rev: 0,
    };
    const q = renderQuestion(t, hinted);
    expect(q.text).toContain("Kaspi");
    expect(q.text).not.toContain(t("questionnaire:current", { value: "Kaspi" }));
    expect(buttons(hinted)[0]).toBe(t("questionnaire:suggest.yes", { value: "Kaspi" }));
    expect(buttons(hinted)).toContain(t("common:buttons.skip"));
  });
});
