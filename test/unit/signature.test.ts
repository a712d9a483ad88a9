import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/core/report/canonical.js";
import { toReportJson } from "../../src/core/report/json.js";
import {
  checkVerifyToken,
  keyIdOf,
  parseVerifyPayload,
  type SignedReportJson,
  signReport,
  verifyReport,
  verifyStartPayload,
} from "../../src/core/report/signature.js";
import { bankSecurityReport, largeReport } from "../fixtures/reports/index.js";

const KEY = "a".repeat(64);
const OTHER_KEY = "b".repeat(64);
type File = SignedReportJson & { extra?: boolean };
const signed = (): File => JSON.parse(JSON.stringify(signReport(toReportJson(bankSecurityReport("kk")), KEY)));

describe("canonical JSON", () => {
  it("does not depend on key order", () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: "ә" }], x: null }, c: "Қ" };
    const b = { c: "Қ", a: { x: null, y: [1, { p: "ә", q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"p":"ә","q":1}]},"b":1,"c":"Қ"}');
  });

  it("drops undefined fields as JSON does and refuses non-JSON numbers", () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});

describe("report signature", () => {
  it("verifies a signed file after a JSON round trip", () => {
    expect(verifyReport(signed(), KEY)).toEqual({ valid: true, number: "SB-2026-000042", version: 1 });
  });

  it("verifies whatever order the file's keys come in", () => {
    const file = signed();
    const reordered = Object.fromEntries(Object.entries(file).reverse());
    expect(verifyReport(reordered, KEY).valid).toBe(true);
  });

  it("names the key by the first 8 hex characters of its SHA-256", () => {
    expect(signed().signature).toMatchObject({ alg: "HMAC-SHA256", keyId: keyIdOf(KEY) });
    expect(keyIdOf(KEY)).toMatch(/^[0-9a-f]{8}$/);
  });

  it.each([
    ["an amount", (f: File) => (f.transfers.items[0]!.amount!.value += 1)],
    ["the number", (f: File) => (f.number = "SB-2026-000043")],
    ["one character of the narrative", (f: File) => (f.narrative = f.narrative!.replace("Kaspi", "Kaspa"))],
    ["a recipient", (f: File) => (f.transfers.items[0]!.recipient!.value = "KZ18722S000012345679")],
    ["an added field", (f: File) => (f.extra = true)],
    [
      "the signature value",
      (f: File) => (f.signature.value = f.signature.value.replace(/^./, (c: string) => (c === "0" ? "1" : "0"))),
    ],
  ])("fails as tampered after editing %s", (_, edit) => {
    const file = signed();
    edit(file);
    expect(verifyReport(file, KEY)).toEqual({ valid: false, reason: "tampered" });
  });

  it("fails with a different key", () => {
    expect(verifyReport(signed(), OTHER_KEY)).toEqual({ valid: false, reason: "wrong_key" });
  });

  it.each([
    ["null", null],
    ["an array", []],
    ["a file without a signature", { number: "SB-1", version: 1 }],
    ["an unknown algorithm", { ...signed(), signature: { ...signed().signature, alg: "none" } }],
  ])("fails as malformed for %s", (_, file) => {
    expect(verifyReport(file, KEY)).toEqual({ valid: false, reason: "malformed" });
  });

  it("signs the large report and re-signing replaces the old signature", () => {
    const once = signReport(toReportJson(largeReport("ru")), KEY);
    const twice = signReport(once, KEY);
    expect(twice).toEqual(once);
  });
});

describe("verify deep link", () => {
  it("round-trips and fits Telegram's 64-character limit", () => {
    const payload = verifyStartPayload("SB-2026-000042", 12, KEY);
    expect(payload.length).toBeLessThanOrEqual(64);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    const parsed = parseVerifyPayload(payload);
    expect(parsed).toMatchObject({ number: "SB-2026-000042", version: 12 });
    expect(checkVerifyToken(parsed!, KEY)).toBe(true);
  });

  it("rejects forgeries: another version, another number, another key, a changed token", () => {
    const parsed = parseVerifyPayload(verifyStartPayload("SB-2026-000042", 2, KEY))!;
    expect(checkVerifyToken({ ...parsed, version: 3 }, KEY)).toBe(false);
    expect(checkVerifyToken({ ...parsed, number: "SB-2026-000041" }, KEY)).toBe(false);
    expect(checkVerifyToken(parsed, OTHER_KEY)).toBe(false);
    const flipped = parsed.token.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    expect(checkVerifyToken({ ...parsed, token: flipped }, KEY)).toBe(false);
  });

  it("parses nothing that is not a verify payload", () => {
    expect(parseVerifyPayload("v_SB-2026-000042_2_short")).toBeNull();
    expect(parseVerifyPayload("ref_abc")).toBeNull();
    expect(parseVerifyPayload("")).toBeNull();
  });
});
