/**
 * What the repositories rely on from the database layer, proved on the engine
 * under test (SQLite in the sqlite project, PostgreSQL in the postgres one):
 * transactions, concurrency, row counts, ids and defaults, 64-bit ids, ordering.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, inTransaction, onRollback } from "../../src/db/client.js";
import { toPostgres } from "../../src/db/postgres-engine.js";
import { counters, reports, users } from "../../src/db/schema.js";
import { nextReportNumber } from "../../src/services/submit.js";
import { rowsOf, TEST_ENGINE, testDb } from "../support/database.js";

const names = async (db: Awaited<ReturnType<typeof testDb>>) =>
  (await rowsOf<{ name: string }>(db, "SELECT name FROM counters ORDER BY name")).map((r) => r.name);
const add = (db: Awaited<ReturnType<typeof testDb>>, name: string) =>
  db.insert(counters).values({ name, value: 1 }).run();

describe(`the database layer on ${TEST_ENGINE}`, () => {
  it("keeps a transaction all or nothing, and an inner failure undoes only the inner part", async () => {
    const db = await testDb();
    await expect(
      inTransaction(db, async (db) => {
        await add(db, "lost-a");
        await add(db, "lost-b");
        throw new Error("fails");
      }),
    ).rejects.toThrow("fails");
    await inTransaction(db, async (db) => {
      await add(db, "outer");
      await inTransaction(db, async (db) => {
        await add(db, "inner");
        throw new Error("inner fails");
      }).catch(() => undefined);
    });
    expect(await names(db)).toEqual(["outer"]);
  });

  it("undoes what a transaction set outside the database when its writes roll back, a savepoint's part alone", async () => {
    const db = await testDb();
    const set = new Set<string>();
    const mark = (db: Db, name: string) => {
      set.add(name);
      onRollback(db, () => set.delete(name));
    };
    await inTransaction(db, async (db) => {
      mark(db, "outer");
      await inTransaction(db, async (db) => {
        mark(db, "inner-kept");
      });
      await inTransaction(db, async (db) => {
        mark(db, "inner-lost");
        throw new Error("inner fails");
      }).catch(() => undefined);
    });
    await inTransaction(db, async (db) => {
      mark(db, "whole-lost");
      await inTransaction(db, async (db) => mark(db, "nested-in-lost"));
      throw new Error("fails");
    }).catch(() => undefined);
    mark(db, "outside a transaction");
    expect([...set].sort()).toEqual(["inner-kept", "outer", "outside a transaction"]);
  });

  it("counts outside the database only the transactions that committed, however often a conflict runs them again", async () => {
    const db = await testDb();
    await add(db, "shared");
    let committed = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        inTransaction(db, async (db) => {
          committed++;
          onRollback(db, () => committed--);
          const [row] = await db.select().from(counters).where(eq(counters.name, "shared")).all();
          await db
            .update(counters)
            .set({ value: row!.value + 1 })
            .where(eq(counters.name, "shared"))
            .run();
        }),
      ),
    );
    const [row] = await db.select().from(counters).where(eq(counters.name, "shared")).all();
    expect(row!.value).toBe(21);
    expect(committed).toBe(20);
  });

  it("never lets work from outside an open transaction land in it: a rollback takes back only its own writes", async () => {
    const db = await testDb();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inside: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const failing = inTransaction(db, async (db) => {
      await add(db, "inside");
      inside();
      await held;
      throw new Error("rolled back");
    }).catch((error: Error) => error.message);
    await started;
    const outside = add(db, "outside");
    // Give the outside write every chance to run while the transaction is still open.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await failing).toBe("rolled back");
    await outside;
    expect(await names(db)).toEqual(["outside"]);
  });

  it("hands out every report number once when many submissions race for the same counter", async () => {
    const db = await testDb();
    const now = new Date("2026-06-01T10:00:00Z");
    const numbers = await Promise.all(
      Array.from({ length: 30 }, () => inTransaction(db, (db) => nextReportNumber(db, now))),
    );
    expect(new Set(numbers).size).toBe(30);
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `SB-2026-${String(i + 1).padStart(6, "0")}`),
    );
  });

  it("tells how many rows a change touched", async () => {
    const db = await testDb();
    for (const name of ["a", "b", "c"]) await add(db, name);
    expect((await db.update(counters).set({ value: 2 }).where(sql`${counters.name} <> 'a'`).run()).changes).toBe(2);
    expect((await db.delete(counters).where(eq(counters.name, "zzz")).run()).changes).toBe(0);
  });

  it("fills ids and column defaults on insert: times are ISO-8601 UTC with milliseconds", async () => {
    const db = await testDb();
    await db.insert(users).values({ id: 1 }).run();
    const first = await db
      .insert(reports)
      .values({ userId: 1, lang: "kk", cursor: { step: "narrative" } })
      .returning()
      .get();
    const second = await db
      .insert(reports)
      .values({ userId: 1, lang: "ru", cursor: { step: "narrative" } })
      .returning()
      .get();
    expect(second.id).toBeGreaterThan(first.id);
    expect(first).toMatchObject({ status: "draft", version: 0, rev: 0, active: false, channels: [] });
    expect(first.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(first.createdAt) - Date.now())).toBeLessThan(10 * 60_000);
  });

  it("keeps Telegram ids past 2^31 whole, as numbers", async () => {
    const db = await testDb();
    const id = 7_912_345_678;
    await db.insert(users).values({ id, language: "kk" }).run();
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, id)).get()).toEqual({ id });
    expect(await rowsOf(db, "SELECT id, COUNT(*) AS n FROM users GROUP BY id")).toEqual([{ id, n: 1 }]);
  });

  it("compares and sorts text byte by byte, as SQLite does", async () => {
    const db = await testDb();
    const given = ["b", "B", "a", "_", "Ә", "ә", "2026-01-02T00:00:00.000Z", "2026-01-10T00:00:00.000Z", "Z"];
    for (const name of given) await add(db, name);
    const utf8Order = [...given].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect(await names(db)).toEqual(utf8Order);
  });
});

describe("the SQL PostgreSQL is given", () => {
  it("numbers placeholders and leaves question marks in literals and quoted names alone", () => {
    expect(toPostgres(`select "a?" from "t" where "x" = ? and y = '?' and z in (?, ?)`)).toBe(
      `select "a?" from "t" where "x" = $1 and y = '?' and z in ($2, $3)`,
    );
    expect(toPostgres("select 'it''s ?' , ?")).toBe("select 'it''s ?' , $1");
  });

  it("names an ON CONFLICT target by its columns alone", () => {
    expect(toPostgres(`insert into "c" ("name") values (?) on conflict ("c"."name", "c"."x") do nothing`)).toBe(
      `insert into "c" ("name") values ($1) on conflict ("name", "x") do nothing`,
    );
  });
});
