import { describe, expect, it } from "vitest";
import { stripKazakhSuffixes } from "../../src/core/recognition/kazakh.js";
import { foldWord, normalizeText, tokenize, transliterate } from "../../src/core/recognition/normalize.js";

describe("normalisation", () => {
  it("ignores case and ё/е", async () => {
    expect(normalizeText("Безопасный СЧЁТ")).toBe(normalizeText("безопасный счет"));
  });

  it("folds Kazakh letters to their Russian look-alikes", async () => {
    expect(foldWord("Қауіпсіз")).toBe(foldWord("кауипсиз"));
    expect(normalizeText("шотқа аударыңыз")).toBe(normalizeText("шотка аударыныз"));
    expect(foldWord("өтемақы")).toBe(foldWord("отемакы"));
    expect(foldWord("ұтыс")).toBe(foldWord("утыс"));
    expect(foldWord("һ")).toBe(foldWord("х"));
  });

  it("reads Russian typed in Latin letters", async () => {
    expect(normalizeText("zvonili iz banka")).toBe(normalizeText("звонили из банка"));
    expect(normalizeText("kod iz sms")).toBe(normalizeText("код из смс"));
    expect(normalizeText("bezopasnyi schet")).toBe(normalizeText("безопасный счёт"));
    expect(normalizeText("perevela dengi")).toBe(normalizeText("перевела деньги"));
    expect(transliterate("zhdi")).toBe("жди");
  });

  it("forgives common spelling slips: doubled letters, unstressed vowels, щ/сч", async () => {
    expect(foldWord("мошеннннники")).toBe(foldWord("мошеники"));
    expect(foldWord("палиция")).toBe(foldWord("полиция"));
    expect(foldWord("щет")).toBe(foldWord("счёт"));
  });

  it("swaps Latin look-alike letters inside Cyrillic words", async () => {
    expect(foldWord("кaртa")).toBe(foldWord("карта"));
    expect(foldWord("кiтап")).toBe(foldWord("кітап"));
  });

  it("keeps numbers as written and splits letters from digits", async () => {
    expect(tokenize("cvv2 и 1414, 500 мың").map((t) => t.norm)).toEqual([
      foldWord("cvv"),
      "2",
      foldWord("и"),
      "1414",
      "500",
      foldWord("мың"),
    ]);
  });

  it("keeps a digit between letters inside the word: p2p, р2р", async () => {
    expect(tokenize("Binance P2P, п2п, cvv2").map((t) => t.norm)).toEqual([
      foldWord("binance"),
      foldWord("p2p"),
      foldWord("п2п"),
      foldWord("cvv"),
      "2",
    ]);
    expect(foldWord("p2p")).toBe(foldWord("п2п"));
  });

  it.each([
    ["qaıtaryńyz", "қайтарыңыз"],
    ["aqshańyzdy", "ақшаңызды"],
    ["kórsetti", "көрсетті"],
    ["júktep", "жүктеп"],
    ["buǵattady", "бұғаттады"],
    ["bireý", "біреу"],
    ["qäte", "қате"],
    ["ornattym", "орнаттым"],
  ])("reads Kazakh in Latin letters, with or without its marks: %s = %s", (latin, cyrillic) => {
    expect(foldWord(latin)).toBe(foldWord(cyrillic));
  });

  it("keeps the offsets of each word in the original text", async () => {
    const text = "Звонили, «служба безопасности»!";
    for (const t of tokenize(text)) expect(foldWord(text.slice(t.start, t.end))).toBe(t.norm);
  });
});

describe("Kazakh suffix stripping", () => {
  it.each([
    ["шотқа", "шот"],
    ["аударыңыз", "аудар"],
    ["кодты", "код"],
    ["банктен", "банк"],
    ["алаяқтар", "алаяқ"],
    ["ақшаңызды", "ақша"],
    ["деректерін", "дерек"],
    ["хабарласып", "хабарлас"],
    ["прокуратурадан", "прокуратура"],
    ["телефоныңызға", "телефон"],
    ["несиені", "несие"],
    ["сілтемеге", "сілтеме"],
  ])("%s → %s", (word, root) => {
    expect(stripKazakhSuffixes(word)).toBe(root);
  });

  it("leaves words whose ending is part of the root", async () => {
    expect(stripKazakhSuffixes("карта")).toBe("карта");
    expect(stripKazakhSuffixes("картаны")).toBe("карта");
    expect(stripKazakhSuffixes("қайтар")).toBe("қайтар");
    expect(stripKazakhSuffixes("қауіпсіз")).toBe("қауіпсіз");
    expect(stripKazakhSuffixes("несие")).toBe("несие");
    expect(stripKazakhSuffixes("сатушы")).toBe("сатушы");
  });

  it("never leaves a root shorter than three letters", async () => {
    for (const w of ["ойын", "алды", "ұлым", "әже", "ана"])
      expect(stripKazakhSuffixes(w).length).toBeGreaterThanOrEqual(3);
  });
});
