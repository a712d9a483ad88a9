/**
 * What a person's next message answers, as far as secrets go: the delivery layer
 * asks this before it stores the message, and applies the policy of the answer's
 * kind (core/secrets/policy.ts). The questionnaire's steps declare their kind in
 * the core (STEP_ANSWERS); inputs awaited outside it declare theirs here.
 */
import type { Update } from "grammy/types";
import { STEP_ANSWERS } from "../core/questionnaire/answer-kinds.js";
import { isStepId } from "../core/questionnaire/steps.js";
import { type AnswerKind, policyFor, type SecretPolicy } from "../core/redact.js";
import type { Db } from "../db/client.js";
import { activeDraftStep, CASE_INPUTS, ERDR_INPUT, pendingInput } from "../db/pending-inputs.js";

/** Inputs awaited outside the questionnaire (db pending_inputs kinds) and what they take. */
const PENDING_ANSWERS: Record<string, AnswerKind> = {
  lookup: "someone_elses",
  police_lookup: "someone_elses",
  add_transfer_recipient: "someone_elses",
  police_unit: "words",
  alert_kk: "words",
  alert_ru: "words",
  call_check: "story",
};

/** Inputs awaited for one report, "<prefix><report id>": a registration number, an officer's note on recipients. */
const PENDING_PREFIXES: [string, AnswerKind][] = [
  [ERDR_INPUT, "someone_elses"],
  [CASE_INPUTS.erdr, "someone_elses"],
  [CASE_INPUTS.note, "someone_elses"],
];

/** Commands whose argument is someone else's identifier: "/lookup 4400 …". */
const COMMAND_ANSWERS: Record<string, AnswerKind> = { lookup: "someone_elses" };

export async function expectedAnswer(db: Db, update: Update, now: Date): Promise<AnswerKind | undefined> {
  const message = update.message;
  const userId = message?.from?.id;
  if (!message || userId === undefined || message.chat.type !== "private") return undefined;
  const command = /^\/([a-z_]+)(?:@\w+)?\s/.exec(message.text ?? "")?.[1];
  if (command) return COMMAND_ANSWERS[command];
  const pending = await pendingInput(db, userId, now);
  const awaited = pending && (PENDING_ANSWERS[pending] ?? PENDING_PREFIXES.find(([p]) => pending.startsWith(p))?.[1]);
  // A kind that awaits no text (a story held for a button) leaves the message to the questionnaire's step.
  if (awaited) return awaited;
  const step = await activeDraftStep(db, userId);
  return step && isStepId(step) ? STEP_ANSWERS[step] : undefined;
}

export const secretPolicyFor =
  (db: Db, now: () => Date) =>
  async (update: Update): Promise<SecretPolicy> =>
    policyFor(await expectedAnswer(db, update, now()));
