/**
 * A bot in a process of its own, its output kept; free of vitest, so the
 * benchmark starts its instances with it too.
 */
import type { ChildProcess } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

export class BotProcess {
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.on("data", (d) => this.output.push(String(d)));
    child.stderr?.on("data", (d) => this.output.push(String(d)));
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }

  kill(signal: NodeJS.Signals = "SIGKILL"): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }
}
