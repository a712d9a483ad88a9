/**
 * The bench's JSON line keeps every key other tools read and gains the walk on
 * PostgreSQL; the server log is read for the statements that failed to serialize.
 */
import { describe, expect, it } from "vitest";
import type { InstancesFigures } from "../bench/instances.js";
import type { LoadResult } from "../bench/load.js";
import { serializationFailures } from "../bench/pg-stats.js";
import { summary } from "../bench/report.js";

/** The keys of the JSON line before the walk on PostgreSQL was added (issue 19 and earlier). */
const KEPT = `throughput_ratio updates_per_s p50_ms p99_ms recognition_ms pdf_ms export_10k_s rss_10k_mb startup_ms
users cpu_ms_per_update paced_offered_updates_per_s paced_updates_per_s paced_people saturated_p50_ms
saturated_p99_ms single_p50_ms single_p99_ms bare_updates_per_s bare_p99_ms pg_updates_per_s pg_p99_ms
pg_single_p50_ms pg_cpu_ms_per_update http_updates_per_s http_p50_ms http_p99_ms http_bare_updates_per_s
http_throughput_ratio recognition_p99_ms narratives_per_s pdf_p99_ms pdf_large_ms json_ms json_large_ms
xlsx_10k_s csv_10k_s db_load_10k_s db_bytes_per_report submit_write_ms rss_base_mb heap_after_gc_mb
db_bytes_per_conversation conversations_users startup_first_ms startup_cpu_ms durable_ratio cpu_per_update_ms
burst_300_start_s render_p99_others_ms render_p99_baseline_ms http_offered_updates_per_s errors`.split(/\s+/);

const WALKS = ["sqlite_walk_1", "pg_walk_1", "pg_walk_3", "pg_hook_1", "sqlite_hook_1"];

const run = (updatesPerSecond: number, latencies: number[]): LoadResult => ({
  updates: latencies.length,
  seconds: latencies.length / updatesPerSecond,
  updatesPerSecond,
  cpuMsPerUpdate: 1,
  latencies,
  finished: 0,
  stuck: 0,
  idle: [],
});

const deployed = (engine: "sqlite" | "postgres", instances: 1 | 3, ups: number): InstancesFigures => ({
  engine,
  instances,
  full: [run(ups, [1, 2, 3])],
  fullPeople: 100,
  fullOffered: 83,
  paced: [run(ups / 2, [10, 20, 30, 40])],
  pacedOffered: ups / 2,
  cpuMsPerUpdate: 7,
  benchCpuMsPerUpdate: 2,
  served: instances,
  retried: 0,
  failedPosts: 0,
  webhookMs: [5, 6],
  errors: 1,
});

describe("the bench's JSON line", () => {
  it("gives the spike's p99 after its warm-up, and the warm-up's own beside it", () => {
    const spike = run(
      420,
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    const cold = run(
      400,
      Array.from({ length: 100 }, (_, i) => 10 * (i + 1)),
    );
    const json = summary({
      users: 10,
      http: { spike, cold, warmupMs: 20_000, offered: 420, durationMs: 60_000, errors: 0 },
    });
    expect(json.http_p99_ms).toBe(99);
    expect(json.http_cold_p99_ms).toBe(990);
    expect(JSON.parse(JSON.stringify(summary({ users: 10 }))).http_cold_p99_ms).toBeNull();
  });

  it("tells how much of an update's CPU SQLite takes, for Saqbol and for the durable bot", () => {
    const timed = (cpuMs: number, sqliteMs: number): LoadResult => ({
      ...run(100, [1, 2]),
      cpuMsPerUpdate: cpuMs,
      sqliteMsPerUpdate: sqliteMs,
    });
    const single = run(10, [1]);
    const line = summary({
      users: 10,
      stack: {
        full: [timed(0.6, 0.14), timed(0.5, 0.12), timed(0.7, 0.16)],
        durable: [timed(0.07, 0.03), timed(0.06, 0.02), timed(0.08, 0.04)],
        paced: [],
        pacedOffered: 50,
        single,
        errors: 0,
        errorSamples: [],
        calls: {},
      },
    });
    expect([line.cpu_per_update_ms, line.sqlite_ms_per_update]).toEqual([0.6, 0.14]);
    expect([line.durable_cpu_per_update_ms, line.durable_sqlite_ms_per_update]).toEqual([0.07, 0.03]);
    const none = JSON.parse(JSON.stringify(summary({ users: 10 }))) as Record<string, unknown>;
    expect([none.sqlite_ms_per_update, none.durable_cpu_per_update_ms, none.durable_sqlite_ms_per_update]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("keeps every earlier key, in order, and has each walk's rate, latency and CPU (null when its piece did not run)", () => {
    const keys = Object.keys(summary({ users: 10 }));
    expect(keys.filter((k) => KEPT.includes(k))).toEqual(KEPT);
    for (const walk of WALKS) {
      for (const figure of ["ups", "p50_ms", "p99_ms", "cpu_ms"]) expect(keys).toContain(`${walk}_${figure}`);
    }
    const json = JSON.parse(JSON.stringify(summary({ users: 10 }))) as Record<string, unknown>;
    expect(WALKS.map((w) => json[`${w}_ups`])).toEqual([null, null, null, null, null]);
  });

  it("puts three instances under pg_walk_3 and one behind nginx under pg_hook_1 / sqlite_hook_1, and counts their errors", () => {
    const line = summary({
      users: 10,
      instances: [deployed("postgres", 3, 30), deployed("postgres", 1, 20), deployed("sqlite", 1, 50)],
    });
    expect([line.pg_walk_3_ups, line.pg_hook_1_ups, line.sqlite_hook_1_ups]).toEqual([30, 20, 50]);
    expect(line.pg_walk_3_p50_ms).toBe(20);
    expect(line.pg_walk_3_p99_ms).toBe(40);
    expect(line.pg_walk_3_cpu_ms).toBe(7);
    expect(line.errors).toBe(3);
  });
});

describe("serialization failures read from PostgreSQL's log", () => {
  it("counts each failure once under the statement the log names after it, and nothing else", () => {
    const log = [
      "2026-12-07 UTC [1] ERROR:  could not serialize access due to read/write dependencies among transactions",
      "2026-12-07 UTC [1] DETAIL:  Reason code: Canceled on identification as a pivot, during write.",
      "2026-12-07 UTC [1] HINT:  The transaction might succeed if retried.",
      '2026-12-07 UTC [1] STATEMENT:  update "reports" set "lang" = $1 where "id" = $2',
      "2026-12-07 UTC [2] ERROR:  could not serialize access due to read/write dependencies among transactions",
      "2026-12-07 UTC [2] STATEMENT:  COMMIT",
      "2026-12-07 UTC [3] ERROR:  duplicate key value violates unique constraint",
      "2026-12-07 UTC [3] STATEMENT:  insert into users values ($1)",
      "2026-12-07 UTC [4] ERROR:  could not serialize access due to concurrent update",
      '2026-12-07 UTC [4] STATEMENT:  update "reports" set "lang" = $1 where "id" = $2',
    ].join("\n");
    expect(Object.fromEntries(serializationFailures(log))).toEqual({
      'update "reports" set "lang" = $1 where "id" = $2': 2,
      COMMIT: 1,
    });
  });
});
