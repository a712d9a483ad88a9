import { describe, expect, it } from "vitest";
import {
  clearPendingInputOf,
  pendingInputRow,
  purgeExpiredPendingInputs,
  setPendingInput,
  takePendingInput,
} from "../../src/db/pending-inputs.js";
import { testDb } from "../support/database.js";

const NOW = new Date("2026-12-07T09:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);
const MINUTE = 60_000;

describe("one awaited input per chat", () => {
  it("the newest request replaces the older one, payload and expiry with it", async () => {
    const db = await testDb();
    await setPendingInput(db, 1, "waiting_story", NOW, 30 * MINUTE, "a story");
    await setPendingInput(db, 1, "call_check", NOW);
    expect(await pendingInputRow(db, 1, NOW)).toEqual({ kind: "call_check", payload: null });
    expect(await pendingInputRow(db, 1, later(10 * MINUTE))).toBeUndefined();
  });

  it("is taken once, only for its own kind and before it expires", async () => {
    const db = await testDb();
    await setPendingInput(db, 1, "erdr:7", NOW);
    expect(await takePendingInput(db, 1, "call_check", NOW)).toBeUndefined();
    expect(await takePendingInput(db, 1, "erdr:7", later(10 * MINUTE))).toBeUndefined();
    expect(await takePendingInput(db, 1, "erdr:7", NOW)).toEqual({ kind: "erdr:7", payload: null });
    expect(await takePendingInput(db, 1, "erdr:7", NOW)).toBeUndefined();
    // Two processes racing for the same input: exactly one gets it.
    await setPendingInput(db, 2, "call_check", NOW);
    const both = await Promise.all([
      takePendingInput(db, 2, "call_check", NOW),
      takePendingInput(db, 2, "call_check", NOW),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });

  it("a request of another kind is not cleared by leaving an addition", async () => {
    const db = await testDb();
    await setPendingInput(db, 1, "call_check", NOW);
    await clearPendingInputOf(db, 1, ["add_information", "add_transfer_recipient"]);
    expect((await pendingInputRow(db, 1, NOW))?.kind).toBe("call_check");
    await setPendingInput(db, 1, "add_information", NOW, 30 * MINUTE, "{}");
    await clearPendingInputOf(db, 1, ["add_information", "add_transfer_recipient"]);
    expect(await pendingInputRow(db, 1, NOW)).toBeUndefined();
  });

  it("expired requests are purged, open ones kept", async () => {
    const db = await testDb();
    await setPendingInput(db, 1, "call_check", NOW, MINUTE);
    await setPendingInput(db, 2, "waiting_story", NOW, 30 * MINUTE, "a story");
    expect(await purgeExpiredPendingInputs(db, later(2 * MINUTE))).toBe(1);
    expect(await pendingInputRow(db, 1, NOW)).toBeUndefined();
    expect((await pendingInputRow(db, 2, later(2 * MINUTE)))?.payload).toBe("a story");
  });
});
