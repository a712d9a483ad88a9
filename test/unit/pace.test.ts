import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Pacer } from "../../src/bot/jobs/pace.js";

/** When each turn is granted, in ms of the fake clock, for `n` turns taken one after another. */
async function turns(pacer: Pacer, n: number): Promise<number[]> {
  const at: number[] = [];
  const run = (async () => {
    for (let i = 0; i < n; i++) {
      await pacer.turn();
      at.push(Date.now());
    }
  })();
  await vi.runAllTimersAsync();
  await run;
  return at;
}

describe("the broadcast pace", () => {
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
