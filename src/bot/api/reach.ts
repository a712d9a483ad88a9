/**
 * The first call to Telegram at start (getMe), made once and bounded, so that a
 * wrong or unreachable API root stops the start with one line that names the
 * real cause — "connection refused" at once — instead of a retry loop that ends
 * in a timeout.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { botApiClient } from "./http-client.js";
import { RETRY } from "./retry.js";

export class TelegramUnreachableError extends Error {}

const CAUSES: Record<string, string> = {
  ECONNREFUSED: "connection refused (nothing listens there)",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed (DNS)",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate cannot be verified",
};

/** The network error's code, wherever the HTTP client put it. */
function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { error?: unknown; cause?: unknown }).error ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What went wrong, in words an operator acts on. */
export function describeApiFailure(error: unknown, timedOut: boolean): string {
  if (timedOut) return "no answer within 30 seconds";
  if (error instanceof GrammyError) {
    if (error.error_code === 401) return "the token was refused (401 Unauthorized): check BOT_TOKEN";
    if (error.error_code === 404) return "not found (404): check BOT_TOKEN and TELEGRAM_API_ROOT";
    return `${error.error_code} ${error.description}`;
  }
  const code = codeOf(error);
  if (code) return CAUSES[code] ?? code;
  return error instanceof HttpError ? error.message : String((error as Error)?.message ?? error);
}

export async function reachTelegram(token: string, apiRoot: string, timeoutMs = 30_000): Promise<UserFromGetMe> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // Telegram's "wait" (429) and its 5xx are waited out; a network error is not retried (the
    // bot's own client retries those, which is right later, not at start).
    const api = new Api(token, botApiClient(apiRoot));
    api.config.use(
      autoRetry({
        maxRetryAttempts: RETRY.maxRetryAttempts,
        maxDelaySeconds: RETRY.maxDelaySeconds,
        rethrowHttpErrors: true,
      }),
    );
    return await api.getMe(signal as Parameters<Api["getMe"]>[0]);
  } catch (error) {
    const why = describeApiFailure(error, signal.aborted);
    throw new TelegramUnreachableError(`cannot reach the Telegram Bot API at ${apiRoot} (getMe): ${why}`);
  }
}
