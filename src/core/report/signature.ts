/**
 * Proof that a report file came from Saqbol and was not edited, checkable by
 * anyone: an Ed25519 signature over the canonical JSON of the report without
 * its `signature` field. Only the public key is needed to check it
 * (`cli report verify --public-key`); its fingerprint is printed on every PDF.
 *
 * Reports signed before (HMAC-SHA256 with the server's secret) still verify
 * with that secret. The QR deep link carries a short token of a key derived
 * from the private key (HMAC tokens of old QR codes still open).
 */
import { createHash, createHmac, createPublicKey, type KeyObject, sign, timingSafeEqual, verify } from "node:crypto";
import { canonicalBytes } from "./canonical.js";
import type { ReportJson } from "./json.js";

export const SIGNATURE_ALG = "Ed25519";
export const LEGACY_SIGNATURE_ALG = "HMAC-SHA256";

export interface ReportSignature {
  alg: typeof SIGNATURE_ALG | typeof LEGACY_SIGNATURE_ALG;
  /** Ed25519: the public key's fingerprint (16 hex); HMAC: 8 hex of SHA-256 of the secret. */
  keyId: string;
  /** Ed25519: base64url of the 64-byte signature; HMAC: 64 hex. */
  value: string;
}

export type SignedReportJson = ReportJson & { signature: ReportSignature };

/** The keys of a Saqbol server: the Ed25519 pair, and the HMAC secret of older reports if there was one. */
export interface ReportKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  legacyHmacKey?: string | undefined;
}

/** What a checker holds: the public key, and (for files of the HMAC era) the old secret. */
export interface VerifyKeys {
  publicKey?: KeyObject | undefined;
  legacyHmacKey?: string | undefined;
}

export type VerifyResult =
  | { valid: true; number: string; version: number; alg: ReportSignature["alg"] }
  | { valid: false; reason: "tampered" | "wrong_key" | "no_key" | "malformed" };

export function reportKeys(privateKey: KeyObject, legacyHmacKey?: string): ReportKeys {
  if (privateKey.asymmetricKeyType !== "ed25519") throw new TypeError("the report signing key must be Ed25519");
  return { privateKey, publicKey: createPublicKey(privateKey), legacyHmacKey };
}

/** The 32 raw bytes of an Ed25519 public key (the end of its SPKI encoding). */
const rawPublicKey = (publicKey: KeyObject): Buffer => publicKey.export({ format: "der", type: "spki" }).subarray(-32);

/** SHA-256 of the raw public key, first 8 bytes in hex: the key's id in files. */
export const publicKeyId = (publicKey: KeyObject): string =>
  createHash("sha256").update(rawPublicKey(publicKey)).digest("hex").slice(0, 16);

/** The same, grouped for people to compare by eye: "3F2A 9C01 7B44 E0D2". */
export const publicKeyFingerprint = (publicKey: KeyObject): string =>
  publicKeyId(publicKey)
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, "$1 ");

/** The public key as PEM, to publish. */
export const publicKeyPem = (publicKey: KeyObject): string =>
  publicKey.export({ format: "pem", type: "spki" }).toString();

export const legacyKeyId = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex").slice(0, 8);

const mac = (key: Buffer | string, data: Buffer | string) =>
  createHmac("sha256", typeof key === "string" ? Buffer.from(key, "utf8") : key)
    .update(data)
    .digest();

const withoutSignature = (json: object): Record<string, unknown> => {
  const { signature: _, ...rest } = json as Record<string, unknown>;
  return rest;
};

export function signReport(json: ReportJson, keys: ReportKeys): SignedReportJson {
  const body = withoutSignature(json) as ReportJson;
  const value = sign(null, canonicalBytes(body), keys.privateKey).toString("base64url");
  return { ...body, signature: { alg: SIGNATURE_ALG, keyId: publicKeyId(keys.publicKey), value } };
}

/** The signature of the HMAC era, kept to make test files of old reports and to check them. */
export function signReportLegacy(json: ReportJson, key: string): SignedReportJson {
  const body = withoutSignature(json) as ReportJson;
  const value = mac(key, canonicalBytes(body)).toString("hex");
  return { ...body, signature: { alg: LEGACY_SIGNATURE_ALG, keyId: legacyKeyId(key), value } };
}

