import { describe, expect, it } from "vitest";
import { readLookupInput } from "../../src/services/lookup.js";
import { isoWeek } from "../../src/services/police-stats.js";
import {
  dayStart,
  packDay,
  parseFilterArgs,
  parseReportNumber,
  toReportFilter,
  unpackDay,
} from "../../src/services/report-filter.js";
import { parseGrantArgs, readProfileWords } from "../../src/services/staff.js";

const SCHEMES = ["bank_security", "marketplace_seller"];

describe("police filters", () => {
  it("reads dates, a range, region, scheme and status in any order", () => {
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

  it("returns words it does not know instead of guessing", () => {
    expect(parseFilterArgs("31.02.2026 atlantis scheme=unknown_scheme", SCHEMES).unknown).toEqual([
      "31.02.2026",
      "atlantis",
      "scheme=unknown_scheme",
    ]);
  });

  it("turns Kazakhstan calendar days into a UTC range, the last day included", () => {
    expect(dayStart("2026-11-01").toISOString()).toBe("2026-10-31T19:00:00.000Z");
    const filter = toReportFilter({ fromDay: "2026-11-01", toDay: "2026-11-30" });
    expect(filter.from?.toISOString()).toBe("2026-10-31T19:00:00.000Z");
    expect(filter.to?.toISOString()).toBe("2026-11-30T19:00:00.000Z");
    expect(unpackDay(packDay("2026-02-28"))).toBe("2026-02-28");
    expect(unpackDay("20260230")).toBeUndefined();
  });

  it("names ISO weeks in Kazakhstan time, the year decided by the week's Thursday", () => {
    expect(isoWeek("2026-11-23T18:59:00Z")).toBe("2026-W48");
    expect(isoWeek("2026-11-22T18:59:00Z")).toBe("2026-W47");
    expect(isoWeek("2027-01-01T06:00:00Z")).toBe("2026-W53");
    expect(isoWeek("2024-12-30T06:00:00Z")).toBe("2025-W01");
  });

  it("reads report numbers written loosely", () => {
    expect(parseReportNumber("sb-2026-42")).toBe("SB-2026-000042");
    expect(parseReportNumber("2026 000042")).toBe("SB-2026-000042");
    expect(parseReportNumber("SB-2026-0000420")).toBeUndefined();
  });
});

describe("grant arguments", () => {
  it("reads id, role, a unit of several words and a region id at the end", () => {
    expect(parseGrantArgs("701 police УП Алмалинского района almaty")).toEqual({
      id: 701,
      role: "police",
      unit: "УП Алмалинского района",
      region: "almaty",
    });
    expect(parseGrantArgs("702 ADMIN")).toEqual({ id: 702, role: "admin" });
    expect(parseGrantArgs("703 police")).toEqual({ id: 703, role: "police" });
    expect(readProfileWords(["astana"])).toEqual({ region: "astana" });
  });

  it("refuses anything that is not an id and a staff role", () => {
    for (const bad of ["", "police 701", "701 citizen", "-5 police", "7e3 admin"]) {
      expect(parseGrantArgs(bad)).toBeUndefined();
    }
  });
});

describe("lookup input", () => {
  it("normalises what people type as reports store it", () => {
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

  it("tells a typo, a masked card and no identifier apart", () => {
    expect(readLookupInput("4400 4301 2345 6788")).toEqual({ ok: false, error: "typo" });
    expect(readLookupInput("**** 6789")).toEqual({ ok: false, error: "masked" });
    expect(readLookupInput("просто слова")).toEqual({ ok: false, error: "none" });
  });
});
