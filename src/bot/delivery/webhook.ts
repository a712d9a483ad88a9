/**
 * Webhook mode: Telegram POSTs updates to WEBHOOK_URL (its path; a query string
 * in the URL is not part of the route). Each is checked against the secret
 * header, written to the inbox, acknowledged at once, and handled by the same
 * pipeline as long polling. When the database cannot take it, Telegram gets a
 * 503 and delivers it again later: nothing is acknowledged that was not stored.
 */
import type { IncomingMessage } from "node:http";
import type { Update } from "grammy/types";
import { describeError } from "../../errors.js";
import type { HttpServer } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import type { TelegramHealth } from "../api/telegram-health.js";
import type { UpdateInbox } from "./inbox.js";
import type { Supplier } from "./pipeline.js";

const MAX_BODY = 1_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export interface WebhookOptions {
  path: string;
  secret: string;
  health: TelegramHealth;
  onStoreFailure?: (updates: Update[], error: unknown) => void;
}

/** Adds the webhook route to `http` and returns the supplier the pipeline reads from. */
export function webhookReceiver(
  http: HttpServer,
  inbox: UpdateInbox,
  logger: Logger,
  options: WebhookOptions,
): Supplier {
  const queue: Update[] = [];
  let wake: (() => void) | undefined;

  http.route("POST", options.path, async (req, res) => {
    if (req.headers["x-telegram-bot-api-secret-token"] !== options.secret) {
      res.writeHead(401).end();
      return;
    }
    let update: Update;
    try {
      update = JSON.parse(await readBody(req)) as Update;
      if (typeof update?.update_id !== "number") throw new Error("not an update");
    } catch (error) {
      logger.warn({ err: describeError(error) }, "webhook request rejected");
      res.writeHead(400).end();
      return;
    }
    options.health.updatesArrived();
    try {
      queue.push(...(await inbox.accept([update])));
    } catch (error) {
      logger.error({ err: describeError(error) }, "update could not be stored; Telegram will deliver it again");
      options.onStoreFailure?.([update], error);
      res.writeHead(503).end();
      return;
    }
    wake?.();
    res.writeHead(200).end();
  });

  return async (limit, signal) => {
    while (queue.length === 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        signal.addEventListener("abort", () => resolve(), { once: true });
      });
      wake = undefined;
    }
    return queue.splice(0, Math.max(1, limit));
  };
}
