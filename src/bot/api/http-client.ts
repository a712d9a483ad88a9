/**
 * The Bot API's HTTP client: undici's connection pool rather than grammY's default
 * (node-fetch over node:http), which spent about twice the CPU on each call — and
 * every update a person sends makes two or three calls. grammY asks little of its
 * `fetch`: a POST with headers and a body (JSON text, or a multipart stream for a
 * file), an abort signal, and the answer's JSON.
 */
import type { Readable } from "node:stream";
import type { ApiClientOptions } from "grammy";
import { Agent, request } from "undici";

/** Idle connections to the Bot API are kept this long (Telegram's own keep-alive is longer). */
const KEEP_ALIVE_MS = 30_000;

const agent = new Agent({ keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: 10 * KEEP_ALIVE_MS });

type FetchInit = { method?: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal };

async function botApiFetch(url: string, init: FetchInit = {}) {
  // undici keeps connections alive itself and refuses a `connection` header.
  const { connection: _, ...headers } = init.headers ?? {};
  const response = await request(url, {
    dispatcher: agent,
    method: (init.method ?? "GET") as "GET" | "POST",
    headers,
    body: init.body as string | Readable | undefined,
    signal: init.signal,
  });
  return {
    status: response.statusCode,
    ok: response.statusCode >= 200 && response.statusCode < 300,
    json: () => response.body.json(),
    text: () => response.body.text(),
  };
}

/** grammY's client options for the Bot API at `apiRoot`, through this client. */
export function botApiClient(apiRoot: string, timeoutSeconds?: number): ApiClientOptions {
  return {
    apiRoot,
    fetch: botApiFetch as unknown as ApiClientOptions["fetch"],
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  };
}
