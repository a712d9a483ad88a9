/**
 * Broadcasts (alerts, draft reminders) go out at our own pace, well under
 * Telegram's ~30 messages a second for messages nobody asked for, so they never
 * crowd out answers to people, which are not paced at all.
 */
export const BROADCAST_PER_SECOND = 25;

/**
 * Alerts and draft reminders are one broadcast for Telegram: they share one
 * pacer in a process, and across instances one advisory lock of this name
 * (runAlone), so only one instance broadcasts at a time.
 */
export const BROADCAST_LOCK = "broadcasts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Paces calls made one after another: `const done = await pacer.turn()` before
 * each, `done()` once it has ended (answered or failed). Calls start at least
 * `1000 / perSecond` ms apart, and a call starts only a second after the end of
 * the one `perSecond` calls before it. The second rule is what holds on
 * Telegram's side: a call arrives between its start and its end, so however
 * unevenly the network or a busy machine delays them, no second there ever sees
 * more than `perSecond` of our calls (spacing the starts alone let a delayed
 * call bunch up with the next ones).
 */
export class Pacer {
  private readonly gapMs: number;
  private last = Number.NEGATIVE_INFINITY;
  /** When the last `perSecond` calls ended, oldest first. */
  private readonly ends: number[] = [];

  constructor(private readonly perSecond = BROADCAST_PER_SECOND) {
    this.gapMs = 1000 / perSecond;
  }

  /**
   * The previous message went out at `at` (ms), from another instance or an earlier run:
   * the next keeps the pace from it, with one gap to spare for the time between claiming a
   * row and sending it. Never more than two gaps from now: a clock far off cannot stall it.
   */
  after(at: number): void {
    if (Number.isFinite(at)) this.last = Math.max(this.last, Math.min(Date.now(), at) + this.gapMs);
  }

  async turn(): Promise<() => void> {
    for (;;) {
      const full = this.ends.length >= this.perSecond ? this.ends[0]! + 1000 : Number.NEGATIVE_INFINITY;
      const wait = Math.max(this.last + this.gapMs, full) - Date.now();
      if (wait <= 0) break;
      await sleep(wait);
    }
    this.last = Date.now();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.ends.push(Date.now());
      if (this.ends.length > this.perSecond) this.ends.shift();
    };
  }
}

const pacers = new WeakMap<object, Pacer>();

/** The one broadcast pacer of a bot (its deps), shared by alerts and draft reminders. */
export function broadcastPacer(owner: object): Pacer {
  let pacer = pacers.get(owner);
  if (!pacer) {
    pacer = new Pacer(BROADCAST_PER_SECOND);
    pacers.set(owner, pacer);
  }
  return pacer;
}
