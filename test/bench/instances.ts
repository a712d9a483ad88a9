/**
 * The questionnaire walk over HTTP on what an operator runs (deploy/): `cli
 * migrate`, instances started from the systemd unit in webhook mode, nginx with
 * the shipped site in front of them as the webhook the emulator calls
 * (test/support/deploy.ts, as test/e2e/deploy.test.ts does). Three instances on
 * one PostgreSQL; one instance behind the same nginx, on PostgreSQL and on
 * SQLite, for comparison.
 *
 * People pause between moves (at least 0.6 s: under the instances' production
 * flood limit of 20 updates per person per 10 s), so throughput is measured with
 * many of them; latency at half the throughput measured, as in piece 1.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { command as migrateCli } from "../../src/cli/migrate.js";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { BotApiEmulator } from "../emulator/index.js";
import type { BotProcess } from "../support/bot-process.js";
import { runCli } from "../support/cli-in-process.js";
import { ensureBuilt, type Nginx, nginxBinary, startInstance, startNginx } from "../support/deploy.js";
import { waitStarted } from "../support/kill-switch.js";
import { freePort } from "../support/ports.js";
import { consentAhead, EmulatorWalk } from "./emulator-walk.js";
import { BENCH_TOKEN } from "./env.js";
import type { LoadResult } from "./load.js";
import { PgStats, processCpuMs, type QueryFigures } from "./pg-stats.js";
import { benchCluster, postgresMissing } from "./postgres.js";
import { median } from "./stats.js";
import { sendWebhooks, type WebhookSender } from "./webhook-sender.js";

export type Engine = "sqlite" | "postgres";

export interface InstancesFigures {
  engine: Engine;
  instances: number;
  /** Many people pausing between moves: the most the instances handle. */
  full: LoadResult[];
  fullPeople: number;
  /** The most those people could offer (each pausing THINK_MS on average, answered at once). */
  fullOffered: number;
  /** People offering half the throughput just measured. */
  paced: LoadResult[];
  pacedOffered: number;
  /** CPU of the instances' processes per update (saturated runs), ms. */
  cpuMsPerUpdate: number;
  /** CPU of this process (emulator and simulated people) per update, ms. */
  benchCpuMsPerUpdate: number;
  /** PostgreSQL only: what the server did per update (saturated runs). */
  queries?: QueryFigures | undefined;
  /** Instances nginx handed updates to. */
  served: number;
  /** Webhook POSTs nginx passed on to another instance after an error, and those that failed outright. */
  retried: number;
  failedPosts: number;
  /** Time to have an update accepted (POST through nginx until the 200), ms. */
  webhookMs: number[];
  errors: number;
}

const FIRST_ID = 300_000_000;
const THINK_MS = 1200;
const SECRET = "bench-webhook-secret-0123456789";

/** Why the piece cannot run here, or undefined. */
export function instancesMissing(engine: Engine): string | undefined {
  const nginx = nginxBinary() ? undefined : "nginx is not installed (Debian's nginx package)";
  return engine === "postgres" ? (postgresMissing() ?? nginx) : nginx;
}

