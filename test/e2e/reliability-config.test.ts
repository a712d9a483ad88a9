/**
 * A bad environment stops `npm start` (src/main.ts in its own process) before it
 * talks to anyone, with exit code ≠ 0 and ONE line on stderr naming the problem.
 * A broken catalogue file is the exception when the database already holds a
 * good version: the bot starts on that one.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from "node:fs";
import { type AddressInfo, createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, ROOT } from "../support/harness.js";
import { waitStarted } from "../support/kill-switch.js";
import { withDb } from "../support/sqlite.js";

interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

/**
 * Runs the entry point of `npm start` with exactly this environment (plus PATH). It settles on
 * "close", not "exit": on a loaded machine the last stderr chunk can arrive after the exit.
 * The bound only catches a start that hangs: several of these start at once, and
 * on a loaded machine compiling and starting one took over 30 s (the old bound,
 * which made "LOG_LEVEL unknown" fail under load while it passed alone).
 */
function start(env: Record<string, string>, timeoutMs = 150_000): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += String(d);
    });
    child.stderr?.on("data", (d) => {
      stderr += String(d);
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`still running after ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

/** A port where nothing listens: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("bad configuration and environment", () => {
  let h: Harness;
  let good: Record<string, string>;
  let busy: Server;
  let refused: number;
  beforeAll(async () => {
    h = await Harness.create();
    good = { ...h.env(), LOG_LEVEL: "info" };
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    refused = await closedPort();
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
    await h.close();
  });

  /** A file where a folder or a database should be (a text file, not SQLite). */
  const junkFile = () => {
    const path = join(h.dir, "notes.txt");
    writeFileSync(path, "Saqbol operator notes. ".repeat(400));
    return path;
  };

  const cases: [string, () => Record<string, string | undefined>, RegExp][] = [
    ["BOT_TOKEN missing", () => ({ BOT_TOKEN: undefined }), /BOT_TOKEN is not set/],
    ["BOT_TOKEN malformed", () => ({ BOT_TOKEN: "abc" }), /BOT_TOKEN must look like 123456:ABC-DEF/],
    ["TELEGRAM_API_ROOT not a URL", () => ({ TELEGRAM_API_ROOT: "api telegram org" }), /TELEGRAM_API_ROOT/],
    ["ADMIN_IDS with a word", () => ({ ADMIN_IDS: "42,admin" }), /ADMIN_IDS "admin" is not a Telegram user id/],
    ["LOG_LEVEL unknown", () => ({ LOG_LEVEL: "loud" }), /LOG_LEVEL/],
    ["BOT_MODE unknown", () => ({ BOT_MODE: "push" }), /BOT_MODE/],
    [
      "webhook without a URL",
      () => ({ BOT_MODE: "webhook", WEBHOOK_SECRET: "s".repeat(20) }),
      /WEBHOOK_URL is required/,
    ],
    ["PORT out of range", () => ({ PORT: "99999" }), /PORT/],
    [
      "DATABASE_URL not PostgreSQL",
      () => ({ DATABASE_URL: "mysql://db/saqbol" }),
      /DATABASE_URL must be a PostgreSQL URL/,
    ],
    [
      "DATABASE_URL to a server that does not answer",
      () => ({ DATABASE_URL: "postgres://saqbol@127.0.0.1:1/saqbol" }),
      /DATABASE_URL cannot be reached: .*ECONNREFUSED/,
    ],
    [
      "webhook mode with OPS_PORT equal to PORT",
      () => ({
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://saqbol.example.org/telegram",
        WEBHOOK_SECRET: "s".repeat(24),
        PORT: "8443",
        OPS_PORT: "8443",
      }),
      /^saqbol: OPS_PORT must differ from PORT \(the webhook's port\)$/m,
    ],
    ["SIGNING_KEY too short", () => ({ SIGNING_KEY: "short" }), /SIGNING_KEY must be at least 32 characters/],
    ["MEMORY_LIMIT_MB not a number", () => ({ MEMORY_LIMIT_MB: "lots" }), /MEMORY_LIMIT_MB/],
    ["FLOOD_PER_10S not a number", () => ({ FLOOD_PER_10S: "many" }), /FLOOD_PER_10S/],
    [
      "TELEGRAM_API_ROOT where nothing listens: the real cause, not a timeout",
      () => ({ TELEGRAM_API_ROOT: `http://127.0.0.1:${refused}` }),
      /cannot reach the Telegram Bot API at http:\/\/127\.0\.0\.1:\d+ \(getMe\): connection refused/,
    ],
    [
      "webhook mode on a port another program holds",
      () => ({
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://saqbol.example.org/telegram",
        WEBHOOK_SECRET: "s".repeat(24),
        PORT: String((busy.address() as AddressInfo).port),
      }),
      /^saqbol: PORT \d+ is in use by another program$/m,
    ],
    [
      "OPS_PORT another program holds",
      () => ({ OPS_PORT: String((busy.address() as AddressInfo).port) }),
      /^saqbol: OPS_PORT \d+ is in use by another program$/m,
    ],
    [
      "DATABASE_PATH in a folder that cannot be created",
      () => ({ DATABASE_URL: undefined, DATABASE_PATH: join(junkFile(), "saqbol.db") }),
      /DATABASE_PATH folder .* cannot be created or written to/,
    ],
    [
      "DATABASE_PATH a file that is not a database",
      () => ({ DATABASE_URL: undefined, DATABASE_PATH: junkFile() }),
      /DATABASE_PATH .* is not a SQLite database/,
    ],
    [
      "FONT_PATH to a missing font",
      () => ({ FONT_PATH: join(h.dir, "missing.ttf") }),
      /font file .*missing\.ttf cannot be read.*FONT_PATH/,
    ],
    [
      "CATALOG_PATH broken on a fresh database",
      () => ({
        CATALOG_PATH: brokenCatalog(),
        DATABASE_URL: undefined,
        DATABASE_PATH: join(h.dir, "fresh", "saqbol.db"),
      }),
      /catalogue: no usable version/,
    ],
  ];

  const brokenCatalog = () => {
    const path = join(h.dir, "broken.yaml");
    writeFileSync(path, "version: [unclosed\nschemes:\n  - id: : :\n\t- nope");
    return path;
  };

  it.concurrent.each(cases)(
    "%s: one clear line and a non-zero exit",
    async (name, change, expected) => {
      mkdirSync(h.dir, { recursive: true });
      // The cases run side by side: each its own database, or one would find another's lock.
      const own = join(h.dir, `case-${cases.findIndex((c) => c[0] === name)}`, "saqbol.db");
      const env = Object.fromEntries(
        Object.entries({ ...good, DATABASE_PATH: own, ...change() }).filter(
          (e): e is [string, string] => e[1] !== undefined,
        ),
      );
      const exit = await start(env);
      expect(exit.code).not.toBe(0);
      expect(lines(exit.stderr)).toHaveLength(1);
      expect(exit.stderr).toMatch(expected);
      expect(exit.stdout).not.toContain("saqbol started");
    },
    200_000,
  );

  /** A database the bot made (started once and stopped), at its own path. */
  async function madeDatabase(name: string): Promise<string> {
    const path = join(h.dir, name, "saqbol.db");
    const bot = h.spawnBot({ DATABASE_URL: "", DATABASE_PATH: path });
    await waitStarted(bot, 120_000);
    expect(await bot.kill("SIGTERM")).toBe(0);
    return path;
  }

  it("a database with damaged pages stops the start with one line naming the file", async () => {
    const path = await madeDatabase("damaged");
    const fd = openSync(path, "r+");
    // Pages 3 to 6 overwritten: what a failing disk or a half-copied file leaves.
    writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, 4096 * 2);
    closeSync(fd);
    const exit = await start({ ...good, DATABASE_URL: "", DATABASE_PATH: path }, 120_000);
    expect(exit.code).toBe(1);
    expect(lines(exit.stderr)).toHaveLength(1);
    expect(exit.stderr).toContain(`DATABASE_PATH ${path}`);
    expect(exit.stderr).toMatch(/damaged|malformed/);
  }, 240_000);

  it("a damaged stored catalogue stops the start with one line naming the database file", async () => {
    const path = await madeDatabase("bad-json");
    withDb(path, (db) =>
      db.exec("UPDATE catalog_versions SET document = '{\"version\": \"' || char(1) || '\"}', yaml = 'x: [' "),
    );
    const exit = await start({ ...good, DATABASE_URL: "", DATABASE_PATH: path }, 120_000);
    expect(exit.code).toBe(1);
    expect(lines(exit.stderr)).toHaveLength(1);
    expect(exit.stderr).toContain(`DATABASE_PATH ${path}`);
  }, 240_000);

  it("the files it writes are readable by its own user only: database, WAL, lock 0600, a new data folder 0700", async () => {
    const folder = join(h.dir, "modes", "data");
    // The SQLite file (on either project): what is measured is its modes.
    const bot = h.spawnBot({ DATABASE_URL: "", DATABASE_PATH: join(folder, "saqbol.db") });
    await waitStarted(bot, 120_000);
    const modes = Object.fromEntries(readdirSync(folder).map((f) => [f, statSync(join(folder, f)).mode & 0o777]));
    expect(await bot.kill("SIGTERM")).toBe(0);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(modes).toMatchObject({
      "saqbol.db": 0o600,
      "saqbol.db-wal": 0o600,
      "saqbol.db-shm": 0o600,
      "saqbol.db.lock": 0o600,
    });
    expect(Object.values(modes).every((m) => (m & 0o077) === 0)).toBe(true);
  }, 240_000);

  it("a broken catalogue file keeps the last good version from the database running", async () => {
    const bot = h.spawnBot();
    await waitStarted(bot);
    await bot.kill("SIGTERM");
    const again = h.spawnBot({ CATALOG_PATH: brokenCatalog() });
    await waitStarted(again);
    const u = h.user(9990, "ru");
    u.command("start");
    const consent = await u.waitFor((m) => m.buttons.length > 0, { timeoutMs: 60_000 });
    expect(consent.text).toContain("Согласие");
    expect(again.output.join("")).toContain("shipped catalogue is invalid; not imported");
    expect(await again.kill("SIGTERM")).toBe(0);
  }, 200_000);
});
