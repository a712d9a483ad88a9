/**
 * The shared engine: PostgreSQL through a pool (node-postgres). The SQL comes
 * from drizzle's SQLite builders in the subset both engines understand; here
 * `?` placeholders become `$n` and each distinct text becomes a named prepared
 * statement, parsed once per connection. BIGINT and NUMERIC come back as
 * numbers, as SQLite's integers do.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { getTableColumns, is, Param, type SQL, sql } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { DatabaseOpenError, type Engine, type Execute } from "./client.js";
import { UndoLog } from "./undo-log.js";

const MAX_NAMED = 2000;
/**
 * A transaction that keeps failing to serialize is given up after this many runs.
 * Many people answering at once on small tables (whole-table read locks) conflict
 * often; the waits between runs grow to about a second, so this is a minute at most.
 */
const MAX_RUNS = 60;

interface Transaction {
  client: pg.PoolClient;
  savepoints: number;
  undo: UndoLog;
}

export interface PostgresEngine extends Engine {
  readonly kind: "postgres";
  readonly pool: pg.Pool;
  readonly url: string;
}

const NUMBER_TYPES = new Set([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    NUMBER_TYPES.has(oid) ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * The SQLite dialect's text as PostgreSQL takes it: `?` → `$1, $2…` (string
 * literals and quoted names left alone), and an ON CONFLICT target of plain
 * column names (SQLite accepts them qualified with the table, PostgreSQL not).
 */
export function toPostgres(text: string): string {
  return numberedPlaceholders(text).replace(
    / on conflict \(((?:"[^"]+"\."[^"]+"(?:, ?)?)+)\)/g,
    (_, target: string) => ` on conflict (${target.replace(/"[^"]+"\.("[^"]+")/g, "$1")})`,
  );
}

function numberedPlaceholders(text: string): string {
  let out = "";
  let n = 0;
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === "?") out += `$${++n}`;
    else out += ch;
  }
  return out;
}

/**
 * The SQLite dialect writes NULL for a column an INSERT leaves out (SQLite has no
 * DEFAULT in VALUES) and spells a column's SQL default inline. PostgreSQL needs
 * DEFAULT for both: identity ids, and the defaults its own schema declares.
 */
export class PostgresInsertDialect extends SQLiteAsyncDialect {
  override buildInsertQuery(config: Parameters<SQLiteAsyncDialect["buildInsertQuery"]>[0]): SQL {
    if (config.select) return super.buildInsertQuery(config);
    const columns = getTableColumns(config.table);
    const values = (config.values as Record<string, Param | SQL>[]).map((row) => {
      const filled: Record<string, Param | SQL> = { ...row };
      for (const [key, column] of Object.entries(columns)) {
        const value = filled[key];
        const missing = value === undefined || (is(value, Param) && value.value === undefined);
        if (missing && column.defaultFn === undefined && column.onUpdateFn === undefined) {
          filled[key] = sql.raw("default");
        }
      }
      return filled;
    });
    return super.buildInsertQuery({ ...config, values } as typeof config);
  }
}

/** Serialization failure, deadlock: the transaction saw a conflicting one; running it again succeeds. */
const RETRYABLE = new Set(["40001", "40P01"]);

/** The server's error code, also when drizzle wrapped the error in its own. */
const codeOf = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === "string" ? e.code : e?.cause?.code;
  return typeof code === "string" ? code : undefined;
};

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<PostgresEngine> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // An idle client's connection dropping (a database restart) must not crash the process.
  pool.on("error", () => undefined);
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseOpenError(`DATABASE_URL cannot be reached: ${(error as Error).message}`);
  }
  return postgresEngine(pool, url);
}

export function postgresEngine(pool: pg.Pool, url: string): PostgresEngine {
  const queries = new Map<string, { name: string | undefined; text: string }>();
  let counter = 0;
  const query = (text: string) => {
    let q = queries.get(text);
    if (q === undefined) {
      q = { name: counter < MAX_NAMED ? `q${++counter}` : undefined, text: toPostgres(text) };
      queries.set(text, q);
    }
    return q;
  };

  const current = new AsyncLocalStorage<Transaction>();
  let closed = false;

  const execute: Execute = async (text, params, method) => {
    const q = query(text);
    const client = current.getStore()?.client ?? pool;
    const result = await client.query({ name: q.name, text: q.text, values: params, rowMode: "array" });
    if (method === "run") return { rows: [], changes: result.rowCount ?? 0 };
    if (method === "get") return { rows: result.rows[0] };
    return { rows: result.rows };
  };

  async function savepoint<T>(tx: Transaction, fn: () => Promise<T>): Promise<T> {
    const name = `sp${++tx.savepoints}`;
    await tx.client.query(`SAVEPOINT ${name}`);
    tx.undo.enter();
    try {
      const result = await fn();
      await tx.client.query(`RELEASE SAVEPOINT ${name}`);
      tx.undo.keep();
      return result;
    } catch (error) {
      await tx.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      tx.undo.undoInner();
      throw error;
    }
  }

  async function once<T>(fn: () => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    const tx: Transaction = { client, savepoints: 0, undo: new UndoLog() };
    try {
      await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
      try {
        const result = await current.run(tx, fn);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((e: Error) => {
          broken = e;
        });
        tx.undo.undoAll();
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  // One engine in and out of transactions (fn is handed nothing): each statement finds its
  // transaction's client by AsyncLocalStorage (pooled connections, several transactions at once).
  const engine: PostgresEngine = {
    kind: "postgres",
    pool,
    url,
    execute,
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      const mine = current.getStore();
      if (mine) return savepoint(mine, fn);
      for (let run = 1; ; run++) {
        try {
          return await once(fn);
        } catch (error) {
          const code = codeOf(error);
          if (!code || !RETRYABLE.has(code) || run >= MAX_RUNS) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(run, 10)));
        }
      }
    },
    onRollback(hook) {
      current.getStore()?.undo.add(hook);
    },
    isOpen: () => !closed,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
  return engine;
}
