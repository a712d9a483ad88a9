/**
 * Catalogue versions in the database: every uploaded version is kept (table catalog_versions),
 * one is active, and every change is written to audit_log (who, when, from which version to
 * which). A document that does not validate is never stored, and the active version only
 * changes on an explicit activate or rollback.
 */
import { desc, eq } from "drizzle-orm";
import { type Actor, type AuditAction, audit } from "../db/audit.js";
import { type Db, inTransaction } from "../db/client.js";
import { catalogVersions } from "../db/schema.js";
import type { Logger } from "../logger.js";
import { type CatalogDiff, diffCatalogs } from "./diff.js";
import { CatalogError, defaultCatalogPath, loadCatalog, loadStoredCatalog, readDefaultCatalogYaml } from "./load.js";
import type { CatalogIssue } from "./problems.js";
import { failure } from "./schema.js";
import type { Catalog } from "./types.js";

/** Who made a change, as the audit log records it (the CLI's carries the OS user and host). */
export type CatalogActor = Actor;

export const SYSTEM_ACTOR: CatalogActor = { id: null, role: "system" };

export interface CatalogVersionInfo {
  version: string;
  author: string | null;
  uploadedBy: number | null;
  active: boolean;
  createdAt: string;
  activatedAt: string | null;
}

export type ImportResult =
  | { ok: true; version: string; catalog: Catalog; diff: CatalogDiff }
  | { ok: false; problems: string[]; issues: CatalogIssue[] };

