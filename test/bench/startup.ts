/**
 * Piece 6: from process start to the first update handled. What `npm start`
 * runs (scripts/start.mjs on a current build, which starts the bot in a child with
 * its node flags) is spawned against the emulator, with the database already migrated and
 * the catalogue imported, and a /start already waiting; the clock stops when the
 * reply reaches the emulator.
 */
import { readFileSync } from "node:fs";
import { prepareDeps } from "../../src/app.js";
import { closeDatabase } from "../../src/db/client.js";
import { BotApiEmulator } from "../emulator/index.js";
import { BENCH_TOKEN, benchEnv, childEnv } from "./env.js";
import { childPids, productionBuild, spawnStart } from "./production.js";

export interface StartupFigures {
  /** ms per start, in order (the first may include a cold transform cache). */
  startMs: number[];
  /** CPU ms the processes used until it answered (Linux; steadier than wall time on a busy host). */
  cpuMs: number[];
  failures: string[];
}

const TIMEOUT_MS = 20_000;
/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** CPU time (user + system) a live process has used so far, from /proc; NaN where there is none. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return Number.NaN;
  }
}

export async function benchStartup(runs: number): Promise<StartupFigures> {
  const emulator = new BotApiEmulator({ token: BENCH_TOKEN });
  const apiRoot = await emulator.start();
  const env = benchEnv(apiRoot);
  // Migrations, catalogue and signing key in place, as on a server that has run before.
  const deps = await prepareDeps(env.config, env.logger);
  await closeDatabase(deps.db);
  deps.lock.release();
  // As `npm start` runs it: the launcher on the build made at install.
  await productionBuild();
  const startMs: number[] = [];
  const cpuMs: number[] = [];
  const failures: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const person = emulator.user({ id: 300_000_000 + i, first_name: "Start", language_code: "ru" });
      person.command("start");
      const reply = person.nextReply({ timeoutMs: TIMEOUT_MS });
      const output: string[] = [];
      const started = performance.now();
      const child = await spawnStart(childEnv(env, apiRoot));
      child.stdout.on("data", (d) => output.push(String(d)));
      child.stderr.on("data", (d) => output.push(String(d)));
      const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      try {
        await reply;
        startMs.push(performance.now() - started);
        // The launcher and the bot it started.
        cpuMs.push([child.pid, ...childPids(child.pid)].reduce((sum: number, pid) => sum + cpuMsOf(pid), 0));
      } catch (error) {
        failures.push(`${(error as Error).message}: ${output.join("").slice(0, 500)}`);
      }
      child.kill("SIGTERM");
      await exited;
    }
  } finally {
    await emulator.stop();
    env.close();
  }
  return { startMs, cpuMs, failures };
}
