/**
 * Piece 5 from the benchmark's side: runs memory-child.ts in a fresh process
 * (so fonts, exports and the other pieces do not count) and reads its figures.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../../src/paths.js";
import { bundle, START_FLAGS } from "./production.js";
import { ROOT } from "./recognition.js";

export interface MemoryFigures {
  users: number;
  moves: number;
  updates: number;
  seconds: number;
  conversations: number;
  drafts: number;
  rss_base_mb: number;
  rss_mb: number;
  rss_after_gc_mb: number;
  heap_mb: number;
  heap_after_gc_mb: number;
  db_bytes: number;
  errors: number;
}

export async function benchMemory(users: number, moves: number): Promise<MemoryFigures> {
  // Measured as production runs: bundled, with the start script's node flags (the heap cap).
  const child = spawn(
    process.execPath,
    [
      "--expose-gc",
      ...START_FLAGS,
      await bundle("test/bench/memory-child.ts", join(projectRoot, "dist", "bench-memory-child.js")),
      String(users),
      String(moves),
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    child.stderr.on("data", (d) => {
      err += String(d);
    });
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1);
      if (code === 0 && last) resolve(JSON.parse(last) as MemoryFigures);
      else reject(new Error(`memory run failed (exit ${code}): ${err.slice(0, 800)}`));
    });
  });
}
