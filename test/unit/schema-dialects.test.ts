/**
 * schema.ts (SQLite) and schema-pg.ts (PostgreSQL) describe one database: the
 * same tables, columns, storage types, nullability, defaults, keys and indexes.
 * Queries are built from schema.ts and run on both engines, so any drift here is
 * a query that fails, or silently differs, on one of them.
 */
import { is, SQL } from "drizzle-orm";
import { PgDialect, PgTable, getTableConfig as pgConfig } from "drizzle-orm/pg-core";
import { SQLiteSyncDialect, SQLiteTable, getTableConfig as sqliteConfig } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as sqliteSchema from "../../src/db/schema.js";
import * as pgSchema from "../../src/db/schema-pg.js";

const sqliteTables = Object.entries(sqliteSchema).filter(([, v]) => is(v, SQLiteTable)) as [string, SQLiteTable][];
const pgTables = Object.entries(pgSchema).filter(([, v]) => is(v, PgTable)) as [string, PgTable][];

const NOW = "now (ISO-8601 UTC, milliseconds)";
const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

/** A default as a comparable value: the current time, or the literal stored. */
function sqliteDefault(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (is(value, SQL)) {
    const text = sqliteDialect.sqlToQuery(value).sql;
    if (text === "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))") return NOW;
    const literal = /^'(.*)'$/.exec(text);
    return literal ? literal[1] : text;
  }
  // Flags are stored as 0/1.
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function pgDefault(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (is(value, SQL)) {
    const text = pgDialect.sqlToQuery(value).sql;
    return text === pgDialect.sqlToQuery(pgSchema.PG_NOW).sql ? NOW : text;
  }
  return value;
}

/** SQLite's INTEGER is 64-bit: BIGINT is the same storage; TEXT is TEXT. */
const STORAGE: Record<string, string> = { integer: "bigint", text: "text" };

function describeSqlite(table: SQLiteTable) {
  const c = sqliteConfig(table);
  return {
    name: c.name,
    columns: c.columns.map((col) => ({
      name: col.name,
      type: STORAGE[col.getSQLType()] ?? `unmapped ${col.getSQLType()}`,
      notNull: col.notNull,
      primaryKey: col.primary,
      generated: col.primary && (col as unknown as { autoIncrement?: boolean }).autoIncrement === true,
      default: sqliteDefault(col.default),
    })),
    primaryKey: c.primaryKeys.map((pk) => pk.columns.map((col) => col.name)),
    indexes: c.indexes
      .map((i) => ({
        name: i.config.name,
        unique: i.config.unique,
        columns: i.config.columns.map((col) => (col as { name: string }).name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: c.foreignKeys.map((fk) => {
      const ref = fk.reference();
      return {
        columns: ref.columns.map((col) => col.name),
        table: sqliteConfig(ref.foreignTable).name,
        foreignColumns: ref.foreignColumns.map((col) => col.name),
        onDelete: fk.onDelete ?? "no action",
      };
    }),
  };
}

function describePg(table: PgTable) {
  const c = pgConfig(table);
  return {
    name: c.name,
    columns: c.columns.map((col) => ({
      name: col.name,
      type: col.getSQLType(),
      notNull: col.notNull,
      primaryKey: col.primary,
      generated: col.primary && col.generatedIdentity !== undefined,
      default: pgDefault(col.default),
    })),
    primaryKey: c.primaryKeys.map((pk) => pk.columns.map((col) => col.name)),
    indexes: c.indexes
      .map((i) => ({
        name: i.config.name as string,
        unique: i.config.unique,
        columns: i.config.columns.map((col) => (col as { name: string }).name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: c.foreignKeys.map((fk) => {
      const ref = fk.reference();
      return {
        columns: ref.columns.map((col) => col.name),
        table: pgConfig(ref.foreignTable).name,
        foreignColumns: ref.foreignColumns.map((col) => col.name),
        onDelete: fk.onDelete ?? "no action",
      };
    }),
  };
}

describe("the SQLite and PostgreSQL schemas", () => {
  it("export the same tables under the same names", () => {
    expect(pgTables.map(([name]) => name).sort()).toEqual(sqliteTables.map(([name]) => name).sort());
  });

  for (const [exportName, table] of sqliteTables) {
    it(`describe ${exportName} the same way (columns, types, nullability, defaults, keys, indexes)`, () => {
      const twin = pgTables.find(([name]) => name === exportName)?.[1];
      expect(twin, `schema-pg.ts has no ${exportName}`).toBeDefined();
      if (twin) expect(describePg(twin)).toEqual(describeSqlite(table));
    });
  }

  it("maps every SQLite storage type it uses", () => {
    const used = new Set(sqliteTables.flatMap(([, t]) => sqliteConfig(t).columns.map((c) => c.getSQLType())));
    expect([...used].filter((type) => !(type in STORAGE))).toEqual([]);
  });
});
