/**
 * Command line for batch and operator use: `npm run --silent cli -- <command> [args]`.
 * Each command lives in src/cli/<name>.ts and exports a CliCommand.
 */
import type { CliCommand } from "./cli/command.js";
import { loadEnvFile } from "./env-file.js";

const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  // one line per command, e.g.  classify: () => import("./cli/classify.js"),
  backup: () => import("./cli/backup.js"),
  restore: () => import("./cli/backup.js").then((m) => ({ command: m.restoreCommand })),
  catalog: () => import("./cli/catalog.js"),
  classify: () => import("./cli/classify.js"),
  migrate: () => import("./cli/migrate.js"),
  report: () => import("./cli/report.js"),
  role: () => import("./cli/role.js"),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    const list = Object.keys(commands).sort().join(", ");
    process.stderr.write(`usage: npm run --silent cli -- <command> [args]\ncommands: ${list}\n`);
    return name ? 2 : 0;
  }
  const { command } = await load();
  // DATABASE_PATH and the signing key from the same .env as the bot's.
  loadEnvFile();
  return command.run(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
