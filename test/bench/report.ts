/**
 * The figures of every piece as table sections (with targets) and as the JSON
 * summary whose first nine keys are a contract other tools read.
 */
import type { DocumentFigures } from "./documents.js";
import { type FullStackFigures, PACED_PEOPLE } from "./full-stack.js";
import type { BurstFigures, HttpFigures } from "./http.js";
import type { InstancesFigures } from "./instances.js";
import type { LoadResult } from "./load.js";
import type { MemoryFigures } from "./memory.js";
import type { QueryFigures } from "./pg-stats.js";
import type { PostgresFigures } from "./postgres.js";
import type { RecognitionFigures } from "./recognition.js";
import type { RegexCompileFigures } from "./regex-compile.js";
import type { RenderFigures } from "./render-load.js";
import type { StartupFigures } from "./startup.js";
import { median, percentile } from "./stats.js";
import type { StorageFigures } from "./storage.js";
import type { Row, Section } from "./table.js";

export interface Figures {
  users: number;
  recognition?: RecognitionFigures | undefined;
  documents?: DocumentFigures | undefined;
  storage?: StorageFigures | undefined;
  stack?: FullStackFigures | undefined;
  /** The same walk with DATABASE_URL: PostgreSQL, one instance. */
  postgres?: PostgresFigures | undefined;
  /** The walk over HTTP through nginx: instances in webhook mode (three on PostgreSQL, one for comparison). */
  instances?: InstancesFigures[] | undefined;
  http?: HttpFigures | undefined;
  burst?: BurstFigures | undefined;
  render?: RenderFigures | undefined;
  memory?: MemoryFigures | undefined;
  startup?: StartupFigures | undefined;
  regex?: RegexCompileFigures | undefined;
}

const NONE = Number.NaN;
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
const pooled = (runs: LoadResult[] | undefined) => runs?.flatMap((r) => r.latencies) ?? [];
const rates = (runs: LoadResult[] | undefined) => runs?.map((r) => r.updatesPerSecond) ?? [];
const cpu = (runs: LoadResult[] | undefined) => runs?.map((r) => r.cpuMsPerUpdate) ?? [];
const inSqlite = (runs: LoadResult[] | undefined) => runs?.flatMap((r) => r.sqliteMsPerUpdate ?? []) ?? [];
/** Run by run, Saqbol's throughput over the durable baseline bot's in the run right after it. */
const ratios = (full: LoadResult[] = [], durable: LoadResult[] = []) =>
  full.map((r, i) => r.updatesPerSecond / (durable[i]?.updatesPerSecond ?? NONE));

/** A rate: median run, and the slowest run in the p99 column. */
const rateRow = (label: string, runs: LoadResult[] | undefined, extra: Partial<Row> = {}): Row => ({
  label,
  unit: "upd/s",
  median: median(rates(runs)),
  p99: percentile(rates(runs), 1),
  ...extra,
});
const latencyRow = (label: string, samples: number[], extra: Partial<Row> = {}): Row => ({
  label,
  unit: "ms",
  median: median(samples),
  p99: percentile(samples, 99),
  ...extra,
});

function walks(runs: LoadResult[], errors: number): string {
  const finished = runs.reduce((a, r) => a + r.finished, 0);
  const stuck = runs.reduce((a, r) => a + r.stuck, 0);
  return [`${finished} walks to the review`, stuck ? `${stuck} STUCK` : "", errors ? `${errors} errors logged` : ""]
    .filter(Boolean)
    .join(", ");
}

