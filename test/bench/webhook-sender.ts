/**
 * Telegram's side of a webhook as the bench needs it: the emulator's updates
 * posted to the bot's webhook up to `connections` at once (Telegram's default
 * max_connections is 40), each retried until the bot answers 2xx. The
 * emulator's own delivery (test/emulator/webhook.ts) posts one at a time, in
 * order, which caps any number of instances at one round trip through nginx per
 * update. The simulated people wait for each answer before their next move, so
 * each person's updates still arrive in order.
 */
import type { Update } from "grammy/types";
import type { BotApiEmulator } from "../emulator/index.js";

export interface WebhookSender {
  /** Wall time of each accepted POST (nginx, the instance storing the update, the 200), ms. */
  roundTrips: number[];
  /** POSTs answered with an error or failed (each retried). */
  failures(): number;
  stop(): Promise<void>;
}

/** Takes over the delivery of the emulator's updates once the bot has set its webhook. */
export function sendWebhooks(emulator: BotApiEmulator, connections = 40): WebhookSender {
  const bot = emulator.bot();
  const settings = bot.webhook.settings;
  if (!settings) throw new Error("the bot has set no webhook");
  bot.webhook.clear();
  const queue = bot.queue;
  const roundTrips: number[] = [];
  const waiting: Update[] = [];
  const inFlight = new Set<number>();
  let failures = 0;
  let stopped = false;
  let sent = 0;
  const idle: (() => void)[] = [];

  const post = async (update: Update): Promise<boolean> => {
    const started = performance.now();
    try {
      const response = await fetch(settings.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(settings.secretToken ? { "x-telegram-bot-api-secret-token": settings.secretToken } : {}),
        },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(60_000),
      });
      await response.text();
      if (!response.ok) return false;
      roundTrips.push(performance.now() - started);
      return true;
    } catch {
      return false;
    }
  };

  const pump = () => {
    while (!stopped && sent < connections && waiting.length > 0) {
      const update = waiting.shift()!;
      sent++;
      void (async () => {
        while (!stopped && !(await post(update))) {
          failures++;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        sent--;
        inFlight.delete(update.update_id);
        // Delivered: out of the emulator's pending updates, up to the oldest still on its way.
        queue.confirm(Math.min(...inFlight, update.update_id + 1));
        if (sent === 0) for (const done of idle.splice(0)) done();
        pump();
      })();
    }
  };

  const unsubscribe = queue.onPush(() => {
    for (const update of queue.take(Number.MAX_SAFE_INTEGER)) {
      if (inFlight.has(update.update_id)) continue;
      inFlight.add(update.update_id);
      waiting.push(update);
    }
    pump();
  });

  return {
    roundTrips,
    failures: () => failures,
    stop: async () => {
      unsubscribe();
      stopped = true;
      if (sent > 0) await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
