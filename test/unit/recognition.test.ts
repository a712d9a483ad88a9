import { describe, expect, it } from "vitest";
import kkTexts from "../../locales/kk/recognition.json" with { type: "json" };
import ruTexts from "../../locales/ru/recognition.json" with { type: "json" };
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { TECHNIQUES } from "../../src/core/model.js";
import { describeReason } from "../../src/core/recognition/describe.js";
import { combineWeights } from "../../src/core/recognition/score.js";
import { signalsFromAnswers } from "../../src/core/recognition/signals.js";
import type { Contact } from "../../src/core/report/answers.js";
import { emptyAnswers } from "../../src/core/report/answers.js";

const catalog = loadDefaultCatalog();
const caller = (claimedIdentity: Contact["claimedIdentity"], foreign = false): Contact => ({
  claimedIdentity,
  phones: [{ kind: "phone", value: foreign ? "+447700900123" : "+77011234567", raw: "x", foreign }],
  handles: [],
});

describe("scoring", () => {
  it("combines weights: the strongest sets the level, each further one adds less", async () => {
    expect(combineWeights([])).toBe(0);
    expect(combineWeights([0.9])).toBeCloseTo(0.9);
    expect(combineWeights([0.6, 0.6])).toBeCloseTo(1 - 0.4 * 0.7);
    expect(combineWeights([0.4, 0.4, 0.4])).toBeLessThan(combineWeights([0.9]));
    expect(combineWeights([0.8, -0.5])).toBeCloseTo(0.4);
    expect(combineWeights([0.5, 0.3])).toBe(combineWeights([0.3, 0.5]));
  });

  it("recognises a scheme from structured answers alone", async () => {
    const bank = catalog.recognize({
      answers: { ...emptyAnswers(), contacts: [caller("bank")], codesShared: ["bank"] },
    });
    expect(bank.schemes[0]?.id).toBe("bank_security");
    expect(bank.schemes[0]?.reasons).toContainEqual({ source: "identity", value: "bank" });
    expect(bank.schemes[0]?.reasons).toContainEqual({ source: "answer", value: "codesShared:bank" });

    const egov = catalog.recognize({ answers: { ...emptyAnswers(), codesShared: ["egov_1414"] } });
    expect(egov.schemes[0]?.id).toBe("gov_or_operator_code");

    const messenger = catalog.recognize({ answers: { ...emptyAnswers(), codesShared: ["messenger"] } });
    expect(messenger.schemes[0]?.id).toBe("account_takeover");

    const police = catalog.recognize({
      answers: { ...emptyAnswers(), contacts: [caller("knb")], channels: ["video_call"] },
    });
    expect(police.schemes[0]?.id).toBe("law_enforcement");
  });

  it("adds up answers and text, and ranks schemes best first", async () => {
    const result = catalog.recognize({
      text: "Сказали, что надо срочно перевести деньги на безопасный счёт",
      answers: { ...emptyAnswers(), contacts: [caller("bank")], channels: ["phone_call"] },
    });
    const scores = result.schemes.map((s) => s.score);
    expect(result.schemes[0]?.id).toBe("bank_security");
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of scores) expect(s).toBeGreaterThan(0);
    for (const s of scores) expect(s).toBeLessThanOrEqual(1);
    expect(result.catalogVersion).toBe(catalog.version);
  });

  it("records the phrase as the person wrote it", async () => {
    const result = catalog.recognize({ text: "Мне звонили из «Службы Безопасности» банка" });
    const phrases = result.schemes[0]?.reasons.filter((r) => r.source === "phrase").map((r) => r.value);
    expect(phrases).toContain("Службы Безопасности");
  });

  it("a call only claimed to come from a bank («якобы из халыка», «банктен деп») with money sent is bank_security", () => {
    for (const text of [
      "меня обманули, скинула 20 000 на карту 4400 4301 2345 6789, звонил якобы из халыка",
      "меня обманули, скинула 20 000 на карту, звонил якобы из банка",
      "позвонили якобы от каспи, я перевела 30 000 на их счёт",
      "звонил типа из Jusan, сказал перевести деньги, я перевела 50 000",
      "мені алдап кетті, 20 000 теңге аудардым, халық банктен деп хабарласты",
      "каспиден деп біреу қоңырау шалды, мен 20 000 теңгені картаға аудардым",
    ]) {
      expect(catalog.recognize({ text }).schemes[0]?.id, text).toBe("bank_security");
    }
    // «якобы сотрудник банка» asking to return a mistaken transfer is that scheme's caller.
    const returned = "Мне ошибочно перевели 100 тысяч, потом позвонил якобы сотрудник банка и сказал вернуть их";
    expect(catalog.recognize({ text: returned }).schemes[0]?.id).toBe("mistaken_transfer");
    // «якобы» about the bank's own words is no claim of a call from it.
    expect(catalog.recognize({ text: "в банке сказали что перевод якобы не прошел" }).schemes).toEqual([]);
  });

  it("returns nothing for a text that is not about fraud", () => {
    expect(
      catalog.recognize({ text: "Добрый день, подскажите график работы ЦОНа в субботу" }).schemes.length,
    ).toBeLessThanOrEqual(1);
    expect(catalog.recognize({ text: "Сәлеметсіз бе, қалыңыз қалай?" }).schemes).toEqual([]);
  });

  it("is deterministic and does not depend on the order of answers", async () => {
    const text = "Позвонили из Kcell, попросили код из смс, потом звонил следователь";
    const a = catalog.recognize({
      text,
      answers: { ...emptyAnswers(), contacts: [caller("police"), caller("mobile_operator")] },
    });
    const b = catalog.recognize({
      text,
      answers: { ...emptyAnswers(), contacts: [caller("mobile_operator"), caller("police")] },
    });
    expect(catalog.recognize({ text })).toEqual(catalog.recognize({ text }));
    expect(a.schemes.map((s) => [s.id, s.score])).toEqual(b.schemes.map((s) => [s.id, s.score]));
  });
});

