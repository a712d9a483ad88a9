/**
 * Jobs on PostgreSQL, several instances on one database (postgres project only;
 * on SQLite there is one instance and runAlone just runs the job).
 */
import { describe, expect, it } from "vitest";
import { closeDatabase, type Db, openDatabase } from "../../src/db/client.js";
import { jobKey, runAlone } from "../../src/db/job-lock.js";
import { rowsOf, testDb } from "../support/database.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another instance's connection pool on the same database. */
async function secondInstance(db: Db): Promise<Db> {
  const url = (db.$engine as unknown as { url?: string }).url;
  return openDatabase({ url, path: "" }, { migrate: false });
}

describe("jobs run in one instance at a time", () => {
  it("gives every job name its own stable key", () => {
    const names = ["draft-reminders", "alert-delivery", "report-notices", "purge-stale-drafts", "staff-menus"];
    const keys = names.map(jobKey);
    expect(new Set(keys).size).toBe(names.length);
    expect(names.map(jobKey)).toEqual(keys);
    for (const k of keys) expect(Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31).toBe(true);
  });

  it("on PostgreSQL another instance skips a job while one runs it, and runs it once it is done", async () => {
    const a = await testDb();
    const b = await secondInstance(a);
    try {
      let release!: () => void;
      const held = runAlone(a, "draft-reminders", () => new Promise<string>((r) => (release = () => r("a"))));
      await sleep(50);
      let ranInB = false;
      const skipped = await runAlone(b, "draft-reminders", async () => {
        ranInB = true;
      });
      expect(skipped).toEqual({ ran: false });
      expect(ranInB).toBe(false);
      // another job is not held up by it
      expect(await runAlone(b, "report-notices", async () => "b")).toEqual({ ran: true, value: "b" });
      release();
      expect(await held).toEqual({ ran: true, value: "a" });
      expect(await runAlone(b, "draft-reminders", async () => "b")).toEqual({ ran: true, value: "b" });
    } finally {
      await closeDatabase(b);
    }
  });

  it("on PostgreSQL runs of one job from several instances never overlap, and a failing run lets go", async () => {
    const a = await testDb();
    const others = [await secondInstance(a), await secondInstance(a)];
    try {
      let inside = 0;
      let most = 0;
      let runs = 0;
      const job = async () => {
        inside++;
        most = Math.max(most, inside);
        runs++;
        await sleep(5);
        inside--;
      };
      const attempts = [a, ...others].flatMap((db) => Array.from({ length: 10 }, () => runAlone(db, "alerts", job)));
      const results = await Promise.all(attempts);
      expect(most).toBe(1);
      expect(results.filter((r) => r.ran)).toHaveLength(runs);
      await expect(
        runAlone(a, "alerts", async () => {
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await runAlone(others[0]!, "alerts", async () => 1)).toEqual({ ran: true, value: 1 });
    } finally {
      for (const db of others) await closeDatabase(db);
    }
  });

  it("on PostgreSQL the lock of an instance that died goes with its connection", async () => {
    const a = await testDb();
    const dying = await secondInstance(a);
    let started!: () => void;
    const inside = new Promise<void>((r) => (started = r));
    const orphan = runAlone(dying, "report-notices", async () => {
      started();
      await new Promise(() => undefined);
    });
    orphan.catch(() => undefined);
    await inside;
    expect(await runAlone(a, "report-notices", async () => 1)).toEqual({ ran: false });
    // The instance is killed: its session ends, as with SIGKILL.
    await rowsOf(
      a,
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = ? AND pid <> pg_backend_pid()",
      jobKey("report-notices") >>> 0,
    );
    let after: unknown = { ran: false };
    for (let i = 0; i < 100 && (after as { ran: boolean }).ran === false; i++) {
      after = await runAlone(a, "report-notices", async () => 2);
      if ((after as { ran: boolean }).ran === false) await sleep(20);
    }
    expect(after).toEqual({ ran: true, value: 2 });
    // its pool keeps the dead client checked out (the run never ends): not awaited
    void (dying.$engine as unknown as { pool: { end(): Promise<void> } }).pool.end().catch(() => undefined);
  });
});
