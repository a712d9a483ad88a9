import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/db/client.js";

let dir: string;
let db: Db;
let other: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "saqbol-client-"));
  db = openDatabase(join(dir, "saqbol.db"));
  other = new Database(join(dir, "saqbol.db"));
  other.pragma("busy_timeout = 0");
});

afterEach(() => {
  other.close();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the database connection", () => {
  it("opens in WAL mode with foreign keys on", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("takes the write lock when a transaction begins, even one that only reads so far", () => {
    let otherWrite: unknown;
    db.$client.transaction(() => {
      db.$client.prepare("SELECT count(*) FROM users").get();
      try {
        other.prepare("INSERT INTO counters (name, value) VALUES ('x', 1)").run();
      } catch (error) {
        otherWrite = (error as { code?: string }).code;
      }
    })();
    expect(otherWrite).toBe("SQLITE_BUSY");
    // Once it has ended, the other connection writes.
    other.prepare("INSERT INTO counters (name, value) VALUES ('x', 1)").run();
  });

  it("keeps nested transactions as savepoints: an inner failure undoes only the inner part", () => {
    const insert = db.$client.prepare("INSERT INTO counters (name, value) VALUES (?, 1)");
    db.$client.transaction(() => {
      insert.run("outer");
      try {
        db.$client.transaction(() => {
          insert.run("inner");
          throw new Error("inner fails");
        })();
      } catch {}
    })();
    expect(db.$client.prepare("SELECT name FROM counters").all()).toEqual([{ name: "outer" }]);
  });
});
