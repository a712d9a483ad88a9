/**
 * Every function that reads text a stranger can type is linear in its input: 64 KB
 * built to make a careless parser slow (long runs of digit groups, masked cards, the
 * words of secrets, number words, dates, links…) are read in a bounded time, and the
 * time grows like the text, not like its square (one "1 1 1 …" message once froze the
 * bot for everyone for two and a half minutes).
 *
 * Times are CPU time of this process, so other work on the machine does not count;
 * the bound is generous (far above the slowest linear reading, far below any
 * quadratic one at this size).
 */
import { describe, expect, it } from "vitest";
import { adversarialInputs, PARSERS, SIZE } from "../support/untrusted-parsers.js";

/** Any one reading of 64 KB: the slowest linear one takes a few hundred milliseconds. */
const BOUND_MS = 20_000;
/** From 8 KB to 64 KB a linear reading takes ~8× longer, a quadratic one ~64×. */
const SMALL = SIZE / 8;
const MAX_GROWTH = 24;
/** Below this a reading is too quick to measure growth on. */
const MEASURABLE_MS = 100;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const timed = (read: (text: string) => unknown, text: string): number => {
  const start = cpuMs();
  read(text);
  return cpuMs() - start;
};
const fastest = (read: (text: string) => unknown, text: string, runs: number) =>
  Math.min(...Array.from({ length: runs }, () => timed(read, text)));

const inputs = adversarialInputs();
const small = new Map(adversarialInputs(SMALL));

describe("every reader of untrusted text is linear", () => {
  const slowest: string[] = [];

  it.each(PARSERS)(
    "%s reads any 64 KB in a bounded time that grows like the text",
    (name, read) => {
      let worst = { ms: 0, input: "" };
      const problems: string[] = [];
      for (const [label, text] of inputs) {
        let ms = timed(read, text);
        if (ms >= MEASURABLE_MS) {
          // A slow reading is measured against an eighth of the text, up to three times: a
          // garbage collection can slow one measurement, not three in a row.
          const growths: string[] = [];
          for (let attempt = 0; attempt < 3; attempt++) {
            const base = Math.max(fastest(read, small.get(label)!, 3), 1);
            ms = Math.min(ms, timed(read, text));
            if (ms < MEASURABLE_MS || ms <= MAX_GROWTH * base) break;
            growths.push(`${base.toFixed(0)} → ${ms.toFixed(0)} ms`);
          }
          if (growths.length === 3) problems.push(`${label}: ${SMALL} → ${SIZE} characters took ${growths.join(", ")}`);
        }
        if (ms > BOUND_MS) problems.push(`${label}: ${ms.toFixed(0)} ms`);
        if (ms > worst.ms) worst = { ms, input: label };
      }
      slowest.push(`${name}: ${worst.ms.toFixed(0)} ms (${worst.input})`);
      expect(problems).toEqual([]);
    },
    600_000,
  );

  it("prints the slowest reading of each (for the record)", () => {
    console.info(`slowest 64 KB reading (CPU):\n  ${slowest.join("\n  ")}`);
    expect(slowest.length).toBe(PARSERS.length);
  });
});
