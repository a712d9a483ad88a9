import { describe, expect, it } from "vitest";
import { cleanErdrNumber } from "../../src/core/case/status.js";
import { findRegions, readLeadingRegions, readRegion } from "../../src/core/identifiers/regions.js";
import { REGIONS } from "../../src/core/model.js";
import { createI18n } from "../../src/i18n.js";
import { readLookupInput } from "../../src/services/lookup.js";
import { isoWeek } from "../../src/services/police-stats.js";
import {
  packDay,
  parseFilterArgs,
  parseReportNumber,
  toReportFilter,
  unpackDay,
} from "../../src/services/report-filter.js";
import { parseGrantArgs, readProfileWords } from "../../src/services/staff.js";

const SCHEMES = ["bank_security", "marketplace_seller"];

describe("police filters", () => {
  it("reads dates, a range, region, scheme and status in any order", async () => {
    expect(parseFilterArgs("almaty 2026-11-30 01.11.2026 bank_security updated", SCHEMES)).toEqual({
      spec: {
        fromDay: "2026-11-01",
        toDay: "2026-11-30",
        region: "almaty",
        scheme: "bank_security",
        status: "updated",
      },
      unknown: [],
    });
    expect(parseFilterArgs("2026-11-01..2026-11-07 region=astana", SCHEMES).spec).toEqual({
      fromDay: "2026-11-01",
      toDay: "2026-11-07",
      region: "astana",
    });
    expect(parseFilterArgs("25.11.2026", SCHEMES).spec).toEqual({ fromDay: "2026-11-25", toDay: "2026-11-25" });
  });

  it("returns words it does not know instead of guessing", async () => {
    expect(parseFilterArgs("31.02.2026 atlantis scheme=unknown_scheme", SCHEMES).unknown).toEqual([
      "31.02.2026",
      "atlantis",
      "scheme=unknown_scheme",
    ]);
  });

  it("reads regions in any language and case, banks, amounts in tenge and «mine»", async () => {
    expect(parseFilterArgs("Алматыда 05.12.2026", SCHEMES).spec).toEqual({
      region: "almaty",
      fromDay: "2026-12-05",
      toDay: "2026-12-05",
    });
    expect(parseFilterArgs("Қарағанды облысы kaspi >100000 мои", SCHEMES)).toEqual({
      spec: { region: "karaganda", bank: "kaspi", minAmount: 100_001, mine: true },
      unknown: [],
    });
    expect(parseFilterArgs("Шығыс Қазақстан облысы сумма=50000..200000 Халык", SCHEMES).spec).toEqual({
      region: "east_kazakhstan",
      minAmount: 50_000,
      maxAmount: 200_000,
      bank: "halyk",
    });
    expect(parseFilterArgs("<=5000 status=money_frozen", SCHEMES).spec).toEqual({
      maxAmount: 5000,
      status: "money_frozen",
    });
    expect(parseFilterArgs("region=Караганде", SCHEMES).spec).toEqual({ region: "karaganda" });
  });

  it("filters by the incident day, the last day included, and packs days for buttons", async () => {
    const scope = { all: false, regions: ["almaty"], officerId: 5 } as const;
    const filter = toReportFilter({ fromDay: "2026-11-01", toDay: "2026-11-30", minAmount: 100, mine: true }, scope);
    expect(filter).toMatchObject({
      scope,
      incidentFrom: "2026-11-01",
      incidentTo: "2026-11-30",
      minAmountMinor: 10_000,
      assignee: 5,
    });
    expect(unpackDay(packDay("2026-02-28"))).toBe("2026-02-28");
    expect(unpackDay("20260230")).toBeUndefined();
  });

  it("names ISO weeks in Kazakhstan time, the year decided by the week's Thursday", async () => {
    expect(isoWeek("2026-11-23T18:59:00Z")).toBe("2026-W48");
    expect(isoWeek("2026-11-22T18:59:00Z")).toBe("2026-W47");
    expect(isoWeek("2027-01-01T06:00:00Z")).toBe("2026-W53");
    expect(isoWeek("2024-12-30T06:00:00Z")).toBe("2025-W01");
  });

  it("reads report numbers written loosely", async () => {
    expect(parseReportNumber("sb-2026-42")).toBe("SB-2026-000042");
    expect(parseReportNumber("2026 000042")).toBe("SB-2026-000042");
    expect(parseReportNumber("SB-2026-0000420")).toBeUndefined();
  });
});

