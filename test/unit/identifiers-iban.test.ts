import { describe, expect, it } from "vitest";
import { bankFromIban, formatIban, ibanMod97, parseIban } from "../../src/core/identifiers/iban.js";

describe("parseIban: Kazakh IBANs", () => {
  it.each([
    ["KZ86125KZT5004100100", "KZ86125KZT5004100100"],
    ["KZ86 125K ZT50 0410 0100", "KZ86125KZT5004100100"],
    ["kz86125kzt5004100100", "KZ86125KZT5004100100"],
    ["KZ86-125K-ZT50-0410-0100", "KZ86125KZT5004100100"],
    ["  KZ18722S000012345678 ", "KZ18722S000012345678"],
    ["KZ16601A871001234567", "KZ16601A871001234567"],
    ["KZ14998CTB0000123456", "KZ14998CTB0000123456"],
  ])("%s → %s", (raw, value) => {
    expect(parseIban(raw)).toEqual({ ok: true, value: { kind: "iban", value, raw } });
  });
});

describe("parseIban: other countries' IBANs are accepted when mod-97 holds, and flagged foreign", () => {
  it.each([
    "DE89370400440532013000",
    "DE89 3704 0044 0532 0130 00",
    "GB29NWBK60161331926819",
    "TR330006100519786457841326",
    "FR1420041010050500013M02606",
    "NL91ABNA0417164300",
    "CH9300762011623852957",
    "UA213223130000026007233566001",
    "AE070331234567890123456",
  ])("%s", (raw) => {
    const result = parseIban(raw);
    expect(result.ok && result.value.foreign).toBe(true);
    expect(result.ok && result.value.value).toBe(raw.replace(/ /g, ""));
  });
});

describe("parseIban: errors", () => {
  it.each([
    ["", "empty"],
    ["KZ87125KZT5004100100", "iban_checksum"],
    ["KZ86125KZT5004100101", "iban_checksum"],
    ["KZ86125KZT500410010", "iban_length"],
    ["KZ86125KZT50041001000", "iban_length"],
    ["KZ86A25KZT5004100100", "not_an_iban"],
    ["DE88370400440532013000", "iban_checksum"],
    ["RU120445252250000000000000000", "iban_length"],
    ["XX12", "not_an_iban"],
    ["XX1212345678", "iban_length"],
    ["4400 4301 2345 6789", "not_an_iban"],
    ["KZ86 125K ZT50 0410 01OO!", "not_an_iban"],
    ["Айгүл", "not_an_iban"],
  ])("%j → %s", (raw, error) => {
    expect(parseIban(raw)).toEqual({ ok: false, error });
  });
});

describe("ibanMod97", () => {
  it("is 1 for a valid IBAN and something else for a typo", () => {
    expect(ibanMod97("KZ86125KZT5004100100")).toBe(1);
    expect(ibanMod97("KZ86125KZT5004100109")).not.toBe(1);
  });
});

describe("bankFromIban", () => {
  it.each([
    ["KZ18722S000012345678", "kaspi"],
    ["kz18 722s 0000 1234 5678", "kaspi"],
    ["KZ16601A871001234567", "halyk"],
    ["KZ86125KZT5004100100", undefined],
    ["KZ14998CTB0000123456", undefined],
    ["DE89370400440532013000", undefined],
  ])("%s → %s", (iban, bank) => {
    expect(bankFromIban(iban)).toBe(bank);
  });
});

describe("formatIban", () => {
  it("prints groups of four", () => {
    expect(formatIban("kz86125kzt5004100100")).toBe("KZ86 125K ZT50 0410 0100");
  });
});
