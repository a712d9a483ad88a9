/**
 * Simulated people walking the questionnaire through the Bot API emulator, the
 * bot (one process or several behind nginx) talking to it over HTTP. Latency is
 * what a person waits: from their update being queued at the emulator to the
 * bot's first message or edit in their chat. People still mid-walk when a run
 * ends carry on in the next (see population.ts).
 */
import type { Db } from "../../src/db/client.js";
import { inTransaction } from "../../src/db/client.js";
import { recordConsent } from "../../src/db/users.js";
import type { BotApiEmulator, OutboxEvent, UserHandle } from "../emulator/index.js";
import type { Screen } from "./fake-api.js";
import { ClosedLoop, type LoadResult } from "./load.js";
import { Population } from "./population.js";
import { personaFor } from "./walker.js";

/** A move the bot never answers would hold its person forever: after this, it counts as answered that late. */
const UNANSWERED_MS = 15_000;

/**
 * The walk starts at /report, which needs consent: given before the bot starts, not written beside it.
 * In the language of the persona each id will walk (population.ts gives the n-th newcomer id
 * firstId + n and personaFor(n)): with another one, the bot offers to switch at the first story
 * typed, and the walker stops there.
 */
export async function consentAhead(db: Db, firstId: number, count: number): Promise<void> {
  await inTransaction(db, async (db) => {
    for (let i = 0; i < count; i++) await recordConsent(db, firstId + i, personaFor(i).lang);
  });
}

export class EmulatorWalk {
  private readonly handles = new Map<number, UserHandle>();
  private readonly waiting = new Map<number, number>();
  // What each person sees now (their latest message with buttons), kept from the bot's messages as
  // they come: rebuilding it from the chat's history at every move cost more CPU than the bot.
  private readonly screens = new Map<number, Screen>();
  private readonly population: Population;
  private loop: ClosedLoop | undefined;

  constructor(emulator: BotApiEmulator, firstId: number) {
    // One listener for every chat: the bot's first message or edit after a person's move ends its clock.
    emulator.bot().events.on("outbox", (event: OutboxEvent) => this.seen(event));
    this.population = new Population({
      firstId,
      screenOf: (id) => this.screens.get(id),
      onJoin: (p) => {
        this.handles.set(p.id, emulator.user({ id: p.id, first_name: `Bench${p.id}`, language_code: p.lang }));
      },
      onLeave: (p) => {
        this.handles.delete(p.id);
        this.screens.delete(p.id);
      },
    });
  }

  private seen(event: OutboxEvent): void {
    const buttons = event.message.reply_markup?.inline_keyboard;
    const shown = this.screens.get(event.chatId);
    if (event.kind === "new" && buttons?.length)
      this.screens.set(event.chatId, { messageId: event.message.message_id, buttons });
    else if (event.kind !== "new" && shown?.messageId === event.message.message_id) {
      if (event.kind === "edit" && buttons?.length) shown.buttons = buttons;
      else this.screens.delete(event.chatId);
    }
    const updateId = this.waiting.get(event.chatId);
    if (updateId === undefined || event.kind === "delete") return;
    this.waiting.delete(event.chatId);
    this.loop?.completed(updateId);
  }

  /** One run: `concurrency` people, each pausing about `thinkMs` between moves, until `durationMs` or `finishedWalks`. */
  async run(options: {
    concurrency: number;
    thinkMs: number;
    durationMs: number;
    finishedWalks?: number;
  }): Promise<LoadResult> {
    const crowd = this.population.run();
    const loop = new ClosedLoop({
      ...options,
      makeUser: crowd.makeUser,
      deliver: (user, move) => {
        const person = this.handles.get(user.id)!;
        const update = move.kind === "text" ? person.send(move.text) : person.pressData(move.messageId, move.data);
        this.waiting.set(user.id, update.update_id);
        loop.supplied(update.update_id);
        setTimeout(() => {
          if (this.waiting.get(user.id) !== update.update_id) return;
          this.waiting.delete(user.id);
          loop.completed(update.update_id);
        }, UNANSWERED_MS).unref();
        return update.update_id;
      },
      onEnd: crowd.onEnd,
    });
    this.loop = loop;
    loop.start();
    const result = await loop.done;
    this.loop = undefined;
    crowd.carry(result);
    return result;
  }
}
