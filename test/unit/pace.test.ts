/**
 * Broadcast pacing as Telegram counts it: by when our calls arrive. A call arrives
 * somewhere between its start and its answer, and a busy machine or a slow network
 * delays each by a different amount; whatever those delays, no second on Telegram's
 * side may hold more than the pace allows. Fake timers: the delays are simulated.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Pacer } from "../../src/bot/jobs/pace.js";
import { mulberry32 } from "../emulator/faults.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const busiestSecond = (times: number[]) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));

/** `calls` paced calls one after another; each reaches Telegram `there()` ms after it starts and is answered `back()` ms later. */
async function broadcast(pacer: Pacer, calls: number, there: () => number, back: () => number) {
  const arrivals: number[] = [];
  const started = Date.now();
  const run = (async () => {
    for (let i = 0; i < calls; i++) {
      const done = await pacer.turn();
      await sleep(there());
      arrivals.push(Date.now());
      await sleep(back());
      done();
    }
  })();
  await vi.runAllTimersAsync();
  await run;
  return { arrivals, elapsed: Date.now() - started };
}

describe("broadcast pacing", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "no second at Telegram holds more than the pace, however unevenly calls are delayed (seed %i)",
    async (seed) => {
      const random = mulberry32(seed);
      // Delays shorter than the gap between calls (a busy event loop, a busy disk), now and then a stall.
      const there = () => (random() < 0.02 ? 400 : Math.floor(random() * 39));
      const { arrivals } = await broadcast(new Pacer(25), 300, there, () => Math.floor(random() * 3));
      expect(busiestSecond(arrivals)).toBeLessThanOrEqual(25);
    },
  );

  it("a call held on its way does not let the next 25 arrive within its second", async () => {
    // The first call of every 26 is held 30 ms on its way (less than the 40 ms gap); the rest go at once.
    let n = 0;
    const { arrivals } = await broadcast(
      new Pacer(25),
      260,
      () => (n++ % 26 === 0 ? 30 : 0),
      () => 0,
    );
    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(25);
  });

  it("with quick answers it keeps the pace: 200 calls at 25 a second take about 8 s", async () => {
    const { elapsed } = await broadcast(
      new Pacer(25),
      200,
      () => 0,
      () => 0,
    );
    expect(elapsed).toBeGreaterThanOrEqual(199 * 40);
    expect(elapsed).toBeLessThanOrEqual(200 * 40 + 1000);
  });
});

/** When each turn is granted, in ms of the fake clock, for `n` turns taken one after another. */
async function turns(pacer: Pacer, n: number): Promise<number[]> {
  const at: number[] = [];
  const run = (async () => {
    for (let i = 0; i < n; i++) {
      const done = await pacer.turn();
      at.push(Date.now());
      done();
    }
  })();
  await vi.runAllTimersAsync();
  await run;
  return at;
}

describe("the broadcast pace across instances", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => vi.useRealTimers());

  it("spaces turns 1000 / perSecond ms apart, the first at once", async () => {
    const at = await turns(new Pacer(10), 4);
    expect(at).toEqual([10_000, 10_100, 10_200, 10_300]);
  });

  it("goes on from a message another instance sent, with one gap to spare", async () => {
    const pacer = new Pacer(10);
    pacer.after(9_950);
    expect(await turns(pacer, 2)).toEqual([10_150, 10_250]);
  });

  it("is not held up by an old message, a clock far ahead, or no time at all", async () => {
    for (const at of [1_000, Number.NaN]) {
      // long ago (more than two gaps), or unknown: at once
      const pacer = new Pacer(10);
      pacer.after(at);
      expect((await turns(pacer, 1))[0]).toBe(Date.now());
    }
    const ahead = new Pacer(10);
    const now = Date.now();
    ahead.after(now + 3_600_000);
    // at most two gaps from now
    expect(await turns(ahead, 1)).toEqual([now + 200]);
  });
});
