/**
 * Submitted reports made straight through the services on the running bot's
 * database — fast, for tests of what police and admins do with reports.
 */
import type { Lang } from "../../src/core/model.js";
import type { Answers } from "../../src/core/report/answers.js";
import { createDraft } from "../../src/db/drafts.js";
import { getUser, recordConsent } from "../../src/db/users.js";
import { recognitionInput } from "../../src/services/recognition.js";
import { type Submitted, submitDraft } from "../../src/services/submit.js";
import type { Harness } from "./harness.js";

export function depsOf(h: Harness) {
  if (!h.app) throw new Error("start the bot first");
  return h.app.deps;
}

/** A consented person's report with these answers, submitted at `at`. */
export function submitReport(h: Harness, userId: number, lang: Lang, answers: Partial<Answers>, at: Date): Submitted {
  const { db, catalogs, signingKey } = depsOf(h);
  if (!getUser(db, userId)?.consentAt) recordConsent(db, userId, lang);
  const draft = createDraft(db, userId, lang, answers);
  const submitted = submitDraft(db, draft.id, (a) => catalogs.current().recognize(recognitionInput(a)), signingKey, at);
  if (!submitted) throw new Error("submission failed");
  return submitted;
}

/** A draft that stays a draft (it must never count anywhere). */
export function leaveDraft(h: Harness, userId: number, lang: Lang, answers: Partial<Answers>): number {
  const { db } = depsOf(h);
  if (!getUser(db, userId)?.consentAt) recordConsent(db, userId, lang);
  return createDraft(db, userId, lang, answers).id;
}
