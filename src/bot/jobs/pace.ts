/**
 * Broadcasts (alerts, draft reminders) go out at our own pace, well under
 * Telegram's ~30 messages a second for messages nobody asked for, so they never
 * crowd out answers to people, which are not paced at all.
 */
export const BROADCAST_PER_SECOND = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spaces calls `1000 / perSecond` ms apart: `await pacer.turn()` before each message. */
export class Pacer {
  private readonly gapMs: number;
  private last = Number.NEGATIVE_INFINITY;

  constructor(perSecond = BROADCAST_PER_SECOND) {
    this.gapMs = 1000 / perSecond;
  }

  async turn(): Promise<void> {
    const wait = this.last + this.gapMs - Date.now();
    if (wait > 0) await sleep(wait);
    this.last = Date.now();
  }
}
