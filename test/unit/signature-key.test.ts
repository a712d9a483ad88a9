import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { command } from "../../src/cli/report.js";
import { toReportJson } from "../../src/core/report/json.js";
import { signReport } from "../../src/core/report/signature.js";
import { loadOrCreateSigningKey, SigningKeyError } from "../../src/documents/signing-key.js";
import { egovLoanReport } from "../fixtures/reports/index.js";
import { runCli } from "../support/cli-in-process.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "saqbol-key-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("signing key", () => {
  it("is created on first start as 32 random bytes in hex, mode 0600, folder included", () => {
    const path = join(tempDir(), "nested", "saqbol.db.signing.key");
    const key = loadOrCreateSigningKey(path);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSigningKey(path)).toBe(key);
  });

  it("uses the configured key and creates no file", () => {
    const path = join(tempDir(), "k.key");
    expect(loadOrCreateSigningKey(path, "x".repeat(40))).toBe("x".repeat(40));
    expect(() => statSync(path)).toThrow();
  });

  it("reports an unusable key folder in one clear line", () => {
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "");
    const error = (() => {
      try {
        loadOrCreateSigningKey(join(file, "k.key"));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SigningKeyError);
    expect((error as Error).message).toMatch(
      /^signing key file .*not-a-folder\/k\.key cannot be (read|created) \(ENOTDIR\); set SIGNING_KEY/,
    );
    expect((error as Error).message).not.toContain("\n");
  });

  it("refuses a key file that holds no key", () => {
    const path = join(tempDir(), "k.key");
    writeFileSync(path, "\n");
    expect(() => loadOrCreateSigningKey(path)).toThrow(/holds no key/);
  });
});

const cli = (args: string[], env: Record<string, string> = {}) => runCli(command, args, env);

describe("cli report", () => {
  const setUp = () => {
    const dir = tempDir();
    const keyFile = join(dir, "saqbol.db.signing.key");
    const key = loadOrCreateSigningKey(keyFile);
    const file = join(dir, "report.json");
    writeFileSync(file, JSON.stringify(signReport(toReportJson(egovLoanReport("kk")), key), null, 2));
    return { dir, keyFile, file };
  };

  it("verifies a file with the bot's key file found from DATABASE_PATH", async () => {
    const { dir, file } = setUp();
    const result = await cli(["verify", file], { DATABASE_PATH: join(dir, "saqbol.db") });
    expect(result).toMatchObject({ code: 0, out: "valid SB-2026-000311 v2\n" });
  });

  it("says tampered, exit 1, after an edit", async () => {
    const { keyFile, file } = setUp();
    writeFileSync(file, readFileSync(file, "utf8").replace("Home Credit Bank", "Home Credit Bahk"));
    expect(await cli(["verify", file, "--key-file", keyFile])).toMatchObject({ code: 1, out: "not valid: tampered\n" });
  });

  it("says wrong_key with another SIGNING_KEY and malformed for a file that is not JSON", async () => {
    const { file } = setUp();
    expect((await cli(["verify", file], { SIGNING_KEY: "k".repeat(40) })).out).toBe("not valid: wrong_key\n");
    writeFileSync(file, "{not json");
    expect((await cli(["verify", file], { SIGNING_KEY: "k".repeat(40) })).out).toBe("not valid: malformed\n");
  });

  it("prints the JSON Schema", async () => {
    const result = await cli(["schema"]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.out);
    expect(schema).toMatchObject({ title: "Saqbol pre-report 1.2", type: "object" });
    // The police fields of issue 15: the victim, call times, receipts, crypto details, file hashes.
    expect(Object.keys(schema.properties.victim.properties)).toEqual(
      expect.arrayContaining(["name", "iin", "birthDate", "address", "phone", "account", "callsReceivedOn", "device"]),
    );
    expect(Object.keys(schema.properties.contacts.items.properties)).toEqual(expect.arrayContaining(["callTime"]));
    const transfer = schema.properties.transfers.properties.items.items.properties;
    expect(Object.keys(transfer)).toEqual(expect.arrayContaining(["receiptId", "crypto"]));
    expect(Object.keys(schema.properties.evidence.items.properties)).toEqual(expect.arrayContaining(["sha256"]));
  });

  it("explains where it looked when there is no key", async () => {
    const result = await cli(["verify", "r.json"], { DATABASE_PATH: join(tempDir(), "none.db") });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/no signing key.*none\.db\.signing\.key/);
  });
});
