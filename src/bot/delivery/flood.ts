/**
 * Per-person flood control in front of the bot, so that one person sending
 * hundreds of updates cannot slow everybody else down. Past the limit a text or
 * a button press is dropped cheaply (the person is told once per window), but a
 * file never is: screenshots come in albums of ten, and evidence must not be
 * lost. Files have a larger allowance, and past it they wait in the person's
 * queue (still in the inbox, so a restart loses none) until the next window;
 * whatever the person sends while files wait queues behind them, so an answer
 * is never applied before the files sent before it.
 *
 * Several instances count together (a FloodCounter in the database): a person's
 * updates spread over instances are one allowance. The process's own counts stay
 * in front as a cache — a person over the limit here is over it everywhere, with
 * no query — and its queues hold the files it waits with. Windows are then aligned
 * to the clock, the same in every instance. One instance (SQLite) counts alone, in
 * memory, as before.
 */
import type { Update } from "grammy/types";
import type { FloodCounter } from "../../db/flood-windows.js";

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

export type Verdict = "now" | "queued" | "dropped";

interface Person {
  id: number;
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
  private stopped = false;

  constructor(
    private readonly limits: FloodLimits,
    /** Called with a queued update when its turn comes. */
    private readonly release: (update: Update) => void,
    private readonly clock: () => number = Date.now,
    /** The count all instances share; without it this process counts alone. */
    private readonly shared?: FloodCounter,
  ) {}

  /**
   * What to do with an update now; a dropped one is marked (FLOODED) for the bot
   * to tell the person. A promise only when the shared count must be asked.
   */
  admit(update: Update): Verdict | Promise<Verdict> {
    const id = senderOf(update);
    if (id === undefined) return "now";
    const person = this.person(id);
    if (person.queue.length > 0) return this.enqueue(person, update);
    if (!this.fits(person, update))
      return carriesFile(update) ? this.enqueue(person, update) : this.drop(person, update);
    if (!this.shared) return "now";
    return this.fitsShared(id, person, update).then((fits) => {
      if (fits) return "now";
      return carriesFile(update) ? this.enqueue(person, update) : this.drop(person, update);
    });
  }

  /** How many updates wait in all queues (for readiness and tests). */
  get queued(): number {
    let n = 0;
    for (const p of this.people.values()) n += p.queue.length;
    return n;
  }

  /** Stops releasing: what waits stays in the inbox for the next run. */
  stop(): void {
    this.stopped = true;
    for (const p of this.people.values()) clearTimeout(p.timer);
    this.people.clear();
  }

  /** A window starts with the person's first update; shared, at the clock's multiples of the window (the same everywhere). */
  private windowStartAt(now: number): number {
    return this.shared ? now - (now % this.limits.windowMs) : now;
  }

  private person(id: number): Person {
    const now = this.clock();
    let p = this.people.get(id);
    if (!p) {
      p = { id, windowStart: this.windowStartAt(now), updates: 0, files: 0, noticeGiven: false, queue: [] };
      this.people.set(id, p);
      this.sweep(now);
    } else if (now - p.windowStart >= this.limits.windowMs) {
      Object.assign(p, { windowStart: this.windowStartAt(now), updates: 0, files: 0, noticeGiven: false });
    }
    return p;
  }

  private limitOf(update: Update): number {
    return carriesFile(update) ? this.limits.perWindow * FILE_FACTOR : this.limits.perWindow;
  }

  /**
   * Counts the update in the shared window (it already fits this process's count).
   * Over the limit there, this process's count is filled up to it: the cache then
   * answers the rest of the window. The first update over it, across instances, tells the person.
   */
  private async fitsShared(id: number, p: Person, update: Update): Promise<boolean> {
    const file = carriesFile(update);
    const totals = await this.shared!.count(id, p.windowStart, file);
    const total = file ? totals.files : totals.updates;
    const limit = this.limitOf(update);
    if (total <= limit) return true;
    if (file) p.files = limit;
    else {
      p.updates = limit;
      // Another instance told the person already, unless this is the first update over the limit.
      if (total > limit + 1) p.noticeGiven = true;
    }
    return false;
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
      Object.assign(p, { windowStart: this.windowStartAt(this.clock()), updates: 0, files: 0, noticeGiven: false });
      void this.drain(p).finally(() => {
        p.timer = undefined;
        if (p.queue.length > 0 && !this.stopped) this.schedule(p);
      });
    }, wait);
    p.timer.unref?.();
  }

  /** Releases the person's queue, in order, as far as the new window allows (shared: as all instances count). */
  private async drain(p: Person): Promise<void> {
    while (p.queue.length > 0 && !this.stopped && this.fits(p, p.queue[0]!)) {
      if (this.shared && !(await this.fitsShared(p.id, p, p.queue[0]!).catch(() => true))) return;
      if (this.stopped) return;
      this.release(p.queue.shift()!);
    }
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
