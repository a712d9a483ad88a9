/**
 * Setting a database up for a deployment: `cli migrate` does the migrations and
 * installs the catalogue once; instances told not to migrate (MIGRATE_AT_START=
 * false) refuse a database that is behind, with one line saying what to run;
 * on PostgreSQL, instances that start together on an empty database all start.
 */
import { afterEach, describe, expect, it } from "vitest";
import { command as migrateCli } from "../../src/cli/migrate.js";
import { runCli } from "../support/cli-in-process.js";
import { TEST_ENGINE } from "../support/database.js";
import { rows } from "../support/db-reader.js";
import { Harness } from "../support/harness.js";
import { freePort } from "../support/ports.js";

const webhookEnv = async () => {
  const port = await freePort();
  return {
    BOT_MODE: "webhook",
    WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
    WEBHOOK_SECRET: "webhook-secret-0123456789",
    PORT: String(port),
    MIGRATE_AT_START: "false",
  };
};

describe(`setting up the database (${TEST_ENGINE})`, () => {
  let h: Harness;
  afterEach(() => h.close());

  it("an instance told not to migrate refuses an empty database and names the command that sets it up", async () => {
    h = await Harness.create();
    // The tests' PostgreSQL databases are copies of a migrated template: empty this one.
    if (h.database.url) {
      await rows(h, "DROP SCHEMA public CASCADE");
      await rows(h, "DROP SCHEMA drizzle CASCADE");
      await rows(h, "CREATE SCHEMA public");
    }
    const bot = h.spawnBot(await webhookEnv());
    expect(await bot.exited).toBe(1);
    const output = bot.output.join("");
    expect(output).toMatch(
      /saqbol: the database is \d+ migration\(s\) behind this version: run npm run --silent cli -- migrate\n$/,
    );
    expect(output.trim().split("\n")).toHaveLength(1);
  }, 60_000);

  it("cli migrate sets the database up once; running it again changes nothing; then the instance starts", async () => {
    h = await Harness.create();
    const first = await runCli(migrateCli, [], h.env());
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toMatch(new RegExp(`^migrated \\(${TEST_ENGINE}\\); active catalogue \\S+\\n$`));
    const catalogues = await rows(h, "SELECT version, active FROM catalog_versions");
    expect(catalogues).toHaveLength(1);
    const again = await runCli(migrateCli, [], h.env());
    expect(again).toMatchObject({ code: 0, out: first.out });
    expect(await rows(h, "SELECT version, active FROM catalog_versions")).toEqual(catalogues);
    expect(await rows(h, "SELECT action FROM audit_log WHERE action LIKE 'catalog.%' ORDER BY id")).toEqual([
      { action: "catalog.import" },
      { action: "catalog.activate" },
    ]);

    const bot = h.spawnBot(await webhookEnv());
    const u = h.user(8801, "ru");
    await expect
      .poll(() => bot.output.join("").includes("saqbol started"), { timeout: 30_000, interval: 100 })
      .toBe(true);
    u.command("start");
    expect((await u.waitFor((m) => m.buttons.length > 0, { timeoutMs: 20_000 })).text).toContain("Согласие");
    expect(await bot.kill("SIGTERM")).toBe(0);
  }, 90_000);

  if (TEST_ENGINE === "postgres") {
    it("an instance in polling mode on the shared database says that it serves alone", async () => {
      h = await Harness.create();
      await h.start();
      expect(h.logs.join("")).toContain("polling mode serves from one instance only; run several in webhook mode");
      await h.stopBot();
    });

    it("three instances starting at once on an empty database all start: one migrates and installs the catalogue", async () => {
      h = await Harness.create();
      const envs = await Promise.all([webhookEnv(), webhookEnv(), webhookEnv()]);
      const bots = envs.map((env) => h.spawnBot({ ...env, MIGRATE_AT_START: "true" }));
      await expect
        // A hang guard: three processes start (and one migrates) beside the whole suite on two cores.
        .poll(() => bots.filter((b) => b.output.join("").includes("saqbol started")).length, {
          timeout: 150_000,
          interval: 100,
        })
        .toBe(3);
      expect(bots.map((b) => b.child.exitCode)).toEqual([null, null, null]);
      expect(await rows(h, "SELECT COUNT(*) AS n FROM catalog_versions")).toEqual([{ n: 1 }]);
      expect(await rows(h, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'catalog.import'")).toEqual([{ n: 1 }]);
      expect(await Promise.all(bots.map((b) => b.kill("SIGTERM")))).toEqual([0, 0, 0]);
    }, 240_000);
  }
});
