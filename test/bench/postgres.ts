/**
 * The questionnaire walk of piece 1 on PostgreSQL: a throwaway cluster on
 * 127.0.0.1 (test/tools/postgres.mjs, durability off as in the tests: this is
 * the work of the bot and the database, not of the disk), one instance in
 * process. Figures sit next to SQLite's in the table, with the statements the
 * server ran per update (pg-stats.ts).
 */
import pg from "pg";
import { installedBinDir, startCluster } from "../tools/postgres.mjs";
import { benchFullStack, type FullStackFigures } from "./full-stack.js";
import { PG_STATS_SETTINGS, PgStats, type QueryFigures, timeClientQueries } from "./pg-stats.js";

export interface PostgresFigures extends FullStackFigures {
  queries: QueryFigures;
  /** Time spent waiting for the server's answers per update (saturated runs, client side), ms. */
  clientQueryMsPerUpdate: number;
  /** Queries sent per update, counted in this process (retries and BEGIN/COMMIT included). */
  clientQueriesPerUpdate: number;
}

/** Why a PostgreSQL piece cannot run here (Debian's postgresql missing), or undefined. */
export const postgresMissing = (): string | undefined =>
  installedBinDir() ? undefined : "PostgreSQL is not installed (Debian's postgresql package)";

/**
 * A throwaway cluster with a database "bench" counting its statements; stop it when
 * done. A bench stopped half-way (Ctrl-C: run.ts exits) stops it too.
 */
export async function benchCluster(): Promise<{ url: string; dir: string; stop(): void }> {
  // BENCH_PG_SETTINGS="name=value,…": server settings to try (e.g. max_pred_locks_per_page=64).
  const tried = process.env.BENCH_PG_SETTINGS?.split(",").filter(Boolean) ?? [];
  const started = await startCluster([...PG_STATS_SETTINGS, ...tried]);
  const stop = () => {
    process.off("exit", stop);
    started.stop();
  };
  process.on("exit", stop);
  const cluster = { ...started, stop };
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench");
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = "/bench";
    return { url: url.toString(), dir: cluster.dir, stop: cluster.stop };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

export async function benchPostgres(options: {
  concurrency: number;
  runMs: number;
  runs: number;
  warmupMs: number;
}): Promise<PostgresFigures> {
  const cluster = await benchCluster();
  let stats: PgStats | undefined;
  try {
    stats = await PgStats.open(cluster.url, cluster.dir);
    const counter = stats;
    let queries: QueryFigures | undefined;
    const clock = timeClientQueries();
    let before = clock.read();
    let client = { queries: 0, ms: 0 };
    const figures = await benchFullStack({
      ...options,
      durable: false,
      env: { DATABASE_URL: cluster.url },
      // The saturated runs only: what an update costs, without the warm-up's first questions.
      probe: {
        start: async () => {
          await counter.reset();
          before = clock.read();
        },
        stop: async (updates) => {
          const after = clock.read();
          client = { queries: (after.queries - before.queries) / updates, ms: (after.ms - before.ms) / updates };
          clock.stop();
          queries = await counter.read(updates);
        },
      },
    });
    return { ...figures, queries: queries!, clientQueryMsPerUpdate: client.ms, clientQueriesPerUpdate: client.queries };
  } finally {
    await stats?.close();
    cluster.stop();
  }
}