export class CatalogStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Checks a document without storing it. */
  async validate(yamlText: string): Promise<ImportResult> {
    const loaded = loadCatalog(yamlText);
    if (!loaded.ok) return loaded;
    return {
      ok: true,
      version: loaded.catalog.version,
      catalog: loaded.catalog,
      diff: diffCatalogs(await this.loadActive(), loaded.catalog),
    };
  }

  /** Validates and stores a new version, inactive. The diff is against the active version. */
  async importVersion(yamlText: string, by: CatalogActor): Promise<ImportResult> {
    const checked = await this.validate(yamlText);
    if (!checked.ok) return checked;
    const { version } = checked;
    const stored = await inTransaction(this.db, async (db) => {
      // Checked in the transaction: two processes importing the same version store it once.
      if (await this.row(version, db)) return false;
      await db
        .insert(catalogVersions)
        .values({
          version,
          yaml: yamlText,
          document: JSON.stringify(checked.catalog.document),
          author: checked.catalog.author,
          uploadedBy: by.id,
          active: false,
        })
        .run();
      await this.audit(by, "catalog.import", { version, active: (await this.activeVersion(db)) ?? null }, db);
      return true;
    });
    if (!stored) {
      return failure([
        { path: ["version"], message: `"${version}" is already stored; give the new document a new version` },
      ]);
    }
    return checked;
  }

  /** Makes a stored version the active one; throws CatalogError if it is unknown or invalid. */
  activate(version: string, by: CatalogActor): Promise<Catalog> {
    return this.switchTo(version, by, "catalog.activate");
  }

  /** Returns to an earlier stored version (the same as activate, recorded as a rollback). */
  async rollback(version: string, by: CatalogActor): Promise<Catalog> {
    if (version === (await this.activeVersion()))
      throw new CatalogError(`catalogue version "${version}" is already active`, [], {
        reason: "already_active",
        version,
      });
    return this.switchTo(version, by, "catalog.rollback");
  }

  list(): Promise<CatalogVersionInfo[]> {
    return this.db
      .select({
        version: catalogVersions.version,
        author: catalogVersions.author,
        uploadedBy: catalogVersions.uploadedBy,
        active: catalogVersions.active,
        createdAt: catalogVersions.createdAt,
        activatedAt: catalogVersions.activatedAt,
      })
      .from(catalogVersions)
      .orderBy(desc(catalogVersions.createdAt), desc(catalogVersions.version))
      .all();
  }

  async activeVersion(db = this.db): Promise<string | undefined> {
    const row = await db
      .select({ version: catalogVersions.version })
      .from(catalogVersions)
      .where(eq(catalogVersions.active, true))
      .get();
    return row?.version;
  }

  /** The YAML of the active version, or of the given one. */
  async exportYaml(version?: string): Promise<string | undefined> {
    const v = version ?? (await this.activeVersion());
    return v === undefined ? undefined : (await this.row(v))?.yaml;
  }

  exportActive(): Promise<string | undefined> {
    return this.exportYaml();
  }

  /** The active version compiled, or undefined when there is none or it no longer validates. */
  async loadActive(): Promise<Catalog | undefined> {
    const row = await this.db.select().from(catalogVersions).where(eq(catalogVersions.active, true)).get();
    if (!row) return undefined;
    const loaded = loadStoredCatalog(row.yaml, row.document);
    return loaded.ok ? loaded.catalog : undefined;
  }

  /**
   * Start-up: the active version from the database; on first start the shipped default,
   * imported and activated. A shipped default with a version not yet stored is imported
   * (inactive) for admins to activate. Throws one line when nothing usable exists.
   */
  async ensureDefault(options: { path?: string; logger?: Logger } = {}): Promise<Catalog> {
    const path = options.path ?? defaultCatalogPath;
    const log = options.logger;
    let shipped: Catalog | undefined;
    let shippedProblem: string | undefined;
    try {
      const shippedText = readDefaultCatalogYaml(path);
      // The same text stored already (every start but the first): its stored document will do.
      const stored = await this.db.select().from(catalogVersions).where(eq(catalogVersions.yaml, shippedText)).get();
      const loaded = stored ? loadStoredCatalog(stored.yaml, stored.document) : loadCatalog(shippedText);
      if (loaded.ok) shipped = loaded.catalog;
      else
        shippedProblem = `${loaded.problems[0]}${loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more)` : ""}`;
    } catch (error) {
      shippedProblem = `cannot be read: ${(error as Error).message}`;
    }
    const active = await this.loadActive();
    if (shippedProblem) log?.warn({ path, problem: shippedProblem }, "shipped catalogue is invalid; not imported");
    if (shipped && !(await this.row(shipped.version))) {
      const imported = await this.importVersion(shipped.yaml, SYSTEM_ACTOR);
      if (imported.ok) log?.info({ version: shipped.version }, "shipped catalogue imported");
    }
    if (active) return active;
    if (shipped) {
      const stale = await this.activeVersion();
      if (stale) log?.warn({ version: stale }, "active catalogue no longer validates; using the shipped one");
      return this.activate(shipped.version, SYSTEM_ACTOR);
    }
    throw new CatalogError(
      `catalogue: no usable version — the database has none active and ${path} ${shippedProblem ?? "is invalid"}`,
    );
  }

  private async switchTo(version: string, by: CatalogActor, action: AuditAction): Promise<Catalog> {
    const row = await this.row(version);
    if (!row)
      throw new CatalogError(`catalogue version "${version}" is not stored`, [], { reason: "not_stored", version });
    const loaded = loadStoredCatalog(row.yaml, row.document);
    if (!loaded.ok)
      throw new CatalogError(
        `catalogue version "${version}" no longer validates: ${loaded.problems[0]}`,
        loaded.problems,
        { reason: "invalid", version },
      );
    if (loaded.catalog.status === "draft") {
      throw new CatalogError(
        `catalogue version "${version}" is a draft; upload it with status: active to activate it`,
        [],
        { reason: "draft", version },
      );
    }
    await inTransaction(this.db, async (db) => {
      const from = await this.activeVersion(db);
      if (from === version) return;
      await db.update(catalogVersions).set({ active: false }).where(eq(catalogVersions.active, true)).run();
      await db
        .update(catalogVersions)
        .set({ active: true, activatedAt: this.now().toISOString() })
        .where(eq(catalogVersions.version, version))
        .run();
      await this.audit(by, action, { from: from ?? null, to: version }, db);
    });
    return loaded.catalog;
  }

  private row(version: string, db = this.db) {
    return db.select().from(catalogVersions).where(eq(catalogVersions.version, version)).get();
  }

  private audit(by: CatalogActor, action: AuditAction, details: Record<string, unknown>, db = this.db): Promise<void> {
    return audit(db, { actor: by, action, details, at: this.now() });
  }
}

/** The bot's start-up call: see CatalogStore.ensureDefault. */
export function ensureDefaultCatalog(db: Db, options: { path?: string; logger?: Logger } = {}): Promise<Catalog> {
  return new CatalogStore(db).ensureDefault(options);
}
