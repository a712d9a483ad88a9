/**
 * The questionnaire against the database: load the draft, apply one input with
 * the pure engine, save the result in one transaction.
 */
import type { Lang } from "../core/model.js";
import { offerFacts } from "../core/questionnaire/answer-text.js";
import { advance, type Outcome, type QState } from "../core/questionnaire/engine.js";
import { resumeCursor } from "../core/questionnaire/flow.js";
import type { Input } from "../core/questionnaire/inputs.js";
import { type Answers, emptyAnswers } from "../core/report/answers.js";
import { type Db, inTransaction } from "../db/client.js";
import { createDraft, type Draft, draftStamp, findDraft, loadDraft, saveDraft } from "../db/drafts.js";
import { markUpdateHandled } from "../db/handled-updates.js";

export interface DraftView extends QState {
  id: number;
  lang: Lang;
  rev: number;
  /** The draft as it was read: an answer given right after is applied to it unless it changed meanwhile. */
  loaded: Draft;
}

const view = (d: Draft): DraftView => ({
  id: d.id,
  lang: d.lang,
  answers: d.answers,
  cursor: resumeCursor(d.answers, d.cursor),
  rev: d.rev,
  loaded: d,
});

export async function openDraft(db: Db, id: number): Promise<DraftView | undefined> {
  const d = await loadDraft(db, id);
  return d ? view(d) : undefined;
}

export async function currentDraft(db: Db, userId: number): Promise<DraftView | undefined> {
  const d = await findDraft(db, userId);
  return d ? view(d) : undefined;
}

export async function startDraft(
  db: Db,
  userId: number,
  lang: Lang,
  prefill: Partial<Answers> = {},
  now = new Date(),
): Promise<DraftView> {
  const answers = { ...emptyAnswers(), ...prefill };
  // A story told before the questionnaire: its facts wait at the story check.
  if (answers.narrative) offerFacts(answers, { now, lang });
  return view(await createDraft(db, userId, lang, answers, now));
}

export type StepResult = { kind: "gone" } | { kind: "duplicate" } | { kind: "stale" } | (Outcome & { rev: number });

/**
 * A typed answer sent this long before the draft last changed was written for an
 * earlier question (it waited in the inbox through an outage, a full disk): it is
 * not applied to the question the person is at now.
 */
const STALE_MS = 2 * 60_000;

export interface StepOptions {
  lang?: Lang;
  /** The Telegram update carrying the answer: recorded with the answer, so a redelivery is not applied twice. */
  updateId?: number;
  /** When the person sent a typed answer or a file (a button press is tied to its question by the revision). */
  sentAt?: Date;
  /** The draft as the handler read it for this update (openDraft): not read again when it has not changed. */
  known?: Draft;
}

/**
 * The draft inside the answer's transaction. The one the handler read a moment ago is
 * taken as it is when its time and revision are still the stored ones (every save sets
 * them), which spares reading the draft and its six child tables twice per answer.
 */
async function draftNow(db: Db, id: number, known: Draft | undefined): Promise<Draft | undefined> {
  if (known) {
    const stamp = await draftStamp(db, id);
    if (!stamp) return undefined;
    if (stamp.updatedAt === known.updatedAt && stamp.rev === known.rev) return known;
  }
  return loadDraft(db, id);
}

/**
 * One answer: applied to the stored draft and saved before anything is shown to
 * the person. Moving to another question bumps the revision, so the buttons of
 * the question just answered go stale (a double tap acts once). The update id
 * is recorded in the same transaction: if the process dies after saving but
 * before the update leaves the inbox, the replayed update is recognised.
 */
export function answerStep(
  db: Db,
  id: number,
  input: Input,
  now: Date,
  options: StepOptions = {},
): Promise<StepResult> {
  const { lang, updateId, sentAt, known } = options;
  return inTransaction(db, async (db): Promise<StepResult> => {
    if (updateId !== undefined && !(await markUpdateHandled(db, updateId))) return { kind: "duplicate" };
    const draft = await draftNow(db, id, known?.id === id ? known : undefined);
    if (!draft) return { kind: "gone" };
    if (sentAt && sentAt.getTime() + STALE_MS < Date.parse(draft.updatedAt)) return { kind: "stale" };
    const outcome = advance({ answers: draft.answers, cursor: draft.cursor }, input, { now, lang: lang ?? draft.lang });
    const rev = outcome.kind === "moved" ? (draft.rev + 1) % 1000 : draft.rev;
    if (outcome.kind === "moved" || outcome.kind === "updated") {
      await saveDraft(db, id, outcome.state.answers, outcome.state.cursor, {
        rev,
        before: draft.answers,
        now,
        loadedAt: draft.updatedAt,
        ...(lang ? { lang } : {}),
      });
    }
    return { rev, ...outcome };
  });
}
