/**
 * `cli migrate`: brings the database (DATABASE_URL or DATABASE_PATH) to this
 * version's schema and makes sure a catalogue is active, under the migration
 * lock. A deployment runs it once before starting instances with
 * MIGRATE_AT_START=false; running it again changes nothing.
 */
import { CatalogError } from "../catalog/load.js";
import { ensureDefaultCatalog } from "../catalog/store.js";
import type { CliCommand } from "./command.js";
import { withDatabase } from "./database.js";

export const command: CliCommand = {
  summary: "migrate — apply database migrations and install the shipped catalogue (deployments)",
  async run(args, io) {
    if (args.length > 0) {
      io.stderr.write("usage: cli migrate\n");
      return 2;
    }
    try {
      let version = "";
      const kind = await withDatabase(io.env, async (db) => db.$engine.kind, {
        migrate: true,
        after: async (db) => {
          version = (await ensureDefaultCatalog(db, { path: io.env.CATALOG_PATH || undefined })).version;
        },
      });
      io.stdout.write(`migrated (${kind}); active catalogue ${version}\n`);
      return 0;
    } catch (error) {
      if (error instanceof CatalogError) {
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
