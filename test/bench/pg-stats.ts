/**
 * Where PostgreSQL's time goes, read from the server (so it counts the queries of
 * every instance, in this process or not): statements per update and what they
 * are (pg_stat_statements, BEGIN/COMMIT/SAVEPOINT included), transactions and
 * rollbacks (a rollback is mostly a serialization failure run again), and the
 * CPU of the server's processes. The cluster must preload pg_stat_statements
 * (PG_STATS_SETTINGS).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

export const PG_STATS_SETTINGS = ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.max=1000"];

export interface QueryFigures {
  updates: number;
  /** Statements the server ran per update handled (all instances, jobs included). */
  perUpdate: number;
  transactionsPerUpdate: number;
  /** Rolled-back transactions per update (serialization failures run again, and errors). */
  rollbacksPerUpdate: number;
  /** Time the server spent executing statements, ms per update (not counting round trips). */
  execMsPerUpdate: number;
  /** CPU of the server's processes per update, ms. */
  serverCpuMsPerUpdate: number;
  /** The statements run most often: per update, and mean ms each. */
  top: { query: string; perUpdate: number; meanMs: number }[];
  /**
   * Sequential scans per update, and the tables scanned most. Under SERIALIZABLE a
   * sequential scan reads (and predicate-locks) the whole table: any other person's
   * write to it then fails one of the two transactions.
   */
  seqScansPerUpdate: number;
  indexScansPerUpdate: number;
  seqScanned: { table: string; perUpdate: number }[];
  /** Transactions that failed to serialize (from the server's log) per update, and where, most first. */
  serializationFailuresPerUpdate: number;
  conflicts: { statement: string; perUpdate: number }[];
}

/**
 * The statements the server's log names after "could not serialize access", by their
 * first words: where transactions conflict.
 */
export function serializationFailures(log: string): Map<string, number> {
  const counts = new Map<string, number>();
  let failing = false;
  for (const line of log.split("\n")) {
    if (line.includes("could not serialize access")) failing = true;
    else if (failing && line.includes("STATEMENT:")) {
      const statement = line
        .slice(line.indexOf("STATEMENT:") + 10)
        .trim()
        .replace(/\s+/g, " ")
        .slice(0, 60);
      counts.set(statement, (counts.get(statement) ?? 0) + 1);
      failing = false;
    }
  }
  return counts;
}

/** CPU time (user + system) of a process so far, ms; 0 once it has gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The postmaster and every process it started (the backends of all connections). */
function serverPids(clusterDir: string): number[] {
  const postmaster = Number(readFileSync(join(clusterDir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  const children = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

const sumCpu = (pids: number[]) => pids.reduce((a, pid) => a + processCpuMs(pid), 0);

export class PgStats {
  private cpu0 = 0;
  private logFrom = 0;

  private constructor(
    private readonly client: pg.Client,
    private readonly clusterDir: string,
  ) {}

  /** Connects to the bench's database (`url`) of the cluster in `clusterDir`. */
  static async open(url: string, clusterDir: string): Promise<PgStats> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    return new PgStats(client, clusterDir);
  }

  /** Counting starts now. */
  async reset(): Promise<void> {
    await this.client.query("SELECT pg_stat_statements_reset()");
    await this.client.query("SELECT pg_stat_reset()");
    this.cpu0 = sumCpu(serverPids(this.clusterDir));
    this.logFrom = this.log().length;
  }

  private log(): string {
    try {
      return readFileSync(join(this.clusterDir, "log"), "utf8");
    } catch {
      return "";
    }
  }

  /** What was counted since reset(), per update of the `updates` handled meanwhile. */
  async read(updates: number): Promise<QueryFigures> {
    const cpu = sumCpu(serverPids(this.clusterDir)) - this.cpu0;
    // Statistics reach the views when a backend reports them: give the instances' a moment.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const mine =
      "query NOT ILIKE '%pg_stat%' AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";
    const totals = await this.client.query<{ calls: string; ms: string }>(
      `SELECT COALESCE(SUM(calls), 0) AS calls, COALESCE(SUM(total_exec_time), 0) AS ms FROM pg_stat_statements WHERE ${mine}`,
    );
    const top = await this.client.query<{ query: string; calls: string; mean: string }>(
      `SELECT query, calls, mean_exec_time AS mean FROM pg_stat_statements WHERE ${mine} ORDER BY calls DESC LIMIT 12`,
    );
    const xact = await this.client.query<{ commits: string; rollbacks: string }>(
      "SELECT xact_commit AS commits, xact_rollback AS rollbacks FROM pg_stat_database WHERE datname = current_database()",
    );
    const tables = await this.client.query<{ table: string; seq: string; idx: string }>(
      "SELECT relname AS table, seq_scan AS seq, COALESCE(idx_scan, 0) AS idx FROM pg_stat_user_tables ORDER BY seq_scan DESC",
    );
    const per = (n: unknown) => Number(n) / updates;
    const failures = serializationFailures(this.log().slice(this.logFrom));
    const commits = Number(xact.rows[0]?.commits ?? 0);
    const rollbacks = Number(xact.rows[0]?.rollbacks ?? 0);
    return {
      updates,
      perUpdate: per(totals.rows[0]?.calls),
      transactionsPerUpdate: per(commits + rollbacks),
      rollbacksPerUpdate: per(rollbacks),
      execMsPerUpdate: per(totals.rows[0]?.ms),
      serverCpuMsPerUpdate: cpu / updates,
      top: top.rows.map((r) => ({
        query: r.query.replace(/\s+/g, " ").slice(0, 140),
        perUpdate: per(r.calls),
        meanMs: Number(r.mean),
      })),
      seqScansPerUpdate: per(tables.rows.reduce((a, r) => a + Number(r.seq), 0)),
      indexScansPerUpdate: per(tables.rows.reduce((a, r) => a + Number(r.idx), 0)),
      seqScanned: tables.rows.slice(0, 5).map((r) => ({ table: r.table, perUpdate: per(r.seq) })),
      serializationFailuresPerUpdate: per([...failures.values()].reduce((a, n) => a + n, 0)),
      conflicts: [...failures]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([statement, n]) => ({ statement, perUpdate: per(n) })),
    };
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/**
 * Time this process spends waiting for PostgreSQL's answers (every query through
 * node-postgres, from sending to the answer), summed over concurrent queries:
 * per update, the part of its latency that is round trips, not retry pauses or
 * waits for a pooled connection.
 */
export function timeClientQueries(): { read(): { queries: number; ms: number }; stop(): void } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let queries = 0;
  let ms = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, args);
    const done = () => {
      queries++;
      ms += performance.now() - started;
    };
    if (result instanceof Promise) result.then(done, done);
    return result;
  };
  return {
    read: () => ({ queries, ms }),
    stop: () => {
      proto.query = original;
    },
  };
}
