/**
 * `cli backup <file>` writes a consistent copy of the database at DATABASE_PATH
 * (default ./data/saqbol.db) while the bot runs. `cli restore <file>` puts a
 * backup back: the bot must be stopped first (restore refuses otherwise), the
 * backup is checked before anything is replaced, and the replaced database is
 * kept next to it.
 */

import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type AuditAction, audit } from "../db/audit.js";
import { BackupError, backupDatabase, restoreDatabase } from "../db/backup.js";
import type { CliCommand, CliIo } from "./command.js";
import { withDatabase } from "./database.js";
import { cliActor } from "./operator.js";

const databasePath = (io: CliIo) => io.env.DATABASE_PATH || "./data/saqbol.db";
const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** A backup holds everyone's data: who made or restored one is in the audit log, with the OS user and host. */
function record(io: CliIo, action: AuditAction, details: Record<string, unknown>): Promise<void> {
  return withDatabase(io.env, (db) => audit(db, { actor: cliActor(io.env), action, details, at: new Date() }));
}

function fileArg(args: string[], usage: string, io: CliIo): { file: string; force: boolean } | undefined {
  let parsed: ReturnType<typeof parseArgs<{ options: { force: { type: "boolean" } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: { force: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch {
    parsed = { values: {}, positionals: [] } as unknown as typeof parsed;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    io.stderr.write(`${usage}\n`);
    return undefined;
  }
  return { file, force: parsed.values.force === true };
}

/** These work on the SQLite file; a PostgreSQL database is backed up with its own tools. */
const ON_POSTGRES =
  "DATABASE_URL is set: back up and restore PostgreSQL with pg_dump and pg_restore (see README, Running several instances)";

async function failing(io: CliIo, action: () => Promise<void>): Promise<number> {
  if (io.env.DATABASE_URL) {
    io.stderr.write(`${ON_POSTGRES}\n`);
    return 2;
  }
  try {
    await action();
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
}

export const command: CliCommand = {
  summary: "backup <file> [--force]: a consistent copy of the database, safe while the bot runs",
  run(args, io) {
    const parsed = fileArg(args, "usage: cli backup <file> [--force]", io);
    if (!parsed) return Promise.resolve(2);
    return failing(io, async () => {
      const copy = await backupDatabase(databasePath(io), parsed.file, { overwrite: parsed.force });
      await record(io, "backup.create", { file: resolve(parsed.file), reports: copy.reports });
      io.stdout.write(`backup written: ${parsed.file} (${kb(copy.bytes)}, ${copy.reports} reports, integrity ok)\n`);
    });
  },
};

export const restoreCommand: CliCommand = {
  summary: "restore <file>: puts a backup in place of the database (stop the bot first)",
  run(args, io) {
    const parsed = fileArg(args, "usage: cli restore <file>   (stop the bot first)", io);
    if (!parsed) return Promise.resolve(2);
    return failing(io, async () => {
      const target = databasePath(io);
      const result = await restoreDatabase(parsed.file, target);
      await record(io, "backup.restore", { file: resolve(parsed.file), reports: result.restored.reports });
      io.stdout.write(`restored ${parsed.file} to ${target} (${result.restored.reports} reports, integrity ok)\n`);
      if (result.keptAt) io.stdout.write(`the replaced database is kept at ${result.keptAt}\n`);
    });
  },
};
