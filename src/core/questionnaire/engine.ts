/**
 * One move of the questionnaire: (answers, cursor) + input → new answers and
 * cursor, or a reason to ask again. The bot persists the result and renders the
 * cursor; nothing here knows about Telegram or the database.
 */
import { type Answers, copyAnswers } from "../report/answers.js";
import { type AnswerContext, addEvidence, applyInput, optionsFor, removeItem } from "./answer.js";
import { clearAt, hasAnswer } from "./clear.js";
import { chooseInMenu, openSection } from "./edit-menu.js";
import { afterSection, nextCursor, previousCursor, resumeCursor } from "./flow.js";
import type { AnswerError, Input } from "./inputs.js";
import { newContact } from "./items.js";
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

const REVIEW: Cursor = { step: "review" };

export function advance(state: QState, input: Input, ctx: AnswerContext): Outcome {
  const { answers } = state;
  const at = resumeCursor(answers, state.cursor);
  const here = { answers, cursor: at };
  const def = stepDef(at.step);
  const moved = (a: Answers, cursor: Cursor): Outcome => ({ kind: "moved", state: { answers: a, cursor } });
  const invalid = (error: AnswerError): Outcome => ({ kind: "invalid", error, state: here });

  if (def.kind === "menu") return menu();
  switch (input.type) {
    case "back":
      return moved(answers, previousCursor(answers, at));
    case "skip": {
      if (!def.skippable) return invalid("not_skippable");
      // While editing, or where an answer is saved, the button reads «Keep as it is»: nothing changes.
      if (at.editing || hasAnswer(answers, at)) return moved(answers, nextCursor(answers, at, answers));
      // Skipping the first contact when there is none means "no contacts".
      if (at.step === "contact_identity" && (at.item ?? 0) >= answers.contacts.length) {
        return moved(answers, afterSection(answers, at));
      }
      const cleared = clearAt(answers, at);
      return moved(cleared, nextCursor(cleared, at, answers));
    }
    case "edit":
      if (at.step !== "review") return invalid("choose_button");
      return moved(answers, openSection(answers, input.section));
    case "submit":
      return at.step === "review" ? { kind: "submit", state: here } : invalid("choose_button");
    case "remove": {
      const removed = removeItem(answers, at);
      if (!removed) return invalid("choose_button");
      return moved(removed, REVIEW);
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
    const next =
      applied.jump === "after_section" ? afterSection(applied.answers, at) : nextCursor(applied.answers, at, answers);
    return moved(applied.answers, next);
  }

  /** The review's menu: an item, a field, a new item, or removing the item. */
  function menu(): Outcome {
    if (input.type === "back") {
      return moved(
        answers,
        at.item !== undefined && at.editing && isGroupMenu(at) ? { step: "edit_menu", editing: at.editing } : REVIEW,
      );
    }
    if (input.type !== "choose" || !optionsFor(at.step, answers, at).includes(input.option)) {
      return invalid("choose_button");
    }
    const to = chooseInMenu(answers, at, input.option);
    if (!to) return invalid("choose_button");
    if (to === "remove") {
      const removed = removeItem(answers, { step: firstStepOf(at), item: at.item ?? 0 });
      return removed ? moved(removed, REVIEW) : invalid("choose_button");
    }
    if (input.option === "add") return moved(withNewItem(answers, to), to);
    return moved(answers, to);
  }
}

/** "Add another" from the review's menu: the empty item the next questions fill. */
function withNewItem(answers: Answers, at: Cursor): Answers {
  const a = copyAnswers(answers);
  if (at.editing === "contacts") a.contacts.push(newContact());
  if (at.editing === "loans") a.loans.push({});
  if (at.editing === "transfers") a.transfers.push({});
  return a;
}

const isGroupMenu = (at: Cursor) => at.editing === "contacts" || at.editing === "loans" || at.editing === "transfers";

const firstStepOf = (at: Cursor): Cursor["step"] =>
  at.editing === "contacts" ? "contact_identity" : at.editing === "loans" ? "loan_lender" : "transfer_amount";
