/**
 * What `npm start` runs, so start-up, memory and the HTTP pieces are measured the
 * same way: scripts/start.mjs on the build made by scripts/build.mjs (as at
 * install), which starts node on dist/main.js with the heap capped.
 */
import { execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { projectRoot } from "../../src/paths.js";

/** V8's young generation as scripts/start.mjs sizes the bot's with the default SEMI_SPACE_MB. */
export const YOUNG_GENERATION_FLAG = "--max-semi-space-size=32";

/** The node flags scripts/start.mjs gives the bot with the default MEMORY_LIMIT_MB and SEMI_SPACE_MB. */
export const START_FLAGS = ["--enable-source-maps", "--max-old-space-size=256", YOUNG_GENERATION_FLAG];

let built: Promise<unknown> | undefined;

/** The production build, made once per benchmark (as a deployment makes it once, at install). */
export const productionBuild = () => {
  built ??= promisify(execFile)(process.execPath, [join(projectRoot, "scripts", "build.mjs")], { cwd: projectRoot });
  return built;
};

/** `npm start` as a process: the launcher, which runs the bot in a child of its own. */
export async function spawnStart(env: Record<string, string>) {
  await productionBuild();
  return spawn(process.execPath, [join(projectRoot, "scripts", "start.mjs")], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Pids of a process's children (Linux). */
export function childPids(pid: number | undefined): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Bundles another entry point like the production build does (with the document worker beside it). */
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
