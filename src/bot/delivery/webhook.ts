/**
 * Webhook mode: Telegram POSTs updates to WEBHOOK_URL. Each is checked against
 * the secret header, written to the inbox, acknowledged at once, and handled by
 * the same pipeline as long polling.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.js";
import type { Metrics } from "../../metrics.js";
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

export class ListenError extends Error {}

/** Listens on `port`; a port in use or not allowed is one line that names it, not a stack trace. */
export function listenOn(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const why =
        error.code === "EADDRINUSE"
          ? "is in use by another program"
          : error.code === "EACCES"
            ? "needs privileges this process lacks"
            : `cannot be listened on (${error.code ?? error.message})`;
      reject(new ListenError(`PORT ${port} ${why}`));
    };
    server.once("error", failed);
    server.listen(port, () => {
      server.off("error", failed);
      resolve();
    });
  });
}

export interface WebhookReceiver {
  supplier: Supplier;
  server: Server;
  listen(port: number): Promise<void>;
  close(): Promise<void>;
}

export function webhookReceiver(
  path: string,
  secret: string,
  inbox: UpdateInbox,
  logger: Logger,
  metrics?: Metrics,
): WebhookReceiver {
  const queue: Update[] = [];
  let wake: (() => void) | undefined;

  const server = createServer(async (req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200).end("ok");
      return;
    }
    if (req.method === "GET" && req.url === "/metrics" && metrics) return metrics.serve(res);
    if (req.method !== "POST" || req.url !== path) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers["x-telegram-bot-api-secret-token"] !== secret) {
      res.writeHead(401).end();
      return;
    }
    try {
      const update = JSON.parse(await readBody(req)) as Update;
      if (typeof update?.update_id !== "number") throw new Error("not an update");
      queue.push(...inbox.accept([update]));
      wake?.();
      res.writeHead(200).end();
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "webhook request rejected");
      res.writeHead(400).end();
    }
  });

  const supplier: Supplier = async (limit, signal) => {
    while (queue.length === 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        signal.addEventListener("abort", () => resolve(), { once: true });
      });
      wake = undefined;
    }
    return queue.splice(0, Math.max(1, limit));
  };

  return {
    supplier,
    server,
    listen: (port) => listenOn(server, port),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
