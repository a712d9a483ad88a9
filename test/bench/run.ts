/**
 * `npm run bench`: Saqbol's performance figures on this machine, each as median
 * and p99 over repeated runs, next to its target. Progress goes to stderr; with
 * `--json` the last line of stdout is one JSON object (a contract other tools read).
 *
 *   npm run bench                          the full set (two to three minutes)
 *   npm run bench -- --json                … and the JSON line last
 *   npm run bench -- --quick               small sizes, to check the harness itself
 *   npm run bench -- --only=stack,http     some pieces only: stack, postgres, instances, http, burst,
 *                                          recognition, documents, storage, memory, startup, render, regex
 *   npm run bench -- --only=pg             the walk on PostgreSQL: postgres and instances
 *   npm run bench -- --users=100           simulated people at once (default 25)
 *
 * The load pieces warm up until a third of the simulated people have walked the whole
 * questionnaire (at most 20 s), so the runs that count see people at every step.
 * Throughput is measured with people acting the moment their last update was handled
 * (saturated); latency (p50_ms, p99_ms) with 200 people pausing between moves so that
 * they offer half that throughput, because at saturation latency is only the queue
 * (people ÷ throughput): those figures are kept as saturated_p50_ms / saturated_p99_ms.
 * The baseline is the minimal durable grammY bot (durable-bot.ts): `durable_ratio`.
 * Over HTTP the bot runs as `npm start` runs it, in its own process: a spike of 420
 * updates a second for 60 s (`http_p99_ms`) and 300 people sending /start at once
 * (`burst_300_start_s`). `render_p99_others_ms`: other people's updates while 20 PDFs
 * and an export of 10,000 reports are made.
 * The walk on PostgreSQL: one instance in-process (`pg_walk_1_*`, next to SQLite's
 * `sqlite_walk_1_*`), three instances in webhook mode behind nginx as deploy/ runs them
 * (`pg_walk_3_*`, with one instance behind the same nginx: `pg_hook_1_*`, `sqlite_hook_1_*`).
 * Without Debian's postgresql or nginx those pieces are skipped with one line.
 * `regex_compile_ms`: what the regexps built at load cost to compile again after a full GC
 * (test/bench/regex-compile.ts, which also lists them: `node --import tsx test/bench/regex-compile.ts`).
 * BENCH_PG_SETTINGS="name=value,…" starts the bench's clusters with those server settings.
 * The bench runs itself again with the young generation `npm start` gives the bot (SEMI_SPACE_MB's
 * default), so the in-process pieces measure the bot's code under the bot's own collector.
 */
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { benchDocuments } from "./documents.js";
import { benchFullStack } from "./full-stack.js";
import { benchBurst, benchHttpSpike } from "./http.js";
import { benchInstances, type Engine, type InstancesFigures, instancesMissing } from "./instances.js";
import { benchMemory } from "./memory.js";
import { benchPostgres, postgresMissing } from "./postgres.js";
import { YOUNG_GENERATION_FLAG } from "./production.js";
import { benchRecognition } from "./recognition.js";
import { benchRegexCompile } from "./regex-compile.js";
import { benchRender } from "./render-load.js";
import { type Figures, sections, summary } from "./report.js";
import { benchStartup } from "./startup.js";
import { benchStorage } from "./storage.js";
import { missed, renderTable } from "./table.js";

const PIECES = [
  "stack",
  "postgres",
  "instances",
  "http",
  "burst",
  "recognition",
  "documents",
  "storage",
  "memory",
  "startup",
  "render",
  "regex",
] as const;
type Piece = (typeof PIECES)[number];

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const quick = flag("quick");
/** Names that stand for several pieces. */
const GROUPS: Record<string, string[]> = { pg: ["postgres", "instances"] };
const only = option("only")
  ?.split(",")
  .flatMap((p) => GROUPS[p] ?? [p]);
const users = Number(option("users") ?? (quick ? 10 : 25));

const SIZES = quick
  ? { runs: 2, runMs: 500, warmupMs: 2000, passes: 2, reps: 1, exportCount: 1000, exportRuns: 1, stored: 50 }
  : { runs: 3, runMs: 3000, warmupMs: 20_000, passes: 10, reps: 3, exportCount: 10_000, exportRuns: 3, stored: 300 };
const MEMORY_USERS = quick ? 500 : 10_000;
const STARTS = quick ? 2 : 5;
const SPIKE = quick
  ? { rate: 100, durationMs: 5000, warmupMs: 3000 }
  : { rate: 420, durationMs: 60_000, warmupMs: 20_000 };
