import { defineConfig } from "vitest/config";

/**
 * Two projects: every test on SQLite (the embedded default), and every test that
 * touches the database again on PostgreSQL — a throwaway cluster started for the
 * run (test/support/postgres-setup.ts). `npm test` runs both; one of them:
 * `npx vitest run --project sqlite` (or postgres).
 */
const SQLITE_ONLY = [
  // SQLite's own machinery: the connection's pragmas, WAL checkpoints, file backups.
  "test/unit/db-client.test.ts",
  "test/unit/checkpointer.test.ts",
  "test/e2e/reliability-backup.test.ts",
  // Flood control is the same code on either engine; its test bounds the time of each answer (issue 19 reworks it).
  "test/e2e/reliability-flood.test.ts",
  // A full disk (query_only, a trigger), a deleted file, and the bytes of the file and its WAL.
  "test/e2e/reliability-storage.test.ts",
  "test/e2e/security-secrets-steps.test.ts",
];

/** These need the cluster: both engines' migrations compared, several instances on one database, job locks. */
const POSTGRES_ONLY = [
  "test/unit/migrations-dialects.test.ts",
  "test/unit/job-lock.test.ts",
  "test/e2e/deploy.test.ts",
];

export default defineConfig({
  test: {
    // Hang guards, sized for a loaded machine (CI runs next to other work); speed is measured by the bench.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // The outer db used inside its own transaction fails at once with the reason (src/db/sqlite-engine.ts),
    // where in production it would wait for itself.
    env: { SAQBOL_DB_CHECK: "1" },
    projects: [
      { extends: true, test: { name: "sqlite", include: ["test/**/*.test.ts"], exclude: POSTGRES_ONLY } },
      {
        extends: true,
        test: {
          name: "postgres",
          include: [
            "test/e2e/**/*.test.ts",
            "test/unit/{drafts-db,police-db,privacy,pending-inputs,versions,catalog-store,catalog-cli,database-engines,migrations-dialects,job-lock,delivery-inbox,delivery-flood-shared,report-numbers,questionnaire-stale,questionnaire-known-draft,draft-rows-remembered}.test.ts",
          ],
          exclude: SQLITE_ONLY,
          env: { SAQBOL_TEST_DB: "postgres", SAQBOL_DB_CHECK: "1" },
          globalSetup: ["test/support/postgres-setup.ts"],
        },
      },
    ],
  },
});