export async function benchInstances(options: {
  engine: Engine;
  instances: 1 | 3;
  people: number;
  runs: number;
  runMs: number;
  warmupMs: number;
}): Promise<InstancesFigures> {
  const dir = mkdtempSync(join(tmpdir(), "saqbol-bench-instances-"));
  const emulator = new BotApiEmulator({ token: BENCH_TOKEN });
  const running: BotProcess[] = [];
  let nginx: Nginx | undefined;
  let cluster: Awaited<ReturnType<typeof benchCluster>> | undefined;
  let stats: PgStats | undefined;
  let sender: WebhookSender | undefined;
  // Stopped half-way (run.ts exits on Ctrl-C): no instance or nginx is left behind.
  const orphans = () => {
    for (const b of running) b.child.kill("SIGKILL");
    try {
      process.kill(Number(readFileSync(join(dir, "nginx", "nginx.pid"), "utf8")), "SIGKILL");
    } catch {
      // Not started, or already stopped.
    }
  };
  process.on("exit", orphans);
  try {
    const apiRoot = await emulator.start();
    if (options.engine === "postgres") cluster = await benchCluster();
    const env: Record<string, string> = {
      BOT_TOKEN: BENCH_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_PATH: join(dir, "saqbol.db"),
      ...(cluster ? { DATABASE_URL: cluster.url } : {}),
      LOG_LEVEL: "warn",
      ENV_FILE: "",
    };
    const migrated = await runCli(migrateCli, [], env);
    if (migrated.code !== 0) throw new Error(`cli migrate failed: ${migrated.err}`);
    // Enough people for the whole piece (a walk is about 25 moves).
    const consented = options.people * 8;
    const db = await openDatabase({ url: cluster?.url, path: env.DATABASE_PATH! }, { migrate: false });
    await consentAhead(db, FIRST_ID, consented);
    await closeDatabase(db);

    ensureBuilt();
    const ports = await Promise.all(Array.from({ length: options.instances }, () => freePort()));
    // The shipped site lists three instances: one instance stands behind all three lines.
    const upstreams = [0, 1, 2].map((i) => ports[i % ports.length]!);
    nginx = await startNginx(join(dir, "nginx"), await freePort(), upstreams);
    const shared = {
      ...env,
      // info: the start line is how the bench knows an instance is up.
      LOG_LEVEL: "info",
      WEBHOOK_URL: `${nginx.url}/telegram/hook`,
      WEBHOOK_SECRET: SECRET,
      SIGNING_PRIVATE_KEY: generateKeyPairSync("ed25519")
        .privateKey.export({ type: "pkcs8", format: "pem" })
        .toString(),
    };
    for (const port of ports) running.push(startInstance(port, shared));
    await Promise.all(running.map((b) => waitStarted(b, 120_000)));
    // Up to 40 POSTs at once, as Telegram does: the emulator's delivery is one at a time.
    sender = sendWebhooks(emulator);
    if (cluster) stats = await PgStats.open(cluster.url, cluster.dir);

    const walk = new EmulatorWalk(emulator, FIRST_ID);
    const people = options.people;
    await walk.run({
      concurrency: people,
      thinkMs: THINK_MS,
      durationMs: options.warmupMs,
      finishedWalks: Math.ceil(people / 3),
    });
    const pids = running.map((b) => b.child.pid!);
    const instancesCpu = () => pids.reduce((a, pid) => a + processCpuMs(pid), 0);
    await stats?.reset();
    const cpu0 = instancesCpu();
    const full: LoadResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      full.push(await walk.run({ concurrency: people, thinkMs: THINK_MS, durationMs: options.runMs }));
    }
    const updates = full.reduce((a, r) => a + r.updates, 0);
    const cpuMsPerUpdate = (instancesCpu() - cpu0) / updates;
    const queries = await stats?.read(updates);

    const pacedOffered = 0.5 * median(full.map((r) => r.updatesPerSecond));
    const pacedPeople = Math.max(1, Math.round((pacedOffered * THINK_MS) / 1000));
    const paced: LoadResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      paced.push(await walk.run({ concurrency: pacedPeople, thinkMs: THINK_MS, durationMs: options.runMs }));
    }
    const hooks = nginx.accessLog().filter((l) => l.includes("POST /telegram/hook"));
    const served = new Set(hooks.filter((l) => / 200 /.test(l)).map((l) => l.split(" ")[0]!.replace(/,$/, ""))).size;
    const errors = running.reduce((a, b) => a + (b.output.join("").match(/"level":(5|6)\d/g) ?? []).length, 0);
    return {
      engine: options.engine,
      instances: options.instances,
      full,
      fullPeople: people,
      fullOffered: (people / THINK_MS) * 1000,
      paced,
      pacedOffered,
      cpuMsPerUpdate,
      benchCpuMsPerUpdate: median(full.map((r) => r.cpuMsPerUpdate)),
      queries,
      served,
      retried: hooks.filter((l) => /^\S+, /.test(l)).length,
      failedPosts: sender.failures(),
      webhookMs: sender.roundTrips,
      errors,
    };
  } finally {
    process.off("exit", orphans);
    await sender?.stop();
    await stats?.close().catch(() => undefined);
    await Promise.all(running.map((b) => stopInstance(b)));
    await nginx?.stop();
    await emulator.stop();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SIGTERM (the instance finishes what it holds), SIGKILL if it has not ended within 20 s. */
async function stopInstance(b: BotProcess): Promise<void> {
  if (b.child.exitCode !== null || b.child.signalCode !== null) return;
  const timer = setTimeout(() => b.child.kill("SIGKILL"), 20_000);
  await b.kill("SIGTERM");
  clearTimeout(timer);
}
