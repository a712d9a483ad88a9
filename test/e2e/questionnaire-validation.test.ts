import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import type { UserHandle } from "../emulator/index.js";
import { rows } from "../support/db-reader.js";
import { Harness, nextQuestion } from "../support/harness.js";
import { type Move, play } from "../support/questionnaire-driver.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const NOW = new Date("2026-11-25T12:00:00Z");

/** Sends an invalid answer and expects the same question back with the reason in the person's language. */
async function expectReask(u: UserHandle, lang: Lang, text: string, error: string): Promise<void> {
  u.send(text);
  const m = await nextQuestion(u);
  expect(m.text.startsWith("⚠️")).toBe(true);
  expect(m.text).toContain(label(lang, `questionnaire:errors.${error}`).slice(0, 25));
}

const P = (lang: Lang, key: string): Move => ({ press: label(lang, key) });
const T = (lang: Lang, key: string): Move => ({ toggle: label(lang, key) });

describe("friendly re-asks for invalid answers", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
  });
  afterAll(async () => h.close());

  for (const lang of ["ru", "kk"] as const) {
    it(`explains and asks again for every kind of invalid value (${lang})`, async () => {
      const u = await consentedUser(h, lang === "ru" ? 801 : 802, lang);
      u.press(label(lang, "menu:items.report"));
      await nextQuestion(u);
      await play(u, [
        P(lang, "questionnaire:steps.urgent.continue"),
        P(lang, "common:filed_for.self"),
        P(lang, "common:buttons.skip"),
      ]);

      await expectReask(u, lang, "31.02.2026", "invalid_date");
      await expectReask(u, lang, "12.12.2030", "future_date");
      // typed in the person's own language: a text in the other one is also answered with an offer to switch
      await expectReask(u, lang, lang === "ru" ? "когда-то давно" : "баяғыда", "not_a_date");
      await expectReask(u, lang, "   ", "empty");
      await play(u, [{ type: "20.11.2026" }]);
      await expectReask(u, lang, "25:99", "invalid_time");
      await play(u, [{ type: "14:30" }, T(lang, "common:channels.phone_call"), P(lang, "common:buttons.done")]);

      // A text where a button is expected, naming none of its options («банк» would be understood).
      await expectReask(u, lang, lang === "ru" ? "очень вежливый мужчина" : "өте сыпайы ер адам", "choose_button");
      await play(u, [P(lang, "common:identities.bank"), P(lang, "common:buttons.skip")]);
      await expectReask(u, lang, lang === "ru" ? "не помню какой" : "қайсысы екені есімде жоқ", "not_a_phone");
      await play(u, [
        { type: "+7 701 234 56 78" },
        P(lang, "common:buttons.skip"),
        P(lang, "common:buttons.skip"),
        P(lang, "common:yes_no_unsure.no"),
        P(lang, "common:contact_more.done"),
        T(lang, "common:card_data.number"),
        P(lang, "common:buttons.done"),
      ]);
      await expectReask(u, lang, "12", "last4");
      await play(u, [
        { type: "4821" },
        P(lang, "common:banks.kaspi"),
        P(lang, "common:buttons.none"),
        P(lang, "common:buttons.skip"),
        P(lang, "common:buttons.none"),
        P(lang, "common:buttons.none"),
        P(lang, "common:loan_statuses.no"),
        P(lang, "common:yes_no.yes"),
      ]);
      await expectReask(u, lang, lang === "ru" ? "много денег" : "көп ақша", "no_amount");
      await expectReask(u, lang, "0", "zero");
      await play(u, [
        { type: "1,2 млн" },
        P(lang, "common:transfer_when.today"),
        P(lang, "common:methods.card_to_card"),
        P(lang, "common:loss_kinds.sent"),
      ]);
      await expectReask(u, lang, "4400 4301 2345 6781", "luhn");
      await expectReask(u, lang, "KZ00722C000012345678", "iban_checksum");
      const next = await play(u, [{ type: "4400 4301 2345 6789" }]);
      expect(next.text).toContain(label(lang, "questionnaire:steps.transfer_recipient_bank.q").slice(0, 20));
    });
  }

  it("masks a code typed in an answer, says so gently, and stores only the mask", async () => {
    const u = await consentedUser(h, 803, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u);
    await play(u, [P("ru", "questionnaire:steps.urgent.continue"), P("ru", "common:filed_for.self")]);
    u.send("Я продиктовала код 739146 и CVV 512");
    const notice = await u.waitFor((m) => m.text.includes("🔒"));
    expect(notice.text).toContain(label("ru", "common:redacted").slice(2, 30));
    await nextQuestion(u);
    const [row] = await rows<{ narrative: string }>(h, "SELECT narrative FROM reports WHERE user_id = 803");
    if (!row) throw new Error("no report row");
    expect(row.narrative).not.toContain("739146");
    expect(row.narrative).not.toContain("512");
    expect(row.narrative).toContain("•••");
  });
});
