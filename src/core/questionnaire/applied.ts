/** What applying one answer gives: answered (and where to go), updated in place, or a re-ask. */
import type { Lang } from "../model.js";
import type { Answers } from "../report/answers.js";

export interface AnswerContext {
  now: Date;
  /** The questionnaire's language: names read from text (a city) are kept in it. */
  lang?: Lang;
}

export type Applied =
  /** The answer completes the step. `jump` overrides the usual next question. */
  | { kind: "answered"; answers: Answers; jump?: "after_section" }
  /** The step stays open (a toggle, a file added). */
  | { kind: "updated"; answers: Answers }
  | { kind: "invalid"; error: string };

export const answered = (answers: Answers, jump?: "after_section"): Applied => ({
  kind: "answered",
  answers,
  ...(jump ? { jump } : {}),
});
export const invalid = (error: string): Applied => ({ kind: "invalid", error });
