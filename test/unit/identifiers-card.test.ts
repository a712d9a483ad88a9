import { describe, expect, it } from "vitest";
import { formatCard, last4, luhnValid, maskCard, parseCard, parseMaskedCard } from "../../src/core/identifiers/card.js";

describe("luhnValid", () => {
  it.each([
    ["4400430123456789", true],
    ["4111111111111111", true],
    ["5536910012345676", true],
    ["2202201234567895", true],
    ["378282246310005", true],
    ["4400430123453", true],
    ["79927398713", true],
    ["4400430123456781", false],
    ["4111111111111112", false],
    ["1234567812345678", false],
    ["", false],
    ["44004301234567a9", false],
  ])("%s → %s", (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });
});

describe("parseCard: full card numbers", () => {
  it.each([
    ["4400 4301 2345 6789", "4400430123456789"],
    ["4400430123456789", "4400430123456789"],
    ["4400-4301-2345-6789", "4400430123456789"],
    ["4400.4301.2345.6789", "4400430123456789"],
    [" 4400\u00a04301\u00a02345\u00a06789 ", "4400430123456789"],
    ["5536 9100 1234 5676", "5536910012345676"],
    ["2202 2012 3456 7895", "2202201234567895"],
    ["3782 822463 10005", "378282246310005"],
    ["4400430123453", "4400430123453"],
    ["6222 0212 3456 7894", "6222021234567894"],
    ["9860 1234 1234 1232", "9860123412341232"],
  ])("%s → %s", (raw, digits) => {
    expect(parseCard(raw)).toEqual({ ok: true, value: { kind: "card", value: digits, raw } });
  });

  it.each([
    ["", "empty"],
    ["4400 4301 2345 6781", "luhn"],
    ["4111 1111 1111 1112", "luhn"],
    ["4400 4301 2345 678", "luhn"],
    ["4400 4301 2345", "not_a_card"],
    ["4400 4301 2345 6789 1234 5", "not_a_card"],
    ["4400 4301 2345 678X", "not_a_card"],
    ["карта 4400 4301 2345 6789", "not_a_card"],
    ["+7 701 234 56 78", "not_a_card"],
    ["**** 6789", "not_a_card"],
  ])("%j → %s", (raw, error) => {
    expect(parseCard(raw)).toEqual({ ok: false, error });
  });
});

describe("parseMaskedCard: a card seen only masked keeps its last four digits", () => {
  it.each([
    "**** 6789",
    "*6789",
    "•••• 6789",
    "4400 43** **** 6789",
    "440043******6789",
    "xxxx xxxx xxxx 6789",
    "хххх хххх хххх 6789",
    "**** **** **** 6789",
  ])("%s", (raw) => {
    expect(parseMaskedCard(raw)).toEqual({ ok: true, value: { kind: "card", value: "•••• 6789", raw } });
  });

  it.each(["6789", "4400 4301 2345 6789", "**** 67", "Айгүл"])("rejects %s", (raw) => {
    expect(parseMaskedCard(raw).ok).toBe(false);
  });
});

describe("display helpers", () => {
  it("last4 takes the last four digits whatever the spacing", () => {
    expect(last4("4400 4301 2345 6789")).toBe("6789");
  });
  it("maskCard shows only the last four", () => {
    expect(maskCard("4400430123456789")).toBe("•••• 6789");
  });
  it.each([
    ["4400430123456789", "4400 4301 2345 6789"],
    ["378282246310005", "3782 822463 10005"],
    ["4400430123453", "4400 4301 2345 3"],
    ["4400430123456789012", "4400 4301 2345 6789 012"],
  ])("formatCard %s → %s", (digits, formatted) => {
    expect(formatCard(digits)).toBe(formatted);
  });
});
