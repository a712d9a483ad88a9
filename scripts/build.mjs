// Bundles the bot's own code into dist/ (packages stay in node_modules):
// dist/main.js, and dist/document-worker.js for the threads that make documents.
// Starting from prebuilt files is about a second faster than compiling
// TypeScript on the fly. The build runs at install (npm's prepare) and by
// `npm run build`; dist/build.json lists every file that went into it with its
// hash, so `npm start` can tell a current build from a stale one without
// rebuilding (scripts/start.mjs).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const dist = join(root, "dist");
const manifestPath = join(dist, "build.json");

const hashOf = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** The bundle, and the manifest of its inputs (the sources and this script). */
export async function buildBundle() {
  // Loaded only to build: a start on a current build does not need esbuild.
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: "src/main.ts", "document-worker": "src/services/document-worker.ts" },
    outdir: dist,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
  });
  const files = [...Object.keys(result.metafile.inputs), relative(root, fileURLToPath(import.meta.url))];
  const inputs = Object.fromEntries(files.map((file) => [file, hashOf(join(root, file))]));
  writeFileSync(manifestPath, `${JSON.stringify({ inputs }, null, 1)}\n`);
}

/** undefined when dist/ was built from the files as they are now; otherwise what changed. */
export function staleness() {
  if (!existsSync(manifestPath) || !existsSync(join(dist, "main.js"))) return "there is no build in dist/";
  const { inputs } = JSON.parse(readFileSync(manifestPath, "utf8"));
  for (const [file, hash] of Object.entries(inputs)) {
    const path = join(root, file);
    if (!existsSync(path)) return `${file} is gone`;
    if (hashOf(path) !== hash) return `${file} changed`;
  }
  return undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildBundle();