function stackSection(f: FullStackFigures, users: number): Section {
  const offered = Math.round(f.pacedOffered);
  return {
    title: `1. full stack in-process (Telegram answered locally), people walking the questionnaire`,
    rows: [
      rateRow(`Saqbol throughput, ${users} people acting at once`, f.full, { note: walks(f.full, f.errors) }),
      latencyRow(`latency per update at half that: ~${offered} upd/s from ${PACED_PEOPLE} people`, pooled(f.paced), {
        target: { kind: "max", limit: 25, on: "p99" },
        note: `each pausing ~${Math.round((PACED_PEOPLE / f.pacedOffered) * 1000)} ms; achieved ${Math.round(median(rates(f.paced)))} upd/s`,
      }),
      latencyRow(`latency per update, ${users} at once (saturated)`, pooled(f.full), {
        note: "mostly waiting behind the others' updates",
      }),
      latencyRow("latency per update, one person alone", f.single.latencies, { note: "handling time only" }),
      {
        label: "CPU per update",
        unit: "ms",
        median: median(cpu(f.full)),
        target: { kind: "max", limit: 0.3 },
        note: "whole process, steady on a busy host",
      },
      {
        label: "of which inside SQLite",
        unit: "ms",
        median: median(inSqlite(f.full)),
        note: "statements, BEGIN and COMMIT on the bot's thread",
      },
      rateRow("minimal durable grammY bot throughput", f.durable, {
        note: "an IMMEDIATE transaction before and one after each reply",
      }),
      latencyRow("minimal durable grammY bot latency", pooled(f.durable)),
      {
        label: "minimal durable grammY bot CPU per update",
        unit: "ms",
        median: median(cpu(f.durable)),
        note: `of which inside SQLite ${median(inSqlite(f.durable)).toFixed(3)} ms`,
      },
      {
        label: "throughput ratio Saqbol / durable bot",
        unit: "×",
        median: median(ratios(f.full, f.durable)),
        p99: percentile(ratios(f.full, f.durable), 1),
        target: { kind: "min", limit: 0.3 },
      },
    ],
  };
}

/** What PostgreSQL did per update, read from the server (pg-stats.ts). */
function queryRows(q: QueryFigures | undefined): Row[] {
  if (!q) return [];
  const [first, second, third] = q.top;
  const top = [first, second, third].flatMap((t) => (t ? [`${t.perUpdate.toFixed(1)}× ${t.query.slice(0, 40)}`] : []));
  return [
    {
      label: "statements per update (server side, BEGIN/COMMIT included)",
      unit: "",
      median: q.perUpdate,
      note: top.join("; "),
    },
    {
      label: "transactions per update (single statements included)",
      unit: "",
      median: q.transactionsPerUpdate,
      note: `${q.rollbacksPerUpdate.toFixed(2)} rolled back per update (serialization failures run again)`,
    },
    {
      label: "serialization failures per update (server log)",
      unit: "",
      median: q.serializationFailuresPerUpdate,
      note: q.conflicts
        .slice(0, 3)
        .map((c) => `${c.perUpdate.toFixed(2)} ${c.statement.slice(0, 40)}`)
        .join("; "),
    },
    {
      label: "sequential scans per update (whole-table predicate locks)",
      unit: "",
      median: q.seqScansPerUpdate,
      note: `${q.indexScansPerUpdate.toFixed(1)} index scans; most: ${q.seqScanned.map((t) => `${t.table} ${t.perUpdate.toFixed(1)}`).join(", ")}`,
    },
    { label: "server time executing statements per update", unit: "ms", median: q.execMsPerUpdate },
    { label: "CPU of the PostgreSQL server per update", unit: "ms", median: q.serverCpuMsPerUpdate },
  ];
}

function postgresSection(f: PostgresFigures, users: number): Section {
  const offered = Math.round(f.pacedOffered);
  return {
    title: "1b. the same walk on PostgreSQL (a local throwaway cluster), one instance in-process",
    rows: [
      rateRow(`Saqbol throughput, ${users} people acting at once`, f.full, { note: walks(f.full, f.errors) }),
      latencyRow(`latency per update at half that: ~${offered} upd/s from ${PACED_PEOPLE} people`, pooled(f.paced), {
        target: { kind: "max", limit: 25, on: "p99" },
        note: `achieved ${Math.round(median(rates(f.paced)))} upd/s`,
      }),
      latencyRow("latency per update, one person alone", f.single.latencies, { note: "round trips to the server" }),
      { label: "CPU per update (bot process)", unit: "ms", median: median(cpu(f.full)) },
      {
        label: `waiting for the server's answers per update, ${users} at once`,
        unit: "ms",
        median: f.clientQueryMsPerUpdate,
        note: `${f.clientQueriesPerUpdate.toFixed(1)} queries sent per update; mean latency ${mean(pooled(f.full)).toFixed(0)} ms: the rest is retry pauses, pool waits, CPU`,
      },
      ...queryRows(f.queries),
      ...(f.queries?.top.slice(0, 8) ?? []).map((t) => ({
        label: `  ${t.query.slice(0, 56)}`,
        unit: "/upd",
        median: t.perUpdate,
        note: `${t.meanMs.toFixed(3)} ms each on the server`,
      })),
    ],
  };
}

