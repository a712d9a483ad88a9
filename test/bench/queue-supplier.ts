/**
 * The update supplier of the in-process runs: updates are handed to the runner
 * as the simulated people make them, and their clock starts at hand-over.
 */
import type { Update } from "grammy/types";
import type { Supplier } from "../../src/bot/delivery/pipeline.js";
import type { ClosedLoop } from "./load.js";

export class QueueSupplier {
  private queue: Update[] = [];
  private wake: (() => void) | undefined;
  private waking = false;
  loop: ClosedLoop | undefined;

  /**
   * A real update arrives by I/O, in a later turn of the event loop: handing it over on
   * setImmediate keeps timers running between updates (grammY conversations finish each
   * replay on a timer), where a chain of resolved promises alone would starve them.
   */
  push(update: Update): void {
    this.queue.push(update);
    if (!this.waking) {
      this.waking = true;
      setImmediate(() => {
        this.waking = false;
        this.wake?.();
      });
    }
  }

  supplier(accept: (updates: Update[]) => Update[] | Promise<Update[]> = (u) => u): Supplier {
    return async (limit, signal) => {
      while (this.queue.length === 0) {
        if (signal.aborted) return [];
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          signal.addEventListener("abort", () => resolve(), { once: true });
        });
        this.wake = undefined;
      }
      const batch = this.queue.splice(0, Math.max(1, limit));
      for (const u of batch) this.loop?.supplied(u.update_id);
      return accept(batch);
    };
  }
}
