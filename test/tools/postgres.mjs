// A throwaway PostgreSQL cluster for the tests, the benchmark and CI: Debian's
// postgresql (installed by ensure-servers.sh), initdb in a temporary folder, a
// random port on 127.0.0.1, run as a non-root user (PostgreSQL refuses root).
// Durability is off: a test cluster is thrown away, so fsync only costs time.
//
//   node test/tools/postgres.mjs start    prints {"url","dir"} and leaves it running
//   node test/tools/postgres.mjs stop DIR stops it and removes the folder
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The newest installed PostgreSQL's bin folder (Debian's layout), or undefined. */
export function installedBinDir() {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length === 0 ? undefined : join(root, versions[0], "bin");
}

function binDir() {
  const bin = installedBinDir();
  if (!bin) {
    throw new Error("PostgreSQL is not installed: run sh test/tools/ensure-servers.sh (apt-get install postgresql)");
  }
  return bin;
}

/** Runs a PostgreSQL program as the postgres user when we are root. */
function asOwner(owner, program, args) {
  const [file, argv] = owner ? ["runuser", ["-u", owner.name, "--", program, ...args]] : [program, args];
  return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

function owner() {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { name: "postgres", uid, gid };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const USER = "saqbol";

/**
 * Starts a new cluster; resolves to its URL (database "postgres", user saqbol, no password on loopback).
 * `settings`: more server settings ("name=value"), e.g. the bench's shared_preload_libraries.
 */
export async function startCluster(settings = []) {
  const bin = binDir();
  const who = owner();
  const dir = mkdtempSync(join(tmpdir(), "saqbol-pg-"));
  chmodSync(dir, 0o700);
  if (who) chownSync(dir, who.uid, who.gid);
  const data = join(dir, "data");
  asOwner(who, join(bin, "initdb"), ["-D", data, "-U", USER, "-A", "trust", "--no-locale", "-E", "UTF8", "--no-sync"]);
  let lastError;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=400",
      "-c shared_buffers=64MB",
      ...settings.map((s) => `-c ${s}`),
    ].join(" ");
    try {
      asOwner(who, join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
      const url = `postgres://${USER}@127.0.0.1:${port}/postgres`;
      return { url, dir, stop: () => stopCluster(dir) };
    } catch (error) {
      lastError = error;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`PostgreSQL did not start: ${lastError?.stderr ?? lastError}`);
}

export function stopCluster(dir) {
  const data = join(dir, "data");
  if (existsSync(data)) {
    try {
      asOwner(owner(), join(binDir(), "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Already stopped.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (command === "start") {
    const { url, dir: folder } = await startCluster();
    process.stdout.write(`${JSON.stringify({ url, dir: folder })}\n`);
  } else if (command === "stop" && dir) {
    stopCluster(dir);
  } else {
    process.stderr.write("usage: node test/tools/postgres.mjs start | stop DIR\n");
    process.exitCode = 2;
  }
}
