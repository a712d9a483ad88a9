/** Fixed Ed25519 keys for tests: the same seed gives the same key, so files signed in a test are stable. */
import { createPrivateKey } from "node:crypto";
import { type ReportKeys, reportKeys } from "../../src/core/report/signature.js";

/** PKCS#8 DER of an Ed25519 key is this prefix and the 32-byte seed. */
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export function keysFromSeed(seed: string, legacyHmacKey?: string): ReportKeys {
  const bytes = Buffer.alloc(32);
  Buffer.from(seed, "utf8").copy(bytes);
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, bytes]), format: "der", type: "pkcs8" });
  return reportKeys(privateKey, legacyHmacKey);
}

export const TEST_KEYS = keysFromSeed("saqbol unit tests");
