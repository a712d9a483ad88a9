/**
 * A value the bot read for a question elsewhere — a bank named beside the recipient,
 * the bank of the previous transfer — is offered under the question as "right?",
 * taken with one tap, and never stored before that tap.
 */
import type { Answers } from "../report/answers.js";
import { chooseSingle } from "./choose.js";
import { hintAt, setHint } from "./pending.js";
import { type Cursor, stepKey } from "./steps.js";

export interface Suggestion {
  /** The option id the suggestion stands for. */
  option: string;
  /** Where it was read: another answer, or the earlier transfer. */
  from: "answer" | "previous";
}

/** The suggestion at a question, if any and if the question has no answer yet. */
export function suggestionFor(a: Answers, at: Cursor): Suggestion | undefined {
  const i = at.item ?? 0;
  const t = a.transfers[i];
  switch (at.step) {
    case "transfer_recipient_bank": {
      if (t?.recipientBank) return undefined;
      const hint = hintAt(a, stepKey(at));
      return hint ? { option: hint, from: "answer" } : undefined;
    }
    case "transfer_own_bank": {
      if (t?.ownBank) return undefined;
      const earlier = a.transfers
        .slice(0, i)
        .reverse()
        .find((x) => x.ownBank)?.ownBank;
      const bank = earlier ?? a.ownBank;
      return bank ? { option: bank, from: earlier ? "previous" : "answer" } : undefined;
    }
    default:
      return undefined;
  }
}

/** Takes the suggestion as the answer. */
export function acceptSuggestion(a: Answers, at: Cursor, s: Suggestion): Answers {
  const applied = chooseSingle(a, at.step, at.item ?? 0, s.option);
  if (applied.kind === "invalid") return a;
  setHint(applied.answers, stepKey(at), undefined);
  return applied.answers;
}
