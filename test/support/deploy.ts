/**
 * What an operator runs, started from deploy/ as it is: instances from the
 * systemd unit (deploy/systemd/saqbol@.service: its Environment= lines and its
 * ExecStart, with the unit's /opt/saqbol as this project and /usr/bin/node as
 * this Node), and nginx with deploy/nginx/saqbol.conf (its upstream servers
 * and listen port set to the test's ports, its temporary files in the test's
 * folder). Used by the multi-instance tests.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BotProcess, ROOT } from "./bot-process.js";

const UNIT = join(ROOT, "deploy", "systemd", "saqbol@.service");
const SITE = join(ROOT, "deploy", "nginx", "saqbol.conf");

interface Unit {
  environment: Record<string, string>;
  command: string[];
}

/** The unit's settings for instance `%i`. */
export function readUnit(instance: string): Unit {
  const text = readFileSync(UNIT, "utf8");
  const environment: Record<string, string> = {};
  let command: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim().replaceAll("%i", instance);
    const env = /^Environment=(\w+)=(.*)$/.exec(line);
    if (env) environment[env[1]!] = env[2]!;
    const exec = /^ExecStart=(.*)$/.exec(line);
    if (exec) command = exec[1]!.split(/\s+/);
  }
  if (command.length === 0) throw new Error(`${UNIT} has no ExecStart`);
  return { environment, command };
}

/** `npm run build` once: the unit starts the built bundle. */
export function ensureBuilt(): void {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, stdio: "ignore" });
}

/**
 * One instance as systemd would start it: the unit's environment over the shared
 * one (what /etc/saqbol/saqbol.env holds), its ExecStart in the project folder.
 */
export function startInstance(port: number, shared: Record<string, string>): BotProcess {
  const unit = readUnit(String(port));
  const [node, ...args] = unit.command;
  if (node !== "/usr/bin/node") throw new Error(`unexpected ExecStart program ${node}`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...shared, ...unit.environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new BotProcess(child);
}

/** Debian's nginx, if installed. */
export const nginxBinary = (): string | undefined => ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

export interface Nginx {
  url: string;
  /** Lines of the access log: "<upstream address> <status> <request>". */
  accessLog(): string[];
  stop(): Promise<void>;
}

/** nginx with the shipped site, in front of `upstreams`, listening on 127.0.0.1:`port`. */
export async function startNginx(dir: string, port: number, upstreams: number[]): Promise<Nginx> {
  mkdirSync(dir, { recursive: true });
  const site = readFileSync(SITE, "utf8");
  const servers = [...site.matchAll(/^(\s*)server 127\.0\.0\.1:\d+( .*;)$/gm)];
  if (servers.length !== upstreams.length) {
    throw new Error(`${SITE} lists ${servers.length} instances; the test runs ${upstreams.length}`);
  }
  let i = 0;
  const configured = site
    .replace(/^(\s*)server 127\.0\.0\.1:\d+( .*;)$/gm, (_, indent: string, rest: string) => {
      return `${indent}server 127.0.0.1:${upstreams[i++]}${rest}`;
    })
    .replace(/^(\s*)listen \d+;$/m, `$1listen 127.0.0.1:${port};`);
  writeFileSync(join(dir, "saqbol.conf"), configured);
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${join(dir, "nginx.pid")};`,
      `error_log ${join(dir, "error.log")} warn;`,
      "events { worker_connections 256; }",
      "http {",
      `  log_format upstreams '$upstream_addr $status $request';`,
      `  access_log ${join(dir, "access.log")} upstreams;`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${join(dir, t)};`),
      `  include ${join(dir, "saqbol.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const binary = nginxBinary() ?? "nginx";
  const child: ChildProcess = spawn(binary, ["-c", join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      await fetch(`${url}/nothing-here`);
      break;
    } catch (error) {
      if (tries > 100 || child.exitCode !== null) {
        throw new Error(`nginx did not start: ${readFileSync(join(dir, "error.log"), "utf8")}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    accessLog: () =>
      existsSync(join(dir, "access.log"))
        ? readFileSync(join(dir, "access.log"), "utf8").split("\n").filter(Boolean)
        : [],
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
    },
  };
}
