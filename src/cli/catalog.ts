/**
 * `cli catalog validate <file> | import <file> | export [--version v] | list | activate <v> |
 * rollback <v>` over the configured database (see cli/database.ts).
 */
import { readFileSync } from "node:fs";
import { formatDiff } from "../catalog/diff.js";
import { CatalogError, loadCatalog } from "../catalog/load.js";
import { CatalogStore } from "../catalog/store.js";
import type { CliCommand, CliIo } from "./command.js";
import { withDatabase } from "./database.js";
import { cliActor } from "./operator.js";

const USAGE =
  "usage: cli catalog validate <file> | import <file> | export [--version v] | list | activate <version> | rollback <version>";

function readFile(file: string | undefined, io: CliIo): string | undefined {
  if (!file) {
    io.stderr.write(`${USAGE}\n`);
    return undefined;
  }
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    io.stderr.write(`${file}: ${(error as Error).message}\n`);
    return undefined;
  }
}

/** The catalogue store of the configured database, with the shipped catalogue in it. */
function withStore(io: CliIo, fn: (store: CatalogStore) => Promise<number>): Promise<number> {
  return withDatabase(io.env, async (db) => {
    const store = new CatalogStore(db);
    await store.ensureDefault({ path: io.env.CATALOG_PATH || undefined });
    return fn(store);
  });
}

async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, arg, ...rest] = args;
  const out = (line: string) => io.stdout.write(`${line}\n`);
  switch (sub) {
    case "validate": {
      const yaml = readFile(arg, io);
      if (yaml === undefined) return 2;
      const result = loadCatalog(yaml);
      if (!result.ok) {
        for (const p of result.problems) out(p);
        return 1;
      }
      out(`ok: version ${result.catalog.version}, ${result.catalog.schemes({ includeDraft: true }).length} schemes`);
      return 0;
    }
    case "import": {
      const yaml = readFile(arg, io);
      if (yaml === undefined) return 2;
      return withStore(io, async (store) => {
        const result = await store.importVersion(yaml, cliActor(io.env));
        if (!result.ok) {
          for (const p of result.problems) out(p);
          return 1;
        }
        out(`imported ${result.version} (inactive; activate with: cli catalog activate ${result.version})`);
        for (const line of formatDiff(result.diff)) out(line);
        return 0;
      });
    }
    case "export": {
      const version = arg === "--version" ? rest[0] : undefined;
      if (arg === "--version" && !version) {
        io.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const yaml = await withStore(io, async (store) => {
        const text = await store.exportYaml(version);
        if (text === undefined) {
          io.stderr.write(`catalogue version "${version ?? "(active)"}" is not stored\n`);
          return 1;
        }
        io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
        return 0;
      });
      return yaml;
    }
    case "list": {
      return withStore(io, async (store) => {
        for (const v of await store.list()) {
          out([v.active ? "*" : " ", v.version, v.author ?? "-", v.createdAt, v.activatedAt ?? "-"].join("\t"));
        }
        return 0;
      });
    }
    case "activate":
    case "rollback": {
      if (!arg) {
        io.stderr.write(`${USAGE}\n`);
        return 2;
      }
      return withStore(io, async (store) => {
        const by = cliActor(io.env);
        const catalog = sub === "activate" ? await store.activate(arg, by) : await store.rollback(arg, by);
        out(`active: ${catalog.version}`);
        return 0;
      });
    }
    default:
      io.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

export const command: CliCommand = {
  summary: "catalog validate|import|export|list|activate|rollback — manage scheme catalogue versions",
  async run(args, io) {
    // A reader that stops early (| head) closes the pipe; that ends the output, not the program.
    io.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
    try {
      return await run(args, io);
    } catch (error) {
      if (error instanceof CatalogError) {
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