const deployName = (f: InstancesFigures) =>
  `${f.instances === 1 ? "one instance" : `${f.instances} instances`} on ${f.engine === "postgres" ? "PostgreSQL" : "SQLite"}`;

function instancesSection(all: InstancesFigures[]): Section {
  return {
    title:
      "1c. the same walk over HTTP: deploy/ (cli migrate, systemd unit instances in webhook mode, nginx); emulator on 127.0.0.1",
    rows: all.flatMap((f) => [
      rateRow(`${deployName(f)}: throughput`, f.full, {
        note: `${f.fullPeople} people offering up to ${Math.round(f.fullOffered)} upd/s; ${walks(f.full, f.errors)}; nginx used ${f.served} instance(s)`,
      }),
      latencyRow(`${deployName(f)}: latency at half that (~${Math.round(f.pacedOffered)} upd/s)`, pooled(f.paced), {
        note: `achieved ${Math.round(median(rates(f.paced)))} upd/s; until the bot's answer reaches the emulator`,
      }),
      {
        label: `${deployName(f)}: CPU per update (instances)`,
        unit: "ms",
        median: f.cpuMsPerUpdate,
        note: `bench process (emulator, people) ${f.benchCpuMsPerUpdate.toFixed(2)} ms`,
      },
      latencyRow(`${deployName(f)}: webhook POST until the 200 (update stored)`, f.webhookMs, {
        note: `${f.retried} passed on by nginx to another instance, ${f.failedPosts} failed and sent again`,
      }),
      ...queryRows(f.queries)
        .slice(0, 3)
        .map((r) => ({ ...r, label: `${deployName(f)}: ${r.label}` })),
    ]),
  };
}

function httpSection(f: HttpFigures | undefined, b: BurstFigures | undefined): Section {
  const rows: Row[] = [];
  if (f) {
    const seconds = Math.round(f.durationMs / 1000);
    rows.push(
      rateRow(`spike: ${f.offered} upd/s offered for ${seconds} s, achieved`, [f.spike], {
        note: walks([f.spike], f.errors),
      }),
      latencyRow("spike: wait for the bot's answer", f.spike.latencies, {
        target: { kind: "max", limit: 100, on: "p99" },
      }),
      latencyRow(
        `the bot's first ${Math.round(f.warmupMs / 1000)} s at that rate (warm-up, cold start)`,
        f.cold.latencies,
        {
          note: "everybody at /report at once, code not compiled yet",
        },
      ),
    );
  }
  if (b) {
    rows.push({
      label: `${b.people} people send /start at once: all answered after`,
      unit: "s",
      median: median(b.answeredAfter),
      p99: b.answeredAfter.at(-1) ?? NONE,
      target: { kind: "max", limit: 2, on: "p99" },
      note: `median answer after ${median(b.answeredAfter).toFixed(2)} s${b.errors ? `, ${b.errors} errors logged` : ""}`,
    });
  }
  return { title: "2. over HTTP: the bot as `npm start` runs it, in its own process; emulator on 127.0.0.1", rows };
}

function renderSection(r: RenderFigures): Section {
  return {
    title: `7. other people while ${r.pdfs} PDFs and an export of ${r.exported.toLocaleString("en-US")} reports are made`,
    rows: [
      latencyRow("latency of other people's updates meanwhile", r.others.latencies, {
        target: { kind: "max", limit: 50, on: "p99" },
        note: `${r.others.updates} updates, ${Math.round(r.rate)} a second offered`,
      }),
      latencyRow("the same people just before, no document made", r.baseline.latencies),
      { label: "last PDF made after", unit: "s", median: r.pdfSeconds },
      { label: "export (CSV + XLSX) made after", unit: "s", median: r.exportSeconds },
    ],
  };
}

/** V8 compiles regexps again after a full GC (about every second under load): what that costs, once. */
function regexSection(r: RegexCompileFigures): Section {
  const dearest = r.costs[0];
  return {
    title: `8. regular expressions: compiled again after a full GC (${r.count} built at load, first two runs each)`,
    rows: [
      { label: "all of them", unit: "ms", median: r.totalMs, target: { kind: "max", limit: 300 } },
      {
        label: "the dearest one",
        unit: "ms",
        median: dearest?.ms ?? NONE,
        target: { kind: "max", limit: 10 },
        note: dearest?.where ?? "",
      },
    ],
  };
}