const BURST = quick ? 50 : 300;
const RENDER = quick ? { pdfs: 4, exportCount: 1000 } : { pdfs: 20, exportCount: 10_000 };
const INSTANCES = quick
  ? { people: 100, runs: 1, runMs: 8000, warmupMs: 6000 }
  : { people: 300, runs: 2, runMs: 15_000, warmupMs: 20_000 };
const DEPLOYS: { engine: Engine; instances: 1 | 3 }[] = [
  { engine: "postgres", instances: 3 },
  { engine: "postgres", instances: 1 },
  { engine: "sqlite", instances: 1 },
];

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const failures: string[] = [];

/** The deployments of the instances piece that can run here; one line for each that cannot. */
async function deployments(): Promise<InstancesFigures[]> {
  const out: InstancesFigures[] = [];
  for (const d of DEPLOYS) {
    const missing = instancesMissing(d.engine);
    if (missing) log(`instances: ${d.instances} on ${d.engine} skipped: ${missing}`);
    else out.push(await benchInstances({ ...d, ...INSTANCES }));
  }
  return out;
}

async function piece<T>(name: Piece, work: () => Promise<T> | T, missing?: string): Promise<T | undefined> {
  if (only && !only.includes(name)) return undefined;
  if (missing) {
    log(`${name} skipped: ${missing}`);
    return undefined;
  }
  const started = performance.now();
  log(`${name}…`);
  try {
    const result = await work();
    log(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    log(`${name} FAILED: ${(error as Error).stack ?? String(error)}`);
    failures.push(`${name}: ${(error as Error).message}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const unknown = only?.filter((p) => !(PIECES as readonly string[]).includes(p)) ?? [];
  if (unknown.length) throw new Error(`unknown piece ${unknown.join(", ")}; pieces are ${PIECES.join(", ")}`);
  const began = performance.now();
  const load = loadavg()[0] ?? 0;
  if (load > cpus().length * 0.5) {
    log(`the machine is busy (load average ${load.toFixed(1)} on ${cpus().length} cores): figures will be noisy`);
  }
  // The heavy in-process runs first, then the ones in their own processes.
  const figures: Figures = {
    users,
    stack: await piece("stack", () => benchFullStack({ concurrency: users, ...SIZES })),
    // Runs of at least 3 s: on PostgreSQL one slow run (transactions run again) would pace the next ones too slowly.
    postgres: await piece(
      "postgres",
      () => benchPostgres({ concurrency: users, ...SIZES, runMs: Math.max(SIZES.runMs, 3000) }),
      postgresMissing(),
    ),
    instances: await piece("instances", deployments),
    http: await piece("http", () => benchHttpSpike(SPIKE)),
    burst: await piece("burst", () => benchBurst(BURST)),
    recognition: await piece("recognition", () => benchRecognition(SIZES.passes)),
    documents: await piece("documents", () => benchDocuments(SIZES)),
    storage: await piece("storage", () => benchStorage(SIZES.stored)),
    memory: await piece("memory", () => benchMemory(MEMORY_USERS, 1)),
    startup: await piece("startup", () => benchStartup(STARTS)),
    render: await piece("render", () => benchRender(RENDER)),
    regex: await piece("regex", benchRegexCompile),
  };
  const table = sections(figures);
  const seconds = (performance.now() - began) / 1000;
  const misses = table.flatMap((s) => s.rows.filter(missed).map((r) => r.label));
  const out = [
    "",
    `Saqbol benchmark${quick ? " (quick sizes)" : ""}: ${cpus().length} cores, node ${process.version}, load average ${load.toFixed(1)} at start`,
    "p99 = 99th percentile of all samples; for rates, the slowest run",
    renderTable(table),
    "",
    `targets missed: ${misses.length ? misses.join("; ") : "none"}`,
    ...failures.map((f) => `FAILED ${f}`),
    `took ${seconds.toFixed(0)} s`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);
  if (flag("json")) {
    const json = { ...summary(figures), targets_missed: misses, quick, bench_s: seconds, load_avg: load };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  }
  if (failures.length > 0) process.exitCode = 1;
}

// Ctrl-C or a timeout: exit, so that the pieces' exit hooks stop their clusters, instances and nginx.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

/** Stray handles (a closing socket, a timer) must not keep the benchmark alive once stdout is out. */
const exit = () => process.stdout.write("", () => process.exit());

// The in-process pieces run the bot's code, so under the bot's own garbage collector settings.
if (!process.execArgv.includes(YOUNG_GENERATION_FLAG)) {
  const again = spawnSync(process.execPath, [YOUNG_GENERATION_FLAG, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  process.exit(again.status ?? 1);
}

main().then(exit, (error) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
  exit();
});
