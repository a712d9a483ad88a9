/**
 * Killing the bot process at chosen moments of a conversation: right after the
 * person acts, after a random delay, the moment the bot's reply lands in the
 * chat (before the bot has even seen Telegram's answer), a little after it, or
 * when the first document of a submission arrives.
 */
import type { OutboxEvent } from "../emulator/index.js";
import type { BotProcess, Harness } from "./harness.js";

export type KillMode = "immediate" | "delay" | "on-reply" | "after-reply" | "on-document";
export const KILL_MODES: KillMode[] = ["immediate", "delay", "on-reply", "after-reply"];

export interface ArmedKill {
  /** Resolves once the process is dead (at the latest after `fallbackMs`). */
  done: Promise<void>;
}

/**
 * Arms a SIGKILL for `proc` according to `mode`, watching the bot's messages in
 * `chatId`. Call it just before the person acts; "immediate" kills at once when
 * `fire()` is called right after the action.
 */
export function armKill(
  h: Harness,
  proc: BotProcess,
  chatId: number,
  mode: KillMode,
  random: () => number,
  fallbackMs = 8000,
): { fire(): void; done: Promise<void> } {
  const events = h.emulator.bot().events;
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    events.off("outbox", onEvent);
    clearTimeout(fallback);
    proc.child.kill("SIGKILL");
  };
  const onEvent = (event: OutboxEvent) => {
    if (event.chatId !== chatId) return;
    if (mode === "on-reply") kill();
    else if (mode === "after-reply") setTimeout(kill, Math.floor(random() * 40));
    else if (mode === "on-document" && event.message.document) kill();
  };
  events.on("outbox", onEvent);
  const fallback = setTimeout(kill, fallbackMs);
  return {
    fire: () => {
      if (mode === "immediate") kill();
      else if (mode === "delay") setTimeout(kill, Math.floor(random() * 300));
    },
    done: proc.exited.then(() => {
      clearTimeout(fallback);
      events.off("outbox", onEvent);
    }),
  };
}

/** Resolves when the process logged that it started (it then polls for updates). */
export async function waitStarted(proc: BotProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!proc.output.join("").includes("saqbol started")) {
    if (Date.now() > deadline) throw new Error(`the bot did not start:\n${proc.output.join("").slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
