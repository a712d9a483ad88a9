// `npm start`: runs the build made at install (dist/), with the heap capped at
// MEMORY_LIMIT_MB (default 256) and V8's young generation at SEMI_SPACE_MB per
// semi-space (default 32). Nothing is written into the app folder when the
// build is current, so the bot runs from a read-only folder; when the sources
// changed since the build, it says so and rebuilds first. A .env file in the app
// folder (or the file ENV_FILE names; ENV_FILE= empty reads none) is read when
// present; variables already set win.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildBundle, dist, root, staleness } from "./build.mjs";

const say = (line) => process.stderr.write(`saqbol: ${line}\n`);

const envFile = process.env.ENV_FILE ?? join(root, ".env");
if (envFile && existsSync(envFile)) process.loadEnvFile(envFile);

const memory = process.env.MEMORY_LIMIT_MB || "256";
if (!/^\d+$/.test(memory) || Number(memory) < 64) {
  say(`MEMORY_LIMIT_MB must be a whole number of megabytes, at least 64 (got "${memory}")`);
  process.exit(1);
}

// Each update allocates ~300 KB that lives across a few awaits. With V8's default 16 MB
// semi-space, a crowd of updates in flight outlives the scavenges and gets copied and
// promoted: 32 MB took a fifth off the CPU per update (README, Performance).
const semiSpace = process.env.SEMI_SPACE_MB || "32";
if (!/^\d+$/.test(semiSpace) || Number(semiSpace) < 1 || Number(semiSpace) > 256) {
  say(`SEMI_SPACE_MB must be a whole number of megabytes from 1 to 256 (got "${semiSpace}")`);
  process.exit(1);
}

const stale = staleness();
if (stale) {
  say(`the build is out of date (${stale}): rebuilding dist/`);
  try {
    await buildBundle();
  } catch (error) {
    const why = error?.code
      ? `${error.code} ${error.path ?? ""}`.trim()
      : String(error?.message ?? error).split("\n")[0];
    say(`cannot rebuild dist/ (${why}): run npm run build where the app folder can be written`);
    process.exit(1);
  }
}

const child = spawn(
  process.execPath,
  [
    "--enable-source-maps",
    `--max-old-space-size=${memory}`,
    `--max-semi-space-size=${semiSpace}`,
    join(dist, "main.js"),
  ],
  { stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
