/**
 * Telegram calls that fail for a reason that passes are tried again: a 429 after
 * the retry_after it gives, a 5xx or a lost connection after a short pause that
 * grows to RETRY.maxPauseMs at most, so replies resume within seconds of an
 * outage's end. Every outcome is reported to TelegramHealth (the first failure
 * is logged at once). Long polling is left to its own loop (polling.ts). */
import { HttpError, type Transformer } from "grammy";
import type { TelegramHealth } from "./telegram-health.js";

export const RETRY = {
  /** Tries after the first; with pauses of at most maxPauseMs this rides out a few minutes of outage. */
  maxRetryAttempts: 40,
  /** A 429 asking to wait longer than this is returned, not waited out. */
  maxDelaySeconds: 60,
  firstPauseMs: 250,
  maxPauseMs: 5000,
} as const;

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(new Error("Request aborted while waiting between retries"));
    }
    signal?.addEventListener("abort", abort);
  });

export interface RetryOptions {
  health?: TelegramHealth;
}

export function retryTransformer({ health }: RetryOptions = {}): Transformer {
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    let pauseMs: number = RETRY.firstPauseMs;
    const wait = (ms: number) => pause(ms, signal as AbortSignal | undefined);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= RETRY.maxRetryAttempts;
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, signal);
      } catch (error) {
        if (signal?.aborted || !(error instanceof HttpError)) throw error;
        health?.failed(method, error);
        if (last) throw error;
        await wait(pauseMs);
        pauseMs = Math.min(pauseMs * 2, RETRY.maxPauseMs);
        continue;
      }
      if (result.ok || result.error_code < 500) {
        if (result.ok || result.error_code !== 429) health?.succeeded(method);
        if (!result.ok && result.error_code === 401) health?.unauthorized(method);
      } else {
        health?.failed(method, new Error(`${result.error_code} ${result.description}`));
      }
      const retryAfter = result.ok ? undefined : result.parameters?.retry_after;
      if (typeof retryAfter === "number" && retryAfter <= RETRY.maxDelaySeconds && !last) {
        await wait(retryAfter * 1000);
        continue;
      }
      if (!result.ok && result.error_code >= 500 && !last) {
        await wait(pauseMs);
        pauseMs = Math.min(pauseMs * 2, RETRY.maxPauseMs);
        continue;
      }
      return result;
    }
  };
}
