/**
 * Fast restarts for kill tests: a spare bot process has already loaded the
 * program (see standby-entry.ts) and starts `src/main.ts` the moment it is
 * taken; a new spare is then prepared in the background.
 */
import { spawn } from "node:child_process";
import { BotProcess, type Harness, ROOT } from "./harness.js";

export class StandbyBots {
  private spare: BotProcess | undefined;

  constructor(private readonly h: Harness) {
    this.prepare();
  }

  /** Starts the spare (main.ts runs now) and prepares the next one. */
  take(): BotProcess {
    const proc = this.spare ?? this.spawnSpare();
    proc.child.stdin?.write("go\n");
    this.prepare();
    return proc;
  }

  /** Resolves once the spare has loaded the program, so taking it starts the bot at once. */
  async ready(timeoutMs = 60_000): Promise<void> {
    const spare = this.spare;
    if (!spare) return;
    const deadline = Date.now() + timeoutMs;
    while (!spare.output.join("").includes("standby ready")) {
      if (Date.now() > deadline) throw new Error(`the spare bot did not load:\n${spare.output.join("").slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close(): Promise<void> {
    const spare = this.spare;
    this.spare = undefined;
    if (spare) await spare.kill("SIGKILL");
  }

  private prepare(): void {
    this.spare = this.spawnSpare();
  }

  private spawnSpare(): BotProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/standby-entry.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...this.h.env() },
      stdio: ["pipe", "pipe", "pipe"],
    });
    return new BotProcess(child);
  }
}
