import type { IncomingMessage, ServerResponse } from "node:http";
import type { BotApiEmulator } from "./emulator.js";
import type { FaultKind } from "./faults.js";
import type { GroupProfile } from "./group.js";
import type { UserProfile } from "./incoming.js";
import { readBody } from "./params.js";
import { sendJson } from "./server.js";
import type { UserHandle } from "./user.js";
import type { BotMessage } from "./view.js";

/**
 * The user side over HTTP, for driving the emulator from another process. JSON in, JSON
 * out (`{ ok: true, result }` or `{ ok: false, description }`); `token` picks a bot
 * (default: the emulator's token). File bytes travel as base64 (`bytesBase64`).
 *
 *   POST /_emulator/user     { user: {id, first_name?, language_code?, username?}, action, args? }
 *        action: send | command | press | pressData | sendDocument | sendPhoto | sendSticker |
 *                sendVoice | sendVideo | sendLocation | sendContact | sendPoll | editMessage |
 *                forward | block | unblock | pushUpdate | messages | last | callbackAnswers |
 *                nextReply | waitFor      (waitFor args: [{ textIncludes?, timeoutMs? }])
 *   POST /_emulator/group    { group: {id, title, type?}, action: addBot|removeBot|send|messages, args? }
 *   POST /_emulator/channel  { chatId, text, title? }
 *   POST /_emulator/faults   { rate, kinds?, retryAfter?, methods?, seed? } | { failNext: {method, kind, count?} } | {}
 *   POST /_emulator/idle     { quietMs?, timeoutMs? }
 *   GET  /_emulator/calls?method=sendMessage
 *   GET  /_emulator/commands
 */
const userActions = new Set([
  "send",
  "command",
  "press",
  "pressData",
  "sendDocument",
  "sendPhoto",
  "sendSticker",
  "sendVoice",
  "sendVideo",
  "sendLocation",
  "sendContact",
  "sendPoll",
  "editMessage",
  "forward",
  "block",
  "unblock",
  "pushUpdate",
  "messages",
  "last",
  "callbackAnswers",
  "nextReply",
]);

// Handles are kept so that a wait sees replies to the action sent by an earlier request.
const handles = new WeakMap<BotApiEmulator, Map<string, UserHandle>>();

export async function handleControl(
  emulator: BotApiEmulator,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  try {
    const raw = req.method === "POST" ? (await readBody(req)).toString("utf8") : "";
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const token = (body.token as string | undefined) ?? url.searchParams.get("token") ?? undefined;
    const result = await perform(emulator, path, body, token, url);
    sendJson(res, 200, { ok: true, result: toJson(result) });
  } catch (error) {
    sendJson(res, 400, { ok: false, description: error instanceof Error ? error.message : String(error) });
  }
}

async function perform(
  emulator: BotApiEmulator,
  path: string,
  body: Record<string, unknown>,
  token: string | undefined,
  url: URL,
) {
  const args = Array.isArray(body.args) ? (body.args as unknown[]) : [];
  switch (path) {
    case "user":
      return userAction(emulator, body.user as UserProfile, String(body.action), args, token);
    case "group": {
      const group = emulator.group(body.group as GroupProfile, token ? { token } : {});
      if (body.action === "addBot") return group.addBot(args[0] as UserProfile);
      if (body.action === "removeBot") return group.removeBot(args[0] as UserProfile);
      if (body.action === "send") return group.send(args[0] as UserProfile, String(args[1]));
      if (body.action === "messages") return group.messages();
      throw new Error(`Unknown group action ${String(body.action)}`);
    }
    case "channel":
      return emulator.channelPost(Number(body.chatId), String(body.text), {
        ...(body.title ? { title: String(body.title) } : {}),
        ...(token ? { token } : {}),
      });
    case "faults": {
      const failNext = body.failNext as { method: string; kind: FaultKind; count?: number } | undefined;
      if (failNext) emulator.failNext(failNext.method, failNext.kind, failNext.count ?? 1);
      else if (typeof body.rate === "number") emulator.setFaults(body as never);
      else emulator.faults.clear();
      return true;
    }
    case "idle":
      await emulator.waitIdle(body as { quietMs?: number; timeoutMs?: number });
      return true;
    case "calls": {
      const method = url.searchParams.get("method");
      return method ? emulator.callsOf(method, token) : emulator.calls.filter((c) => !token || c.token === token);
    }
    case "commands":
      return emulator.commands(token);
    default:
      throw new Error(`Unknown emulator path /_emulator/${path}`);
  }
}

async function userAction(
  emulator: BotApiEmulator,
  profile: UserProfile,
  action: string,
  args: unknown[],
  token?: string,
) {
  if (!profile || typeof profile.id !== "number") throw new Error("user.id is required");
  let byUser = handles.get(emulator);
  if (!byUser) {
    byUser = new Map();
    handles.set(emulator, byUser);
  }
  const key = `${token ?? emulator.token}|${profile.id}`;
  let handle = byUser.get(key);
  if (!handle) {
    handle = emulator.user(profile, token ? { token } : {});
    byUser.set(key, handle);
  }
  if (action === "waitFor") {
    const { textIncludes, timeoutMs } = (args[0] ?? {}) as { textIncludes?: string; timeoutMs?: number };
    const predicate = textIncludes ? (m: BotMessage) => m.text.includes(textIncludes) : undefined;
    return handle.waitFor(predicate, timeoutMs ? { timeoutMs } : {});
  }
  if (!userActions.has(action)) throw new Error(`Unknown user action ${action}`);
  if (action === "sendDocument" || action === "sendPhoto") {
    const file = { ...(args[0] as Record<string, unknown>) };
    if (typeof file.bytesBase64 === "string") file.bytes = Buffer.from(file.bytesBase64, "base64");
    args = [file];
  }
  const method = (handle as unknown as Record<string, (...a: unknown[]) => unknown>)[action]!;
  return method.apply(handle, args);
}

/** Buffers become base64 strings, so files survive JSON. */
function toJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
      const original = this[key];
      if (Buffer.isBuffer(original)) return original.toString("base64");
      return v;
    }),
  );
}
