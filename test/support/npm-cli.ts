/**
 * Runs the operator's command line exactly as documented,
 * `npm run --silent cli -- <args>`, in its own process.
 */
import { execFile } from "node:child_process";
import { ROOT } from "./harness.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function npmCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", "cli", "--", ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
