/**
 * Fault injection for the bot side only. "network" drops the connection before the
 * method runs; "lost" runs it and then drops the connection, so the bot cannot know
 * it succeeded (the case that makes retries send duplicates); "hang" never answers
 * (the connection stays open); "502" answers with a proxy's HTML error page; "401"
 * answers as Telegram does for a revoked token; "400" and "413" refuse the call as
 * Telegram refuses a bad or too large file.
 */
export type FaultKind = "429" | "500" | "network" | "lost" | "hang" | "502" | "401" | "400" | "413";

export interface FaultOptions {
  /** Probability (0..1) that a call fails. */
  rate: number;
  kinds?: FaultKind[];
  /** Seconds reported in 429 `parameters.retry_after`. */
  retryAfter?: number;
  /** Only these methods fail (case-insensitive); all when absent. */
  methods?: string[];
  /** Makes the sequence of faults repeatable. */
  seed?: number;
}

interface Queued {
  method: string;
  kind: FaultKind;
  count: number;
}

export class FaultInjector {
  private options: FaultOptions | undefined;
  private random: () => number = Math.random;
  private readonly queued: Queued[] = [];

  set(options: FaultOptions | null | undefined): void {
    this.options = options ?? undefined;
    this.random = options?.seed !== undefined ? mulberry32(options.seed) : Math.random;
  }

  /** The next `count` calls of `method` ("*" for any) fail with `kind`. */
  failNext(method: string, kind: FaultKind, count = 1): void {
    this.queued.push({ method: method.toLowerCase(), kind, count });
  }

  clear(): void {
    this.set(undefined);
    this.queued.length = 0;
  }

  get retryAfter(): number {
    return this.options?.retryAfter ?? 1;
  }

  pick(method: string): FaultKind | undefined {
    const name = method.toLowerCase();
    const queued = this.queued.find((q) => q.method === name || q.method === "*");
    if (queued) {
      queued.count--;
      if (queued.count <= 0) this.queued.splice(this.queued.indexOf(queued), 1);
      return queued.kind;
    }
    const options = this.options;
    if (!options || options.rate <= 0) return undefined;
    if (options.methods && !options.methods.some((m) => m.toLowerCase() === name)) return undefined;
    if (this.random() >= options.rate) return undefined;
    const kinds = options.kinds?.length ? options.kinds : (["429", "500", "network"] as FaultKind[]);
    return kinds[Math.floor(this.random() * kinds.length)];
  }
}

/** Seeded, so a failing run can be repeated exactly. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
