import { badRequest, conflict } from "../errors.js";
import type { MethodHandler } from "./context.js";

const getUpdates: MethodHandler = ({ bot, params, signal }) => {
  if (bot.webhook.active) {
    throw conflict(
      "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  const offset = params.int("offset");
  if (offset !== undefined) bot.queue.confirm(offset);
  bot.queue.setAllowed(params.json<string[]>("allowed_updates"));
  const limit = Math.min(100, Math.max(1, params.int("limit") ?? 100));
  return bot.queue.poll({ limit, timeoutSeconds: Math.max(0, params.int("timeout") ?? 0), signal });
};

const setWebhook: MethodHandler = ({ bot, params }) => {
  const url = params.str("url") ?? "";
  if (params.bool("drop_pending_updates")) bot.queue.clear();
  if (url === "") {
    bot.webhook.clear();
    return true;
  }
  if (!/^https?:\/\/[^/\s]+/i.test(url))
    throw badRequest("bad webhook: Failed to resolve host: Name or service not known");
  const secretToken = params.str("secret_token");
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest("secret token contains unallowed characters");
  }
  const allowedUpdates = params.json<string[]>("allowed_updates");
  bot.queue.setAllowed(allowedUpdates);
  // A long poll still waiting is cut off, as it would be on Telegram.
  bot.queue.endWait(conflict("terminated by setWebhook request"));
  bot.webhook.set({
    url,
    ...(secretToken ? { secretToken } : {}),
    ...(params.int("max_connections") ? { maxConnections: params.int("max_connections")! } : {}),
    ...(allowedUpdates ? { allowedUpdates } : {}),
  });
  return true;
};

const deleteWebhook: MethodHandler = ({ bot, params }) => {
  if (params.bool("drop_pending_updates")) bot.queue.clear();
  bot.webhook.clear();
  return true;
};

const getWebhookInfo: MethodHandler = ({ bot }) => bot.webhook.info();

export const updateMethods: Record<string, MethodHandler> = { getUpdates, setWebhook, deleteWebhook, getWebhookInfo };