describe("grant arguments", () => {
  it("reads id, role, the regions first (any language, «all») and the unit after them", async () => {
    expect(parseGrantArgs("701 police Алматы, Алматы облысы УП Медеуского района г. Алматы")).toEqual({
      id: 701,
      role: "police",
      unit: "УП Медеуского района г. Алматы",
      regions: ["almaty", "almaty_region"],
    });
    expect(parseGrantArgs("702 ADMIN")).toEqual({ id: 702, role: "admin" });
    expect(parseGrantArgs("703 police")).toEqual({ id: 703, role: "police" });
    expect(parseGrantArgs("704 police все ДП")).toEqual({ id: 704, role: "police", allRegions: true, unit: "ДП" });
    expect(readProfileWords("astana")).toEqual({ regions: ["astana"] });
    expect(readProfileWords("Қарағандыда және Павлодар")).toEqual({ regions: ["karaganda", "pavlodar"] });
  });

  it("refuses anything that is not an id and a staff role", async () => {
    for (const bad of ["", "police 701", "701 citizen", "-5 police", "7e3 admin"]) {
      expect(parseGrantArgs(bad)).toBeUndefined();
    }
  });
});

describe("lookup input", () => {
  it("normalises what people type as reports store it", async () => {
    expect(readLookupInput("4400 4301 2345 6789")).toEqual({
      ok: true,
      keys: [{ kind: "card", value: "4400430123456789" }],
    });
    expect(readLookupInput("8 (701) 111-22-33")).toEqual({
      ok: true,
      keys: [{ kind: "phone", value: "+77011112233" }],
    });
    expect(readLookupInput("@Police_KZ_Help")).toEqual({
      ok: true,
      keys: [{ kind: "username", value: "@police_kz_help" }],
    });
  });

  it("tells a typo, a masked card and no identifier apart", async () => {
    expect(readLookupInput("4400 4301 2345 6788")).toEqual({ ok: false, error: "typo" });
    expect(readLookupInput("**** 6789")).toEqual({ ok: false, error: "masked" });
    expect(readLookupInput("просто слова")).toEqual({ ok: false, error: "none" });
  });
});

const i18n = createI18n();

describe("region names", () => {
  it("reads every region by its own name in Russian and Kazakh, as the bot writes it", async () => {
    for (const region of REGIONS) {
      for (const lang of ["ru", "kk"] as const) {
        const name = i18n.plain(lang, `common:regions.${region}`);
        expect(readRegion(name), `${lang}: ${name}`).toBe(region);
        expect(readRegion(i18n.plain(lang, `documents:labels.regions.${region}`)), name).toBe(region);
      }
      expect(readRegion(region)).toBe(region);
    }
  });

  it.each([
    ["Алматы", "almaty"],
    ["Алматыда", "almaty"],
    ["АЛМАТЫҒА", "almaty"],
    ["Almaty", "almaty"],
    ["алматинская область", "almaty_region"],
    ["Алматинской обл.", "almaty_region"],
    ["Караганда", "karaganda"],
    ["Караганде", "karaganda"],
    ["Қарағандыда", "karaganda"],
    ["Карагандинская", "karaganda"],
    ["Астанада", "astana"],
    ["Нур-Султан", "astana"],
    ["Шымкентте", "shymkent"],
    ["ВКО", "east_kazakhstan"],
    ["Өскемен", "east_kazakhstan"],
    ["СҚО", "north_kazakhstan"],
    ["Петропавловске", "north_kazakhstan"],
    ["Тараз", "zhambyl"],
    ["Актюбинской", "aktobe"],
    ["Ақтөбеде", "aktobe"],
    ["Жезказган", "ulytau"],
    ["Теміртауда", "karaganda"],
    ["Екібастұз", "pavlodar"],
    ["Рудный", "kostanay"],
  ])("%s → %s", (text, region) => {
    expect(readRegion(text)).toBe(region);
  });

  it("finds nothing in words that only resemble a name, and several names in a sentence", async () => {
    for (const text of ["Алматинец", "Алмата-Ата", "караоке", "Астра", "ничего", "Kaspi"]) {
      expect(
        findRegions(text).map((m) => m.region),
        text,
      ).not.toContain("karaganda");
    }
    expect(readRegion("Караоке")).toBeUndefined();
    expect(findRegions("семейный бюджет; деньги оралды")).toEqual([]);
    expect(findRegions("из Алматы в Караганду").map((m) => m.region)).toEqual(["almaty", "karaganda"]);
    expect(readLeadingRegions("УП Алматы")).toEqual({ regions: [], all: false, rest: "УП Алматы" });
  });
});

describe("the number an officer writes into a case file", () => {
  it("keeps an ЕРДР number as its digits, the way the person's is kept, and a КУИ entry as written", async () => {
    expect(cleanErdrNumber("№ 2615 0003 1000 123")).toBe("261500031000123");
    expect(cleanErdrNumber("ЕРДР 261500031000123")).toBe("261500031000123");
    expect(cleanErdrNumber("КУИ-2026-00123")).toBe("КУИ-2026-00123");
    expect(cleanErdrNumber("  КУСП  № 4512/11 ")).toBe("КУСП № 4512/11");
  });

  it("refuses words, short numbers and what is too long to be a number", async () => {
    for (const bad of ["", "зарегистрировали", "№ 261", "12-34", "1".repeat(41), "=cmd|' /C calc'!A0 12345"]) {
      expect(cleanErdrNumber(bad), bad).toBeUndefined();
    }
  });
});
