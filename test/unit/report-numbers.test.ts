/**
 * Report numbers never repeat: the sequence comes from the database and skips any
 * number it already holds (a submitted or a withdrawn report's), and at start each
 * year's counter is moved up to the highest number the database holds.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import { recordConsent } from "../../src/db/users.js";
import { alignReportCounters, nextReportNumber } from "../../src/services/submit.js";
import { rowsOf, testDb } from "../support/database.js";

let db: Db;
const AT = new Date("2026-06-01T10:00:00Z");
beforeEach(async () => {
  db = await testDb();
  await recordConsent(db, 1, "ru");
});

const fileReport = (number: string) =>
  rowsOf(
    db,
    "INSERT INTO reports (user_id, status, number, lang, cursor) VALUES (1, 'submitted', ?, 'ru', '{\"step\":\"review\"}')",
    number,
  );
const setCounter = (value: number) =>
  rowsOf(
    db,
    "INSERT INTO counters (name, value) VALUES ('report_number_2026', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    value,
  );

describe("report numbers", () => {
  it("count up within the year", async () => {
    expect([await nextReportNumber(db, AT), await nextReportNumber(db, AT)]).toEqual([
      "SB-2026-000001",
      "SB-2026-000002",
    ]);
  });

  it("skip a number a report already has, even when the counter was set back (a restored copy)", async () => {
    await fileReport("SB-2026-000001");
    await fileReport("SB-2026-000002");
    await setCounter(0);
    expect(await nextReportNumber(db, AT)).toBe("SB-2026-000003");
  });

  it("skip the number of a withdrawn report", async () => {
    await rowsOf(
      db,
      "INSERT INTO withdrawn_numbers (number, submitted_at, withdrawn_at) VALUES (?, ?, ?)",
      "SB-2026-000001",
      AT.toISOString(),
      AT.toISOString(),
    );
    expect(await nextReportNumber(db, AT)).toBe("SB-2026-000002");
  });

  it("at start the counter is moved up to the highest number the database holds, and only up", async () => {
    await fileReport("SB-2026-000007");
    await fileReport("SB-2025-000042");
    await setCounter(3);
    expect(await alignReportCounters(db)).toEqual(
      expect.arrayContaining([
        { year: 2026, from: 3, to: 7 },
        { year: 2025, from: 0, to: 42 },
      ]),
    );
    expect(await alignReportCounters(db)).toEqual([]);
    expect(await nextReportNumber(db, AT)).toBe("SB-2026-000008");
    await setCounter(100);
    expect(await alignReportCounters(db)).toEqual([]);
  });
});
