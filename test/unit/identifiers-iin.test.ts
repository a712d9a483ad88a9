import { describe, expect, it } from "vitest";
import { iinCheckDigit, isIin, parseIin } from "../../src/core/identifiers/iin.js";

describe("parseIin: valid IINs give the birth date and sex", () => {
  it.each([
    ["900101300126", "1990-01-01", "male"],
    ["851231400547", "1985-12-31", "female"],
    ["050615501231", "2005-06-15", "male"],
    ["040229600110", "2004-02-29", "female"],
    ["991231400014", "1999-12-31", "female"],
    ["000229500127", "2000-02-29", "male"],
    ["750707301235", "1975-07-07", "male"],
    ["870714300190", "1987-07-14", "male"],
    ["620215200349", "1862-02-15", "female"],
    ["900101310506", "1990-01-01", "male"],
    ["900101 310518", "1990-01-01", "male"],
  ])("%s → %s, %s", (raw, birthDate, sex) => {
    expect(parseIin(raw)).toEqual({ ok: true, value: { iin: raw.replace(/ /g, ""), birthDate, sex } });
  });
});

describe("parseIin: errors", () => {
  it.each([
    ["", "empty"],
    ["90010130012", "not_an_iin"],
    ["9001013001266", "not_an_iin"],
    ["90010130012a", "not_an_iin"],
    ["900101300127", "iin_checksum"],
    ["900101310520", "iin_checksum"],
    ["900101310521", "iin_checksum"],
    ["901301300126", "iin_date"],
    ["900230300126", "iin_date"],
    ["010229601113", "iin_date"],
    ["000229400011", "iin_date"],
    ["900101700126", "iin_century"],
    ["900101000126", "iin_century"],
  ])("%j → %s", (raw, error) => {
    expect(parseIin(raw)).toEqual({ ok: false, error });
  });
});

describe("iinCheckDigit", () => {
  it("uses weights 1..11", () => {
    expect(iinCheckDigit("90010130012")).toBe(6);
  });
  it("falls back to weights 3..11,1,2 when the first sum gives 10", () => {
    expect(iinCheckDigit("90010131050")).toBe(6);
  });
  it("has no digit when both sums give 10", () => {
    expect(iinCheckDigit("90010131052")).toBeUndefined();
  });
});

describe("isIin", () => {
  it("tells an IIN from a phone number of the same length", () => {
    expect(isIin("900101300126")).toBe(true);
    expect(isIin("870123456789")).toBe(false);
  });
});
