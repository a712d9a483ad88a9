/**
 * Submitted reports made straight through the services on the running bot's
 * database — fast, for tests of what police, admins and lookups do with them —
 * and a read-only look at that database.
 */
import type { Lang } from "../../src/core/model.js";
import type { Answers } from "../../src/core/report/answers.js";
import { createDraft } from "../../src/db/drafts.js";
import { getUser, recordConsent } from "../../src/db/users.js";
import { recognitionInput } from "../../src/services/recognition.js";
import { type Submitted, submitDraft } from "../../src/services/submit.js";
import type { UserHandle } from "../emulator/index.js";
import { bankSecurityReport } from "../fixtures/reports/index.js";
import { rowsOf } from "./database.js";
import { buttonTexts, type Harness } from "./harness.js";
import { label } from "./scenarios.js";

/** A recipient card shared by the bank-security report below and the marketplace fixture. */
export const SHARED_CARD = { kind: "card", value: "4400430123456789", raw: "4400 4301 2345 6789" } as const;

export function depsOf(h: Harness) {
  if (!h.app) throw new Error("start the bot first");
  return h.app.deps;
}

/** Rows of a query on the bot's database (portable SQL, `?` placeholders). */
export const sqlOf =
  (h: Harness) =>
  <T>(query: string, ...params: unknown[]): Promise<T[]> =>
    rowsOf<T>(depsOf(h).db, query, ...params);

/** The bank-security fixture whose money went to SHARED_CARD. */
export function bankReportToSharedCard(lang: Lang): Answers {
  const answers = bankSecurityReport(lang).answers;
  const [first, ...rest] = answers.transfers;
  return { ...answers, transfers: [{ ...first, recipient: SHARED_CARD }, ...rest] };
}

/** A consented person's report with these answers, submitted at `at`. */
export async function submitReport(
  h: Harness,
  userId: number,
  lang: Lang,
  answers: Partial<Answers>,
  at: Date,
): Promise<Submitted> {
  const { db, catalogs, keys } = depsOf(h);
  if (!(await getUser(db, userId))?.consentAt) await recordConsent(db, userId, lang);
  const draft = await createDraft(db, userId, lang, answers);
  const submitted = await submitDraft(db, draft.id, (a) => catalogs.current().recognize(recognitionInput(a)), keys, at);
  if (!submitted) throw new Error("submission failed");
  return submitted;
}

/** A draft that stays a draft (it must never count anywhere). */
export async function leaveDraft(h: Harness, userId: number, lang: Lang, answers: Partial<Answers>): Promise<number> {
  const { db } = depsOf(h);
  if (!(await getUser(db, userId))?.consentAt) await recordConsent(db, userId, lang);
  return (await createDraft(db, userId, lang, answers)).id;
}

/** A person who agreed to the notice (now, or before), at the "has this been reported?" prompt. */
export async function askerAtLookup(h: Harness, id: number, lang: Lang): Promise<UserHandle> {
  const u = h.user(id, lang);
  u.command("start");
  const first = await u.waitFor((m) => m.buttons.length > 0);
  if (buttonTexts(first).includes(label(lang, "start:consent.agree"))) {
    u.press(label(lang, "start:consent.agree"));
    await u.waitFor((m) => buttonTexts(m).includes(label(lang, "menu:items.lookup")));
  }
  u.press(label(lang, "menu:items.lookup"));
  await u.waitFor((m) => m.text.includes(label(lang, "lookup:ask").slice(0, 20)));
  return u;
}
