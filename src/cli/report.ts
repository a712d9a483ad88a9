/**
 * `cli report verify <file.json> [--public-key <pem>] [--key-file <path>]` checks a report
 * file offline: with the published public key alone, or (without --public-key) with the
 * server's own key; files signed before Ed25519 with the old HMAC secret (--key-file, or
 * SIGNING_KEY and its file). `cli report public-key` prints the public key to publish and
 * its fingerprint; `cli report schema` prints the JSON Schema of report files.
 */
import { createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { signingConfig } from "../config.js";
import { reportJsonSchemaDocument } from "../core/report/json.js";
import { publicKeyFingerprint, publicKeyPem, type VerifyKeys, verifyReport } from "../core/report/signature.js";
import { parsePrivateKey, readLegacyKey, SigningKeyError } from "../documents/signing-key.js";
import type { CliCommand, CliIo } from "./command.js";

const USAGE =
  "usage: report verify <file.json> [--public-key <file.pem>] [--key-file <old HMAC key file>] | report public-key | report schema\n";

class UsageError extends Error {}

const configOf = (env: CliIo["env"]) =>
  signingConfig({ ...env, DATABASE_PATH: env.DATABASE_PATH || "./data/saqbol.db" });

function readKeyText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new SigningKeyError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** The server's public key from its private key (variable or file); never creates one. */
function serverPublicKey(env: CliIo["env"]): KeyObject | undefined {
  const config = configOf(env);
  if (config.privateKey) return createPublicKey(parsePrivateKey(config.privateKey, "SIGNING_PRIVATE_KEY"));
  let pem: string;
  try {
    pem = readFileSync(config.privateKeyPath, "utf8");
  } catch {
    return undefined;
  }
  return createPublicKey(parsePrivateKey(pem, `signing key file ${config.privateKeyPath}`));
}

function publicKeyFrom(path: string): KeyObject {
  try {
    const key = createPublicKey(readKeyText(path));
    if (key.asymmetricKeyType === "ed25519") return key;
  } catch (error) {
    if (error instanceof SigningKeyError) throw error;
  }
  throw new SigningKeyError(`${path} is not an Ed25519 public key (PEM)`);
}

function verifyKeys(values: { "public-key"?: string; "key-file"?: string }, env: CliIo["env"]): VerifyKeys {
  const publicKey = values["public-key"] ? publicKeyFrom(values["public-key"]) : serverPublicKey(env);
  const legacyHmacKey = values["key-file"]
    ? readLegacyKey(values["key-file"])
    : env.SIGNING_KEY || readLegacyKey(configOf(env).legacyKeyPath);
  return { publicKey, legacyHmacKey };
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { "public-key": { type: "string" }, "key-file": { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError();
  const keys = verifyKeys(values, io.env);
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
  const result = verifyReport(json, keys);
  if (result.valid) {
    io.stdout.write(`valid ${result.number} v${result.version} (${result.alg})\n`);
    return 0;
  }
  if (result.reason === "no_key") {
    io.stderr.write("no key to check this file: pass --public-key <file.pem> (or --key-file for an old HMAC file)\n");
    return 2;
  }
  io.stdout.write(`not valid: ${result.reason}\n`);
  return 1;
}

function printPublicKey(io: CliIo): number {
  const key = serverPublicKey(io.env);
  if (!key) {
    io.stderr.write(
      `no signing key yet at ${configOf(io.env).privateKeyPath}: start the bot once, or set SIGNING_PRIVATE_KEY\n`,
    );
    return 2;
  }
  io.stdout.write(publicKeyPem(key));
  io.stdout.write(`fingerprint: ${publicKeyFingerprint(key)}\n`);
  return 0;
}

export const command: CliCommand = {
  summary: "verify a report file's signature offline, print the public key, or the report JSON Schema",
  async run(args, io) {
    const [sub, ...rest] = args;
    try {
      if (sub === "verify") return await verify(rest, io);
      if (sub === "public-key" && rest.length === 0) return printPublicKey(io);
      if (sub === "schema") {
        io.stdout.write(`${JSON.stringify(reportJsonSchemaDocument(), null, 2)}\n`);
        return 0;
      }
    } catch (error) {
      if (error instanceof SigningKeyError) {
        io.stderr.write(`${error.message}\n`);
        return 2;
      }
      const parseError =
        error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
      if (!(error instanceof UsageError) && !parseError) throw error;
    }
    io.stderr.write(USAGE);
    return 2;
  },
};
