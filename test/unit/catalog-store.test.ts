import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { diffCatalogs, formatDiff } from "../../src/catalog/diff.js";
import { CatalogHolder } from "../../src/catalog/holder.js";
import { CatalogError, loadDefaultCatalog, readDefaultCatalogYaml } from "../../src/catalog/load.js";
import { CatalogStore, ensureDefaultCatalog } from "../../src/catalog/store.js";
import type { Db } from "../../src/db/client.js";
import { auditLog, catalogVersions } from "../../src/db/schema.js";
import { testDb } from "../support/database.js";

const ADMIN = { id: 42, role: "admin" };
const shipped = loadDefaultCatalog();

/** The shipped document with a new version and a changed advice text. */
function nextVersion(version = "2026.12.1"): string {
  const doc = parse(readDefaultCatalogYaml());
  doc.version = version;
  doc.schemes[0].prevention[0].ru = "Банк никогда не звонит, чтобы спасти ваши деньги.";
  doc.schemes.push({ ...structuredClone(doc.schemes[0]), id: "qr_parking_fine", status: "draft" });
  return stringify(doc);
}

let db: Db;
let store: CatalogStore;
let now: Date;
beforeEach(async () => {
  db = await testDb();
  now = new Date("2026-11-25T10:00:00Z");
  store = new CatalogStore(db, () => now);
});

describe("catalogue store", () => {
  it("imports and activates the shipped default on first start, and keeps it on the next", async () => {
    const first = await store.ensureDefault();
    expect(first.version).toBe(shipped.version);
    expect(await store.activeVersion()).toBe(shipped.version);
    expect((await store.ensureDefault()).version).toBe(shipped.version);
    expect(await store.list()).toHaveLength(1);
    const actions = (await db.select().from(auditLog).all()).map((a) => [a.action, a.actorRole]);
    expect(actions).toEqual([
      ["catalog.import", "system"],
      ["catalog.activate", "system"],
    ]);
  });

  it("stores an upload inactive, with the diff against the active version", async () => {
    await store.ensureDefault();
    const result = await store.importVersion(nextVersion(), ADMIN);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.diff).toMatchObject({
      from: shipped.version,
      to: "2026.12.1",
      added: ["qr_parking_fine"],
      removed: [],
    });
    expect(result.diff.changed).toEqual([{ id: "bank_security", fields: ["prevention"] }]);
    expect(await store.activeVersion()).toBe(shipped.version);
    expect((await store.list()).map((v) => [v.version, v.active, v.uploadedBy])).toEqual([
      ["2026.12.1", false, 42],
      [shipped.version, true, null],
    ]);
  });

  it("rejects the same version twice", async () => {
    await store.ensureDefault();
    expect((await store.importVersion(nextVersion(), ADMIN)).ok).toBe(true);
    const again = await store.importVersion(nextVersion(), ADMIN);
    expect(again.ok ? [] : again.problems).toEqual([
      'version: "2026.12.1" is already stored; give the new document a new version',
    ]);
  });

  it("activates, rolls back and exports, recording who changed what", async () => {
    await store.ensureDefault();
    await store.importVersion(nextVersion(), ADMIN);
    now = new Date("2026-11-26T09:00:00Z");
    const activated = await store.activate("2026.12.1", ADMIN);
    expect(activated.scheme("bank_security")?.prevention[0]?.ru).toBe(
      "Банк никогда не звонит, чтобы спасти ваши деньги.",
    );
    expect((await store.loadActive())?.version).toBe("2026.12.1");
    expect(await store.exportActive()).toBe(nextVersion());
    const rolled = await store.rollback(shipped.version, ADMIN);
    expect(rolled.version).toBe(shipped.version);
    expect(await store.exportActive()).toBe(readDefaultCatalogYaml());
    expect(await store.exportYaml("2026.12.1")).toBe(nextVersion());
    const log = (await db.select().from(auditLog).all()).slice(2);
    expect(log.map((a) => [a.action, a.actorId, a.details])).toEqual([
      ["catalog.import", 42, { version: "2026.12.1", active: shipped.version }],
      ["catalog.activate", 42, { from: shipped.version, to: "2026.12.1" }],
      ["catalog.rollback", 42, { from: "2026.12.1", to: shipped.version }],
    ]);
    expect(log[1]?.at).toBe("2026-11-26T09:00:00.000Z");
  });

  it("never lets a malformed upload replace the active catalogue", async () => {
    const holder = new CatalogHolder(await store.ensureDefault());
    const broken = nextVersion().replace("title:", "titel:");
    const result = await store.importVersion(broken, ADMIN);
    expect(result.ok).toBe(false);
    expect(await store.list()).toHaveLength(1);
    expect(await store.activeVersion()).toBe(shipped.version);
    expect(holder.current().version).toBe(shipped.version);
    await expect(store.activate("2099.1.1", ADMIN)).rejects.toThrow(CatalogError);
    expect(await store.activeVersion()).toBe(shipped.version);
  });

  it("stores a draft document but refuses to activate it", async () => {
    await store.ensureDefault();
    const result = await store.importVersion(nextVersion().replace("status: active", "status: draft"), ADMIN);
    expect(result.ok).toBe(true);
    await expect(store.activate("2026.12.1", ADMIN)).rejects.toThrow(/is a draft/);
    expect(await store.activeVersion()).toBe(shipped.version);
  });

  it("switches the holder's catalogue without a restart", async () => {
    const holder = new CatalogHolder(await store.ensureDefault());
    await store.importVersion(nextVersion(), ADMIN);
    holder.replace(await store.activate("2026.12.1", ADMIN));
    expect(holder.version).toBe("2026.12.1");
    expect(holder.current().scheme("bank_security")?.prevention[0]?.ru).toContain("спасти ваши деньги");
  });

  it("keeps running on the database's version when the shipped file is corrupted", async () => {
    await store.ensureDefault();
    const dir = mkdtempSync(join(tmpdir(), "saqbol-catalog-"));
    const corrupted = join(dir, "catalog.yaml");
    writeFileSync(corrupted, "version: [unclosed\n");
    expect((await ensureDefaultCatalog(db, { path: corrupted })).version).toBe(shipped.version);
  });

  it("fails with one clear line when neither the database nor the shipped file is usable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "saqbol-catalog-"));
    const corrupted = join(dir, "catalog.yaml");
    writeFileSync(corrupted, "version: '1'\n");
    await expect(ensureDefaultCatalog(db, { path: corrupted })).rejects.toThrow(
      /^catalogue: no usable version — the database has none active and .*catalog\.yaml/,
    );
  });

  it("replaces an active version stored by an older release that lacks a built-in scheme or technique", async () => {
    const old = parse(readDefaultCatalogYaml());
    old.version = "2026.11.1";
    old.schemes = old.schemes.filter((s: { id: string }) => s.id !== "malicious_app");
    delete old.techniques.apk_installed;
    delete old.everyday;
    // As an older release stored it: the document it validated then, kept as JSON, and active.
    await db
      .insert(catalogVersions)
      .values({ version: "2026.11.1", yaml: stringify(old), document: JSON.stringify(old), active: true })
      .run();
    expect(await store.loadActive()).toBeUndefined();
    const catalog = await store.ensureDefault();
    expect(catalog.version).toBe(shipped.version);
    expect(await store.activeVersion()).toBe(shipped.version);
    expect(catalog.scheme("malicious_app")).toBeDefined();
    await expect(store.activate("2026.11.1", ADMIN)).rejects.toThrow(
      /no longer validates: schemes: built-in scheme "malicious_app"/,
    );
  });

  it("imports a newer shipped default as inactive and leaves the active one", async () => {
    await store.importVersion(readDefaultCatalogYaml(), ADMIN);
    await store.activate(shipped.version, ADMIN);
    const dir = mkdtempSync(join(tmpdir(), "saqbol-catalog-"));
    const newer = join(dir, "catalog.yaml");
    writeFileSync(newer, nextVersion("2027.1.1"));
    expect((await store.ensureDefault({ path: newer })).version).toBe(shipped.version);
    expect((await store.list()).find((v) => v.version === "2027.1.1")?.active).toBe(false);
  });
});

