/**
 * Small statistics for the benchmark: percentiles over samples, and a timer that
 * repeats a piece of work and keeps every duration.
 */

/** The p-th percentile (0..100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Milliseconds since `start` (a performance.now() reading). */
export const since = (start: number) => performance.now() - start;

/** Runs `work` `times` times (after `warmup` unmeasured runs) and returns each duration in ms. */
export async function timeEach(
  times: number,
  work: (i: number) => unknown | Promise<unknown>,
  warmup = 1,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work(i);
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work(i);
    out.push(since(start));
  }
  return out;
}

/** Lets pending timers and I/O run, so one measurement does not bleed into the next. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export const mb = (bytes: number) => bytes / (1024 * 1024);
