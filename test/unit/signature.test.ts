import { createHmac, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/core/report/canonical.js";
import { checkFacts, recipientsDigest } from "../../src/core/report/facts.js";
import { toReportJson } from "../../src/core/report/json.js";
import {
  checkVerifyToken,
  legacyKeyId,
  parseVerifyPayload,
  publicKeyFingerprint,
  publicKeyId,
  reportKeys,
  type SignedReportJson,
  signReport,
  signReportLegacy,
  verifyReport,
  verifyStartPayload,
  verifyToken,
} from "../../src/core/report/signature.js";
import { bankSecurityReport, largeReport } from "../fixtures/reports/index.js";
import { keysFromSeed } from "../support/keys.js";

const KEYS = keysFromSeed("first server", "a".repeat(64));
const OTHER = keysFromSeed("second server");
/** What anyone holds: the published public key, nothing else. */
const PUBLIC_ONLY = { publicKey: KEYS.publicKey };
type File = SignedReportJson & { extra?: boolean };
const signed = (): File => JSON.parse(JSON.stringify(signReport(toReportJson(bankSecurityReport("kk")), KEYS)));
const signedLegacy = (): File =>
  JSON.parse(JSON.stringify(signReportLegacy(toReportJson(bankSecurityReport("ru")), KEYS.legacyHmacKey!)));

describe("canonical JSON", () => {
  it("does not depend on key order", async () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: "ә" }], x: null }, c: "Қ" };
    const b = { c: "Қ", a: { x: null, y: [1, { p: "ә", q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"p":"ә","q":1}]},"b":1,"c":"Қ"}');
  });

  it("drops undefined fields as JSON does and refuses non-JSON numbers", async () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});

