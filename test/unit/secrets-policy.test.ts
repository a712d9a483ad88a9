/**
 * What the question asks decides what a bare number is: each questionnaire step
 * declares the kind of its answer, and the secret policy of that kind is applied
 * before anything is stored (issue 15 item 7).
 */
import { describe, expect, it } from "vitest";
import { STEP_ANSWERS } from "../../src/core/questionnaire/answer-kinds.js";
import { STEP_IDS, stepDef } from "../../src/core/questionnaire/steps.js";
import { type AnswerKind, policyFor, protectText } from "../../src/core/redact.js";

// biome-ignore format: a table reads better in rows
const TABLE: [AnswerKind | undefined, string, string][] = [
  // the last four digits of the own card
  ["own_card_last4", "417", "•••"],
  ["own_card_last4", " 417 ", " ••• "],
  ["own_card_last4", "4821", "4821"],
  ["own_card_last4", "482193", "•••"],
  ["own_card_last4", "48 21 93", "•••"],
  ["own_card_last4", "4400430123456789", "•••• 6789"],
  ["own_card_last4", "4400430123456789 12/27", "•••• 6789 •••"],
  ["own_card_last4", "4400 4301 2345 6789 12/27 123", "•••• 6789 ••• •••"],
  // where no digits are asked: a name, a city, a lender, a button question, the story alone
  ["words", "593184", "•••"],
  ["words", "5931", "•••"],
  ["words", "1414", "1414"],
  ["words", "Айгүл Б.", "Айгүл Б."],
  ["words", "ТОО Ромашка 2024", "ТОО Ромашка 2024"],
  ["buttons", "482193", "•••"],
  ["story", "482193", "•••"],
  ["story", "Мне позвонили, код 482193", "Мне позвонили, код •••"],
  ["words", "4400430123456789 12/27 123", "•••• 6789 ••• •••"],
  // where numbers are asked: sums, dates, phones, reference numbers stay
  ["numbers", "593184", "593184"],
  ["numbers", "150000", "150000"],
  ["numbers", "12.03.2026", "12.03.2026"],
  ["numbers", "код 482193", "код •••"],
  // someone else's identifier: cards stay whole, unless typed with an expiry (card data)
  ["someone_elses", "4400430123456789", "4400430123456789"],
  ["someone_elses", "4400 4301 2345 6789 Айгүл Б.", "4400 4301 2345 6789 Айгүл Б."],
  ["someone_elses", "4400430123456789 12/27", "•••• 6789 •••"],
  ["someone_elses", "1414", "1414"],
  // nothing known about the question (outside the questionnaire): only named secrets
  [undefined, "482193", "482193"],
  [undefined, "пин 4821", "пин •••"],
  [undefined, "4400430123456789", "•••• 6789"],
];

describe("the secret policy of each kind of answer", () => {
  it.each(TABLE)("%s: %j → %j", (kind, typed, stored) => {
    const result = protectText(typed, policyFor(kind));
    expect(result.text).toBe(stored);
    expect(result.found.length > 0).toBe(stored.includes("•••") && !/^•••• \d{4}$/.test(stored));
  });

  it("every step declares the kind of its answer; a text question never says it takes buttons", () => {
    for (const step of STEP_IDS) {
      expect(STEP_ANSWERS[step], step).toBeDefined();
      if (stepDef(step).kind === "text") expect(STEP_ANSWERS[step], step).not.toBe("buttons");
    }
    expect(STEP_ANSWERS.own_card_last4).toBe("own_card_last4");
    expect(STEP_ANSWERS.transfer_recipient).toBe("someone_elses");
  });
});
