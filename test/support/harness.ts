/**
 * End-to-end harness: a Bot API emulator on 127.0.0.1 and Saqbol started against
 * it over HTTP, in-process (fast) or as a child process (for kill tests), on a
 * throwaway database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { type App, type AppOptions, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { BotApiEmulator, type BotMessage, type UserHandle } from "../emulator/index.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const TOKEN = "123456:TEST-saqbol";

export interface HarnessOptions {
  adminIds?: number[];
  now?: () => Date;
  rateLimit?: { perWindow: number; windowMs: number };
  env?: Record<string, string>;
}

export class Harness {
  readonly logs: string[] = [];
  app: App | undefined;
  private readonly processes: BotProcess[] = [];

  private constructor(
    readonly emulator: BotApiEmulator,
    readonly apiRoot: string,
    readonly dir: string,
    readonly options: HarnessOptions,
  ) {}

  static async create(options: HarnessOptions = {}): Promise<Harness> {
    const emulator = new BotApiEmulator({ token: TOKEN });
    const apiRoot = await emulator.start();
    const dir = mkdtempSync(join(tmpdir(), "saqbol-e2e-"));
    return new Harness(emulator, apiRoot, dir, options);
  }

  get dbPath(): string {
    return join(this.dir, "saqbol.db");
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: this.apiRoot,
      DATABASE_PATH: this.dbPath,
      ADMIN_IDS: (this.options.adminIds ?? []).join(","),
      LOG_LEVEL: "info",
      // A developer's own .env never leaks into a test.
      ENV_FILE: "",
      // Free ports for the operator's server and the webhook: test bots run side by side.
      PORT: "0",
      OPS_PORT: "0",
      ...this.options.env,
      ...extra,
    };
  }

  /** Starts the bot in this process; log lines are kept in `logs`. `options` override the harness's. */
  async start(options: Partial<AppOptions> = {}): Promise<App> {
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        this.logs.push(String(chunk));
        done();
      },
    });
    this.app = await startApp(loadConfig(this.env()), {
      logger: createLogger("debug", sink),
      pollTimeout: 1,
      rateLimit: this.options.rateLimit ?? { perWindow: 1000, windowMs: 10_000 },
      ...(this.options.now ? { now: this.options.now } : {}),
      ...options,
    });
    return this.app;
  }

  async stopBot(): Promise<void> {
    await this.app?.stop();
    this.app = undefined;
  }

  /** Starts `npm start`'s entry point as a separate process (same database), for crash tests. */
  spawnBot(extra: Record<string, string> = {}): BotProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...this.env(extra) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const bot = new BotProcess(child);
    this.processes.push(bot);
    return bot;
  }

  user(id: number, language_code?: string): UserHandle {
    return this.emulator.user({ id, first_name: `User${id}`, ...(language_code ? { language_code } : {}) });
  }

  async close(): Promise<void> {
    // A failed test must not leave its bot processes running.
    await Promise.all(this.processes.filter((p) => p.child.exitCode === null).map((p) => p.kill("SIGKILL")));
    await this.stopBot();
    await this.emulator.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class BotProcess {
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.on("data", (d) => this.output.push(String(d)));
    child.stderr?.on("data", (d) => this.output.push(String(d)));
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }

  kill(signal: NodeJS.Signals = "SIGKILL"): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }
}

/** Waits for the bot's next new message that has buttons (the next question). */
export const nextQuestion = (user: UserHandle, timeoutMs = 30_000): Promise<BotMessage> =>
  user.waitFor((m) => m.buttons.length > 0, { kinds: ["new"], timeoutMs });

export const buttonTexts = (m: BotMessage): string[] => m.buttons.flat().map((b) => b.text);
