import { describe, expect, it } from "vitest";
import { parseAmount, parseAmounts, sumByCurrency } from "../../src/core/identifiers/money.js";
import type { Money } from "../../src/core/report/answers.js";

const kzt = (major: number): Money => ({ amountMinor: Math.round(major * 100), currency: "KZT" });

describe("parseAmount: sums in tenge as people write them", () => {
  it.each([
    ["1 200 000", 1_200_000],
    ["1200000", 1_200_000],
    ["1\u00a0200\u00a0000", 1_200_000],
    ["1,2 млн", 1_200_000],
    ["1.2m", 1_200_000],
    ["1.2 млн тенге", 1_200_000],
    ["1,2 млн.", 1_200_000],
    ["500 мың", 500_000],
    ["500 мың теңге", 500_000],
    ["500 мын тенге", 500_000],
    ["500 мыңға", 500_000],
    ["2 миллиона", 2_000_000],
    ["2 млн", 2_000_000],
    ["1 млн 200 тыс", 1_200_000],
    ["1 млн 200 000", 1_200_000],
    ["1 миллион 500 мың", 1_500_000],
    ["150к", 150_000],
    ["150 к", 150_000],
    ["150k", 150_000],
    ["150 тыс.", 150_000],
    ["150 тысяч", 150_000],
    ["150 мың", 150_000],
    ["50 000 ₸", 50_000],
    ["50000₸", 50_000],
    ["₸ 5000", 5_000],
    ["50 000 тг", 50_000],
    ["50 000тг", 50_000],
    ["50 000 тнг", 50_000],
    ["50 000 KZT", 50_000],
    ["50.000", 50_000],
    ["50,000", 50_000],
    ["1.200.000", 1_200_000],
    ["1,200,000", 1_200_000],
    ["1 200 000,50 тг", 1_200_000.5],
    ["50,5", 50.5],
    ["12,50 тг", 12.5],
    ["12.50 тг", 12.5],
    ["1.250 млн", 1_250_000],
    ["0,5 млн", 500_000],
    ["1кк", 1_000_000],
    ["2 ляма", 2_000_000],
    ["1 млрд", 1_000_000_000],
    ["около 70к", 70_000],
    ["примерно 300 000 тенге", 300_000],
    ["перевела 45 000", 45_000],
    ["45 000 теңге аудардым", 45_000],
    ["бір жарым миллион", 1_500_000],
    ["жарым миллион", 500_000],
    ["полтора миллиона", 1_500_000],
    ["полмиллиона", 500_000],
    ["пол миллиона", 500_000],
    ["пятьсот тысяч", 500_000],
    ["двести тысяч тенге", 200_000],
    ["сто двадцать пять тысяч", 125_000],
    ["двух миллионов", 2_000_000],
    ["бес жүз мың теңге", 500_000],
    ["екі жүз елу мың", 250_000],
    ["жиырма бес мың", 25_000],
    ["он мың теңге", 10_000],
    ["тысяча", 1_000],
    ["миллион", 1_000_000],
    ["он перевел 5 тысяч", 5_000],
    ["12.03.2026 перевела 50 000 тг", 50_000],
    ["в 14:30 перевела 20 000", 20_000],
    ["в 2024 году 200 000", 200_000],
    ["перевела на 8 701 234 56 78 сумму 15000", 15_000],
    ["на карту 4400 4301 2345 6789 - 30 000", 30_000],
    ["2024", 2_024],
    ["Анам 6 миллионды екі күн ішінде аударып жіберген", 6_000_000],
    ["бір миллион жарым", 1_500_000],
    ["бір миллион екі жүз мың", 1_200_000],
    ["миллион двести тысяч", 1_200_000],
    ["ya perevela 350 tysyach", 350_000],
    ["nado oplatit 200 tys", 200_000],
    ["2 mln tenge", 2_000_000],
    ["1414-тен код келді, 20 000 аудардым", 20_000],
  ])("%s → %d ₸", (text, major) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: kzt(major) });
  });
});

describe("parseAmount: slang sums as people say them, alone or counted (ru, and kk speech with its endings)", () => {
  it.each([
    ["полтос", 50_000],
    ["скинула полтос", 50_000],
    ["полтинник", 50_000],
    ["два полтоса", 100_000],
    ["сотка", 100_000],
    ["сотку перевела", 100_000],
    ["2 сотки", 200_000],
    ["косарь", 1_000],
    ["20 косарей", 20_000],
    ["три косаря", 3_000],
    ["пятихатка", 500],
    ["пятихатку скинула", 500],
    ["лям", 1_000_000],
    ["полтора ляма", 1_500_000],
    ["полтосқа", 50_000],
    ["сотканы аудардым", 100_000],
    ["20 косарьды жібердім", 20_000],
    ["лямға несие алды", 1_000_000],
    ["жарты миллион", 500_000],
    ["жарты миллион теңге", 500_000],
  ])("%s → %d ₸", (text, major) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: kzt(major) });
  });

  it("a sum told with slang is one sum, with a number before it counted: «20 косарей и полтос» is two", () => {
    const all = parseAmounts("20 косарей и полтос");
    expect(all.ok && all.value).toEqual([kzt(20_000), kzt(50_000)]);
  });
});

