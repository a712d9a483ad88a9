import { describe, expect, it } from "vitest";
import { formatPhone, kzLineType, parsePhone, parseShortNumber } from "../../src/core/identifiers/phone.js";

describe("parsePhone: Kazakh numbers come back in E.164", () => {
  it.each([
    ["8 701 234 56 78", "+77012345678"],
    ["+7(701)234-56-78", "+77012345678"],
    ["87012345678", "+77012345678"],
    ["7012345678", "+77012345678"],
    ["+7 701 234 5678", "+77012345678"],
    ["8-701-234-56-78", "+77012345678"],
    ["8.701.234.56.78", "+77012345678"],
    ["+7 (701) 234 56 78", "+77012345678"],
    ["77012345678", "+77012345678"],
    ["+77012345678", "+77012345678"],
    ["8 (747) 123-45-67", "+77471234567"],
    ["8 775 000 11 22", "+77750001122"],
    ["+7 700 111 22 33", "+77001112233"],
    ["+7 708 999 00 11", "+77089990011"],
    ["+7 771 555 66 77", "+77715556677"],
    ["+7 778 123 45 67", "+77781234567"],
    ["+7 750 123 45 67", "+77501234567"],
    ["+7 764 123 45 67", "+77641234567"],
    ["8 (7172) 55-66-77", "+77172556677"],
    ["8 727 250 00 00", "+77272500000"],
    ["  +7\u00a0701\u00a0234\u00a056\u00a078 ", "+77012345678"],
    ["+7 701 234–56–78", "+77012345678"],
    ["00 7 701 234 56 78", "+77012345678"],
    ["+8 701 234 56 78", "+77012345678"],
  ])("%s → %s", (raw, e164) => {
    const result = parsePhone(raw);
    expect(result).toEqual({ ok: true, value: { kind: "phone", value: e164, raw } });
  });
});

describe("parsePhone: numbers of other countries are kept and flagged foreign", () => {
  it.each([
    ["+7 916 123 45 67", "+79161234567"],
    ["8 916 123 45 67", "+79161234567"],
    ["89161234567", "+79161234567"],
    ["9161234567", "+79161234567"],
    ["+7 495 123 45 67", "+74951234567"],
    ["+998 90 123 45 67", "+998901234567"],
    ["+996 555 123 456", "+996555123456"],
    ["+90 532 123 45 67", "+905321234567"],
    ["+1 (415) 555-2671", "+14155552671"],
    ["+44 20 7946 0958", "+442079460958"],
    ["00998901234567", "+998901234567"],
    ["8 10 998 90 123 45 67", "+998901234567"],
    ["+86 138 0013 8000", "+8613800138000"],
  ])("%s → %s, foreign", (raw, e164) => {
    expect(parsePhone(raw)).toEqual({ ok: true, value: { kind: "phone", value: e164, raw, foreign: true } });
  });
});

describe("parsePhone: short service numbers are kind other, not an error", () => {
  it.each(["1414", "7111", "102", "112", "3535", "595959", "14 14"])("%s", (raw) => {
    const result = parsePhone(raw);
    expect(result.ok && result.value.kind).toBe("other");
    expect(result.ok && result.value.value).toBe(raw.replace(/\D/g, ""));
  });
});

describe("parsePhone: what is not a phone number gets an error code", () => {
  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["не помню", "not_a_phone"],
    ["+7 701 abc 56 78", "not_a_phone"],
    ["телефон 87012345678", "not_a_phone"],
    ["12", "not_a_phone"],
    ["1234567", "too_short"],
    ["701 234 56", "too_short"],
    ["+7 701 234 56", "too_short"],
    ["+7 701 234 56 78 9", "too_long"],
    ["+998 90", "too_short"],
    ["+1234567890123456", "too_long"],
    ["998901234567", "missing_plus"],
    ["8 601 234 56 78", "not_a_phone"],
    ["+7 601 234 56 78", "not_a_phone"],
    ["1234567890", "not_a_phone"],
    ["8701234567", "not_a_phone"],
    ["+0 123 456 789", "not_a_phone"],
    ["4400 4301 2345 6789", "too_long"],
  ])("%j → %s", (raw, error) => {
    expect(parsePhone(raw)).toEqual({ ok: false, error });
  });
});

describe("parseShortNumber", () => {
  it("accepts 3–6 digits", () => {
    expect(parseShortNumber("1414")).toEqual({ ok: true, value: { kind: "other", value: "1414", raw: "1414" } });
  });
  it.each(["12", "1234567", "14a4", "+1414"])("rejects %s", (raw) => {
    expect(parseShortNumber(raw)).toEqual({ ok: false, error: "not_a_short_number" });
  });
});

describe("kzLineType", () => {
  it.each([
    ["+77012345678", "mobile"],
    ["+77471234567", "mobile"],
    ["+77771234567", "mobile"],
    ["+77601234567", "mobile"],
    ["+77172556677", "landline"],
    ["+77272500000", "landline"],
    ["+77401234567", undefined],
    ["+79161234567", undefined],
    ["+998901234567", undefined],
  ])("%s → %s", (e164, type) => {
    expect(kzLineType(e164)).toBe(type);
  });
});

describe("formatPhone", () => {
  it("groups +7 numbers as people read them", () => {
    expect(formatPhone("+77012345678")).toBe("+7 701 234 56 78");
  });
  it("leaves other numbers as stored", () => {
    expect(formatPhone("+998901234567")).toBe("+998901234567");
  });
});