function recognitionSection(r: RecognitionFigures): Section {
  return {
    title: `3. recognition, ${r.narratives} narratives from ${r.files.length} files`,
    rows: [
      latencyRow("per narrative", r.latencies, { target: { kind: "max", limit: 2 } }),
      { label: "narratives per second", unit: "/s", median: median(r.perSecond), p99: percentile(r.perSecond, 1) },
      { label: "catalogue parse and compile (at start-up)", unit: "ms", median: r.compileMs },
    ],
  };
}

function documentsSection(d: DocumentFigures | undefined, s: StorageFigures | undefined): Section {
  const rows: Row[] = [];
  if (d) {
    const n = d.exportCount.toLocaleString("en-US");
    const seconds = (label: string, samples: number[], bytes: number, target?: number): Row => ({
      label,
      unit: "s",
      median: median(samples),
      p99: percentile(samples, 99),
      note: `${(bytes / 1e6).toFixed(1)} MB`,
      ...(target === undefined ? {} : { target: { kind: "max", limit: target } }),
    });
    rows.push(
      latencyRow("PDF pre-report, typical", d.pdfTypical, { target: { kind: "max", limit: 150 } }),
      latencyRow("PDF pre-report, large (20 transfers, 10 contacts)", d.pdfLarge),
      latencyRow("signed JSON, typical", d.jsonTypical),
      latencyRow("signed JSON, large", d.jsonLarge),
      // The 5 s target is for 10,000 reports; smaller quick runs carry exceljs's fixed cost, so no target there.
      seconds(`XLSX export of ${n} reports`, d.xlsx, d.xlsxBytes, d.exportCount >= 10_000 ? 5 : undefined),
      seconds(`CSV export of ${n} reports`, d.csv, d.csvBytes),
    );
  }
  if (s) {
    rows.push(
      {
        label: "reading 10,000 reports from SQLite (export query)",
        unit: "s",
        median: (s.loadMs * 10_000) / 1000,
        note: `from ${s.reports} reports read back`,
      },
      { label: "writing one report (draft + submit)", unit: "ms", median: s.submitMs },
    );
  }
  return { title: "4. documents", rows };
}

function memorySection(m: MemoryFigures | undefined, s: StorageFigures | undefined): Section {
  const rows: Row[] = [];
  if (m) {
    rows.push(
      {
        label: `RSS with ${m.users.toLocaleString("en-US")} conversations in progress`,
        unit: "MB",
        median: m.rss_mb,
        target: { kind: "max", limit: 300 },
        note: `${m.conversations} conversations, ${m.drafts} drafts in SQLite`,
      },
      { label: "RSS before the first conversation", unit: "MB", median: m.rss_base_mb },
      { label: "JS heap in use after GC", unit: "MB", median: m.heap_after_gc_mb },
      { label: "DB bytes per conversation in progress", unit: "B", median: m.db_bytes / m.users },
    );
  }
  if (s) rows.push({ label: "DB bytes per submitted report", unit: "B", median: s.bytesPerReport });
  return { title: "5. memory and storage", rows };
}

function startupSection(s: StartupFigures): Section {
  const failed = s.failures.length ? `, ${s.failures.length} FAILED` : "";
  return {
    title: "6. start-up: what `npm start` runs (the bundle) → /start answered (DB migrated, catalogue in place)",
    rows: [
      latencyRow("start-up", s.startMs, {
        target: { kind: "max", limit: 1500 },
        note: `first start ${Math.round(s.startMs[0] ?? NONE)} ms${failed}`,
      }),
      { label: "CPU used until then", unit: "ms", median: median(s.cpuMs), p99: percentile(s.cpuMs, 99) },
    ],
  };
}

export function sections(f: Figures): Section[] {
  const out: Section[] = [];
  if (f.stack) out.push(stackSection(f.stack, f.users));
  if (f.postgres) out.push(postgresSection(f.postgres, f.users));
  if (f.instances?.length) out.push(instancesSection(f.instances));
  if (f.http || f.burst) out.push(httpSection(f.http, f.burst));
  if (f.recognition) out.push(recognitionSection(f.recognition));
  if (f.documents || f.storage) out.push(documentsSection(f.documents, f.storage));
  if (f.memory || f.storage) out.push(memorySection(f.memory, f.storage));
  if (f.startup) out.push(startupSection(f.startup));
  if (f.render) out.push(renderSection(f.render));
  if (f.regex) out.push(regexSection(f.regex));
  return out;
}

