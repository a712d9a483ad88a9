/**
 * `npm start`: reads the environment, starts Saqbol, and stops it cleanly on
 * SIGINT/SIGTERM (updates in flight and their uploads are finished first). What
 * makes going on impossible (a revoked token, the database file lost) stops it
 * with one line and exit code 1, for the supervisor to see and restart.
 */
import type { App } from "./app.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { loadEnvFile } from "./env-file.js";
import { describeError } from "./errors.js";

/** One line, because a supervisor's log shows the last line of a failed start. */
const NO_TOKEN =
  "BOT_TOKEN is not set: get a token from @BotFather (/newbot) and run BOT_TOKEN=123456:ABC-your-token npm start, or try the bot without Telegram with npm run chat";

/** Longer than the pipeline's drain (15 s) and the jobs' and checkpoint's end. */
const FORCE_EXIT_MS = 25_000;

function fail(error: unknown): never {
  // One clear line for anything wrong in the environment; the stack only for the unexpected.
  const known =
    error instanceof ConfigError ||
    (error instanceof Error && error.constructor.name.endsWith("Error") && error.constructor !== Error);
  process.stderr.write(`saqbol: ${error instanceof Error ? error.message : String(error)}\n`);
  if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  // Whatever the bot writes (database, WAL, backups, keys) is for its own user only.
  process.umask(0o077);
  try {
    loadEnvFile();
  } catch (error) {
    fail(new ConfigError(`.env cannot be read: ${(error as Error).message}`));
  }
  if (!process.env.BOT_TOKEN) {
    process.stderr.write(`saqbol: ${NO_TOKEN}\n`);
    process.exitCode = 1;
    return;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error);
  }
  let app: App | undefined;
  let stopping = false;
  let signalled: string | undefined;
  const shutdown = (why: string, code: number) => {
    // A signal during the start is acted on once the app is up (its database is open by then).
    if (!app && code === 0) {
      signalled = why;
      return;
    }
    if (stopping) return;
    stopping = true;
    app?.deps.logger.info({ why }, "shutting down");
    const force = setTimeout(() => process.exit(1), FORCE_EXIT_MS);
    force.unref();
    void (app ? app.stop() : Promise.resolve(true)).then(
      () => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`saqbol: stopping failed: ${describeError(error).message}\n`);
        process.exit(1);
      },
    );
  };
  const fatal = (line: string) => {
    process.stderr.write(`saqbol: ${line}\n`);
    shutdown(line, 1);
  };
  process.on("unhandledRejection", (error) => {
    app?.deps.logger.fatal({ err: describeError(error) }, "unhandled rejection");
    fatal(`stopped on an unexpected error: ${describeError(error).message}`);
  });
  process.once("SIGINT", () => shutdown("SIGINT", 0));
  process.once("SIGTERM", () => shutdown("SIGTERM", 0));
  // The program is loaded only once the environment is known to be sound: a bad variable fails at once.
  try {
    const { startApp } = await import("./app.js");
    app = await startApp(config, { onFatal: fatal });
  } catch (error) {
    fail(error);
  }
  if (signalled) shutdown(signalled, 0);
}

void main();
