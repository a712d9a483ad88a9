import type { WebhookInfo } from "grammy/types";
import type { UpdateQueue } from "./updates.js";

export interface WebhookSettings {
  url: string;
  secretToken?: string;
  maxConnections?: number;
  allowedUpdates?: string[];
}

/**
 * Pushes a bot's updates to its webhook one at a time, in order, retrying each until the
 * bot answers 2xx — the same at-least-once delivery Telegram gives. A webhook reply
 * (`{ method, ...params }` in the response body) is executed as a Bot API call.
 */
export class WebhookDelivery {
  settings: WebhookSettings | undefined;
  private lastError: { date: number; message: string } | undefined;
  private running = false;
  private abort = new AbortController();
  private wake: (() => void) | undefined;

  constructor(
    private readonly queue: UpdateQueue,
    private readonly dispatch: (method: string, payload: Record<string, unknown>) => Promise<unknown>,
    private readonly retryMs = { first: 100, max: 2000 },
  ) {
    queue.onPush(() => this.wake?.());
  }

  get active(): boolean {
    return this.settings !== undefined;
  }

  set(settings: WebhookSettings): void {
    this.settings = settings;
    this.lastError = undefined;
    void this.run();
  }

  clear(): void {
    this.settings = undefined;
    this.abort.abort();
    this.abort = new AbortController();
    this.wake?.();
  }

  info(): WebhookInfo {
    const allowedUpdates = this.settings?.allowedUpdates as WebhookInfo["allowed_updates"];
    return {
      url: this.settings?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.queue.pendingCount,
      ...(this.lastError ? { last_error_date: this.lastError.date, last_error_message: this.lastError.message } : {}),
      ...(this.settings?.maxConnections ? { max_connections: this.settings.maxConnections } : {}),
      ...(allowedUpdates ? { allowed_updates: allowedUpdates } : {}),
    };
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let delay = this.retryMs.first;
    try {
      while (this.settings) {
        const update = this.queue.first();
        if (!update) {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
          this.wake = undefined;
          continue;
        }
        const delivered = await this.deliver(this.settings, update);
        if (delivered) {
          this.queue.confirm(update.update_id + 1);
          delay = this.retryMs.first;
        } else if (this.settings) {
          await sleep(delay, this.abort.signal);
          delay = Math.min(delay * 2, this.retryMs.max);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async deliver(settings: WebhookSettings, update: unknown): Promise<boolean> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (settings.secretToken) headers["x-telegram-bot-api-secret-token"] = settings.secretToken;
    try {
      const response = await fetch(settings.url, {
        method: "POST",
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(60_000)]),
      });
      const body = await response.text();
      if (!response.ok) {
        this.fail(`Wrong response from the webhook: ${response.status} ${response.statusText}`);
        return false;
      }
      await this.runWebhookReply(body);
      return true;
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  private async runWebhookReply(body: string): Promise<void> {
    let reply: unknown;
    try {
      reply = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof reply === "object" && reply !== null && typeof (reply as { method?: unknown }).method === "string") {
      const { method, ...payload } = reply as { method: string };
      await this.dispatch(method, payload).catch(() => undefined);
    }
  }

  private fail(message: string): void {
    this.lastError = { date: Math.floor(Date.now() / 1000), message };
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
