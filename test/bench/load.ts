/**
 * A closed-loop load: N simulated people at once, each acting again once the bot
 * has finished with their previous update (as a person waits for the reply):
 * at once, which saturates the bot, or after a pause for reading, which offers it
 * a steady rate. A person who reaches the end is replaced by a new one, so N stay
 * active until `total` updates have been sent or the time is up. Latency is from
 * the moment an update is supplied to the moment its handling ends.
 */
import type { Update } from "grammy/types";
import type { Lang } from "../../src/core/model.js";
import { BENCH_BOT } from "./fake-api.js";
import type { Move } from "./walker.js";

/** What one simulated person did, to give a bare bot the very same updates. */
export interface Recorded {
  lang: Lang;
  moves: Move[];
}

/** A person who repeats recorded moves in order (people recorded in turn, by index). */
export function replayUser(recorded: Recorded[], index: number, id: number): SimUser {
  const r = recorded[index % recorded.length] ?? { lang: "ru", moves: [] };
  let at = 0;
  return { id, lang: r.lang, next: () => r.moves[at++] };
}

export interface SimUser {
  readonly id: number;
  readonly lang: Lang;
  /** The next move after the previous one was handled; undefined when this person is done. */
  next(): Move | undefined;
  /** Set while the person is still being set up (their consent being written): their first move waits for it. */
  ready?: Promise<void> | undefined;
}

export interface LoadResult {
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  /** CPU time of this whole process per update (steadier than wall time on a busy machine). */
  cpuMsPerUpdate: number;
  /** Of that, the time the bot's thread spent inside SQLite (sqlite-time.ts), when it runs on SQLite in this process. */
  sqliteMsPerUpdate?: number;
  /** Per-update handling latency, ms, in completion order. */
  latencies: number[];
  /** People who finished their walk, and those who could not. */
  finished: number;
  stuck: number;
  /** People still mid-walk when the run ended, ready for their next move (a next run can carry them on). */
  idle: SimUser[];
}

export interface LoadOptions {
  concurrency: number;
  /** No new update after this many were sent… */
  total?: number;
  /** …or after this many ms; updates in flight are still waited for… */
  durationMs?: number;
  /** …or once this many people have finished their walk. */
  finishedWalks?: number;
  makeUser: (index: number) => SimUser;
  /** Hands a move to the bot; returns the update id it travels under. */
  deliver: (user: SimUser, move: Move) => number;
  /** Called when a person stops: reached the end (true) or gave up (false). */
  onEnd?: (user: SimUser) => boolean;
  /** Mean pause before a person's next move, ms (uniform in ½–1½ of it, so people do not march in step); 0 = none. */
  thinkMs?: number;
}

