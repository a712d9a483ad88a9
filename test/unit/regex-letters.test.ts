/**
 * The narrow letter class that replaced `\p{L}` in word tails (issue 19: V8 compiles
 * regexps again after every full GC, and `\p{L}` inside big patterns cost up to 200 ms
 * each time). It must take every letter people write here, so that no Kazakh or Russian
 * word is lost, and the readers built on it must still read inflected forms.
 */
import { describe, expect, it } from "vitest";
import { isLiveCall } from "../../src/core/advice/live-call.js";
import { findBanks } from "../../src/core/identifiers/banks.js";
import { isAmountContext } from "../../src/core/identifiers/money-words.js";
import { readRegion } from "../../src/core/identifiers/regions.js";
import { foldKazakh, LETTER, LETTERS } from "../../src/core/identifiers/text.js";
import { parseVictim } from "../../src/core/identifiers/victim.js";
import { redactSecrets } from "../../src/core/redact.js";

const RUSSIAN = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
const KAZAKH = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ";
/** The Latin alphabet of 2021 with its acute letters, and the older one with ä ğ ı ñ ö ş ü ə. */
const KAZAKH_LATIN = "AÁBDEFGǴHIÍJKLMNŃOÓPQRSTUÚVYÝZŞÇÄĞIİÑÖŞÜƏŪÏ";
const ENGLISH = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

const one = new RegExp(`^${LETTER}$`, "u");
const anyLetter = /^\p{L}$/u;
/** Upper and lower case; "İ" lowercases to two code points (i + a dot), its "i" is in the alphabet anyway. */
const letters = (alphabet: string) => [
  ...alphabet,
  ...[...alphabet].map((c) => c.toLowerCase()).filter((c) => c.length === 1),
];

describe("LETTER, the class word tails use instead of \\p{L}", () => {
  it.each([
    ["Russian", RUSSIAN],
    ["Kazakh", KAZAKH],
    ["Kazakh in Latin letters", KAZAKH_LATIN],
    ["English", ENGLISH],
  ])("takes every letter of the %s alphabet, upper and lower case", (_, alphabet) => {
    const missed = letters(alphabet).filter((c) => !one.test(c));
    expect(missed).toEqual([]);
  });

  it("matches exactly what \\p{L} matches in the Latin blocks (U+0000–U+02AF) and the Cyrillic ones (U+0400–U+052F)", () => {
    const differ: string[] = [];
    for (const [from, to] of [
      [0x0000, 0x02af],
      [0x0400, 0x052f],
    ] as const) {
      for (let cp = from; cp <= to; cp++) {
        const c = String.fromCodePoint(cp);
        if (one.test(c) !== anyLetter.test(c)) differ.push(`U+${cp.toString(16).padStart(4, "0")}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it("takes no digit, space, punctuation or symbol", () => {
    const others = [..."0123456789 \t\n.,;:!?-–—_«»\"'()[]{}@#№$€₸%&*+=/\\|~^`<>"];
    expect(others.filter((c) => one.test(c))).toEqual([]);
  });

  it("as a word tail takes a whole inflected word in either script, folded or not", () => {
    const tail = new RegExp(`^карт${LETTERS}$`, "u");
    for (const word of ["карта", "картаға", "картасынан", "картаңызды", "картой", "карточку"]) {
      expect(tail.test(word), word).toBe(true);
      expect(tail.test(foldKazakh(word)), foldKazakh(word)).toBe(true);
      expect(new RegExp(`^КАРТ${LETTERS}$`, "u").test(word.toUpperCase()), word.toUpperCase()).toBe(true);
    }
    expect(tail.test("карта 1234")).toBe(false);
  });
});

describe("readers built on LETTER still read inflected Kazakh and Russian forms", () => {
  it.each([
    ["Алматыға", "almaty"],
    ["АЛМАТЫҒА", "almaty"],
    ["Алматыда", "almaty"],
    ["Алматы облысының", "almaty_region"],
    ["Қарағандыда", "karaganda"],
    ["Карагандинской области", "karaganda"],
    ["Ақтөбеден", "aktobe"],
    ["Өскеменге", "east_kazakhstan"],
    ["Усть-Каменогорске", "east_kazakhstan"],
    ["Түркістанның", "turkistan"],
    ["Қостанайға", "kostanay"],
    ["Маңғыстау облысында", "mangystau"],
    ["Жезқазғанға", "ulytau"],
    ["Екібастұзда", "pavlodar"],
    ["Көкшетауға", "akmola"],
    ["Қызылордада", "kyzylorda"],
    ["Талдықорғанға", "zhetisu"],
    ["Шымкентке", "shymkent"],
    ["Астанаға", "astana"],
    ["Петропавлға", "north_kazakhstan"],
    ["Теміртауда", "karaganda"],
    ["Қонаевқа", "almaty_region"],
  ])("region: «%s» is %s", (text, region) => {
    expect(readRegion(text)).toBe(region);
  });

  it.each([
    "қазір маған қоңырау шалып тұр",
    "Қазір банктен хабарласып жатыр",
    "ҚАЗІР ҚОҢЫРАУ ШАЛЫП ТҰР",
    "тұтқаны қойғызбай тұр",
    "Звонят прямо сейчас из банка",
    "он сейчас держит меня на линии",
    "не даёт положить трубку",
    "ждёт пока я продиктую код",
  ])("live call: «%s»", (text) => {
    expect(isLiveCall(text)).toBe(true);
  });

  it.each(["кеше қоңырау шалды", "вчера звонили из банка", "қоңырау шалған"])("no live call: «%s»", (text) => {
    expect(isLiveCall(text)).toBe(false);
  });

  it.each([" теңгеге", " тенгеден", " мыңға", " долларов", " ДОЛЛАРОВ", " миллионға", " сотканы", " косарьды"])(
    "a sum: a number followed by «%s»",
    (after) => {
      expect(isAmountContext("", after)).toBe(true);
    },
  );

  it("banks: Kazakh case endings after the name («Kaspi-ге», «Халыққа», «Отбасы банкінен»)", () => {
    expect(findBanks("Халыққа аудардым").map((b) => b.bank)).toContain("halyk");
    expect(findBanks("Отбасы банкінен хабарласты").map((b) => b.bank)).toContain("otbasy");
  });

  it("victim: the name ends where the address begins with Kazakh words («қаласы», «көшесі», «даңғылы»)", () => {
    const now = new Date("2026-12-07");
    const kim = parseVictim("Ким Ольга, Алматы қаласы, Абай көшесі 10, 5 пәтер", now);
    expect(kim.ok && kim.value.victim).toEqual({
      name: "Ким Ольга",
      address: "Алматы қаласы, Абай көшесі 10, 5 пәтер",
    });
    const aigul = parseVictim("Сейтқали Айгүл Бекқызы; Шымкент, Тәуке хан даңғылы 5", now);
    expect(aigul.ok && aigul.value.victim).toEqual({
      name: "Сейтқали Айгүл Бекқызы",
      address: "Шымкент, Тәуке хан даңғылы 5",
    });
  });

  it("secrets: an SMS code named with a Kazakh ending is still masked («смс-кодыңыз 4821», «СМС-КОДТЫ 4821»)", () => {
    expect(redactSecrets("смс-кодыңыз 4821").text).not.toContain("4821");
    expect(redactSecrets("СМС-КОДТЫ 4821 айттым").text).not.toContain("4821");
  });
});
