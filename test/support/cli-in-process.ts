/**
 * Runs one CLI command in this process with captured output: quicker than
 * `npm run cli` (see npm-cli.ts) where the process boundary is not the point.
 */
import { PassThrough } from "node:stream";
import type { CliCommand } from "../../src/cli/command.js";

export async function runCli(
  command: CliCommand,
  args: string[],
  env: Record<string, string>,
  input = "",
): Promise<{ code: number; out: string; err: string }> {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  const code = await command.run(args, { stdin, stdout, stderr, env });
  return { code, out, err };
}
