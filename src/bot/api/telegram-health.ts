/**
 * Whether Telegram answers the bot, as the bot's own calls find it. The first
 * failure of an outage is logged as a warning at once (a deaf bot must be loud),
 * its end as information with how long it lasted; readiness reads the state; a
 * rejected token (401) is fatal: nothing the bot does will work until a person
 * gives it a new one.
 */
import { describeError } from "../../errors.js";
import type { Logger } from "../../logger.js";

export interface TelegramState {
  /** When a call last succeeded (ms since epoch). */
  lastOk: number | undefined;
  /** When updates last came in (getUpdates answered, or a webhook POST). */
  lastUpdates: number | undefined;
  /** When the current outage began; undefined while Telegram answers. */
  failingSince: number | undefined;
  failures: number;
}

export class TelegramHealth {
  private state: TelegramState = { lastOk: undefined, lastUpdates: undefined, failingSince: undefined, failures: 0 };
  private fatal = false;

  constructor(
    private readonly logger: Logger,
    private readonly onUnauthorized: (line: string) => void = () => undefined,
    private readonly clock: () => number = Date.now,
  ) {}

  succeeded(method: string): void {
    const now = this.clock();
    const { failingSince, failures } = this.state;
    if (failingSince !== undefined) {
      this.logger.info(
        { method, failures, downSeconds: Math.round((now - failingSince) / 1000) },
        "Telegram API answers again",
      );
    }
    this.state = { ...this.state, lastOk: now, failingSince: undefined, failures: 0 };
    if (method === "getUpdates") this.state.lastUpdates = now;
  }

  failed(method: string, error: unknown): void {
    const now = this.clock();
    if (this.state.failingSince === undefined) {
      this.logger.warn({ method, err: describeError(error) }, "Telegram API call failed; retrying");
      this.state.failingSince = now;
    }
    this.state.failures++;
  }

  /** A webhook POST with updates: Telegram reaches us. */
  updatesArrived(): void {
    this.state.lastUpdates = this.clock();
  }

  unauthorized(method: string): void {
    if (this.fatal) return;
    this.fatal = true;
    const line = `Telegram rejected BOT_TOKEN (401 Unauthorized on ${method}): the token was revoked or is wrong; get a new one from @BotFather (/token) and restart`;
    this.logger.fatal({ method }, line);
    this.onUnauthorized(line);
  }

  get status(): TelegramState {
    return { ...this.state };
  }
}
