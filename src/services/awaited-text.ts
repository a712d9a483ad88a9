/**
 * "The person's next text is for X" outside the questionnaire. Once the person
 * has agreed it is a pending input in the database (it survives a restart and a
 * newer request from another feature replaces it); before consent it is kept in
 * memory only, so nothing about the person is written.
 */
import type { Db } from "../db/client.js";
import { clearPendingInput, pendingInput, setPendingInput } from "../db/pending-inputs.js";
import { MemoryMap } from "./memory-map.js";

const TEN_MINUTES = 10 * 60_000;

export class AwaitedText {
  private readonly memory = new MemoryMap<number, string>(TEN_MINUTES);

  async expect(db: Db, userId: number, kind: string, consented: boolean, now: Date): Promise<void> {
    if (consented) {
      await setPendingInput(db, userId, kind, now);
      this.memory.delete(userId);
    } else {
      this.memory.set(userId, kind, now);
    }
  }

  /** True (and forgotten) when the person's text now is the one awaited for `kind`. */
  async take(db: Db, userId: number, kind: string, now: Date): Promise<boolean> {
    const stored = await pendingInput(db, userId, now);
    if (stored === kind) {
      await clearPendingInput(db, userId);
      this.memory.delete(userId);
      return true;
    }
    if (this.memory.get(userId, now) !== kind) return false;
    this.memory.delete(userId);
    // Another feature asked for something since: its question is the newer one.
    return stored === undefined;
  }
}
