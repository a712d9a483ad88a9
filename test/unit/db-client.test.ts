import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, type Db, databaseOf, inTransaction, onRollback, openDatabase } from "../../src/db/client.js";
import { sqliteConnection } from "../../src/db/sqlite-engine.js";
import { rowsOf } from "../support/database.js";

let dir: string;
let db: Db;
let connection: Database.Database;
let other: Database.Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "saqbol-client-"));
  db = await openDatabase(join(dir, "saqbol.db"));
  connection = sqliteConnection(db)!;
  other = new Database(join(dir, "saqbol.db"));
  other.pragma("busy_timeout = 0");
});

afterEach(async () => {
  other.close();
  await closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const names = async () =>
  (await rowsOf<{ name: string }>(db, "SELECT name FROM counters ORDER BY name")).map((r) => r.name);

describe("the SQLite connection", () => {
  it("opens in WAL mode with foreign keys on", () => {
    expect(connection.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(connection.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("takes the write lock when a transaction begins, even one that only reads so far", async () => {
    let otherWrite: unknown;
    await inTransaction(db, async (db) => {
      await rowsOf(db, "SELECT count(*) FROM users");
      try {
        other.prepare("INSERT INTO counters (name, value) VALUES ('x', 1)").run();
      } catch (error) {
        otherWrite = (error as { code?: string }).code;
      }
    });
    expect(otherWrite).toBe("SQLITE_BUSY");
    // Once it has ended, the other connection writes.
    other.prepare("INSERT INTO counters (name, value) VALUES ('x', 1)").run();
  });

  it("keeps nested transactions as savepoints: an inner failure undoes only the inner part", async () => {
    await inTransaction(db, async (db) => {
      await db.$engine.execute("INSERT INTO counters (name, value) VALUES (?, 1)", ["outer"], "run");
      await inTransaction(db, async (db) => {
        await db.$engine.execute("INSERT INTO counters (name, value) VALUES (?, 1)", ["inner"], "run");
        throw new Error("inner fails");
      }).catch(() => undefined);
    });
    expect(await names()).toEqual(["outer"]);
  });

  it("keeps other work out of an open transaction: it waits, and a rollback takes back only the transaction's own writes", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const failing = inTransaction(db, async (db) => {
      await db.$engine.execute("INSERT INTO counters (name, value) VALUES (?, 1)", ["inside"], "run");
      await held;
      throw new Error("rolled back");
    }).catch(() => "rolled back");
    // Outside the transaction while it is open: waits for it instead of joining it.
    const outside = db.$engine.execute("INSERT INTO counters (name, value) VALUES (?, 1)", ["outside"], "run");
    const second = inTransaction(db, (db) =>
      db.$engine.execute("INSERT INTO counters (name, value) VALUES (?, 1)", ["second"], "run"),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connection.prepare("SELECT name FROM counters").all()).toEqual([{ name: "inside" }]);
    release();
    expect(await failing).toBe("rolled back");
    await Promise.all([outside, second]);
    expect(await names()).toEqual(["outside", "second"]);
  });

  it("runs a transaction's statements through the db it hands over; the outer db inside it fails at once under the tests' check", async () => {
    const outerDb = db;
    let kept: Db | undefined;
    await inTransaction(db, async (db) => {
      kept = db;
      expect(db).not.toBe(outerDb);
      await db.$engine.execute("INSERT INTO counters (name, value) VALUES (?, 1)", ["through its db"], "run");
      await expect(
        outerDb.$engine.execute("INSERT INTO counters (name, value) VALUES (?, 1)", ["through the outer"], "run"),
      ).rejects.toThrow("the outer db was used inside its own transaction");
      await expect(inTransaction(outerDb, async () => undefined)).rejects.toThrow("inside its own transaction");
      expect(() => onRollback(outerDb, () => undefined)).toThrow("inside its own transaction");
    });
    expect(await names()).toEqual(["through its db"]);
    // Kept past its end, a transaction's db refuses rather than write outside any transaction.
    await expect(
      kept!.$engine.execute("INSERT INTO counters (name, value) VALUES (?, 1)", ["late"], "run"),
    ).rejects.toThrow("after its transaction ended");
    expect(databaseOf(kept!)).toBe(outerDb);
  });

  it("hands every transaction the same db, so its prepared statements are built once", async () => {
    const seen = new Set<Db>();
    for (let i = 0; i < 3; i++) await inTransaction(db, async (db) => void seen.add(db));
    expect(seen.size).toBe(1);
  });
});
