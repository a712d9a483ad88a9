/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside
 * the commit that crosses 1,000 pages, on the bot's only thread: it copied the WAL
 * into the database file and synced it while every person's update waited (the
 * benchmark's slowest 1 % were these commits). The running bot therefore turns the
 * automatic checkpoint off and a worker thread with its own connection checkpoints
 * (PASSIVE: never blocks a writer) every second. Under a constant stream of writes
 * its checkpoint never ends between two commits, so the WAL is never started over
 * and would grow without end; past `restartFrames` the worker therefore asks the
 * bot's thread to finish the checkpoint between two updates (the frames the worker
 * has not copied yet: a short pause, and only under that kind of load). If the
 * worker fails, the automatic checkpoint comes back.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Logger } from "../logger.js";
import type { Db } from "./client.js";
import { sqliteConnection } from "./sqlite-engine.js";

/** SQLite's default, restored when the worker is gone. */
const AUTO_PAGES = 1000;

/** A WAL that grew in a burst is cut back to this size when it starts over. */
const WAL_FILE_LIMIT = 32 * 1024 * 1024;

/** Runs in the worker thread (CommonJS, eval'd: the bundle has no separate worker file). */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const checkpoint = () => {
  const [result] = db.pragma("wal_checkpoint(PASSIVE)");
  if (result && result.log > workerData.restartFrames) parentPort.postMessage({ catchUp: true });
};
const timer = setInterval(() => {
  try { checkpoint(); } catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }); }
}, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  try { checkpoint(); } finally { db.close(); parentPort.postMessage({ stopped: true }); }
});
`;

export interface Checkpointer {
  /** Last checkpoint, worker closed, automatic checkpoint restored. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  intervalMs?: number;
  /** WAL frames (pages) beyond which the bot's thread finishes the checkpoint so the WAL starts over. */
  restartFrames?: number;
  /** The better-sqlite3 module the worker loads (tests pass a broken one). */
  driver?: string;
}

export function startCheckpointer(
  db: Db,
  path: string,
  logger: Logger,
  options: CheckpointerOptions = {},
): Checkpointer {
  const sqlite = sqliteConnection(db);
  // PostgreSQL checkpoints by itself; an in-memory database has no WAL.
  if (!sqlite || path === ":memory:") return { stop: async () => undefined };
  const restoreAuto = () => sqlite.pragma(`wal_autocheckpoint = ${AUTO_PAGES}`);
  const driver = options.driver ?? createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { path, driver, intervalMs: options.intervalMs ?? 1000, restartFrames: options.restartFrames ?? 4096 },
  });
  worker.unref();
  sqlite.pragma("wal_autocheckpoint = 0");
  sqlite.pragma(`journal_size_limit = ${WAL_FILE_LIMIT}`);
  let running = true;
  // Nothing else writes in between on this thread, so this checkpoint completes and the next commit starts the WAL over.
  const catchUp = () => {
    try {
      sqlite.pragma("wal_checkpoint(PASSIVE)");
    } catch (error) {
      logger.warn({ error: (error as Error).message }, "WAL checkpoint failed; retried in a second");
    }
  };
  const fallBack = (why: string) => {
    if (!running) return;
    running = false;
    if (sqlite.open) restoreAuto();
    logger.warn({ why }, "WAL checkpoint worker stopped; SQLite checkpoints in the bot's thread again");
  };
  let stopped: () => void = () => undefined;
  const whenStopped = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  worker.on("message", (message: { error?: string; stopped?: boolean; catchUp?: boolean }) => {
    if (message.error) logger.warn({ error: message.error }, "WAL checkpoint failed; retried in a second");
    if (message.catchUp && running && sqlite.open) catchUp();
    if (message.stopped) stopped();
  });
  worker.on("error", (error) => fallBack(error.message));
  worker.on("exit", () => {
    fallBack("the worker exited");
    stopped();
  });
  return {
    stop: async () => {
      if (running) {
        running = false;
        worker.postMessage("stop");
        await whenStopped;
        await worker.terminate();
      }
      if (sqlite.open) restoreAuto();
    },
  };
}