/** The JSON line: the contract keys first (null when a piece did not run), then extras. */
export function summary(f: Figures): Record<string, unknown> {
  const full = pooled(f.stack?.full);
  const paced = pooled(f.stack?.paced);
  const http = f.http?.spike.latencies ?? [];
  const { documents: d, recognition: r, storage: s, memory: m } = f;
  const per10k = (samples: number[], count: number) => median(samples) * (10_000 / count);
  return {
    // Since issue 19 the baseline is the minimal durable bot (the bare echo is retired): same as durable_ratio.
    throughput_ratio: median(ratios(f.stack?.full, f.stack?.durable)),
    updates_per_s: median(rates(f.stack?.full)),
    // Latency at half the saturated throughput; at saturation it is the queue (saturated_*).
    p50_ms: median(paced),
    p99_ms: percentile(paced, 99),
    recognition_ms: r ? median(r.latencies) : NONE,
    pdf_ms: d ? median(d.pdfTypical) : NONE,
    export_10k_s: d ? per10k(d.xlsx, d.exportCount) : NONE,
    rss_10k_mb: m?.rss_mb ?? NONE,
    startup_ms: f.startup ? median(f.startup.startMs) : NONE,
    users: f.users,
    cpu_ms_per_update: median(cpu(f.stack?.full)),
    paced_offered_updates_per_s: f.stack?.pacedOffered ?? NONE,
    paced_updates_per_s: median(rates(f.stack?.paced)),
    paced_people: f.stack ? PACED_PEOPLE : NONE,
    saturated_p50_ms: median(full),
    saturated_p99_ms: percentile(full, 99),
    single_p50_ms: f.stack ? median(f.stack.single.latencies) : NONE,
    single_p99_ms: f.stack ? percentile(f.stack.single.latencies, 99) : NONE,
    // The baseline bot's figures (the key names are kept from the retired bare echo).
    bare_updates_per_s: median(rates(f.stack?.durable)),
    bare_p99_ms: percentile(pooled(f.stack?.durable), 99),
    pg_updates_per_s: median(rates(f.postgres?.full)),
    pg_p99_ms: percentile(pooled(f.postgres?.paced), 99),
    pg_single_p50_ms: f.postgres ? median(f.postgres.single.latencies) : NONE,
    pg_cpu_ms_per_update: median(cpu(f.postgres?.full)),
    http_updates_per_s: f.http?.spike.updatesPerSecond ?? NONE,
    http_p50_ms: median(http),
    http_p99_ms: percentile(http, 99),
    // No bot to compare with over HTTP any more (the bare echo is retired).
    http_bare_updates_per_s: NONE,
    http_throughput_ratio: NONE,
    recognition_p99_ms: r ? percentile(r.latencies, 99) : NONE,
    narratives_per_s: r ? median(r.perSecond) : NONE,
    pdf_p99_ms: d ? percentile(d.pdfTypical, 99) : NONE,
    pdf_large_ms: d ? median(d.pdfLarge) : NONE,
    json_ms: d ? median(d.jsonTypical) : NONE,
    json_large_ms: d ? median(d.jsonLarge) : NONE,
    xlsx_10k_s: d ? per10k(d.xlsx, d.exportCount) : NONE,
    csv_10k_s: d ? per10k(d.csv, d.exportCount) : NONE,
    db_load_10k_s: s ? (s.loadMs * 10_000) / 1000 : NONE,
    db_bytes_per_report: s?.bytesPerReport ?? NONE,
    submit_write_ms: s?.submitMs ?? NONE,
    rss_base_mb: m?.rss_base_mb ?? NONE,
    heap_after_gc_mb: m?.heap_after_gc_mb ?? NONE,
    db_bytes_per_conversation: m ? m.db_bytes / m.users : NONE,
    conversations_users: m?.users ?? NONE,
    startup_first_ms: f.startup?.startMs[0] ?? NONE,
    startup_cpu_ms: f.startup ? median(f.startup.cpuMs) : NONE,
    durable_ratio: median(ratios(f.stack?.full, f.stack?.durable)),
    cpu_per_update_ms: median(cpu(f.stack?.full)),
    burst_300_start_s: f.burst?.answeredAfter.at(-1) ?? NONE,
    render_p99_others_ms: f.render ? percentile(f.render.others.latencies, 99) : NONE,
    render_p99_baseline_ms: f.render ? percentile(f.render.baseline.latencies, 99) : NONE,
    http_offered_updates_per_s: f.http?.offered ?? NONE,
    // The spike's warm-up on the bot just started: not the target's figure, kept in sight.
    http_cold_p99_ms: f.http ? percentile(f.http.cold.latencies, 99) : NONE,
    // Where the CPU per update goes: the share SQLite takes, and the same for the durable bot.
    sqlite_ms_per_update: median(inSqlite(f.stack?.full)),
    durable_cpu_per_update_ms: median(cpu(f.stack?.durable)),
    durable_sqlite_ms_per_update: median(inSqlite(f.stack?.durable)),
    regex_compile_ms: f.regex?.totalMs ?? NONE,
    regex_max_ms: f.regex?.costs[0]?.ms ?? NONE,
    ...walkKeys(f),
    errors:
      (f.stack?.errors ?? 0) +
      (f.postgres?.errors ?? 0) +
      (f.instances ?? []).reduce((a, i) => a + i.errors, 0) +
      (f.http?.errors ?? 0) +
      (f.burst?.errors ?? 0) +
      (m?.errors ?? 0),
  };
}

