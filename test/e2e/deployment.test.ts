/**
 * The deployment shape of `npm start` (scripts/start.mjs), on a copy of the app
 * folder: a current build runs as it is and nothing is written into the folder —
 * even when the folder cannot be written at all; a changed source is rebuilt
 * once, saying so; the folder's .env is read (the environment wins); the heap cap
 * comes from MEMORY_LIMIT_MB.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness, ROOT } from "../support/harness.js";

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** Every file under `dir` (node_modules left out) with its size and change time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.name === "node_modules") continue;
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        out[relative(dir, path)] = `${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
      }
    }
  };
  walk(dir);
  return out;
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

describe("npm start", () => {
  let h: Harness;
  let app: string;
  let data: string;
  let nextUser = 19_500_000;
  beforeAll(async () => {
    h = await Harness.create();
    app = mkdtempSync(join(tmpdir(), "saqbol-app-"));
    for (const part of ["package.json", "tsconfig.json", "scripts", "src", "locales", "drizzle"]) {
      cpSync(join(ROOT, part), join(app, part), { recursive: true });
    }
    symlinkSync(join(ROOT, "node_modules"), join(app, "node_modules"));
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: app });
    // The bot's data lives outside the app folder, writable by whoever runs it.
    data = join(h.dir, "data");
    mkdirSync(data, { mode: 0o777 });
    chmodSync(data, 0o777);
    chmodSync(h.dir, 0o755);
    chmodSync(app, 0o755);
  });
  afterAll(async () => {
    await h.close();
    rmSync(app, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    PATH: process.env.PATH ?? "",
    ...h.env({ DATABASE_PATH: join(data, "saqbol.db"), LOG_LEVEL: "info" }),
    ...extra,
  });

  function start(environment: Record<string, string>, options: { uid?: number } = {}): Run {
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: app,
      env: environment,
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    const chunks: string[] = [];
    child.stdout?.on("data", (d) => chunks.push(String(d)));
    child.stderr?.on("data", (d) => chunks.push(String(d)));
    return { child, output: () => chunks.join(""), exited: new Promise((resolve) => child.on("close", resolve)) };
  }

  /** Started, answers a /start, and stops cleanly on SIGTERM. */
  async function answersAndStops(run: Run): Promise<void> {
    const u = h.user(nextUser++, "ru");
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0, { timeoutMs: 120_000 });
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  }

  it("runs a current build as it is and writes nothing into the app folder, even one it cannot write to", async () => {
    const before = snapshot(app);
    // As root the folder is made unwritable by running as nobody; otherwise by taking the write bits away.
    if (!asRoot) execFileSync("chmod", ["-R", "a-w", app]);
    const run = start(env(), asRoot ? { uid: NOBODY } : {});
    try {
      await answersAndStops(run);
    } finally {
      if (!asRoot) execFileSync("chmod", ["-R", "u+w", app]);
    }
    expect(run.output()).not.toContain("rebuilding");
    expect(snapshot(app)).toEqual(before);
  }, 200_000);

  it("rebuilds once when a source changed since the build, and says which", async () => {
    appendFileSync(join(app, "src/bot/features/start.ts"), "\n// changed after the build\n");
    const first = start(env());
    await answersAndStops(first);
    expect(first.output()).toContain("the build is out of date (src/bot/features/start.ts changed): rebuilding dist/");
    const second = start(env());
    await answersAndStops(second);
    expect(second.output()).not.toContain("rebuilding");
  }, 200_000);

  it("reads the app folder's .env, and a variable set in the environment wins over it", async () => {
    const { BOT_TOKEN, TELEGRAM_API_ROOT, DATABASE_PATH } = env();
    writeFileSync(
      join(app, ".env"),
      `BOT_TOKEN=${BOT_TOKEN}\nTELEGRAM_API_ROOT=${TELEGRAM_API_ROOT}\nDATABASE_PATH=${DATABASE_PATH}\nLOG_LEVEL=silent\n`,
    );
    try {
      const run = start({ PATH: process.env.PATH ?? "", LOG_LEVEL: "info" });
      await answersAndStops(run);
      // LOG_LEVEL=silent in the file would hide this line: the environment's "info" won.
      expect(run.output()).toContain("saqbol started");
    } finally {
      rmSync(join(app, ".env"));
    }
  }, 200_000);

  it("caps the bot's heap at MEMORY_LIMIT_MB and sizes its young generation by SEMI_SPACE_MB", async () => {
    const run = start(env({ MEMORY_LIMIT_MB: "320", SEMI_SPACE_MB: "24" }));
    const u = h.user(nextUser++, "ru");
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0, { timeoutMs: 120_000 });
    const children = readFileSync(`/proc/${run.child.pid}/task/${run.child.pid}/children`, "utf8").trim().split(/\s+/);
    const commandLines = children.map((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0"));
    expect(commandLines.some((args) => args.includes("--max-old-space-size=320"))).toBe(true);
    expect(commandLines.some((args) => args.includes("--max-semi-space-size=24"))).toBe(true);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  }, 200_000);

  it.each([
    [
      "MEMORY_LIMIT_MB",
      "lots",
      /^saqbol: MEMORY_LIMIT_MB must be a whole number of megabytes, at least 64 \(got "lots"\)$/m,
    ],
    ["SEMI_SPACE_MB", "0", /^saqbol: SEMI_SPACE_MB must be a whole number of megabytes from 1 to 256 \(got "0"\)$/m],
    ["SEMI_SPACE_MB", "1g", /^saqbol: SEMI_SPACE_MB must be a whole number of megabytes from 1 to 256 \(got "1g"\)$/m],
  ])(
    "refuses %s=%s with one line, before starting anything",
    async (name, value, line) => {
      const run = start(env({ [name]: value }));
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(line);
      expect(run.output()).not.toContain("saqbol started");
    },
    60_000,
  );
});
