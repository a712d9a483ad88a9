/**
 * Drives the questionnaire as a person would: press a button or type, then wait
 * for the bot's reaction (the next question, or the same question edited).
 */
import type { BotMessage, UserHandle } from "../emulator/index.js";
import { buttonTexts } from "./harness.js";

export type Move =
  /** Press a button and wait for the next question. */
  | { press: string }
  /** Press it only if the question on screen has it (the story check comes only when facts were found). */
  | { pressIf: string }
  /** Press a toggle and wait for the question to be edited. */
  | { toggle: string }
  /** Type an answer and wait for the next question. */
  | { type: string }
  /** Send a file and wait for the bot to confirm. */
  | { file: { name: string; mime: string; bytes: Buffer } };

const press = (label: string): Move => ({ press: label });
export const moves = {
  press,
  toggle: (label: string): Move => ({ toggle: label }),
  type: (text: string): Move => ({ type: text }),
};

export async function play(user: UserHandle, script: Move[], timeoutMs = 30_000): Promise<BotMessage> {
  let last: BotMessage | undefined;
  for (const move of script) {
    if ("pressIf" in move) {
      const shown = last ?? user.last();
      if (!shown || !buttonTexts(shown).includes(move.pressIf)) continue;
      user.press(move.pressIf);
      last = await user.waitFor((m) => m.buttons.length > 0, { kinds: ["new"], timeoutMs });
      continue;
    }
    if ("toggle" in move) {
      user.press(move.toggle);
      last = await user.waitFor((m) => m.buttons.length > 0, { kinds: ["edit"], timeoutMs });
      continue;
    }
    if ("press" in move) user.press(move.press);
    else if ("type" in move) user.send(move.type);
    else user.sendDocument({ name: move.file.name, mime: move.file.mime, bytes: move.file.bytes });
    last = await user.waitFor((m) => m.buttons.length > 0, { kinds: ["new"], timeoutMs });
    if (last.text.startsWith("⚠️")) {
      throw new Error(`the bot asked again after ${JSON.stringify(move)}: ${last.text.slice(0, 200)}`);
    }
  }
  if (!last) throw new Error("empty script");
  return last;
}

/** The label of a question's button that contains `part`. */
export const buttonWith = (m: BotMessage, part: string) => buttonTexts(m).find((t) => t.includes(part));
