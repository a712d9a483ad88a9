/**
 * The keys that sign reports. The Ed25519 private key comes from the configuration
 * (SIGNING_PRIVATE_KEY, PEM) or from its own file next to (never inside) the
 * database, created on first start — so a copy of the database alone cannot forge
 * reports, and several instances can share one key by pointing at the same file
 * or variable. The HMAC secret of older versions (SIGNING_KEY or its file) is read
 * when present, only to check reports and QR codes made with it; it is never created.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type ReportKeys, reportKeys } from "../core/report/signature.js";

export class SigningKeyError extends Error {}

const MIN_LEGACY_LENGTH = 32;

export interface SigningKeyConfig {
  /** PEM of the Ed25519 private key (PKCS#8); "\n" may be written as the two characters \n. */
  privateKey?: string | undefined;
  privateKeyPath: string;
  /** The HMAC secret of reports signed before Ed25519, if it was configured. */
  legacyKey?: string | undefined;
  legacyKeyPath: string;
}

/** The Ed25519 key and the old secret, creating the key file when there is no key yet. */
export function loadReportKeys(config: SigningKeyConfig): ReportKeys {
  const privateKey = config.privateKey
    ? parsePrivateKey(config.privateKey, "SIGNING_PRIVATE_KEY")
    : loadOrCreatePrivateKey(config.privateKeyPath);
  const legacy = config.legacyKey || readLegacyKey(config.legacyKeyPath);
  return reportKeys(privateKey, legacy);
}

/** The private key from a PEM text; a wrong one throws one clear line naming where it came from. */
export function parsePrivateKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem.replace(/\\n/g, "\n"));
  } catch {
    throw new SigningKeyError(`${source} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new SigningKeyError(`${source} is not an Ed25519 key`);
  return key;
}

/** Reads the key file, or creates it (mode 0600, folder 0700) when there is none. */
export function loadOrCreatePrivateKey(path: string): KeyObject {
  const existing = readText(path);
  if (existing !== undefined) return parsePrivateKey(existing, `signing key file ${path}`);
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // "wx": two processes starting at once must not overwrite each other's key
    writeFileSync(path, pem, { mode: 0o600, flag: "wx" });
    chmodSync(path, 0o600);
  } catch (error) {
    if (errorCode(error) === "EEXIST") {
      return parsePrivateKey(readText(path) ?? fail(path, "exists but cannot be read"), `signing key file ${path}`);
    }
    fail(path, `cannot be created (${errorCode(error) ?? String(error)})`);
  }
  return privateKey;
}

/** The old HMAC secret from its file, or undefined when there is no file. */
export function readLegacyKey(path: string): string | undefined {
  const text = readText(path);
  if (text === undefined) return undefined;
  const key = text.trim();
  if (key.length < MIN_LEGACY_LENGTH) fail(path, `holds no key (needs at least ${MIN_LEGACY_LENGTH} characters)`);
  return key;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    return fail(path, `cannot be read (${errorCode(error) ?? String(error)})`);
  }
}

function fail(path: string, problem: string): never {
  throw new SigningKeyError(`signing key file ${path} ${problem}; set SIGNING_PRIVATE_KEY or SIGNING_PRIVATE_KEY_PATH`);
}

const errorCode = (error: unknown): string | undefined =>
  error && typeof error === "object" && "code" in error ? String(error.code) : undefined;