describe("techniques", () => {
  it("come from the structured answers", async () => {
    const answers = {
      ...emptyAnswers(),
      contacts: [caller("bank", true)],
      cardData: ["number" as const, "cvv" as const],
      codesShared: ["bank" as const],
      apps: ["anydesk" as const, "apk" as const],
      loanStatus: "on_instructions" as const,
      transfers: [{ method: "cash_courier" as const }, { method: "crypto" as const }],
      personalData: ["iin" as const],
    };
    // A frozen account is only ever told, never asked: no answer gives it.
    expect(signalsFromAnswers(answers).techniques).toEqual(TECHNIQUES.filter((t) => t !== "account_frozen"));
    expect(signalsFromAnswers({ ...emptyAnswers(), apps: ["anydesk"] }).techniques).toEqual([
      "remote_access_installed",
    ]);
    expect(signalsFromAnswers({ ...emptyAnswers(), loanStatus: "no", transfersMade: false }).techniques).toEqual([]);
    expect(signalsFromAnswers({ ...emptyAnswers(), loans: [{ lender: "МФО" }] }).techniques).toEqual([
      "loan_in_victim_name",
    ]);
  });

  it("come from the text", async () => {
    const t = (text: string) => catalog.recognize({ text }).techniques;
    expect(t("я продиктовала код из смс")).toContain("sms_code_disclosed");
    expect(t("ввела номер карты, срок и CVV")).toEqual(
      expect.arrayContaining(["card_data_disclosed", "cvv_disclosed"]),
    );
    expect(t("установил AnyDesk по их просьбе")).toContain("remote_access_installed");
    expect(t("оформила кредит в Каспи и перевела")).toEqual(
      expect.arrayContaining(["loan_in_victim_name", "transfer_made"]),
    );
    expect(t("приехал курьер и забрал деньги")).toContain("cash_handed_over");
    expect(t("купила USDT на бирже")).toContain("crypto_purchased");
    expect(t("отправила фото удостоверения и ИИН")).toContain("personal_data_disclosed");
    expect(t("кодты айтып қойдым")).toContain("sms_code_disclosed");
    expect(t("ақшаны аударып жібердім")).toContain("transfer_made");
  });

  it("are not taken from a denial", async () => {
    expect(catalog.recognize({ text: "я не продиктовала код" }).techniques).not.toContain("sms_code_disclosed");
    expect(catalog.recognize({ text: "кодты айтпадым" }).techniques).not.toContain("sms_code_disclosed");
  });
});

describe("recognition texts", () => {
  type Tree = { [key: string]: string | Tree };
  const leaves = (tree: Tree, prefix = ""): [string, string][] =>
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
    );

  it("have the same keys in kk and ru, none empty", async () => {
    const kk = leaves(kkTexts as Tree);
    const ru = leaves(ruTexts as Tree);
    expect(kk.map(([k]) => k)).toEqual(ru.map(([k]) => k));
    for (const [key, text] of [...kk, ...ru]) expect(text.trim(), key).not.toBe("");
  });
});

describe("describeReason", () => {
  it("gives a short text in each language", async () => {
    const reasons = [
      { source: "phrase" as const, value: "код из смс" },
      { source: "identity" as const, value: "bank" },
      { source: "channel" as const, value: "phone_call" },
      { source: "technique" as const, value: "sms_code_disclosed" },
      { source: "answer" as const, value: "codesShared:egov_1414" },
      { source: "answer" as const, value: "contact:handedOver" },
    ];
    const ru = reasons.map((r) => describeReason(r, "ru", catalog));
    const kk = reasons.map((r) => describeReason(r, "kk", catalog));
    expect(ru).toEqual([
      "в рассказе: «код из смс»",
      "представились: банк",
      "способ связи: телефонный звонок",
      "Сообщён код из SMS",
      "сообщён код: от eGov (1414)",
      "передавали другому «сотруднику»",
    ]);
    expect(kk[0]).toBe("әңгімеңізде: «код из смс»");
    expect(kk[3]).toBe("SMS-код айтылды");
    for (const line of [...ru, ...kk]) expect(line).not.toMatch(/\{\{|undefined/);
  });

  it("speaks of the victim in the third person in documents, to them in the chat", async () => {
    const own = { source: "channel" as const, value: "i_contacted_them" };
    const loan = { source: "answer" as const, value: "loanStatus:without_me" };
    const phrase = { source: "phrase" as const, value: "код айт" };
    expect(describeReason(own, "kk", catalog)).toBe("байланыс тәсілі: өзіңіз хабарластыңыз");
    expect(describeReason(own, "kk", catalog, "document")).toBe(
      "байланыс тәсілі: зардап шеккен адамның өзі хабарласқан",
    );
    expect(describeReason(own, "ru", catalog, "document")).toBe("способ связи: пострадавший обратился сам");
    expect(describeReason(loan, "ru", catalog, "document")).toBe("кредит: оформлен без участия пострадавшего");
    expect(describeReason(phrase, "kk", catalog, "document")).toBe("арыз берушінің баяндауында: «код айт»");
    for (const lang of ["kk", "ru"] as const) {
      for (const r of [own, loan, phrase])
        expect(describeReason(r, lang, catalog, "document")).not.toMatch(/сіз|ваш|вы /i);
    }
  });
});
