/**
 * `cli report verify <file.json> [--key-file <path>]` checks a report file offline with the
 * same key as the bot; `cli report schema` prints the JSON Schema of report files.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { reportJsonSchemaDocument } from "../core/report/json.js";
import { verifyReport } from "../core/report/signature.js";
import { readSigningKey, SigningKeyError } from "../documents/signing-key.js";
import type { CliCommand, CliIo } from "./command.js";

const USAGE = "usage: report verify <file.json> [--key-file <path>] | report schema\n";

/** The same rule as config.ts, without requiring the bot's other variables. */
const defaultKeyPath = (env: CliIo["env"]) =>
  env.SIGNING_KEY_PATH || `${env.DATABASE_PATH || "./data/saqbol.db"}.signing.key`;

const parseVerifyArgs = (args: string[]) =>
  parseArgs({ args, options: { "key-file": { type: "string" } }, allowPositionals: true, strict: true });

async function verify(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseVerifyArgs>;
  try {
    parsed = parseVerifyArgs(args);
  } catch {
    parsed = { values: {}, positionals: [] };
  }
  const file = parsed.positionals[0];
  const keyFile = parsed.values["key-file"];
  if (!file || parsed.positionals.length > 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  let key: string | undefined;
  try {
    key = keyFile ? readSigningKey(keyFile) : io.env.SIGNING_KEY || readSigningKey(defaultKeyPath(io.env));
  } catch (error) {
    if (!(error instanceof SigningKeyError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (!key) {
    io.stderr.write(
      `no signing key: set SIGNING_KEY, or pass --key-file (looked in ${keyFile ?? defaultKeyPath(io.env)})\n`,
    );
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    io.stderr.write(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const result = verifyReport(json, key);
  if (result.valid) {
    io.stdout.write(`valid ${result.number} v${result.version}\n`);
    return 0;
  }
  io.stdout.write(`not valid: ${result.reason}\n`);
  return 1;
}

export const command: CliCommand = {
  summary: "verify a report file's signature offline, or print the report JSON Schema",
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === "verify") return verify(rest, io);
    if (sub === "schema") {
      io.stdout.write(`${JSON.stringify(reportJsonSchemaDocument(), null, 2)}\n`);
      return 0;
    }
    io.stderr.write(USAGE);
    return 2;
  },
};
