/**
 * Per-person flood control in front of the bot, so that one person sending
 * hundreds of updates cannot slow everybody else down. Past the limit a text or
 * a button press is dropped cheaply (the person is told once per window), but a
 * file never is: screenshots come in albums of ten, and evidence must not be
 * lost. Files have a larger allowance, and past it they wait in the person's
 * queue (still in the inbox, so a restart loses none) until the next window;
 * whatever the person sends while files wait queues behind them, so an answer
 * is never applied before the files sent before it.
 */
import type { Update } from "grammy/types";

export interface FloodLimits {
  /** Updates per person per window. */
  perWindow: number;
  windowMs: number;
}

/** Set on a dropped update: the bot tells the person ("notice") or stays silent. */
export const FLOODED = "saqbol_flooded";
export type Flooded = "notice" | "silent";

export const floodedOf = (update: Update): Flooded | undefined =>
  (update as unknown as Record<string, Flooded | undefined>)[FLOODED];

/** How many times the allowance of other updates a person may send as files. */
const FILE_FACTOR = 3;
/** A person's queue holds at most this many updates (twice the largest questionnaire's evidence). */
const QUEUE_LIMIT = 100;

type Verdict = "now" | "queued" | "dropped";

interface Person {
  windowStart: number;
  updates: number;
  files: number;
  noticeGiven: boolean;
  queue: Update[];
  timer?: NodeJS.Timeout;
}

const senderOf = (u: Update): number | undefined =>
  (
    u.message ??
    u.edited_message ??
    u.callback_query ??
    u.inline_query ??
    u.my_chat_member ??
    u.chosen_inline_result ??
    u.pre_checkout_query ??
    u.shipping_query
  )?.from?.id;

/** A photo, document, video, voice or audio message, or any part of an album. */
export function carriesFile(u: Update): boolean {
  const m = u.message;
  if (!m) return false;
  return Boolean(
    m.media_group_id || m.photo || m.document || m.video || m.voice || m.audio || m.video_note || m.animation,
  );
}

export class FloodGate {
  private readonly people = new Map<number, Person>();
  private lastSweep = 0;

  constructor(
    private readonly limits: FloodLimits,
    /** Called with a queued update when its turn comes. */
    private readonly release: (update: Update) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** What to do with an update now; a dropped one is marked (FLOODED) for the bot to tell the person. */
  admit(update: Update): Verdict {
    const id = senderOf(update);
    if (id === undefined) return "now";
    const person = this.person(id);
    if (person.queue.length > 0) return this.enqueue(person, update);
    if (this.fits(person, update)) return "now";
    if (carriesFile(update)) return this.enqueue(person, update);
    return this.drop(person, update);
  }

  /** How many updates wait in all queues (for readiness and tests). */
  get queued(): number {
    let n = 0;
    for (const p of this.people.values()) n += p.queue.length;
    return n;
  }

  /** Stops releasing: what waits stays in the inbox for the next run. */
  stop(): void {
    for (const p of this.people.values()) clearTimeout(p.timer);
    this.people.clear();
  }

  private person(id: number): Person {
    const now = this.clock();
    let p = this.people.get(id);
    if (!p) {
      p = { windowStart: now, updates: 0, files: 0, noticeGiven: false, queue: [] };
      this.people.set(id, p);
      this.sweep(now);
    } else if (now - p.windowStart >= this.limits.windowMs) {
      Object.assign(p, { windowStart: now, updates: 0, files: 0, noticeGiven: false });
    }
    return p;
  }

  /** Counts the update against the person's window if it fits. */
  private fits(p: Person, update: Update): boolean {
    if (carriesFile(update)) {
      if (p.files >= this.limits.perWindow * FILE_FACTOR) return false;
      p.files++;
      return true;
    }
    if (p.updates >= this.limits.perWindow) return false;
    p.updates++;
    return true;
  }

  private enqueue(p: Person, update: Update): Verdict {
    if (p.queue.length >= QUEUE_LIMIT) return this.drop(p, update);
    p.queue.push(update);
    this.schedule(p);
    return "queued";
  }

  private drop(p: Person, update: Update): Verdict {
    (update as unknown as Record<string, Flooded>)[FLOODED] = p.noticeGiven ? "silent" : "notice";
    p.noticeGiven = true;
    return "dropped";
  }

  private schedule(p: Person): void {
    if (p.timer) return;
    const wait = Math.max(0, p.windowStart + this.limits.windowMs - this.clock());
    p.timer = setTimeout(() => {
      p.timer = undefined;
      Object.assign(p, { windowStart: this.clock(), updates: 0, files: 0, noticeGiven: false });
      while (p.queue.length > 0 && this.fits(p, p.queue[0]!)) this.release(p.queue.shift()!);
      if (p.queue.length > 0) this.schedule(p);
    }, wait);
    p.timer.unref?.();
  }

  /** People whose window is over and who wait for nothing are forgotten (bounded memory), at most once a window. */
  private sweep(now: number): void {
    if (this.people.size < 10_000 || now - this.lastSweep < this.limits.windowMs) return;
    this.lastSweep = now;
    for (const [id, p] of this.people) {
      if (p.queue.length === 0 && now - p.windowStart >= this.limits.windowMs) this.people.delete(id);
    }
  }
}
