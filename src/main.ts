/**
 * `npm start`: reads the environment, starts Saqbol, and stops it cleanly on
 * SIGINT/SIGTERM (updates in flight are finished first).
 */
import type { App } from "./app.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { loadEnvFile } from "./env-file.js";

/** One line, because a supervisor's log shows the last line of a failed start. */
const NO_TOKEN =
  "BOT_TOKEN is not set: get a token from @BotFather (/newbot) and run BOT_TOKEN=123456:ABC-your-token npm start, or try the bot without Telegram with npm run chat";

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
  // The program is loaded only once the environment is known to be sound: a bad variable fails at once.
  let app: App;
  try {
    const { startApp } = await import("./app.js");
    app = await startApp(config);
  } catch (error) {
    fail(error);
  }
  const shutdown = (signal: string) => {
    app.deps.logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    void app.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

void main();
