/**
 * The project's folders, found from wherever this code runs: src/ under tsx, or
 * the bundle in dist/ (`npm start`). Data files (migrations, locales, the default
 * catalogue) are read from the project, never copied into the build.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "saqbol") {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the saqbol project folder above ${from}`);
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
/** Migrations per engine: drizzle/sqlite and drizzle/pg. */
export const migrationsDir = {
  sqlite: join(projectRoot, "drizzle", "sqlite"),
  postgres: join(projectRoot, "drizzle", "pg"),
} as const;
export const localesDir = join(projectRoot, "locales");
export const defaultCatalogPath = join(projectRoot, "src", "catalog", "default-catalog.yaml");
