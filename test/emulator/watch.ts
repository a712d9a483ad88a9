import type { BotState, OutboxEvent } from "./bot.js";
import type { FileStore } from "./files.js";
import { type BotMessage, viewOf } from "./view.js";

export interface WaitOptions {
  timeoutMs?: number;
  /** Which bot actions count; new messages and edits by default. */
  kinds?: OutboxEvent["kind"][];
}

/** A hang guard, not a speed: on a loaded machine a reply can take seconds. */
export const DEFAULT_WAIT_MS = 30_000;

/**
 * Follows what the bot does in one chat from a mark onwards. Each person acting moves the
 * mark to "now", so a wait only sees the bot's reaction to what was just done.
 */
export class ChatWatch {
  private mark: number;

  constructor(
    private readonly bot: BotState,
    private readonly files: FileStore,
    readonly chatId: number,
    private readonly describeTrouble: () => string = () => "",
  ) {
    this.mark = bot.outbox.length;
  }

  markNow(): void {
    this.mark = this.bot.outbox.length;
  }

  view = (event: OutboxEvent): BotMessage => viewOf(event.message, this.bot, this.files);

  messages(): BotMessage[] {
    return this.bot.botMessages(this.chatId).map((message) => viewOf(message, this.bot, this.files));
  }

  waitFor(predicate?: (message: BotMessage) => boolean, options: WaitOptions = {}): Promise<BotMessage> {
    const kinds = options.kinds ?? ["new", "edit"];
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const matches = (event: OutboxEvent) => {
      if (event.chatId !== this.chatId || !kinds.includes(event.kind)) return undefined;
      const view = this.view(event);
      return !predicate || predicate(view) ? view : undefined;
    };
    for (const event of this.bot.outbox.slice(this.mark)) {
      const found = matches(event);
      if (found) {
        this.mark = event.seq;
        return Promise.resolve(found);
      }
    }
    return new Promise((resolve, reject) => {
      const onEvent = (event: OutboxEvent) => {
        const found = matches(event);
        if (!found) return;
        cleanup();
        this.mark = event.seq;
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(this.timeoutMessage(timeoutMs, predicate)));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.bot.events.off("outbox", onEvent);
      };
      this.bot.events.on("outbox", onEvent);
    });
  }

  subscribe(listener: (message: BotMessage, kind: OutboxEvent["kind"]) => void): () => void {
    const onEvent = (event: OutboxEvent) => {
      if (event.chatId === this.chatId) listener(this.view(event), event.kind);
    };
    this.bot.events.on("outbox", onEvent);
    return () => this.bot.events.off("outbox", onEvent);
  }

  private timeoutMessage(timeoutMs: number, predicate: unknown): string {
    const recent = this.messages()
      .slice(-5)
      .map((m) => `  #${m.message_id}: ${JSON.stringify(m.text.slice(0, 200))}`)
      .join("\n");
    return [
      `No ${predicate ? "matching " : ""}bot message in chat ${this.chatId} within ${timeoutMs} ms.`,
      `Latest bot messages in this chat:\n${recent || "  (none)"}`,
      this.describeTrouble(),
    ]
      .filter(Boolean)
      .join("\n");
  }
}
