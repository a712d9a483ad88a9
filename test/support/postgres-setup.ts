/**
 * Global setup of the "postgres" test project: a throwaway cluster for the run
 * and a migrated template database every test's database is copied from.
 */
import pg from "pg";
import type { TestProject } from "vitest/node";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { startCluster } from "../tools/postgres.mjs";

const TEMPLATE = "saqbol_template";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = `/${TEMPLATE}`;
    await closeDatabase(await openDatabase({ url: url.toString(), path: "" }));
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide("postgresUrl", cluster.url);
  return async () => cluster.stop();
}
