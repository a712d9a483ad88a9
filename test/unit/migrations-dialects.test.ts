/**
 * The migrations of both engines (drizzle/sqlite, drizzle/pg) build the same
 * database: after migrating a fresh SQLite file and a fresh PostgreSQL database,
 * every table has the same columns (storage type, nullability, default), the
 * same indexes and the same foreign keys. schema-dialects.test.ts compares the
 * schema files; this compares what the migrations made of them. Runs in the
 * postgres project, which has a cluster.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle as sqliteDrizzle } from "drizzle-orm/better-sqlite3";
import { migrate as sqliteMigrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as pgDrizzle } from "drizzle-orm/node-postgres";
import { migrate as pgMigrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { migrationsDir } from "../../src/paths.js";
import { freshDatabase, query } from "../support/database.js";

const NOW = "now (ISO-8601 UTC, milliseconds)";

interface Column {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
}
interface Index {
  name: string;
  unique: boolean;
  columns: string[];
}
interface ForeignKey {
  columns: string[];
  table: string;
  foreignColumns: string[];
  onDelete: string;
}
interface Table {
  columns: Column[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
}

function normalDefault(text: string | null): string | null {
  if (text === null) return null;
  if (/strftime\('%Y-%m-%dT%H:%M:%fZ',\s*'now'\)|to_char\(\(now\(\) AT TIME ZONE 'utc'/i.test(text)) return NOW;
  const bare = text.replace(/::(text|bigint|integer)$/, "");
  if (bare === "false") return "0";
  if (bare === "true") return "1";
  return bare;
}

async function sqliteTables(path: string): Promise<Record<string, Table>> {
  const target = { path };
  const tables = (
    await query<{ name: string }>(
      target,
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'",
    )
  ).map((t) => t.name);
  const out: Record<string, Table> = {};
  for (const table of tables) {
    const info = await query<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
      target,
      `PRAGMA table_info("${table}")`,
    );
    const indexes: Index[] = [];
    for (const index of await query<{ name: string; unique: number; origin: string }>(
      target,
      `PRAGMA index_list("${table}")`,
    )) {
      // Primary keys are compared as NOT NULL columns plus the key below.
      if (index.origin === "pk") continue;
      const columns = (await query<{ name: string }>(target, `PRAGMA index_info("${index.name}")`)).map((c) => c.name);
      indexes.push({ name: index.name, unique: index.unique === 1, columns });
    }
    const fks = await query<{ id: number; table: string; from: string; to: string; on_delete: string }>(
      target,
      `PRAGMA foreign_key_list("${table}")`,
    );
    const keys = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    if (keys.length > 0) indexes.push({ name: "(primary key)", unique: true, columns: keys.map((c) => c.name) });
    out[table] = {
      columns: info.map((c) => ({
        name: c.name,
        type: c.type.toLowerCase() === "integer" ? "bigint" : c.type.toLowerCase(),
        notNull: c.notnull === 1 || c.pk > 0,
        default: normalDefault(c.dflt_value),
      })),
      indexes: indexes.sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: fks.map((f) => ({
        columns: [f.from],
        table: f.table,
        foreignColumns: [f.to],
        onDelete: f.on_delete.toLowerCase(),
      })),
    };
  }
  return out;
}

async function postgresTables(url: string): Promise<Record<string, Table>> {
  const target = { url, path: "" };
  const columns = await query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    target,
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const indexes = await query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string }>(
    target,
    `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
            (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
     FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace s ON s.oid = t.relnamespace WHERE s.nspname = 'public'`,
  );
  const fks = await query<{
    table: string;
    columns: string;
    foreign_table: string;
    foreign_columns: string;
    on_delete: string;
  }>(
    target,
    `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS foreign_table,
            (SELECT string_agg(a.attname, ',') FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS columns,
            (SELECT string_agg(a.attname, ',') FROM unnest(c.confkey) k JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k) AS foreign_columns,
            CASE c.confdeltype WHEN 'c' THEN 'cascade' WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict' WHEN 'n' THEN 'set null' ELSE 'set default' END AS on_delete
     FROM pg_constraint c WHERE c.contype = 'f'`,
  );
  const out: Record<string, Table> = {};
  for (const c of columns) {
    out[c.table_name] ??= { columns: [], indexes: [], foreignKeys: [] };
    out[c.table_name]!.columns.push({
      name: c.column_name,
      type: c.data_type,
      notNull: c.is_nullable === "NO",
      // An identity column's values come from its sequence, as an INTEGER PRIMARY KEY's rowid does.
      default: normalDefault(c.column_default),
    });
  }
  for (const i of indexes) {
    out[i.table]?.indexes.push({
      name: i.primary ? "(primary key)" : i.name,
      unique: i.unique,
      columns: i.columns.split(","),
    });
  }
  for (const table of Object.values(out)) table.indexes.sort((a, b) => a.name.localeCompare(b.name));
  for (const f of fks) {
    out[f.table]?.foreignKeys.push({
      columns: f.columns.split(","),
      table: f.foreign_table,
      foreignColumns: f.foreign_columns.split(","),
      onDelete: f.on_delete,
    });
  }
  return out;
}

describe("the migrations of both engines", () => {
  it("build the same tables, columns, defaults, indexes and foreign keys", async () => {
    const dir = mkdtempSync(join(tmpdir(), "saqbol-migrations-"));
    const path = join(dir, "saqbol.db");
    const postgres = await freshDatabase();
    await closeDatabase(await openDatabase(path));
    await closeDatabase(await openDatabase(postgres.target));
    try {
      const [a, b] = [await sqliteTables(path), await postgresTables(postgres.target.url!)];
      expect(Object.keys(a)).toContain("reports");
      expect(a.reports?.columns.length).toBeGreaterThan(30);
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table]);
    } finally {
      await postgres.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A copy of an engine's migrations that stops after the one tagged `last`. */
