/**
 * End-to-end harness: a Bot API emulator on 127.0.0.1 and Saqbol started against
 * it over HTTP, in-process (fast) or as a child process (for kill tests), on a
 * throwaway database.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type App, type AppOptions, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { DatabaseTarget } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";
import { BotApiEmulator, type BotMessage, type UserHandle } from "../emulator/index.js";
import { BotProcess, ROOT } from "./bot-process.js";
import { type FreshDatabase, freshDatabase, query } from "./database.js";

export { BotProcess, ROOT };

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
    private readonly fresh: FreshDatabase,
  ) {}

  /** An emulator and a fresh database on the engine under test (test/support/database.ts). */
  static async create(options: HarnessOptions = {}): Promise<Harness> {
    const emulator = new BotApiEmulator({ token: TOKEN });
    const apiRoot = await emulator.start();
    const dir = mkdtempSync(join(tmpdir(), "saqbol-e2e-"));
    return new Harness(emulator, apiRoot, dir, options, await freshDatabase(dir));
  }

  /** The bot's database, for reading it from the outside (see test/support/db-reader.ts). */
  get database(): DatabaseTarget {
    return this.fresh.target;
  }

  /** The SQLite file (only meaningful when the tests run on SQLite). */
  get dbPath(): string {
    return join(this.dir, "saqbol.db");
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: this.apiRoot,
      DATABASE_PATH: this.dbPath,
      ...this.fresh.env,
      ADMIN_IDS: (this.options.adminIds ?? []).join(","),
      LOG_LEVEL: "info",
      // A child bot allows what the in-process one did: on PostgreSQL they share one count per person.
      FLOOD_PER_10S: String(this.options.rateLimit?.perWindow ?? 1000),
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

  /**
   * Waits until the bot has nothing left to do: no Bot API traffic for `quietMs` and
   * every update it fetched handled to the end (out of its inbox), so what arrives
   * later belongs to what is sent next.
   */
  async settle(options: { quietMs?: number; timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    for (;;) {
      await this.emulator.waitIdle({ quietMs: options.quietMs ?? 60, timeoutMs: options.timeoutMs ?? 15_000 });
      const [left] = await query<{ n: number }>(this.database, "SELECT COUNT(*) AS n FROM update_inbox");
      if (left?.n === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  user(id: number, language_code?: string): UserHandle {
    return this.emulator.user({ id, first_name: `User${id}`, ...(language_code ? { language_code } : {}) });
  }

  async close(): Promise<void> {
    // A failed test must not leave its bot processes running.
    await Promise.all(this.processes.filter((p) => p.child.exitCode === null).map((p) => p.kill("SIGKILL")));
    await this.stopBot();
    await this.emulator.stop();
    await this.fresh.drop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Waits for the bot's next new message that has buttons (the next question). */
export const nextQuestion = (user: UserHandle, timeoutMs = 30_000): Promise<BotMessage> =>
  user.waitFor((m) => m.buttons.length > 0, { kinds: ["new"], timeoutMs });

export const buttonTexts = (m: BotMessage): string[] => m.buttons.flat().map((b) => b.text);