describe("parseAmount: other currencies", () => {
  it.each([
    ["$300", 300, "USD"],
    ["300$", 300, "USD"],
    ["300 $", 300, "USD"],
    ["300 долларов", 300, "USD"],
    ["300 доллар", 300, "USD"],
    ["300 USD", 300, "USD"],
    ["USD 300", 300, "USD"],
    ["300 баксов", 300, "USD"],
    ["сто долларов", 100, "USD"],
    ["5 мың доллар", 5_000, "USD"],
    ["10 000 $", 10_000, "USD"],
    ["200 евро", 200, "EUR"],
    ["€200", 200, "EUR"],
    ["200 EUR", 200, "EUR"],
    ["200 еуро", 200, "EUR"],
    ["5000 рублей", 5_000, "RUB"],
    ["5000 руб.", 5_000, "RUB"],
    ["5000 р.", 5_000, "RUB"],
    ["5000₽", 5_000, "RUB"],
    ["десять тысяч рублей", 10_000, "RUB"],
    ["100 USDT", 100, "USDT"],
    ["100 usdt", 100, "USDT"],
    ["1 200,50 USDT", 1_200.5, "USDT"],
    ["5000 rubley", 5_000, "RUB"],
    ["100 dollarov", 100, "USD"],
  ])("%s → %d %s", (text, major, currency) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: { amountMinor: Math.round(major * 100), currency } });
  });
});

describe("parseAmount: error codes", () => {
  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["не помню", "no_amount"],
    ["много", "no_amount"],
    ["12.03", "no_amount"],
    ["14:30", "no_amount"],
    ["7012345678", "no_amount"],
    ["8 701 234 56 78", "no_amount"],
    ["4400 4301 2345 6789", "no_amount"],
    ["3 раза", "no_amount"],
    ["он", "no_amount"],
    ["0", "zero"],
    ["0 тг", "zero"],
    ["-500", "negative"],
    ["минус 500", "negative"],
    ["5 000 000 000 000", "too_large"],
    ["2 000 000 млн", "too_large"],
    ["50 000 и 30 000", "several_amounts"],
    ["50 000 тг, потом 30 000 тг", "several_amounts"],
    ["$300 и 100 000 тг", "several_amounts"],
    // The same sum twice, or a count of sums, is several transfers, not one.
    ["50 000 тг и ещё 50 000 тг", "several_amounts"],
    ["3 раза по 50 000", "several_amounts"],
    ["20 000 и 15 000 тенге", "several_amounts"],
    ["300 сом", "unsupported_currency"],
    ["1000 лир", "unsupported_currency"],
  ])("%j → %s", (text, error) => {
    expect(parseAmount(text)).toEqual({ ok: false, error });
  });
});

describe("parseAmounts: a list of sums in any joining phrase of either language", () => {
  it.each([
    "50 000 тг и 50 000 тг",
    "50 000 тг и ещё 50 000 тг",
    "50 000 тг и ещё одну 50 000 тг",
    "50 000 тг и потом 50 000 тг",
    "50 000 тг, а потом 50 000 тг",
    "50 000 тг, затем 50 000 тг",
    "50 000 тг плюс 50 000 тг",
    "50 000 тг + 50 000 тг",
    "50 000 тг\n50 000 тг",
    "50 000 тг және 50 000 тг",
    "50 000 тг тағы 50 000 тг",
    "50 000 тг тағы да 50 000 тг",
    "50 000 тг тағы бір 50 000 тг",
    "50 000 тг, сосын 50 000 тг",
    "50 000 тг содан кейін 50 000 тг",
    "50 000 тг, кейін тағы 50 000 тг",
  ])("%j is two sums, the second not taken for a repeat nor «бір» for a sum", (text) => {
    expect(parseAmounts(text)).toEqual({ ok: true, value: [kzt(50_000), kzt(50_000)] });
  });

  it("shares a currency named once across the whole phrase", () => {
    expect(parseAmounts("20 000 тағы бір 15 000 долларов")).toEqual({
      ok: true,
      value: [
        { amountMinor: 2_000_000, currency: "USD" },
        { amountMinor: 1_500_000, currency: "USD" },
      ],
    });
  });

  it("reads a long run of joining words between two numbers in linear time (each word ends its turn)", () => {
    // The former pattern had «и» and «и потом» both as alternatives: 20 repeats took ~130 ms, 40 would take hours.
    const text = `50 000 ${"и потом ".repeat(5_000)}x 30 000`;
    expect(parseAmounts(text)).toEqual({ ok: true, value: [kzt(50_000), kzt(30_000)] });
  });
});

describe("sumByCurrency", () => {
  it("adds per currency and never across currencies", async () => {
    const list: (Money | undefined)[] = [
      kzt(50_000),
      { amountMinor: 30_000, currency: "USD" },
      undefined,
      kzt(150_000.5),
      { amountMinor: 10_000, currency: "USD" },
    ];
    expect(sumByCurrency(list)).toEqual([kzt(200_000.5), { amountMinor: 40_000, currency: "USD" }]);
  });

  it("gives an empty list for no sums", async () => {
    expect(sumByCurrency([])).toEqual([]);
  });
});
