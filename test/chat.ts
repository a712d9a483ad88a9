/**
 * `npm run chat`: talk to Saqbol in the terminal. Starts the Bot API emulator on
 * 127.0.0.1 and the real bot in-process against it; bot logs go to ./out/chat.log.
 *
 *   npm run chat -- [--user 1001] [--lang kk|ru]
 *   env: DATABASE_PATH (default ./data/chat.db), ADMIN_IDS, LOG_LEVEL (default debug)
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { BotApiEmulator } from "./emulator/index.js";
import { chatHelp, startTerminalChat } from "./emulator/terminal.js";

const OUT_DIR = "./out";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { user: { type: "string", default: "1001" }, lang: { type: "string", default: "kk" } },
  });
  const userId = Number(values.user);
  if (!Number.isInteger(userId) || userId <= 0) throw new Error(`--user must be a positive number, got ${values.user}`);
  if (values.lang !== "kk" && values.lang !== "ru") throw new Error(`--lang must be kk or ru, got ${values.lang}`);

  const databasePath = process.env.DATABASE_PATH || "./data/chat.db";
  mkdirSync(OUT_DIR, { recursive: true });
  mkdirSync(dirname(databasePath), { recursive: true });

  const emulator = new BotApiEmulator();
  const apiRoot = await emulator.start();
  const config = loadConfig({
    ...process.env,
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: process.env.LOG_LEVEL || "debug",
    ADMIN_IDS: process.env.ADMIN_IDS,
    BOT_MODE: "polling",
  });
  const logger = createLogger(config.logLevel, pino.destination({ dest: `${OUT_DIR}/chat.log`, mkdir: true }));

  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp(config, { logger });
  } catch (error) {
    await emulator.stop();
    throw error;
  }

  const user = emulator.user({ id: userId, first_name: "Dev", language_code: values.lang });
  process.stdout.write(
    `Saqbol chat — you are user ${userId} (${values.lang}); database ${databasePath}; bot log ${OUT_DIR}/chat.log\n${chatHelp}\n\n`,
  );
  const chat = startTerminalChat({ user, input: process.stdin, output: process.stdout, saveDir: OUT_DIR });
  process.once("SIGTERM", () => chat.close());
  await chat.closed;

  process.stdout.write("\nStopping…\n");
  await app.stop();
  await emulator.stop();
  logger.flush();
}

main().then(
  () => {
    // Anything the bot left open must not keep the terminal hostage.
    setTimeout(() => process.exit(0), 1000).unref();
  },
  (error: unknown) => {
    process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
