import { createPublicKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { command } from "../../src/cli/report.js";
import { signingConfig } from "../../src/config.js";
import { toReportJson } from "../../src/core/report/json.js";
import { publicKeyFingerprint, signReport, signReportLegacy } from "../../src/core/report/signature.js";
import { loadReportKeys, SigningKeyError } from "../../src/documents/signing-key.js";
import { egovLoanReport } from "../fixtures/reports/index.js";
import { runCli } from "../support/cli-in-process.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "saqbol-key-"));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const configIn = (dir: string, env: Record<string, string> = {}) =>
  signingConfig({ DATABASE_PATH: join(dir, "nested", "saqbol.db"), ...env });

describe("signing keys", () => {
  it("create an Ed25519 key file on first start, mode 0600, folder included, and read it back", async () => {
    const config = configIn(tempDir());
    const keys = loadReportKeys(config);
    expect(keys.privateKey.asymmetricKeyType).toBe("ed25519");
    expect(statSync(config.privateKeyPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(config.privateKeyPath, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = loadReportKeys(config);
    expect(publicKeyFingerprint(again.publicKey)).toBe(publicKeyFingerprint(keys.publicKey));
    expect(keys.legacyHmacKey).toBeUndefined();
  });

  it("are taken from SIGNING_PRIVATE_KEY (PEM, \\n written out) so several instances share one, and no file is made", async () => {
    const dir = tempDir();
    const pem = loadReportKeys(configIn(tempDir())).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const config = configIn(dir, { SIGNING_PRIVATE_KEY: pem.replace(/\n/g, "\\n") });
    const keys = loadReportKeys(config);
    expect(keys.privateKey.export({ format: "pem", type: "pkcs8" }).toString()).toBe(pem);
    expect(() => statSync(config.privateKeyPath)).toThrow();
  });

  it("keep the old HMAC secret (variable or file) to check older reports; it is never created", async () => {
    const dir = tempDir();
    expect(loadReportKeys(configIn(dir, { SIGNING_KEY: "x".repeat(40) })).legacyHmacKey).toBe("x".repeat(40));
    const config = configIn(dir);
    writeFileSync(config.legacyKeyPath, `${"y".repeat(64)}\n`);
    expect(loadReportKeys(config).legacyHmacKey).toBe("y".repeat(64));
  });

  it("report an unusable key folder or a key that is not Ed25519 in one clear line", async () => {
    const file = join(tempDir(), "not-a-folder");
    writeFileSync(file, "");
    const error = (() => {
      try {
        loadReportKeys({ privateKeyPath: join(file, "k.pem"), legacyKeyPath: join(file, "old.key") });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SigningKeyError);
    expect((error as Error).message).toMatch(/not-a-folder\/k\.pem cannot be (read|created) \(ENOTDIR\)/);
    expect((error as Error).message).not.toContain("\n");
    const dir = tempDir();
    writeFileSync(join(dir, "k.pem"), "not a key\n");
    expect(() => loadReportKeys({ privateKeyPath: join(dir, "k.pem"), legacyKeyPath: join(dir, "o") })).toThrow(
      /is not a PEM private key/,
    );
  });
});

const cli = (args: string[], env: Record<string, string> = {}) => runCli(command, args, env);

describe("cli report", () => {
  /** A server's key files next to its database, a report it signed, and its public key published alone. */
  const setUp = () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, "saqbol.db") };
    const keys = loadReportKeys(signingConfig(env));
    const file = join(dir, "report.json");
    writeFileSync(file, JSON.stringify(signReport(toReportJson(egovLoanReport("kk")), keys), null, 2));
    const elsewhere = tempDir();
    const publicKey = join(elsewhere, "saqbol-public.pem");
    const copy = join(elsewhere, "report.json");
    writeFileSync(copy, readFileSync(file));
    return { dir, env, keys, file, publicKey, copy };
  };

  it("prints the public key and its fingerprint, and the public key alone verifies a file", async () => {
    const { env, keys, publicKey, copy } = setUp();
    const printed = await cli(["public-key"], env);
    expect(printed.code).toBe(0);
    expect(printed.out).toContain("-----BEGIN PUBLIC KEY-----");
    expect(printed.out).toContain(`fingerprint: ${publicKeyFingerprint(keys.publicKey)}`);
    const pem = printed.out.slice(0, printed.out.indexOf("fingerprint:"));
    expect(createPublicKey(pem).asymmetricKeyType).toBe("ed25519");
    writeFileSync(publicKey, pem);
    // no DATABASE_PATH, no private key anywhere: only the published key and the file
    const result = await cli(["verify", copy, "--public-key", publicKey], { DATABASE_PATH: join(tempDir(), "x.db") });
    expect(result).toMatchObject({ code: 0, out: "valid SB-2026-000311 v2 (Ed25519)\n" });
  });

  it("says tampered, exit 1, after an amount is changed", async () => {
    const { env, publicKey, copy } = setUp();
    writeFileSync(publicKey, (await cli(["public-key"], env)).out.split("fingerprint:")[0]!);
    const json = JSON.parse(readFileSync(copy, "utf8"));
    json.loans.items[0].amount.value = 1_500_000;
    writeFileSync(copy, JSON.stringify(json, null, 2));
    expect(await cli(["verify", copy, "--public-key", publicKey])).toMatchObject({
      code: 1,
      out: "not valid: tampered\n",
    });
  });

  it("verifies with the server's own key found from DATABASE_PATH, and says wrong_key with another server's", async () => {
    const { env, file } = setUp();
    expect(await cli(["verify", file], env)).toMatchObject({ code: 0 });
    const other = { DATABASE_PATH: join(tempDir(), "other.db") };
    loadReportKeys(signingConfig(other));
    expect((await cli(["verify", file], other)).out).toBe("not valid: wrong_key\n");
    writeFileSync(file, "{not json");
    expect((await cli(["verify", file], other)).out).toBe("not valid: malformed\n");
  });

  it("still verifies a file signed with the old HMAC secret, with --key-file or SIGNING_KEY", async () => {
    const dir = tempDir();
    const secret = "s".repeat(64);
    const keyFile = join(dir, "saqbol.db.signing.key");
    writeFileSync(keyFile, `${secret}\n`);
    const file = join(dir, "old.json");
    writeFileSync(file, JSON.stringify(signReportLegacy(toReportJson(egovLoanReport("ru")), secret)));
    expect(await cli(["verify", file, "--key-file", keyFile])).toMatchObject({
      code: 0,
      out: "valid SB-2026-000311 v2 (HMAC-SHA256)\n",
    });
    expect(await cli(["verify", file], { SIGNING_KEY: secret, DATABASE_PATH: join(dir, "none.db") })).toMatchObject({
      code: 0,
    });
    expect(await cli(["verify", file], { DATABASE_PATH: join(dir, "saqbol.db") })).toMatchObject({ code: 0 });
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

  it("explains what is missing when there is no key to check the file with", async () => {
    const { file } = setUp();
    const result = await cli(["verify", file], { DATABASE_PATH: join(tempDir(), "none.db") });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--public-key/);
    const none = await cli(["public-key"], { DATABASE_PATH: join(tempDir(), "none.db") });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no signing key yet at .*none\.db\.ed25519\.pem/);
  });
});
