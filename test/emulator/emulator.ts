import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import { BotState, type CommandSet, type ProfileField } from "./bot.js";
import { handleControl } from "./control.js";
import { ApiError } from "./errors.js";
import { FaultInjector, type FaultKind, type FaultOptions } from "./faults.js";
import { FileStore } from "./files.js";
import { GroupHandle, type GroupProfile, pushChannelPost } from "./group.js";
import type { UserProfile } from "./incoming.js";
import { findMethod } from "./methods/index.js";
import { Params, readParams } from "./params.js";
import { close, listen, notFound, sendJson } from "./server.js";
import { UserHandle } from "./user.js";
import { type BotMessage, viewOf } from "./view.js";

export interface EmulatorOptions {
  /** The token `user()`, `group()` etc. talk to when none is given. */
  token?: string;
  botUsername?: string;
  botName?: string;
  host?: string;
}

/** One Bot API request as the emulator saw it. */
export interface BotCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
  /** When the call arrived (ms since epoch). */
  time: number;
  outcome: "pending" | "ok" | "error" | "fault";
  result?: unknown;
  error?: { error_code: number; description: string };
  fault?: FaultKind;
}

interface Reply {
  status: number;
  body: { ok: true; result: unknown } | ReturnType<ApiError["toJSON"]>;
}

const tokenPattern = /^\d+:[\w-]+$/;
export const DEFAULT_TOKEN = "123456789:TEST-emulated-bot-token";

/** A local Telegram Bot API: real HTTP for the bot, an in-process API for people and tests. */
export class BotApiEmulator {
  readonly token: string;
  readonly files = new FileStore();
  readonly calls: BotCall[] = [];
  readonly faults = new FaultInjector();
  apiRoot = "";
  private server: Server | undefined;
  private readonly bots = new Map<string, BotState>();
  private inFlight = 0;
  private lastActivity = Date.now();

  constructor(private readonly options: EmulatorOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN;
    if (!tokenPattern.test(this.token)) throw new Error(`Not a bot token: ${this.token}`);
  }

  async start(port = 0): Promise<string> {
    const routes = {
      botCall: (token: string, method: string, req: IncomingMessage, res: ServerResponse, url: URL) =>
        this.handleBotCall(token, method, req, res, url),
      download: (token: string, path: string, res: ServerResponse) => this.handleDownload(token, path, res),
      control: (path: string, req: IncomingMessage, res: ServerResponse, url: URL) =>
        handleControl(this, path, req, res, url),
    };
    const { server, apiRoot } = await listen(routes, this.options.host ?? "127.0.0.1", port);
    this.server = server;
    this.apiRoot = apiRoot;
    return apiRoot;
  }

  /** Ends pending long polls, stops webhook delivery, closes every connection. */
  async stop(): Promise<void> {
    for (const bot of this.bots.values()) {
      bot.queue.endWait([]);
      bot.webhook.clear();
    }
    if (this.server) await close(this.server);
    this.server = undefined;
  }

  /** The state behind one token (created on first use; every token is its own bot). */
  bot(token = this.token): BotState {
    let bot = this.bots.get(token);
    if (!bot) {
      const id = token.split(":")[0];
      const isDefault = token === this.token;
      bot = new BotState(
        token,
        isDefault ? (this.options.botUsername ?? "saqbol_test_bot") : `bot${id}_test_bot`,
        isDefault ? (this.options.botName ?? "Saqbol (emulated)") : `Bot ${id}`,
        (method, payload) =>
          this.invoke(bot!, method, new Params(payload), new AbortController().signal).then(() => undefined),
      );
      bot.queue.onPush(() => this.touch());
      this.bots.set(token, bot);
    }
    return bot;
  }

  user(profile: UserProfile, options: { token?: string } = {}): UserHandle {
    return new UserHandle(this.bot(options.token), this.files, profile, () => this.recentTrouble(options.token));
  }

  group(profile: GroupProfile, options: { token?: string } = {}): GroupHandle {
    return new GroupHandle(this.bot(options.token), this.files, profile);
  }

  channelPost(
    chatId: number,
    text: string,
    options: { title?: string; username?: string; token?: string } = {},
  ): Update {
    return pushChannelPost(this.bot(options.token), { id: chatId, ...options }, text);
  }

  /** Everything the bot posted to a chat (current state), e.g. to assert a group got nothing. */
  sentTo(chatId: number, token?: string): BotMessage[] {
    const bot = this.bot(token);
    return bot.botMessages(chatId).map((message) => viewOf(message, bot, this.files));
  }

  /** Every message the bot has posted anywhere (current state), chat by chat. */
  allSent(token?: string): BotMessage[] {
    const bot = this.bot(token);
    return [...bot.chats.keys()].flatMap((chatId) => this.sentTo(chatId, token));
  }

  hasLeft(chatId: number, token?: string): boolean {
    return this.bot(token).chats.get(chatId)?.botLeft ?? false;
  }

  commands(token?: string): CommandSet[] {
    return [...this.bot(token).commands.values()];
  }

  /** The «/» menu a person sees in their private chat with the bot (see BotState.commandsShown). */
  commandsShown(chatId: number, languageCode?: string, token?: string): CommandSet["commands"] {
    return this.bot(token).commandsShown(chatId, languageCode);
  }

