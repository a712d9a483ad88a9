import type { Evidence } from "../report/answers.js";
import type { Section } from "./steps.js";

/** What a person can do at a step, already decoded from Telegram by the bot. */
export type Input =
  | { type: "continue" }
  | { type: "choose"; option: string }
  | { type: "toggle"; option: string }
  | { type: "done" }
  | { type: "none" }
  | { type: "text"; text: string }
  | { type: "file"; file: Evidence }
  | { type: "skip" }
  /** "Yes, that's right" for a value read from the story or another answer. */
  | { type: "accept" }
  | { type: "back" }
  | { type: "remove" }
  | { type: "edit"; section: Section }
  | { type: "submit" };

/** Stable codes the bot turns into a friendly re-ask (questionnaire:errors.<code>). */
export type AnswerError =
  | "choose_button"
  | "send_file"
  | "empty"
  | "too_long"
  | "not_skippable"
  | "unknown_option"
  | "not_a_phone"
  | "last4"
  | "too_many_files"
  | (string & {});

export type Result<T> = { ok: true; value: T } | { ok: false; error: AnswerError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AnswerError): Result<T> => ({ ok: false, error });
