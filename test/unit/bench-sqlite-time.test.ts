/**
 * The bench's timer of SQLite (test/bench/sqlite-time.ts): each database's own time,
 * statements, transactions and pragmas included, and results untouched.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteMs, timeSqlite } from "../bench/sqlite-time.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const open = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), "saqbol-sqlite-time-"));
  dirs.push(dir);
  return new Database(join(dir, name));
};

describe("time spent in SQLite, per database", () => {
  it("counts the statements, BEGIN/COMMIT and pragmas of one database against it alone, and returns their results", () => {
    timeSqlite();
    timeSqlite(); // once: a second call must not wrap twice
    const timed = open("a.db");
    const other = open("b.db");
    expect(sqliteMs(timed.name)).toBe(0);
    timed.pragma("journal_mode = WAL");
    timed.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    const afterSchema = sqliteMs(timed.name);
    expect(afterSchema).toBeGreaterThan(0);

    const insert = timed.prepare("INSERT INTO t (v) VALUES (?)");
    const begin = timed.prepare("BEGIN IMMEDIATE");
    const commit = timed.prepare("COMMIT");
    begin.run();
    for (let i = 0; i < 200; i++) expect(insert.run(`v${i}`).changes).toBe(1);
    commit.run();
    const afterWrites = sqliteMs(timed.name);
    expect(afterWrites).toBeGreaterThan(afterSchema);

    expect(timed.prepare("SELECT v FROM t WHERE id = ?").get(2)).toEqual({ v: "v1" });
    expect(timed.prepare("SELECT count(*) AS n FROM t").raw(true).all()).toEqual([[200]]);
    expect(sqliteMs(timed.name)).toBeGreaterThan(afterWrites);

    expect(sqliteMs(other.name)).toBe(0);
    other.exec("CREATE TABLE u (x)");
    expect(sqliteMs(other.name)).toBeGreaterThan(0);
    expect(() => timed.prepare("SELECT * FROM missing").all()).toThrow(/no such table/);
    timed.close();
    other.close();
  });
});