  /** The bot's description, short description or name as a person with this language sees it. */
  profileText(field: ProfileField, languageCode?: string, token?: string): string {
    return this.bot(token).profileText(field, languageCode);
  }

  callsOf(method: string, token?: string): BotCall[] {
    const lower = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === lower && (!token || c.token === token));
  }

  fileBytes(fileId: string): Buffer | undefined {
    const file = this.files.get(fileId);
    return file ? this.files.bytesOf(file) : undefined;
  }

  /** The same update (same update_id) delivered to the bot once more. */
  redeliver(update: Update, token?: string): Update {
    return this.bot(token).queue.redeliver(update);
  }

  setFaults(options: FaultOptions | null): void {
    this.faults.set(options);
  }

  failNext(method: string, kind: FaultKind, count = 1): void {
    this.faults.failNext(method, kind, count);
  }

  /**
   * Resolves once every queued update was confirmed by the bot and no bot call has been
   * running for `quietMs`. Work a bot does without calling the API cannot be seen.
   */
  async waitIdle(options: { quietMs?: number; timeoutMs?: number } = {}): Promise<void> {
    const quietMs = options.quietMs ?? 100;
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    for (;;) {
      const pending = [...this.bots.values()].reduce((sum, bot) => sum + bot.queue.pendingCount, 0);
      const busy = pending > 0 || this.inFlight > 0;
      if (busy) this.touch();
      else if (Date.now() - this.lastActivity >= quietMs) return;
      if (Date.now() > deadline) {
        throw new Error(
          `Emulator not idle: ${pending} unconfirmed update(s), ${this.inFlight} call(s) running.\n${this.recentTrouble()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private touch(): void {
    this.lastActivity = Date.now();
  }

  private recentTrouble(token?: string): string {
    const failed = this.calls.filter((c) => c.outcome === "error" && (!token || c.token === token)).slice(-3);
    if (failed.length === 0) return "";
    return `Recent failed bot calls:\n${failed.map((c) => `  ${c.method}: ${c.error?.description}`).join("\n")}`;
  }

  private async handleBotCall(token: string, method: string, req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!tokenPattern.test(token))
      return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    let params: Params;
    try {
      params = await readParams(req, url);
    } catch (error) {
      if (error instanceof ApiError) return sendJson(res, error.errorCode, error.toJSON());
      throw error;
    }
    const fault = this.faults.pick(findMethod(method)?.name ?? method);
    if (fault && fault !== "lost") {
      this.calls.push({ token, method, params: params.forLog(), time: Date.now(), outcome: "fault", fault });
      return this.injectFault(fault, req, res);
    }
    const hangUp = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) hangUp.abort();
    });
    const reply = await this.invoke(this.bot(token), method, params, hangUp.signal, fault);
    if (fault === "lost") {
      req.socket.destroy();
      return;
    }
    sendJson(res, reply.status, reply.body);
  }

  /** Runs one method, logs it, and counts it as in flight (a waiting long poll is not work). */
  private async invoke(
    bot: BotState,
    method: string,
    params: Params,
    signal: AbortSignal,
    fault?: FaultKind,
  ): Promise<Reply> {
    const found = findMethod(method);
    const call: BotCall = {
      token: bot.token,
      method: found?.name ?? method,
      params: params.forLog(),
      time: Date.now(),
      outcome: "pending",
      ...(fault ? { fault } : {}),
    };
    this.calls.push(call);
    const counts = found?.name !== "getUpdates";
    if (counts) this.inFlight++;
    this.touch();
    try {
      if (!found) throw new ApiError(404, "Not Found: method not found");
      const result = await found.handler({ bot, params, files: this.files, signal });
      call.outcome = "ok";
      call.result = result;
      return { status: 200, body: { ok: true, result } };
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError(500, `Internal Server Error: ${(error as Error)?.message ?? error}`);
      call.outcome = "error";
      call.error = { error_code: apiError.errorCode, description: apiError.description };
      return { status: apiError.errorCode, body: apiError.toJSON() };
    } finally {
      if (counts) this.inFlight--;
      this.touch();
    }
  }

  private injectFault(kind: FaultKind, req: IncomingMessage, res: ServerResponse): void {
    if (kind === "network") {
      req.socket.destroy();
      return;
    }
    if (kind === "hang") return;
    if (kind === "502") {
      const page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
      res.writeHead(502, { "content-type": "text/html" }).end(page);
      return;
    }
    if (kind === "401") {
      sendJson(res, 401, new ApiError(401, "Unauthorized").toJSON());
      return;
    }
    if (kind === "400") {
      sendJson(res, 400, new ApiError(400, "Bad Request: file must be non-empty").toJSON());
      return;
    }
    if (kind === "413") {
      sendJson(res, 413, new ApiError(413, "Request Entity Too Large").toJSON());
      return;
    }
    if (kind === "429") {
      const retryAfter = this.faults.retryAfter;
      const body = new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      sendJson(res, 429, body.toJSON());
      return;
    }
    sendJson(res, 500, new ApiError(500, "Internal Server Error").toJSON());
  }

  private handleDownload(token: string, path: string, res: ServerResponse): void {
    const file = tokenPattern.test(token) ? this.files.atPath(path) : undefined;
    if (!file) {
      sendJson(res, 404, notFound);
      return;
    }
    const bytes = this.files.bytesOf(file);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length });
    res.end(bytes);
  }
}
