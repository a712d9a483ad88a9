/**
 * Saqbol as `npm start` runs it (scripts/start.mjs on the production build) in
 * its own process, against the emulator: what the HTTP pieces
 * measure, with the emulator and the simulated people in the bench's process.
 */
import type { ChildProcess } from "node:child_process";
import { type BenchEnv, childEnv } from "./env.js";
import { spawnStart } from "./production.js";

export interface ChildBot {
  child: ChildProcess;
  output: string[];
  /** Log lines at level error or worse so far. */
  errors(): number;
  /** Resolves once the bot has logged that it started. */
  started: Promise<void>;
  stop(): Promise<void>;
}

export async function spawnChildBot(env: BenchEnv, apiRoot: string, extra: Record<string, string> = {}) {
  // info: the start line is how the bench knows the bot is up.
  const child = await spawnStart({ ...childEnv(env, apiRoot), LOG_LEVEL: "info", ...extra });
  const output: string[] = [];
  let errors = 0;
  let onStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => {
    onStarted = resolve;
    child.on("exit", (code) => reject(new Error(`the bot exited (${code}): ${output.join("").slice(-800)}`)));
  });
  started.catch(() => undefined);
  const read = (d: Buffer) => {
    const text = String(d);
    if (output.length < 200) output.push(text);
    errors += (text.match(/"level":(5|6)\d/g) ?? []).length;
    if (text.includes("saqbol started")) onStarted();
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    child,
    output,
    errors: () => errors,
    started,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  } satisfies ChildBot;
}
