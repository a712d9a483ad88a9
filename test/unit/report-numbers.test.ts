/**
 * Report numbers never repeat: the sequence comes from the database and skips any
 * number it already holds (a submitted or a withdrawn report's), and at start each
 * year's counter is moved up to the highest number the database holds.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";
import { recordConsent } from "../../src/db/users.js";
import { alignReportCounters, nextReportNumber } from "../../src/services/submit.js";

let db: Db;
const AT = new Date("2026-06-01T10:00:00Z");
beforeEach(() => {
  db = openDatabase(":memory:");
  recordConsent(db, 1, "ru");
});

const fileReport = (number: string) =>
  db.$client
    .prepare(
      "INSERT INTO reports (user_id, status, number, lang, cursor) VALUES (1, 'submitted', ?, 'ru', '{\"step\":\"review\"}')",
    )
    .run(number);
const setCounter = (value: number) =>
  db.$client.prepare("INSERT OR REPLACE INTO counters (name, value) VALUES ('report_number_2026', ?)").run(value);

describe("report numbers", () => {
  it("count up within the year", () => {
    expect([nextReportNumber(db, AT), nextReportNumber(db, AT)]).toEqual(["SB-2026-000001", "SB-2026-000002"]);
  });

  it("skip a number a report already has, even when the counter was set back (a restored copy)", () => {
    fileReport("SB-2026-000001");
    fileReport("SB-2026-000002");
    setCounter(0);
    expect(nextReportNumber(db, AT)).toBe("SB-2026-000003");
  });

  it("skip the number of a withdrawn report", () => {
    db.$client
      .prepare("INSERT INTO withdrawn_numbers (number, submitted_at, withdrawn_at) VALUES (?, ?, ?)")
      .run("SB-2026-000001", AT.toISOString(), AT.toISOString());
    expect(nextReportNumber(db, AT)).toBe("SB-2026-000002");
  });

  it("at start the counter is moved up to the highest number the database holds, and only up", () => {
    fileReport("SB-2026-000007");
    fileReport("SB-2025-000042");
    setCounter(3);
    expect(alignReportCounters(db)).toEqual(
      expect.arrayContaining([
        { year: 2026, from: 3, to: 7 },
        { year: 2025, from: 0, to: 42 },
      ]),
    );
    expect(alignReportCounters(db)).toEqual([]);
    expect(nextReportNumber(db, AT)).toBe("SB-2026-000008");
    setCounter(100);
    expect(alignReportCounters(db)).toEqual([]);
  });
});