describe("Ed25519 report signature", () => {
  it("verifies with the public key alone, after a JSON round trip", async () => {
    expect(verifyReport(signed(), PUBLIC_ONLY)).toEqual({
      valid: true,
      number: "SB-2026-000042",
      version: 1,
      alg: "Ed25519",
    });
  });

  it("verifies whatever order the file's keys come in", async () => {
    const file = signed();
    const reordered = Object.fromEntries(Object.entries(file).reverse());
    expect(verifyReport(reordered, PUBLIC_ONLY).valid).toBe(true);
  });

  it("names the key by its fingerprint, which the PDF prints grouped for the eye", async () => {
    expect(signed().signature).toMatchObject({ alg: "Ed25519", keyId: publicKeyId(KEYS.publicKey) });
    expect(publicKeyId(KEYS.publicKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(publicKeyFingerprint(KEYS.publicKey)).toBe(
      publicKeyId(KEYS.publicKey).toUpperCase().match(/.{4}/g)!.join(" "),
    );
  });

  it.each([
    ["an amount", (f: File) => (f.transfers.items[0]!.amount!.value += 1)],
    ["a total", (f: File) => (f.transfers.totals[0]!.value *= 10)],
    ["the number", (f: File) => (f.number = "SB-2026-000043")],
    ["one character of the narrative", (f: File) => (f.narrative = f.narrative!.replace("Kaspi", "Kaspa"))],
    ["a recipient", (f: File) => (f.transfers.items[0]!.recipient!.value = "KZ18722S000012345679")],
    ["the incident date", (f: File) => (f.incident.date = "2026-03-15")],
    ["an added field", (f: File) => (f.extra = true)],
    [
      "the signature value",
      (f: File) => (f.signature.value = f.signature.value.replace(/^./, (c: string) => (c === "A" ? "B" : "A"))),
    ],
  ])("fails as tampered after editing %s", (_, edit) => {
    const file = signed();
    edit(file);
    expect(verifyReport(file, PUBLIC_ONLY)).toEqual({ valid: false, reason: "tampered" });
  });

  it("fails with another server's public key, and says so when no public key is given", async () => {
    expect(verifyReport(signed(), { publicKey: OTHER.publicKey })).toEqual({ valid: false, reason: "wrong_key" });
    expect(verifyReport(signed(), {})).toEqual({ valid: false, reason: "no_key" });
  });

  it("cannot be passed off with a file re-signed by another key under the first key's id", async () => {
    const forged = signReport(toReportJson(bankSecurityReport("kk")), OTHER);
    const file = { ...forged, signature: { ...forged.signature, keyId: publicKeyId(KEYS.publicKey) } };
    expect(verifyReport(file, PUBLIC_ONLY)).toEqual({ valid: false, reason: "tampered" });
  });

  it.each([
    ["null", null],
    ["an array", []],
    ["a file without a signature", { number: "SB-1", version: 1 }],
    ["an unknown algorithm", { ...signed(), signature: { ...signed().signature, alg: "none" } }],
    ["a signature of the wrong length", { ...signed(), signature: { ...signed().signature, value: "AAAA" } }],
  ])("fails as malformed for %s", (_, file) => {
    expect(verifyReport(file, PUBLIC_ONLY)).toEqual({ valid: false, reason: "malformed" });
  });

  it("signs the large report and re-signing replaces the old signature", async () => {
    const once = signReport(toReportJson(largeReport("ru")), KEYS);
    const twice = signReport(once, KEYS);
    expect(twice).toEqual(once);
  });

  it("refuses a key that is not Ed25519", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(() => reportKeys(privateKey)).toThrow(/Ed25519/);
  });
});

describe("reports signed with HMAC before Ed25519", () => {
  it("still verify with the old secret", async () => {
    expect(verifyReport(signedLegacy(), { legacyHmacKey: KEYS.legacyHmacKey })).toEqual({
      valid: true,
      number: "SB-2026-000042",
      version: 1,
      alg: "HMAC-SHA256",
    });
    expect(signedLegacy().signature.keyId).toBe(legacyKeyId(KEYS.legacyHmacKey!));
  });

  it("fail as tampered after an edit, and as wrong_key with another secret", async () => {
    const file = signedLegacy();
    file.transfers.items[0]!.amount!.value += 1;
    expect(verifyReport(file, { legacyHmacKey: KEYS.legacyHmacKey })).toEqual({ valid: false, reason: "tampered" });
    expect(verifyReport(signedLegacy(), { legacyHmacKey: "b".repeat(64) })).toEqual({
      valid: false,
      reason: "wrong_key",
    });
  });

  it("are not accepted on the strength of the public key alone", async () => {
    expect(verifyReport(signedLegacy(), PUBLIC_ONLY)).toEqual({ valid: false, reason: "no_key" });
  });
});

describe("verify deep link", () => {
  it("round-trips and fits Telegram's 64-character limit", async () => {
    const payload = verifyStartPayload("SB-2026-000042", 12, KEYS);
    expect(payload.length).toBeLessThanOrEqual(64);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    const parsed = parseVerifyPayload(payload);
    expect(parsed).toMatchObject({ number: "SB-2026-000042", version: 12 });
    expect(checkVerifyToken(parsed!, KEYS)).toBe(true);
  });

  it("rejects forgeries: another version, another number, another key, a changed token", async () => {
    const parsed = parseVerifyPayload(verifyStartPayload("SB-2026-000042", 2, KEYS))!;
    expect(checkVerifyToken({ ...parsed, version: 3 }, KEYS)).toBe(false);
    expect(checkVerifyToken({ ...parsed, number: "SB-2026-000041" }, KEYS)).toBe(false);
    expect(checkVerifyToken(parsed, OTHER)).toBe(false);
    const flipped = parsed.token.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    expect(checkVerifyToken({ ...parsed, token: flipped }, KEYS)).toBe(false);
  });

  it("still opens QR codes printed with the old HMAC secret", async () => {
    const old = createHmac("sha256", Buffer.from(KEYS.legacyHmacKey!, "utf8"))
      .update("saqbol-verify\nSB-2026-000007\n1")
      .digest()
      .subarray(0, 10)
      .toString("base64url");
    expect(old).not.toBe(verifyToken("SB-2026-000007", 1, KEYS));
    expect(checkVerifyToken({ number: "SB-2026-000007", version: 1, token: old }, KEYS)).toBe(true);
    expect(checkVerifyToken({ number: "SB-2026-000007", version: 1, token: old }, OTHER)).toBe(false);
  });

  it("parses nothing that is not a verify payload", async () => {
    expect(parseVerifyPayload("v_SB-2026-000042_2_short")).toBeNull();
    expect(parseVerifyPayload("ref_abc")).toBeNull();
    expect(parseVerifyPayload("")).toBeNull();
  });
});

describe("facts the QR check shows", () => {
  it("sum the money per currency, count transfers, and digest the recipients whatever their order", async () => {
    const report = bankSecurityReport("ru");
    const facts = checkFacts(report);
    expect(facts.transfers).toBe(report.answers.transfers.length);
    expect(facts.incidentDate).toBe(report.answers.incidentDate);
    expect(facts.recipientsDigest).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    const reversed = [...report.answers.transfers].reverse();
    expect(recipientsDigest(reversed)).toBe(facts.recipientsDigest);
    const changed = structuredClone(report.answers.transfers);
    changed[0]!.recipient!.value = "KZ18722S000012345679";
    expect(recipientsDigest(changed)).not.toBe(facts.recipientsDigest);
    expect(recipientsDigest([])).toBeUndefined();
  });
});
