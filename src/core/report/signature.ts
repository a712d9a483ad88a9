/**
 * Proof that a report file came from this Saqbol server and was not edited: an
 * HMAC-SHA256 over the canonical JSON of the report without its `signature` field,
 * and a short token of the same key for the QR deep link.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { canonicalBytes } from "./canonical.js";
import type { ReportJson } from "./json.js";

export const SIGNATURE_ALG = "HMAC-SHA256";

export interface ReportSignature {
  alg: typeof SIGNATURE_ALG;
  /** First 8 hex characters of SHA-256 of the key: a rotated key shows as a different id. */
  keyId: string;
  value: string;
}

export type SignedReportJson = ReportJson & { signature: ReportSignature };

export type VerifyResult =
  | { valid: true; number: string; version: number }
  | { valid: false; reason: "tampered" | "wrong_key" | "malformed" };

export const keyIdOf = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex").slice(0, 8);

const mac = (key: string, data: Buffer | string) =>
  createHmac("sha256", Buffer.from(key, "utf8")).update(data).digest();

const withoutSignature = (json: object): Record<string, unknown> => {
  const { signature: _, ...rest } = json as Record<string, unknown>;
  return rest;
};

export function signReport(json: ReportJson, key: string): SignedReportJson {
  const body = withoutSignature(json) as ReportJson;
  const value = mac(key, canonicalBytes(body)).toString("hex");
  return { ...body, signature: { alg: SIGNATURE_ALG, keyId: keyIdOf(key), value } };
}

/** Takes whatever JSON.parse gave; never throws. */
export function verifyReport(fileJson: unknown, key: string): VerifyResult {
  if (fileJson === null || typeof fileJson !== "object" || Array.isArray(fileJson)) return malformed;
  const file = fileJson as Record<string, unknown>;
  const sig = file.signature as Partial<ReportSignature> | undefined;
  if (
    typeof file.number !== "string" ||
    !Number.isInteger(file.version) ||
    !sig ||
    typeof sig !== "object" ||
    sig.alg !== SIGNATURE_ALG ||
    typeof sig.value !== "string" ||
    !/^[0-9a-f]{64}$/.test(sig.value)
  ) {
    return malformed;
  }
  if (sig.keyId !== keyIdOf(key)) return { valid: false, reason: "wrong_key" };
  let expected: Buffer;
  try {
    expected = mac(key, canonicalBytes(withoutSignature(file)));
  } catch {
    return malformed;
  }
  if (!timingSafeEqual(expected, Buffer.from(sig.value, "hex"))) return { valid: false, reason: "tampered" };
  return { valid: true, number: file.number, version: file.version as number };
}

const malformed: VerifyResult = { valid: false, reason: "malformed" };

/** 10 bytes of HMAC is 80 bits: enough against guessing, short enough for a deep link. */
const TOKEN_BYTES = 10;
const TOKEN_CHARS = Math.ceil((TOKEN_BYTES * 4) / 3);

export function verifyToken(number: string, version: number, key: string): string {
  return mac(key, `saqbol-verify\n${number}\n${version}`).subarray(0, TOKEN_BYTES).toString("base64url");
}

/** The `/start` payload `v_<number>_<version>_<token>`; Telegram allows 64 characters of A-Za-z0-9_-. */
export function verifyStartPayload(number: string, version: number, key: string): string {
  const payload = `v_${number}_${version}_${verifyToken(number, version, key)}`;
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

export function checkVerifyToken(payload: VerifyPayload, key: string): boolean {
  const expected = Buffer.from(verifyToken(payload.number, payload.version, key), "utf8");
  const given = Buffer.from(payload.token, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
