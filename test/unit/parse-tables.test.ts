/**
 * What people type, read as they meant it: ≥ 150 real-world answers per language
 * (test/fixtures/parse/{ru,kk}.jsonl) with the expected reading — spoken times, dates
 * with times, several sums in one answer, regions and cities in any case form, typed
 * answers to buttons, «нет»/«жоқ»/«-» as nothing, phones, the victim's identity, the
 * device, crypto details. `expect: null` means the answer is refused (asked again).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCryptoDetails } from "../../src/core/identifiers/crypto-details.js";
import { parseDateTime, parseTime } from "../../src/core/identifiers/dates.js";
import { parseAmounts } from "../../src/core/identifiers/money.js";
import { findPlace } from "../../src/core/identifiers/regions.js";
import { parseDevice, parseVictim } from "../../src/core/identifiers/victim.js";
import type { Lang } from "../../src/core/model.js";
import { parsers } from "../../src/core/questionnaire/parsers.js";
import { OPTIONS, type OptionList } from "../../src/core/questionnaire/steps.js";
import { isNothing, optionsInText } from "../../src/core/questionnaire/typed-options.js";

/** Wednesday 25 November 2026, 17:00 in Kazakhstan. */
const NOW = new Date("2026-11-25T12:00:00Z");

interface Row {
  parser: string;
  input: string;
  expect: unknown;
  context?: "morning" | "afternoon" | "evening" | "night";
  list?: OptionList;
}

const table = (lang: Lang): Row[] =>
  readFileSync(join(import.meta.dirname, `../fixtures/parse/${lang}.jsonl`), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);

/** Lists of one-choice questions: the first option named wins, as the questionnaire takes it. */
const SINGLE = new Set<OptionList>([
  "yes_no",
  "yes_no_unsure",
  "loan_statuses",
  "banks",
  "methods",
  "identities",
  "part_of_day",
]);

/** What the parser makes of the input, in the table's terms (null: refused). */
function read(row: Row, lang: Lang): unknown {
  switch (row.parser) {
    case "time": {
      const r = parseTime(row.input, row.context);
      return r.ok ? r.value : null;
    }
    case "datetime": {
      const r = parseDateTime(row.input, NOW);
      return r.ok ? r.value : null;
    }
    case "amounts": {
      const r = parseAmounts(row.input);
      return r.ok ? r.value.map((m) => [m.amountMinor / 100, m.currency]) : null;
    }
    case "place": {
      const p = findPlace(row.input);
      if (!p) return null;
      return p.city ? [p.region, p.city[lang]] : [p.region];
    }
    case "option": {
      const found = optionsInText(row.list!, row.input, OPTIONS[row.list!]);
      return SINGLE.has(row.list!) ? found.slice(0, 1) : found;
    }
    case "nothing":
      return isNothing(row.input);
    case "phones": {
      const r = parsers.phonesStrict(row.input);
      return r.ok ? r.value.map((p) => p.value) : null;
    }
    case "victim": {
      const r = parseVictim(row.input, NOW);
      if (!r.ok) return r.error;
      const { phone, ...rest } = r.value.victim;
      return {
        ...rest,
        ...(phone ? { phone: phone.value } : {}),
        ...(r.value.iban ? { iban: r.value.iban.value } : {}),
      };
    }
    case "device": {
      const r = parseDevice(row.input);
      if (!r.ok) return null;
      return {
        ...(r.value.phone ? { phone: r.value.phone.value } : {}),
        ...(r.value.device ? { device: r.value.device } : {}),
      };
    }
    case "crypto":
      return parseCryptoDetails(row.input);
    default:
      throw new Error(`unknown parser ${row.parser}`);
  }
}

describe.each(["ru", "kk"] as const)("parse table (%s)", (lang) => {
  const rows = table(lang);

  it("holds at least 150 real-world answers", () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
  });

  it.each(
    rows.map(
      (row) => [`${row.parser}: ${JSON.stringify(row.input)}${row.context ? ` (${row.context})` : ""}`, row] as const,
    ),
  )("%s", (_name, row) => {
    expect(read(row, lang)).toEqual(row.expect);
  });
});
