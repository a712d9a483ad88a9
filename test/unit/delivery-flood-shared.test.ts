/**
 * Flood control across instances: a person's updates spread over several
 * instances count against one allowance (the database's), the first update over
 * it tells the person once, and files past it wait instead of being dropped.
 */
import type { Update } from "grammy/types";
import { beforeEach, describe, expect, it } from "vitest";
import { FloodGate, floodedOf, type Verdict } from "../../src/bot/delivery/flood.js";
import type { Db } from "../../src/db/client.js";
import { sharedFloodCounter } from "../../src/db/flood-windows.js";
import { rowsOf, testDb } from "../support/database.js";

let db: Db;
beforeEach(async () => {
  db = await testDb();
});

let next = 1;
const from = (id: number) => ({ id, is_bot: false, first_name: "A" });
const textFrom = (person: number): Update =>
  ({
    update_id: next++,
    message: { message_id: next, date: 0, chat: { id: person, type: "private" }, from: from(person), text: "hi" },
  }) as Update;
const photoFrom = (person: number): Update =>
  ({
    update_id: next++,
    message: {
      message_id: next,
      date: 0,
      chat: { id: person, type: "private" },
      from: from(person),
      photo: [{ file_id: "f", file_unique_id: `u${next}`, width: 1, height: 1 }],
    },
  }) as Update;

const WINDOW = 10_000;
function instances(n: number, perWindow: number, clock: () => number) {
  return Array.from(
    { length: n },
    () => new FloodGate({ perWindow, windowMs: WINDOW }, () => undefined, clock, sharedFloodCounter(db, WINDOW, clock)),
  );
}

describe("flood control shared by several instances", () => {
  it("a person's texts spread over three instances count against one allowance; one notice in all", async () => {
    let now = 1_900_000_000_000;
    const gates = instances(3, 5, () => now);
    const verdicts: [Verdict, string | undefined][] = [];
    for (let k = 0; k < 12; k++) {
      const u = textFrom(501);
      verdicts.push([await gates[k % 3]!.admit(u), floodedOf(u)]);
    }
    expect(verdicts.filter(([v]) => v === "now")).toHaveLength(5);
    expect(verdicts.slice(0, 5).every(([v]) => v === "now")).toBe(true);
    expect(verdicts.filter(([, f]) => f === "notice")).toHaveLength(1);
    expect(verdicts[5]).toEqual(["dropped", "notice"]);
    // Another person is not held back by the first; the next window starts afresh.
    expect(await gates[0]!.admit(textFrom(502))).toBe("now");
    now += WINDOW;
    expect(await gates[1]!.admit(textFrom(501))).toBe("now");
    for (const g of gates) g.stop();
  });

  it("the whole allowance, and no more, for every way of spreading updates over instances (decision table)", async () => {
    let now = 1_900_000_000_000;
    for (const spread of [[0], [0, 1], [0, 1, 2], [2, 2, 1], [1, 0, 0, 2]]) {
      now += WINDOW;
      const person = 600 + spread.length * 10 + (spread[0] ?? 0);
      const gates = instances(3, 4, () => now);
      let admitted = 0;
      for (let k = 0; k < 20; k++)
        if ((await gates[spread[k % spread.length]!]!.admit(textFrom(person))) === "now") admitted++;
      expect(admitted, `spread ${spread.join(",")}`).toBe(4);
      for (const g of gates) g.stop();
    }
  });

  it("files over the shared allowance are queued, never dropped", async () => {
    const now = 1_900_000_000_000;
    const gates = instances(2, 1, () => now);
    const verdicts: Verdict[] = [];
    for (let k = 0; k < 5; k++) verdicts.push(await gates[k % 2]!.admit(photoFrom(701)));
    expect(verdicts).toEqual(["now", "now", "now", "queued", "queued"]);
    for (const g of gates) g.stop();
  });

  it("windows that are over are deleted from the database", async () => {
    let now = 1_900_000_000_000;
    const [gate] = instances(1, 5, () => now);
    await gate!.admit(textFrom(801));
    now += 5 * WINDOW + 60_000;
    await gate!.admit(textFrom(801));
    const left = await rowsOf<{ window_start: number }>(
      db,
      "SELECT window_start FROM flood_windows WHERE person_id = 801",
    );
    expect(left.map((r) => Number(r.window_start))).toEqual([now - (now % WINDOW)]);
    gate!.stop();
  });
});
