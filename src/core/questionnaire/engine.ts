/**
 * One move of the questionnaire: (answers, cursor) + input → new answers and
 * cursor, or a reason to ask again. The bot persists the result and renders the
 * cursor; nothing here knows about Telegram or the database.
 */
import type { Answers } from "../report/answers.js";
import { type AnswerContext, addEvidence, applyInput, removeItem } from "./answer.js";
import { afterSection, nextCursor, previousCursor, resumeCursor, sectionStart } from "./flow.js";
import type { AnswerError, Input } from "./inputs.js";
import { type Cursor, stepDef } from "./steps.js";

export interface QState {
  answers: Answers;
  cursor: Cursor;
}

export type Outcome =
  /** Moved to another question. */
  | { kind: "moved"; state: QState }
  /** Same question, answers changed (a toggle, a file). */
  | { kind: "updated"; state: QState; notice?: "file_saved" }
  /** Ask again, explaining the error. */
  | { kind: "invalid"; error: AnswerError; state: QState }
  /** The person pressed Submit on the review. */
  | { kind: "submit"; state: QState };

export function advance(state: QState, input: Input, ctx: AnswerContext): Outcome {
  const { answers } = state;
  const at = resumeCursor(answers, state.cursor);
  const here = { answers, cursor: at };
  const def = stepDef(at.step);
  const moved = (a: Answers, cursor: Cursor): Outcome => ({ kind: "moved", state: { answers: a, cursor } });
  const invalid = (error: AnswerError): Outcome => ({ kind: "invalid", error, state: here });

  switch (input.type) {
    case "back":
      return moved(answers, previousCursor(answers, at));
    case "skip":
      if (!def.skippable) return invalid("not_skippable");
      // Skipping the first contact when there is none means "no contacts".
      if (at.step === "contact_identity" && (at.item ?? 0) >= answers.contacts.length) {
        return moved(answers, afterSection(answers, at));
      }
      return moved(answers, nextCursor(answers, at));
    case "edit":
      if (at.step !== "review") return invalid("choose_button");
      return moved(answers, sectionStart(answers, input.section));
    case "submit":
      return at.step === "review" ? { kind: "submit", state: here } : invalid("choose_button");
    case "remove": {
      const removed = removeItem(answers, at);
      if (!removed) return invalid("choose_button");
      return moved(removed, { step: "review" });
    }
    case "file":
      // A screenshot sent in the middle of the questionnaire is kept as evidence, not refused.
      if (def.kind !== "files") {
        const added = addEvidence(answers, input.file);
        return added
          ? { kind: "updated", state: { answers: added, cursor: at }, notice: "file_saved" }
          : invalid("too_many_files");
      }
      return apply();
    default:
      return apply();
  }

  function apply(): Outcome {
    const applied = applyInput(answers, at, input, ctx);
    if (applied.kind === "invalid") return invalid(applied.error);
    if (applied.kind === "updated") return { kind: "updated", state: { answers: applied.answers, cursor: at } };
    const next = applied.jump === "after_section" ? afterSection(applied.answers, at) : nextCursor(applied.answers, at);
    return moved(applied.answers, next);
  }
}