export class ClosedLoop {
  private readonly startedAt = new Map<number, number>();
  private readonly owner = new Map<number, SimUser>();
  private readonly latencies: number[] = [];
  private sent = 0;
  private nextUser = 0;
  private finished = 0;
  private stuck = 0;
  private readonly idle: SimUser[] = [];
  private thinking = 0;
  private t0 = 0;
  private lastCompleted = 0;
  private cpu0 = process.cpuUsage();
  private resolveDone!: (r: LoadResult) => void;
  readonly done = new Promise<LoadResult>((resolve) => {
    this.resolveDone = resolve;
  });

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    this.t0 = performance.now();
    this.cpu0 = process.cpuUsage();
    const think = this.options.thinkMs ?? 0;
    for (let i = 0; i < this.options.concurrency; i++) {
      // With pauses, people arrive spread over one pause rather than all in the first millisecond.
      if (think > 0) this.later(this.fresh(), think * Math.random());
      else this.act(this.fresh());
    }
    this.checkDone();
  }

  private later(user: SimUser, delayMs: number): void {
    this.thinking++;
    setTimeout(() => {
      this.thinking--;
      this.act(user);
      this.checkDone();
    }, delayMs);
  }

  /** The clock of an update starts now (when the supplier hands it over, or the emulator queues it). */
  supplied(updateId: number): void {
    this.startedAt.set(updateId, performance.now());
  }

  /** Handling of an update ended: record it and let its person act again. */
  completed(updateId: number): void {
    const start = this.startedAt.get(updateId);
    const user = this.owner.get(updateId);
    if (start === undefined || !user) return;
    this.lastCompleted = performance.now();
    this.latencies.push(this.lastCompleted - start);
    this.startedAt.delete(updateId);
    this.owner.delete(updateId);
    const think = this.options.thinkMs ?? 0;
    if (think <= 0) {
      this.act(user);
      this.checkDone();
      return;
    }
    this.later(user, think * (0.5 + Math.random()));
  }

  private fresh(): SimUser {
    return this.options.makeUser(this.nextUser++);
  }

  private act(user: SimUser): void {
    let current = user;
    // A person who has just finished is replaced at once; a bounded number of tries guards a broken walk.
    for (let tries = 0; tries < 5; tries++) {
      if (!this.open()) {
        this.idle.push(current);
        return;
      }
      const ready = current.ready;
      if (ready) {
        current.ready = undefined;
        const waiting = current;
        this.thinking++;
        void ready.then(() => {
          this.thinking--;
          this.act(waiting);
          this.checkDone();
        });
        return;
      }
      const move = current.next();
      if (move) {
        this.sent++;
        const updateId = this.options.deliver(current, move);
        this.owner.set(updateId, current);
        if (!this.startedAt.has(updateId)) this.startedAt.set(updateId, Number.NaN);
        return;
      }
      if (this.options.onEnd?.(current) ?? true) this.finished++;
      else this.stuck++;
      current = this.fresh();
    }
  }

  private stopped = false;

  /** No new update from now on; the run ends once those in flight are handled. */
  stop(): void {
    this.stopped = true;
  }

  private open(): boolean {
    if (this.stopped) return false;
    const { total = Infinity, durationMs = Infinity, finishedWalks = Infinity } = this.options;
    return this.sent < total && this.finished < finishedWalks && performance.now() - this.t0 < durationMs;
  }

  /** Nothing in flight and nobody about to act: either `total` was reached or nobody has a move left. */
  private checkDone(): void {
    if (this.owner.size === 0 && this.thinking === 0) this.finish();
  }

  private finish(): void {
    // Until the last update was handled: people still pausing when time ran out add nothing.
    const seconds = ((this.lastCompleted || performance.now()) - this.t0) / 1000;
    const cpu = process.cpuUsage(this.cpu0);
    this.resolveDone({
      updates: this.latencies.length,
      seconds,
      updatesPerSecond: this.latencies.length / seconds,
      cpuMsPerUpdate: (cpu.user + cpu.system) / 1000 / this.latencies.length,
      latencies: this.latencies,
      finished: this.finished,
      stuck: this.stuck,
      idle: this.idle,
    });
  }
}

/** Builds Telegram updates for in-process delivery (no emulator). */
export class UpdateFactory {
  private updateId = 1;
  private messageId = 1_000_000_000;

  constructor(firstUpdateId = 1) {
    this.updateId = firstUpdateId;
  }

  make(user: SimUser, move: Move): Update {
    const from = { id: user.id, is_bot: false, first_name: `Bench${user.id}`, language_code: user.lang };
    const chat = { id: user.id, type: "private" as const, first_name: from.first_name };
    const date = Math.floor(Date.now() / 1000);
    const update_id = this.updateId++;
    if (move.kind === "text") {
      const command = /^\/\w+/.exec(move.text);
      const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
      return {
        update_id,
        message: { message_id: this.messageId++, date, chat, from, text: move.text, ...(entities ? { entities } : {}) },
      };
    }
    return {
      update_id,
      callback_query: {
        id: String(update_id),
        from,
        chat_instance: String(user.id),
        data: move.data,
        message: { message_id: move.messageId, date, chat, from: BENCH_BOT, text: "…" },
      },
    };
  }
}