function migrationsUpTo(folder: string, last: string, into: string): string {
  cpSync(folder, into, { recursive: true });
  const journalPath = join(into, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === last);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, end + 1) }));
  return into;
}

describe("the data migration 0003 (an officer's one region becomes a list)", () => {
  // Rows as a release before 0003 left them: an officer and an invite with one region, and one without.
  const before = [
    "INSERT INTO users (id, role, police_region) VALUES (701, 'police', 'almaty')",
    "INSERT INTO users (id, role) VALUES (702, 'police')",
    "INSERT INTO invites (token_hash, role, created_by, region, expires_at) VALUES ('a', 'police', 1, 'astana', 'x')",
    "INSERT INTO invites (token_hash, role, created_by, expires_at) VALUES ('b', 'police', 1, 'x')",
  ];
  const after = [
    "SELECT id, police_regions FROM users ORDER BY id",
    "SELECT token_hash, regions FROM invites ORDER BY token_hash",
  ];
  const expected = [
    [
      { id: 701, police_regions: '["almaty"]' },
      { id: 702, police_regions: "[]" },
    ],
    [
      { token_hash: "a", regions: '["astana"]' },
      { token_hash: "b", regions: "[]" },
    ],
  ];

  it("writes the same JSON lists on SQLite (json_array) and on PostgreSQL (jsonb_build_array)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "saqbol-data-migration-"));
    const postgres = await freshDatabase();
    const client = new pg.Client({
      connectionString: postgres.target.url,
      types: { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) },
    });
    const sqlite = new Database(join(dir, "saqbol.db"));
    try {
      await client.connect();
      // The tests' databases are copies of a migrated template: empty this one.
      await client.query("DROP SCHEMA public CASCADE; DROP SCHEMA drizzle CASCADE; CREATE SCHEMA public");
      sqliteMigrate(sqliteDrizzle(sqlite), {
        migrationsFolder: migrationsUpTo(migrationsDir.sqlite, "0002_police_case_file", join(dir, "sqlite")),
      });
      await pgMigrate(pgDrizzle(client), {
        migrationsFolder: migrationsUpTo(migrationsDir.postgres, "0002_police_case_file", join(dir, "pg")),
      });
      for (const statement of before) {
        sqlite.prepare(statement).run();
        await client.query(statement);
      }
      sqliteMigrate(sqliteDrizzle(sqlite), { migrationsFolder: migrationsDir.sqlite });
      await pgMigrate(pgDrizzle(client), { migrationsFolder: migrationsDir.postgres });
      const onSqlite = after.map((q) => sqlite.prepare(q).all());
      const onPostgres: unknown[] = [];
      for (const q of after) onPostgres.push((await client.query(q)).rows);
      expect(onSqlite).toEqual(expected);
      expect(onPostgres).toEqual(expected);
    } finally {
      sqlite.close();
      await client.end();
      await postgres.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
