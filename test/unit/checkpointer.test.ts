import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Checkpointer, startCheckpointer } from "../../src/db/checkpointer.js";
import { closeDatabase, type Db, openDatabase } from "../../src/db/client.js";
import { sqliteConnection } from "../../src/db/sqlite-engine.js";
import { createLogger } from "../../src/logger.js";

let dir: string;
let path: string;
let db: Db;
let sqlite: Database.Database;
let checkpointer: Checkpointer | undefined;
let logged: string[];

const logger = () =>
  createLogger(
    "warn",
    new Writable({
      write(chunk, _enc, done) {
        logged.push(String(chunk));
        done();
      },
    }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const walBytes = () => statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
const autoPages = () => sqlite.pragma("wal_autocheckpoint", { simple: true });
type CheckpointResult = { busy: number; log: number; checkpointed: number };
/** Checkpoints from the test's side (waiting out one the worker is running) and says how many frames the WAL holds. */
async function framesLeft(): Promise<CheckpointResult | undefined> {
  for (let tries = 0; tries < 100; tries++) {
    const [result] = sqlite.pragma("wal_checkpoint(PASSIVE)") as CheckpointResult[];
    if (result?.busy === 0) return result;
    await sleep(5);
  }
  return undefined;
}

/** Many small committed writes, as updates make them, for `ms`. */
async function writeFor(ms: number): Promise<number> {
  const insert = sqlite.prepare("INSERT INTO counters (name, value) VALUES (?, ?)");
  const end = Date.now() + ms;
  let n = 0;
  while (Date.now() < end) {
    sqlite.transaction(() => {
      for (let i = 0; i < 20; i++) insert.run(`c-${n++}-${"x".repeat(200)}`, n);
    })();
    if (n % 400 === 0) await sleep(1);
  }
  return n;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "saqbol-checkpoint-"));
  path = join(dir, "saqbol.db");
  db = await openDatabase(path);
  sqlite = sqliteConnection(db)!;
  logged = [];
});

afterEach(async () => {
  await checkpointer?.stop();
  checkpointer = undefined;
  await closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("WAL checkpoints in a worker thread", () => {
  it("takes the automatic checkpoint off the bot's thread while it runs, and gives it back on stop", async () => {
    expect(autoPages()).toBe(1000);
    checkpointer = startCheckpointer(db, path, logger(), { intervalMs: 50 });
    expect(autoPages()).toBe(0);
    await checkpointer.stop();
    expect(autoPages()).toBe(1000);
  });

  it("copies committed pages into the database file without the bot's thread doing it", async () => {
    checkpointer = startCheckpointer(db, path, logger(), { intervalMs: 50 });
    const before = statSync(path).size;
    await writeFor(300);
    await sleep(300);
    expect(statSync(path).size).toBeGreaterThan(before);
    const left = await framesLeft();
    expect(left?.log).toBeGreaterThan(0);
    expect(left?.checkpointed).toBe(left?.log);
  });

  it("keeps the WAL bounded under writes that never pause", async () => {
    checkpointer = startCheckpointer(db, path, logger(), { intervalMs: 20, restartFrames: 200 });
    const written = await writeFor(1500);
    expect(written).toBeGreaterThan(1000);
    // The WAL started over again and again: only the latest frames are in it (without the worker, all: below).
    const left = await framesLeft();
    expect(left?.log).toBeLessThan(3000);
  });

  it("without it (automatic checkpoint off), the same writes grow the WAL: the bound above is the worker's doing", async () => {
    sqlite.pragma("wal_autocheckpoint = 0");
    await writeFor(1500);
    expect(walBytes()).toBeGreaterThan(16 * 1024 * 1024);
    expect((await framesLeft())?.log).toBeGreaterThan(10_000);
  });

  it("falls back to SQLite's own checkpoint with a warning when the worker cannot start", async () => {
    checkpointer = startCheckpointer(db, path, logger(), { driver: join(dir, "no-such-driver.js") });
    for (let i = 0; i < 100 && autoPages() === 0; i++) await sleep(20);
    expect(autoPages()).toBe(1000);
    expect(logged.join("")).toContain("WAL checkpoint worker stopped");
  });

  it("leaves an in-memory database as it is: SQLite's own checkpoint stays on, nothing is logged", async () => {
    const memory = await openDatabase(":memory:");
    const connection = sqliteConnection(memory)!;
    const pragmas = () => [
      connection.pragma("wal_autocheckpoint", { simple: true }),
      connection.pragma("journal_size_limit", { simple: true }),
    ];
    const before = pragmas();
    const none = startCheckpointer(memory, ":memory:", logger());
    expect(pragmas()).toEqual(before);
    expect(before[0]).toBe(1000);
    await none.stop();
    expect(pragmas()).toEqual(before);
    expect(logged).toEqual([]);
    await closeDatabase(memory);
  });
});
