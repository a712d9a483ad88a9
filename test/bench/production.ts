/**
 * What `npm start` runs, so start-up and memory are measured the same way: the
 * bot bundled by test/tools/build.mjs and node with the start script's flags.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { build } from "esbuild";
import { projectRoot } from "../../src/paths.js";

/** The node flags of package.json's start script (e.g. the heap cap). */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { scripts: { start: string } };
  const run = pkg.scripts.start.split("&&").at(-1)!.trim().split(/\s+/);
  return run.slice(1).filter((arg) => arg.startsWith("--"));
}

/** Bundles an entry point like the production build does (with the document worker beside it); returns the output file. */
export async function bundle(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: {
      [basename(outfile, ".js")]: join(projectRoot, entry),
      "document-worker": join(projectRoot, "src/services/document-worker.ts"),
    },
    outdir: dirname(outfile),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    logLevel: "warning",
  });
  return outfile;
}
