/**
 * Piece 5, run in a process of its own so nothing else the benchmark did counts:
 * `users` people each start the questionnaire through the full stack and stop
 * after `moves` moves, so they are all mid-questionnaire (state in SQLite); then
 * the process's memory. Prints one JSON line.
 */
import { statSync } from "node:fs";
import { sqliteConnection } from "../../src/db/sqlite-engine.js";
import { FullStackBench } from "./full-stack.js";
import { mb } from "./stats.js";

const users = Number(process.argv[2] ?? 10_000);
const moves = Number(process.argv[3] ?? 2);

const sqlite = (bench: FullStackBench) => sqliteConnection(bench.db)!;
const count = (bench: FullStackBench, sql: string) => (sqlite(bench).prepare(sql).get() as { n: number }).n;

const bench = new FullStackBench({ durable: false, movesPerUser: moves });
await bench.start();
const base = process.memoryUsage();
const started = performance.now();
const { result } = await bench.runFull({ concurrency: 200, total: users * moves });
const seconds = (performance.now() - started) / 1000;
const loaded = process.memoryUsage();
globalThis.gc?.();
const collected = process.memoryUsage();
const dbPath = sqlite(bench).name;
sqlite(bench).pragma("wal_checkpoint(TRUNCATE)");
const figures = {
  users,
  moves,
  updates: result.updates,
  seconds,
  // No conversations plugin any more: the dialog state is the drafts and the awaited inputs.
  conversations: count(bench, "SELECT count(*) AS n FROM pending_inputs"),
  drafts: count(bench, "SELECT count(*) AS n FROM reports WHERE status = 'draft' AND active = 1"),
  rss_base_mb: mb(base.rss),
  rss_mb: mb(loaded.rss),
  rss_after_gc_mb: mb(collected.rss),
  heap_mb: mb(loaded.heapUsed),
  heap_after_gc_mb: mb(collected.heapUsed),
  db_bytes: statSync(dbPath).size,
};
const { errors } = await bench.close();
process.stdout.write(`${JSON.stringify({ ...figures, errors })}\n`);
process.exit(0);
