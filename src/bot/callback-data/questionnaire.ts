import { z } from "zod";
import { SECTIONS, STEP_IDS, type StepId } from "../../core/questionnaire/steps.js";
import { callbackCodec } from "./codec.js";

const index = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .optional();

export const QUESTION_ACTIONS = {
  c: "choose",
  t: "toggle",
  d: "done",
  n: "none",
  s: "skip",
  b: "back",
  r: "remove",
  e: "edit",
  x: "submit",
  k: "continue",
  a: "accept",
} as const;
export type QuestionAction = keyof typeof QUESTION_ACTIONS;

/** A questionnaire button: action, step, item, option or section index, and the draft's revision. */
export const questionData = callbackCodec("q", {
  a: z.enum(Object.keys(QUESTION_ACTIONS) as [QuestionAction, ...QuestionAction[]]),
  s: z.enum(STEP_IDS as [StepId, ...StepId[]]),
  i: index,
  o: index,
  r: index,
});

export const sectionAt = (o: number | undefined) => (o === undefined ? undefined : SECTIONS[o]);
