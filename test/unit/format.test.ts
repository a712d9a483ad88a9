import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAmount } from "../../src/core/identifiers/money.js";
import { CURRENCIES, LANGS } from "../../src/core/model.js";
import type { Money } from "../../src/core/report/answers.js";
import {
  almatyDate,
  almatyDateTime,
  fileDate,
  formatDate,
  formatMoney,
  formatNumber,
  formatWeek,
  maskedCard,
  wallClockText,
} from "../../src/documents/format.js";
import { readLocales } from "../../src/i18n.js";

const ROOT = join(import.meta.dirname, "../..");
const G = "\u202f"; // group separator
const S = "\u00a0"; // before the currency sign

const kzt = (major: number): Money => ({ amountMinor: Math.round(major * 100), currency: "KZT" });

describe("money is written one way, in both languages", () => {
  it.each([
    [kzt(185_000), `185${G}000${S}₸`],
    [kzt(1_200_000), `1${G}200${G}000${S}₸`],
    [kzt(500), `500${S}₸`],
    [kzt(50.5), `50,50${S}₸`],
    [kzt(1_200_000.05), `1${G}200${G}000,05${S}₸`],
    [{ amountMinor: 30_000, currency: "USD" }, "$300"],
    [{ amountMinor: 1_000_000, currency: "USD" }, `$10${G}000`],
    [{ amountMinor: 20_000, currency: "EUR" }, "€200"],
    [{ amountMinor: 500_000, currency: "RUB" }, `5${G}000${S}₽`],
    [{ amountMinor: 10_000, currency: "USDT" }, `100${S}USDT`],
  ] as const)("%j → %s", (money, text) => {
    expect(formatMoney(money)).toBe(text);
  });

  it("groups every whole number by three from the right, with nothing else in it", async () => {
    for (let digits = 1; digits <= 15; digits++) {
      const n = Number("9".repeat(digits));
      const text = formatNumber(n);
      expect(text.replaceAll(G, "")).toBe(String(n));
      expect(text.split(G).map((g) => g.length)).toEqual(
        [String(n).length % 3 || 3, ...Array(Math.ceil(digits / 3) - 1).fill(3)].filter((l) => l > 0),
      );
    }
  });

  it("reads back every amount it writes, in every currency", async () => {
    for (const currency of CURRENCIES) {
      for (const amountMinor of [100, 5_050, 18_500_000, 123_456_789]) {
        const money = { amountMinor, currency };
        expect(parseAmount(formatMoney(money))).toEqual({ ok: true, value: money });
      }
    }
  });
});

describe("dates are dd.mm.yyyy in Kazakhstan time, in both languages", () => {
  it("writes local dates and moments", async () => {
    expect(formatDate("2026-03-14")).toBe("14.03.2026");
    expect(formatDate("not a date")).toBe("not a date");
    // 19:30 UTC is 00:30 the next day in Kazakhstan (UTC+5)
    expect(almatyDateTime("2026-03-14T19:30:00.000Z")).toBe("15.03.2026 00:30");
    expect(almatyDate("2026-03-14T19:30:00.000Z")).toBe("15.03.2026");
    expect(wallClockText(new Date(Date.UTC(2026, 2, 14, 9, 5)), true)).toBe("14.03.2026 09:05");
    expect(wallClockText(new Date(Date.UTC(2026, 2, 14, 9, 5)), false)).toBe("14.03.2026");
    expect(fileDate(new Date("2026-03-14T19:30:00.000Z"))).toBe("2026-03-15");
  });

  it("writes an ISO week as its Monday and Sunday", async () => {
    expect(formatWeek("2026-W11")).toBe("09.03.2026 – 15.03.2026");
    expect(formatWeek("2026-W01")).toBe("29.12.2025 – 04.01.2026");
    expect(formatWeek("2020-W53")).toBe("28.12.2020 – 03.01.2021");
  });

  it("cuts the victim's own card the same way everywhere", async () => {
    expect(maskedCard("4821")).toBe(`\u2022\u2022\u2022\u2022${S}4821`);
  });
});

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/**
 * Ways of writing a value for people that bypass documents/format.ts. Parsing what people
 * type, and ids stored as ISO strings, are not writing for people: those files are allowed
 * the pattern, each with its reason.
 */
const STRAY: { what: string; pattern: RegExp; allowed: Record<string, string> }[] = [
  {
    what: "locale formatting",
    pattern: /toLocale(?:Date|Time)?String|Intl\.(?:NumberFormat|DateTimeFormat)/,
    allowed: {},
  },
  { what: "fixed decimals", pattern: /\.toFixed\(/, allowed: {} },
  {
    what: "a date cut out of an ISO string",
    pattern: /toISOString\(\)\.slice/,
    allowed: {
      "src/documents/format.ts": "fileDate, for file names",
      "src/core/advice/business-days.ts": "calendar days as ISO keys, never shown",
    },
  },
  {
    what: "two-digit padding (hand-made dates and times)",
    pattern: /padStart\(2/,
    allowed: {
      "src/documents/format.ts": "the formats themselves",
      "src/core/identifiers/dates.ts": "parsing typed dates into stored ISO days",
      "src/core/identifiers/time.ts": "parsing typed times into stored HH:MM",
      "src/core/questionnaire/parsers.ts": "the stored HH:MM of «within the hour»",
      "src/services/report-filter.ts": "filter arguments into ISO days",
      "src/services/police-stats.ts": "ISO week keys (written by formatWeek)",
    },
  },
  {
    what: "a currency sign or code glued to a number",
    pattern: /[`"'](?:\s|\\u00a0)?[₸₽][`"']|\$\{[^}]*\}(?:\s|\\u00a0)?(?:[₸₽]|KZT)/,
    allowed: {
      "src/documents/format.ts": "the formats themselves",
      "src/core/identifiers/money-words.ts": "reading currencies people type",
    },
  },
  {
    what: "a hand-made card mask",
    pattern: /••••/,
    allowed: { "src/core/identifiers/card.ts": "the mask itself, in stored card numbers" },
  },
];

describe("no other way of writing numbers, money or dates", () => {
  const files = sources(join(ROOT, "src")).map((path) => ({
    path: relative(ROOT, path),
    lines: readFileSync(path, "utf8").split("\n"),
  }));

  for (const rule of STRAY) {
    it(`src has no ${rule.what} outside the formatting helpers`, () => {
      const found = files
        .filter((f) => !(f.path in rule.allowed))
        .flatMap((f) =>
          f.lines
            .map((line, i) => ({ line, at: `${f.path}:${i + 1}` }))
            .filter(({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line) && rule.pattern.test(line))
            .map(({ at, line }) => `${at}: ${line.trim()}`),
        );
      expect(found).toEqual([]);
    });
  }

  it("locales never write a date as yyyy-mm-dd or yyyy.mm.dd", async () => {
    const locales = readLocales();
    const texts = LANGS.flatMap((lang) => JSON.stringify(locales[lang]).match(/\b\d{4}[-.]\d{2}[-.]\d{2}\b/g) ?? []);
    expect(texts).toEqual([]);
  });
});
