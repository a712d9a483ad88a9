import { describe, expect, it } from "vitest";
import { PatternMatcher, withinOneEdit } from "../../src/core/recognition/matcher.js";
import { tokenize } from "../../src/core/recognition/normalize.js";
import { parsePattern } from "../../src/core/recognition/pattern.js";
import type { PatternLang } from "../../src/core/recognition/stem.js";

function matches(pattern: string, lang: PatternLang, text: string): boolean {
  const parsed = parsePattern(pattern, lang);
  if (!parsed.ok) throw new Error(parsed.error);
  return new PatternMatcher([parsed.pattern]).match(tokenize(text)).length === 1;
}

describe("phrase patterns", () => {
  it("match inflected Russian forms through the stem", async () => {
    expect(matches("безопасный счёт", "ru", "переведите деньги на безопасные счета")).toBe(true);
    expect(matches("служба безопасности", "ru", "звонили из службы безопасности банка")).toBe(true);
  });

  it("match inflected Kazakh forms through the stripped root", async () => {
    expect(matches("қауіпсіз шотқа", "kk", "ақшаңызды қауіпсіз шотыңызға аударыңыз")).toBe(true);
    expect(matches("кодты айтыңыз", "kk", "келген кодын айтып қойдым")).toBe(true);
  });

  it("match Russian typed in Latin letters and typos", async () => {
    expect(matches("безопасный счёт", "ru", "perevela na bezopasnyi schet")).toBe(true);
    expect(matches("служба безопасности", "ru", "служба безопастности")).toBe(true);
  });

  it("accept the words in any order but only close together", async () => {
    expect(matches("код смс", "ru", "смс-код пришёл")).toBe(true);
    expect(
      matches("код смс", "ru", "код пришёл вчера вечером, а потом долго никто не писал и только утром пришло смс"),
    ).toBe(false);
    expect(
      matches("код смс ~20", "ru", "код пришёл вчера вечером, а потом долго никто не писал и только утром пришло смс"),
    ).toBe(true);
  });

  it("offer word alternatives with | and phrase alternatives with ' | '", async () => {
    expect(matches("звон*|*звон банк", "ru", "позвонили из банка")).toBe(true);
    expect(matches("аударып жібердім | төлеп қойдым", "kk", "ақшаны төлеп қойдым")).toBe(true);
    expect(matches("аударып жібердім | төлеп қойдым", "kk", "төлеп жібердім")).toBe(false);
  });

  it("match = words exactly and short abbreviations only as whole words", async () => {
    expect(matches("=иин", "ru", "назвала свой ИИН")).toBe(true);
    expect(matches("=иин", "ru", "иинтересно")).toBe(false);
    expect(matches("=cvv", "ru", "три цифры CVV2")).toBe(true);
  });

  it("find a root after a word prefix but not inside an unrelated word", async () => {
    expect(matches("кредит", "ru", "оформили микрокредит")).toBe(true);
    expect(matches("емдел*", "kk", "несие ресімделіп жатыр")).toBe(false);
    // A four-letter root after a two-letter prefix would read "по-сылка" (a parcel) as "ссылка" (a link).
    expect(matches("ссылк*", "ru", "пришла посылка")).toBe(false);
    expect(matches("ссылк*", "ru", "пришла ссылка")).toBe(true);
  });

  it.each([
    ["", "empty pattern"],
    ["код $мс", 'unexpected character "$"'],
    ["код||смс", "empty alternative"],
    ["ко*д", '"*" may only start or end a word'],
    ["=код*", '"=" cannot be combined with "*"'],
    ["в на", "no word long enough"],
    ["ал*", "too short"],
    ["код смс ~99", "the distance must be 1 to 30"],
    ["| код", '"|" needs something on both sides'],
    ["один два три четыре пять шесть семь", "more than 6 words"],
  ])("reject %j", (pattern, error) => {
    const parsed = parsePattern(pattern, "ru");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });

  it("treat one typo as a match only for long words", async () => {
    expect(withinOneEdit("безопасн", "безопастн")).toBe(true);
    expect(withinOneEdit("безопасн", "бзеопасн")).toBe(true);
    expect(withinOneEdit("безопасн", "безопсн")).toBe(true);
    expect(withinOneEdit("безопасн", "бизопастн")).toBe(false);
  });
});
