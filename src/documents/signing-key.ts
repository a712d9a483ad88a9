/**
 * The server key that signs reports. It lives in its own file next to (never inside)
 * the database, so a copy of the database alone cannot forge or re-sign reports.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class SigningKeyError extends Error {}

const MIN_LENGTH = 32;

/** Uses the configured key; else reads the key file; else creates it (32 random bytes, hex, mode 0600). */
export function loadOrCreateSigningKey(path: string, configuredKey?: string): string {
  if (configuredKey) return configuredKey;
  const existing = readSigningKey(path);
  if (existing !== undefined) return existing;
  const key = randomBytes(32).toString("hex");
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // "wx": two processes starting at once must not overwrite each other's key
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(path, 0o600);
  } catch (error) {
    if (errorCode(error) === "EEXIST") return readSigningKey(path) ?? fail(path, "exists but cannot be read");
    fail(path, `cannot be created (${errorCode(error) ?? String(error)})`);
  }
  return key;
}

/** The key from its file, or undefined when there is no file; any other problem throws one clear line. */
export function readSigningKey(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    return fail(path, `cannot be read (${errorCode(error) ?? String(error)})`);
  }
  const key = text.trim();
  if (key.length < MIN_LENGTH) fail(path, `holds no key (needs at least ${MIN_LENGTH} characters)`);
  return key;
}

function fail(path: string, problem: string): never {
  throw new SigningKeyError(`signing key file ${path} ${problem}; set SIGNING_KEY or SIGNING_KEY_PATH`);
}

const errorCode = (error: unknown): string | undefined =>
  error && typeof error === "object" && "code" in error ? String(error.code) : undefined;
