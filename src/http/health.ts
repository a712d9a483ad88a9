/**
 * /healthz: the process is up and answers. /readyz: it can do its work — the
 * database file at DATABASE_PATH is the one it has open and takes queries, the
 * inbox is not falling behind, Telegram answers and updates arrive. 200 with the
 * details when ready, 503 with the same details when not.
 */
import type { HttpServer } from "./server.js";
import { sendJson } from "./server.js";

export interface Check {
  ok: boolean;
  [detail: string]: unknown;
}

export type Readiness = () => Record<string, Check> | Promise<Record<string, Check>>;

/** /healthz alone: also on the webhook's port, where a proxy in front of it looks. */
export function serveLiveness(http: HttpServer): void {
  http.route("GET", "/healthz", (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
}

/** /healthz and /readyz: on the operator's port only (readiness names the database file). */
export function serveHealth(http: HttpServer, readiness: Readiness): void {
  serveLiveness(http);
  http.route("GET", "/readyz", async (_req, res) => {
    const checks = await readiness();
    const ready = Object.values(checks).every((c) => c.ok);
    sendJson(res, ready ? 200 : 503, { ready, ...checks });
  });
}
