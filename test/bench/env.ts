/**
 * A throwaway environment for one benchmark piece: a temp folder, the config
 * the app reads, and a logger that drops lines but counts errors.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type Config, loadConfig } from "../../src/config.js";
import { createLogger, type Logger } from "../../src/logger.js";

export const BENCH_TOKEN = "123456:BENCH-saqbol";

export interface BenchEnv {
  dir: string;
  dbPath: string;
  config: Config;
  logger: Logger;
  /** Log lines at level error or worse so far. */
  errors(): number;
  /** The first error lines, to show what went wrong. */
  errorSamples: string[];
  close(): void;
}

export function benchEnv(apiRoot = "http://127.0.0.1:9", extra: Record<string, string> = {}): BenchEnv {
  const dir = mkdtempSync(join(tmpdir(), "saqbol-bench-"));
  const dbPath = join(dir, "saqbol.db");
  const env = {
    BOT_TOKEN: BENCH_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_PATH: dbPath,
    LOG_LEVEL: "warn",
    ...extra,
  };
  let errors = 0;
  const errorSamples: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      const line = String(chunk);
      if (/"level":(5|6)\d/.test(line)) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(line.slice(0, 400));
      }
      done();
    },
  });
  // A bench stopped half-way (run.ts exits on Ctrl-C) leaves no folder behind either.
  const remove = () => {
    process.off("exit", remove);
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", remove);
  return {
    dir,
    dbPath,
    config: loadConfig(env),
    logger: createLogger("warn", sink),
    errors: () => errors,
    errorSamples,
    close: remove,
  };
}

/** Environment variables for a child process running the app against `apiRoot`. */
export const childEnv = (e: BenchEnv, apiRoot: string): Record<string, string> => ({
  BOT_TOKEN: BENCH_TOKEN,
  TELEGRAM_API_ROOT: apiRoot,
  DATABASE_PATH: e.dbPath,
  LOG_LEVEL: "warn",
});
