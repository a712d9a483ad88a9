/**
 * The bot's small HTTP servers: the operator's on OPS_PORT (/healthz, /readyz,
 * /metrics) in both modes, and the webhook's on PORT in webhook mode. Routes
 * match the path only (a query string is not part of it); HEAD is answered
 * wherever GET is.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface HttpServer {
  route(method: "GET" | "POST", path: string, handler: Handler): void;
  listen(port: number): Promise<number>;
  /** Takes no new connections; open requests get `graceMs` to finish, then every connection is cut. */
  close(graceMs?: number): Promise<void>;
  readonly port: number | undefined;
}

export class ListenError extends Error {}

/** `variable` names the port's setting in the one line a failed listen gives. */
export function createHttpServer(variable: string, onError: (error: unknown) => void): HttpServer {
  const routes = new Map<string, Handler>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method === "HEAD" ? "GET" : req.method;
    const handler = routes.get(`${method} ${url.pathname}`);
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res, url))
      .catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  // Telegram keeps webhook connections open; a stop must not wait on them.
  server.keepAliveTimeout = 5000;
  let port: number | undefined;
  return {
    route: (method, path, handler) => {
      routes.set(`${method} ${path}`, handler);
    },
    listen: (wanted) =>
      new Promise((resolve, reject) => {
        // A port in use or not allowed is one line that names it, not a stack trace.
        const failed = (error: NodeJS.ErrnoException) => {
          const why =
            error.code === "EADDRINUSE"
              ? "is in use by another program"
              : error.code === "EACCES"
                ? "needs privileges this process lacks"
                : `cannot be listened on (${error.code ?? error.message})`;
          reject(new ListenError(`${variable} ${wanted} ${why}`));
        };
        server.once("error", failed);
        server.listen(wanted, () => {
          server.off("error", failed);
          port = (server.address() as AddressInfo).port;
          resolve(port);
        });
      }),
    close: async (graceMs = 2000) => {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(cut);
    },
    get port() {
      return port;
    },
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