const malformed: VerifyResult = { valid: false, reason: "malformed" };

/** Takes whatever JSON.parse gave; never throws. */
export function verifyReport(fileJson: unknown, keys: VerifyKeys): VerifyResult {
  if (fileJson === null || typeof fileJson !== "object" || Array.isArray(fileJson)) return malformed;
  const file = fileJson as Record<string, unknown>;
  const sig = file.signature as Partial<ReportSignature> | undefined;
  if (typeof file.number !== "string" || !Number.isInteger(file.version) || !sig || typeof sig !== "object") {
    return malformed;
  }
  let body: Buffer;
  try {
    body = canonicalBytes(withoutSignature(file));
  } catch {
    return malformed;
  }
  const ok = { valid: true, number: file.number, version: file.version as number } as const;
  if (sig.alg === SIGNATURE_ALG && typeof sig.value === "string" && /^[A-Za-z0-9_-]{86}$/.test(sig.value)) {
    if (!keys.publicKey) return { valid: false, reason: "no_key" };
    if (sig.keyId !== publicKeyId(keys.publicKey)) return { valid: false, reason: "wrong_key" };
    const good = verify(null, body, keys.publicKey, Buffer.from(sig.value, "base64url"));
    return good ? { ...ok, alg: SIGNATURE_ALG } : { valid: false, reason: "tampered" };
  }
  if (sig.alg === LEGACY_SIGNATURE_ALG && typeof sig.value === "string" && /^[0-9a-f]{64}$/.test(sig.value)) {
    if (!keys.legacyHmacKey) return { valid: false, reason: "no_key" };
    if (sig.keyId !== legacyKeyId(keys.legacyHmacKey)) return { valid: false, reason: "wrong_key" };
    const good = timingSafeEqual(mac(keys.legacyHmacKey, body), Buffer.from(sig.value, "hex"));
    return good ? { ...ok, alg: LEGACY_SIGNATURE_ALG } : { valid: false, reason: "tampered" };
  }
  return malformed;
}

/** 10 bytes of HMAC is 80 bits: enough against guessing, short enough for a deep link. */
const TOKEN_BYTES = 10;
const TOKEN_CHARS = Math.ceil((TOKEN_BYTES * 4) / 3);

/** The QR token key: derived from the private key, so a server needs no other secret. */
const tokenKey = (keys: ReportKeys): Buffer =>
  mac(keys.privateKey.export({ format: "der", type: "pkcs8" }), "saqbol-verify-token");

const token = (key: Buffer | string, number: string, version: number) =>
  mac(key, `saqbol-verify\n${number}\n${version}`).subarray(0, TOKEN_BYTES).toString("base64url");

export function verifyToken(number: string, version: number, keys: ReportKeys): string {
  return token(tokenKey(keys), number, version);
}

/** The `/start` payload `v_<number>_<version>_<token>`; Telegram allows 64 characters of A-Za-z0-9_-. */
export function verifyStartPayload(number: string, version: number, keys: ReportKeys): string {
  const payload = `v_${number}_${version}_${verifyToken(number, version, keys)}`;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(payload))
    throw new RangeError(`verify payload does not fit a deep link: ${payload}`);
  return payload;
}

export interface VerifyPayload {
  number: string;
  version: number;
  token: string;
}

/** The token has a fixed length, so an underscore inside it cannot confuse the split. */
const PAYLOAD = new RegExp(`^v_([A-Za-z0-9-]+)_(\\d{1,6})_([A-Za-z0-9_-]{${TOKEN_CHARS}})$`);

export function parseVerifyPayload(payload: string): VerifyPayload | null {
  const m = PAYLOAD.exec(payload);
  if (!m) return null;
  return { number: m[1]!, version: Number(m[2]), token: m[3]! };
}

/** True for a token of this server's key, or of its HMAC secret (QR codes printed before Ed25519). */
export function checkVerifyToken(payload: VerifyPayload, keys: ReportKeys): boolean {
  const given = Buffer.from(payload.token, "utf8");
  const matches = (key: Buffer | string) => {
    const expected = Buffer.from(token(key, payload.number, payload.version), "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return matches(tokenKey(keys)) || (keys.legacyHmacKey !== undefined && matches(keys.legacyHmacKey));
}
