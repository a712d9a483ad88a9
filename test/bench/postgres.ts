/**
 * The questionnaire walk of piece 1 on PostgreSQL: a throwaway cluster on
 * 127.0.0.1 (test/tools/postgres.mjs, durability off as in the tests: this is
 * the work of the bot and the database, not of the disk), one instance in
 * process. Figures sit next to SQLite's in the table.
 */
import pg from "pg";
import { startCluster } from "../tools/postgres.mjs";
import { benchFullStack, type FullStackFigures } from "./full-stack.js";

export async function benchPostgres(options: {
  concurrency: number;
  runMs: number;
  runs: number;
  warmupMs: number;
}): Promise<FullStackFigures> {
  const cluster = await startCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench");
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = "/bench";
    return await benchFullStack({ ...options, durable: false, env: { DATABASE_URL: url.toString() } });
  } finally {
    cluster.stop();
  }
}
