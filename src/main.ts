/**
 * `npm start`: reads the environment, starts Saqbol, and stops it cleanly on
 * SIGINT/SIGTERM (updates in flight are finished first).
 */
import { type App, startApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";

const NO_TOKEN = `BOT_TOKEN is not set.
Saqbol needs a Telegram bot token: open @BotFather in Telegram, send /newbot, and run
  BOT_TOKEN=123456:ABC-your-token npm start
To try the bot without Telegram, run the terminal chat instead:
  npm run chat`;

async function main(): Promise<void> {
  if (!process.env.BOT_TOKEN) {
    process.stderr.write(`${NO_TOKEN}\n`);
    process.exitCode = 1;
    return;
  }
  let app: App;
  try {
    app = await startApp(loadConfig());
  } catch (error) {
    // One clear line for anything wrong in the environment; the stack only for the unexpected.
    const known =
      error instanceof ConfigError ||
      (error instanceof Error && error.constructor.name.endsWith("Error") && error.constructor !== Error);
    process.stderr.write(`saqbol: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
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