describe("catalogue diff", () => {
  it("lists added, removed and changed schemes and other sections", async () => {
    const doc = parse(readDefaultCatalogYaml());
    doc.version = "2026.12.2";
    doc.schemes = doc.schemes.filter((s: { id: string }) => s.id !== "romance");
    doc.schemes[1].signals.phrases.ru["новая фраза"] = 0.5;
    doc.schemes[1].title.kk = "Жаңа тақырып";
    doc.contacts.kaspi.checked_on = "2026-12-01";
    const next = await new CatalogStore(db).validate(stringify(doc));
    expect(next.ok).toBe(false); // romance is built in: it cannot be removed
    doc.schemes.push({ ...structuredClone(doc.schemes[0]), id: "romance" });
    const valid = await new CatalogStore(db).validate(stringify(doc));
    if (!valid.ok) throw new Error(valid.problems.join("\n"));
    const diff = diffCatalogs(shipped, valid.catalog);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      { id: "law_enforcement", fields: ["title", "signals.phrases"] },
      {
        id: "romance",
        fields: [
          "title",
          "summary",
          "how_it_goes",
          "red_flags",
          "prevention",
          "urgent_steps",
          "signals.identities",
          "signals.channels",
          "signals.techniques",
          "signals.answers",
          "signals.phrases",
        ],
      },
    ]);
    expect(diff.sections).toEqual(["contacts"]);
    expect(formatDiff(diff)[0]).toBe(`${shipped.version} → 2026.12.2`);
    expect(formatDiff(diffCatalogs(shipped, shipped))).toEqual([
      `${shipped.version} → ${shipped.version}`,
      "no changes",
    ]);
  });
});