/**
 * The questionnaire walk side by side: `sqlite_walk_1_*` and `pg_walk_1_*` in-process
 * (pieces stack and postgres), `pg_walk_3_*` three instances behind nginx, and
 * `sqlite_hook_1_*` / `pg_hook_1_*` one instance behind the same nginx. Rates in
 * updates a second (median run), latency at half the saturated throughput, CPU of the
 * bot's process(es) per update; on PostgreSQL the statements the server ran per update.
 */
function walkKeys(f: Figures): Record<string, number> {
  const inProcess = (prefix: string, s: FullStackFigures | undefined) => ({
    [`${prefix}_ups`]: median(rates(s?.full)),
    [`${prefix}_p50_ms`]: median(pooled(s?.paced)),
    [`${prefix}_p99_ms`]: percentile(pooled(s?.paced), 99),
    [`${prefix}_cpu_ms`]: median(cpu(s?.full)),
  });
  const queries = (prefix: string, q: QueryFigures | undefined) => ({
    [`${prefix}_queries_per_update`]: q?.perUpdate ?? NONE,
    [`${prefix}_transactions_per_update`]: q?.transactionsPerUpdate ?? NONE,
    [`${prefix}_rollbacks_per_update`]: q?.rollbacksPerUpdate ?? NONE,
    [`${prefix}_serialization_failures_per_update`]: q?.serializationFailuresPerUpdate ?? NONE,
    [`${prefix}_server_exec_ms`]: q?.execMsPerUpdate ?? NONE,
    [`${prefix}_server_cpu_ms`]: q?.serverCpuMsPerUpdate ?? NONE,
  });
  const deployed = (prefix: string, engine: string, instances: number) => {
    const i = f.instances?.find((x) => x.engine === engine && x.instances === instances);
    return {
      [`${prefix}_ups`]: median(rates(i?.full)),
      [`${prefix}_p50_ms`]: median(pooled(i?.paced)),
      [`${prefix}_p99_ms`]: percentile(pooled(i?.paced), 99),
      [`${prefix}_cpu_ms`]: i?.cpuMsPerUpdate ?? NONE,
      [`${prefix}_webhook_p99_ms`]: percentile(i?.webhookMs ?? [], 99),
      ...(engine === "postgres" ? queries(prefix, i?.queries) : {}),
    };
  };
  return {
    ...inProcess("sqlite_walk_1", f.stack),
    ...inProcess("pg_walk_1", f.postgres),
    ...queries("pg_walk_1", f.postgres?.queries),
    pg_walk_1_client_query_ms: f.postgres?.clientQueryMsPerUpdate ?? NONE,
    ...deployed("pg_walk_3", "postgres", 3),
    ...deployed("pg_hook_1", "postgres", 1),
    ...deployed("sqlite_hook_1", "sqlite", 1),
  };
}
