import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the HTTP layer needs from the emulator; routing stays separate from behaviour. */
export interface Routes {
  /** `/bot<token>/<method>` */
  botCall(token: string, method: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** `/file/bot<token>/<path>` */
  download(token: string, path: string, res: ServerResponse): void;
  /** `/_emulator/<path>` */
  control(path: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

export const notFound = { ok: false, error_code: 404, description: "Not Found" };

export async function listen(routes: Routes, host: string, port: number): Promise<{ server: Server; apiRoot: string }> {
  const server = createServer((req, res) => {
    void route(routes, req, res).catch((error: unknown) => {
      sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
    });
  });
  // Longer than any client's keep-alive, so a reused socket is never closed under a request.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return { server, apiRoot: `http://${host}:${actual}` };
}

async function route(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const path = url.pathname;
  const call = /^\/bot([^/]+)\/([A-Za-z]*)$/.exec(path);
  if (call) return routes.botCall(decodeURIComponent(call[1]!), call[2]!, req, res, url);
  const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
  if (file && req.method === "GET")
    return routes.download(decodeURIComponent(file[1]!), decodeURIComponent(file[2]!), res);
  if (path.startsWith("/_emulator/")) return routes.control(path.slice("/_emulator/".length), req, res, url);
  sendJson(res, 404, notFound);
}

export async function close(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}
