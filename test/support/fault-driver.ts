/**
 * Plays a questionnaire script when Telegram misbehaves: a reply may arrive late
 * (429, 5xx, network errors are retried) or twice (the call ran but its answer
 * was lost, so the retry posts it again). Each move acts on the message that
 * showed the expected question and waits until the expected next question is
 * on screen, wherever it is; the expected questions come from a clean run.
 */
import type { BotMessage, UserHandle } from "../emulator/index.js";
import { buttonTexts } from "./harness.js";
import type { Move } from "./questionnaire-driver.js";

export interface Question {
  text: string;
  buttons: string[];
}

export const asQuestion = (m: BotMessage): Question => ({ text: m.text, buttons: buttonTexts(m) });
export const sameQuestion = (m: BotMessage, q: Question) =>
  m.text === q.text && buttonTexts(m).join("|") === q.buttons.join("|");

export function act(u: UserHandle, move: Move, on?: BotMessage): void {
  if ("toggle" in move) u.press(move.toggle, on);
  else if ("press" in move) u.press(move.press, on);
  else if ("pressIf" in move) u.press(move.pressIf, on);
  else if ("type" in move) u.send(move.type);
  else u.sendDocument({ name: move.file.name, mime: move.file.mime, bytes: move.file.bytes });
}

/** The clean run: the question on screen after each move (the person's view, no faults). */
export async function recordQuestions(u: UserHandle, script: Move[], timeoutMs = 10_000): Promise<Question[]> {
  const out: Question[] = [];
  for (const move of script) {
    act(u, move);
    const reaction = await u.waitFor((m) => m.buttons.length > 0, {
      kinds: ["toggle" in move ? "edit" : "new"],
      timeoutMs,
    });
    out.push(asQuestion(reaction));
  }
  return out;
}

async function until<T>(find: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** Plays `script` from `current` (the question on screen), expecting `expected[i]` after move i. */
export async function playExpecting(
  u: UserHandle,
  script: Move[],
  expected: Question[],
  current: BotMessage,
  timeoutMs = 30_000,
): Promise<BotMessage> {
  let on = current;
  for (const [i, move] of script.entries()) {
    const from = on.message_id;
    act(u, move, "type" in move ? undefined : on);
    const want = expected[i]!;
    on = await until(
      () => u.messages().find((m) => m.message_id >= from && sameQuestion(m, want)),
      timeoutMs,
      () =>
        `move ${i} ${JSON.stringify(move)}: expected ${JSON.stringify(want.text.slice(0, 100))}; latest: ${u
          .messages()
          .slice(-4)
          .map((m) => JSON.stringify(m.text.slice(0, 80)))
          .join(" | ")}`,
    );
  }
  return on;
}
