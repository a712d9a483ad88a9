import type { Update } from "grammy/types";
import { ApiError, conflict } from "./errors.js";

export type UpdateType = Exclude<keyof Update, "update_id">;
export type NewUpdate = Omit<Update, "update_id">;

/** Telegram's default when allowed_updates is unset or empty. */
const optInTypes = new Set<string>(["chat_member", "message_reaction", "message_reaction_count"]);

export const updateType = (update: Update) => Object.keys(update).find((key) => key !== "update_id") as UpdateType;

interface Waiter {
  limit: number;
  finish(result: Update[] | ApiError): void;
}

/**
 * One bot's pending updates with getUpdates semantics: an update stays (and is delivered
 * again) until a later call's offset confirms it; one long poll at a time per bot.
 */
export class UpdateQueue {
  private pending: Update[] = [];
  private nextId: number;
  private allowed: Set<string> | undefined;
  private waiter: Waiter | undefined;
  private readonly pushListeners = new Set<() => void>();

  constructor(firstId = 1) {
    this.nextId = firstId;
  }

  push(update: NewUpdate): Update {
    const stored = { update_id: this.nextId++, ...update } as Update;
    this.pending.push(stored);
    if (this.waiter) {
      const batch = this.take(this.waiter.limit);
      if (batch.length > 0) this.endWait(batch);
    }
    for (const listener of this.pushListeners) listener();
    return stored;
  }

  /**
   * Delivers an update again with its original update_id, as Telegram does when it
   * did not learn that the bot got it (a webhook timeout, a poll answer lost).
   */
  redeliver(update: Update): Update {
    const copy = structuredClone(update);
    this.pending.push(copy);
    if (this.waiter) {
      const batch = this.take(this.waiter.limit);
      if (batch.length > 0) this.endWait(batch);
    }
    for (const listener of this.pushListeners) listener();
    return copy;
  }

  onPush(listener: () => void): () => void {
    this.pushListeners.add(listener);
    return () => this.pushListeners.delete(listener);
  }

  /** Drops every update whose id is below `offset`; a negative offset keeps only the last -offset. */
  confirm(offset: number): void {
    if (offset < 0) this.pending = this.pending.slice(offset);
    else if (offset > 0) this.pending = this.pending.filter((update) => update.update_id >= offset);
  }

  setAllowed(types: readonly string[] | undefined): void {
    if (types === undefined) return;
    this.allowed = types.length > 0 ? new Set(types) : undefined;
  }

  /** Updates of types the bot opted out of are dropped, as Telegram never stores them. */
  take(limit: number): Update[] {
    this.pending = this.pending.filter((update) => this.isAllowed(updateType(update)));
    return this.pending.slice(0, limit);
  }

  first(): Update | undefined {
    return this.take(1)[0];
  }

  get pendingCount(): number {
    return this.take(Number.MAX_SAFE_INTEGER).length;
  }

  clear(): void {
    this.pending = [];
  }

  /** getUpdates: returns at once if anything is pending, else waits up to `timeoutSeconds`. */
  poll(options: { limit: number; timeoutSeconds: number; signal: AbortSignal }): Promise<Update[]> {
    // A newer request always wins; the older one learns it was replaced.
    this.endWait(conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));
    const ready = this.take(options.limit);
    if (ready.length > 0 || options.timeoutSeconds <= 0) return Promise.resolve(ready);
    return new Promise<Update[]>((resolve, reject) => {
      const timer = setTimeout(() => this.endWait([]), options.timeoutSeconds * 1000);
      const onAbort = () => this.endWait([]);
      const waiter: Waiter = {
        limit: options.limit,
        finish: (result) => {
          clearTimeout(timer);
          options.signal.removeEventListener("abort", onAbort);
          if (result instanceof ApiError) reject(result);
          else resolve(result);
        },
      };
      this.waiter = waiter;
      options.signal.addEventListener("abort", onAbort);
    });
  }

  /** Ends a pending long poll (with an empty batch unless told otherwise). */
  endWait(result: Update[] | ApiError = []): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.finish(result);
  }

  get isPolling(): boolean {
    return this.waiter !== undefined;
  }

  private isAllowed(type: string): boolean {
    return this.allowed ? this.allowed.has(type) : !optInTypes.has(type);
  }
}
