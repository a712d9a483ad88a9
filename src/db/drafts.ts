/**
 * Draft reports: created when a person starts the questionnaire, written (one
 * transaction) after every answer, so a crash loses nothing given.
 */
import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { sameJson } from "../core/json.js";
import type { Lang } from "../core/model.js";
import { firstCursor } from "../core/questionnaire/flow.js";
import { type Cursor, isStepId } from "../core/questionnaire/steps.js";
import { type Answers, emptyAnswers } from "../core/report/answers.js";
import { answersToFields, rowsToAnswers } from "./answers-rows.js";
import { type Db, inTransaction } from "./client.js";
import { prepared } from "./prepared.js";
import {
  forgetReportChildren,
  readReportChildren,
  writeNewReportChildren,
  writeReportChildren,
} from "./report-children.js";
import { reports, users } from "./schema.js";

export interface Draft {
  id: number;
  userId: number;
  lang: Lang;
  answers: Answers;
  cursor: Cursor;
  /** Changes whenever the current question changes; buttons carry it to tell stale presses. */
  rev: number;
  /** The person is in the questionnaire now. */
  active: boolean;
  updatedAt: string;
}

function toCursor(stored: { step: string; item?: number; editing?: string }): Cursor {
  if (!isStepId(stored.step)) return firstCursor();
  return stored as Cursor;
}

export function createDraft(
  db: Db,
  userId: number,
  lang: Lang,
  prefill: Partial<Answers> = {},
  now = new Date(),
): Promise<Draft> {
  const answers = { ...emptyAnswers(), ...prefill };
  const at = now.toISOString();
  return inTransaction(db, async (db) => {
    const params = encode(
      { userId, lang, cursor: firstCursor(), createdAt: at, updatedAt: at },
      encode(answersToFields(answers)),
    );
    const row = (await createStatement(db).get(params))!;
    await writeNewReportChildren(db, row.id, answers, row.updatedAt);
    return {
      id: row.id,
      userId,
      lang,
      answers,
      cursor: firstCursor(),
      rev: 0,
      active: false,
      updatedAt: row.updatedAt,
    };
  });
}

/** The person's unfinished report, if any (the newest). */
export async function findDraft(db: Db, userId: number): Promise<Draft | undefined> {
  const row = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.userId, userId), eq(reports.status, "draft")))
    .orderBy(desc(reports.updatedAt))
    .get();
  return row ? loadDraft(db, row.id) : undefined;
}

const reportStatement = (db: Db) =>
  prepared(db, "drafts.load", () =>
    db
      .select()
      .from(reports)
      .where(eq(reports.id, sql.placeholder("id")))
      .prepare(),
  );

/** The draft as stored: its row, and its child rows as this process remembers them under the row's time. */
export async function loadDraft(db: Db, id: number): Promise<Draft | undefined> {
  const report = await reportStatement(db).get({ id });
  if (report?.status !== "draft") {
    forgetReportChildren(db, id);
    return undefined;
  }
  const answers = rowsToAnswers({ report, ...(await readReportChildren(db, id, report.updatedAt)) });
  return {
    id,
    userId: report.userId,
    lang: report.lang,
    answers,
    cursor: toCursor(report.cursor),
    rev: report.rev,
    active: report.active,
    updatedAt: report.updatedAt,
  };
}

/**
 * What tells whether a draft changed since it was loaded: every save sets its time and
 * a move to another question its revision. Undefined when it is no longer a draft.
 */
export async function draftStamp(db: Db, id: number): Promise<{ rev: number; updatedAt: string } | undefined> {
  const statement = prepared(db, "drafts.stamp", () =>
    db
      .select({ rev: reports.rev, updatedAt: reports.updatedAt })
      .from(reports)
      .where(and(eq(reports.id, sql.placeholder("id")), eq(reports.status, "draft")))
      .prepare(),
  );
  return statement.get({ id });
}

/** The report's columns that hold answers, as answersToFields names them. */
const ANSWER_FIELDS = Object.keys(answersToFields(emptyAnswers())) as AnswerField[];
type AnswerField = keyof ReturnType<typeof answersToFields>;

/**
 * The draft's UPDATE of these answer columns, prepared once for each set of them.
 * An answer changes one or two columns: setting the others too rewrote every index
 * on them (region, incident date) at each answer, pages the commit had to write.
 * Values are encoded here (JSON, booleans) and passed as they are, so a null stays
 * NULL; lang and rev keep the stored value when not given.
 */
const saveStatement = (db: Db, fields: readonly AnswerField[]) =>
  prepared(db, `drafts.save:${fields.join(",")}`, () => {
    const value = (name: string) => sql`${sql.placeholder(name)}`;
    const keep = (name: string, column: typeof reports.lang | typeof reports.rev) =>
      sql`coalesce(${sql.placeholder(name)}, ${column})`;
    return db
      .update(reports)
      .set({
        ...Object.fromEntries(fields.map((f) => [f, value(f)])),
        cursor: value("cursor"),
        updatedAt: value("updatedAt"),
        lang: keep("lang", reports.lang),
        rev: keep("rev", reports.rev),
      })
      .where(and(eq(reports.id, sql.placeholder("id")), eq(reports.status, "draft")))
      .prepare();
  });

/** The new draft's INSERT, prepared once like its UPDATE (building it cost more than SQLite's work). */
const createStatement = (db: Db) =>
  prepared(db, "drafts.create", () => {
    const fields = [...ANSWER_FIELDS, "userId", "lang", "cursor", "createdAt", "updatedAt"];
    return db
      .insert(reports)
      .values(Object.fromEntries(fields.map((f) => [f, sql`${sql.placeholder(f)}`])) as never)
      .returning({ id: reports.id, updatedAt: reports.updatedAt })
      .prepare();
  });

/** Into `out`: a new object built by stores, as a spread followed by more fields is slow in V8 (~1 µs a field). */
function encode(
  values: Record<string, unknown>,
  out: Record<string, unknown> = {},
  keys: readonly string[] = Object.keys(values),
): Record<string, unknown> {
  for (const key of keys) {
    const v = values[key];
    out[key] =
      v === null || v === undefined ? null : reports[key as keyof typeof reports.$inferSelect].mapToDriverValue(v);
  }
  return out;
}

/** The answer columns whose values differ from before's (all of them when before is not known). */
function changedFields(
  fields: ReturnType<typeof answersToFields>,
  before: Answers | undefined,
): readonly AnswerField[] {
  if (!before) return ANSWER_FIELDS;
  const was = answersToFields(before);
  return ANSWER_FIELDS.filter((f) => !sameJson(fields[f], was[f]));
}

/**
 * Writes the draft atomically: the report row and every child table.
 * `before`: the answers as loaded (the row and the child rows were written from
 * them): only what differs from them is written.
 * `now`: the app's clock, the one the reminder and purge jobs compare with.
 * `loadedAt`: the updated_at of the draft the answers came from, read in the same
 * transaction: the child rows remembered under it stay remembered (report-children.ts).
 */
export function saveDraft(
  db: Db,
  id: number,
  answers: Answers,
  cursor: Cursor,
  options: { lang?: Lang; rev?: number; before?: Answers; now?: Date; loadedAt?: string } = {},
): Promise<void> {
  const updatedAt = (options.now ?? new Date()).toISOString();
  return inTransaction(db, async (db) => {
    const values = answersToFields(answers);
    const fields = changedFields(values, options.before);
    const params = encode({ cursor, updatedAt }, encode(values, { id }, fields));
    params.lang = options.lang ?? null;
    params.rev = options.rev ?? null;
    await saveStatement(db, fields).run(params);
    const stamp = options.loadedAt === undefined ? undefined : { from: options.loadedAt, to: updatedAt };
    await writeReportChildren(db, id, answers, options.before, stamp);
  });
}

/** Marks whether the person is in the questionnaire (their messages are answers) or has left it. */
export async function setDraftActive(db: Db, id: number, active: boolean): Promise<void> {
  await db
    .update(reports)
    .set({ active })
    .where(and(eq(reports.id, id), eq(reports.status, "draft")))
    .run();
}

/** Leaves the questionnaire for every draft of the person (the drafts stay). */
export async function deactivateDrafts(db: Db, userId: number): Promise<void> {
  await db
    .update(reports)
    .set({ active: false })
    .where(and(eq(reports.userId, userId), eq(reports.status, "draft"), eq(reports.active, true)))
    .run();
}

/** The draft the person is answering right now, if any. */
export async function activeDraftId(db: Db, userId: number): Promise<number | undefined> {
  const statement = prepared(db, "drafts.active", () =>
    db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.userId, sql.placeholder("userId")), eq(reports.status, "draft"), eq(reports.active, true)))
      .prepare(),
  );
  return (await statement.get({ userId }))?.id;
}

/** A report submitted from the questionnaire keeps its «in the questionnaire» mark: the person's last one. */
export async function lastSubmittedFromQuestionnaire(db: Db, userId: number): Promise<number | undefined> {
  const row = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.userId, userId), eq(reports.status, "submitted"), eq(reports.active, true)))
    .orderBy(desc(reports.submittedAt))
    .get();
  return row?.id;
}

export async function deleteDraft(db: Db, id: number): Promise<void> {
  await db
    .delete(reports)
    .where(and(eq(reports.id, id), eq(reports.status, "draft")))
    .run();
}

/** Drafts untouched for `days` are purged: unfinished personal data is not kept forever. Returns their ids. */
export async function purgeStaleDrafts(db: Db, days: number, now = new Date()): Promise<number[]> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const result = await db
    .delete(reports)
    .where(and(eq(reports.status, "draft"), lt(reports.updatedAt, before)))
    .returning({ id: reports.id })
    .all();
  return result.map((r) => r.id);
}

/** Drafts untouched since `before`, not reminded yet, of people who have not blocked the bot. */
export function remindersDue(
  db: Db,
  before: Date,
  limit: number,
): Promise<{ id: number; userId: number; lang: Lang | null }[]> {
  return db
    .select({ id: reports.id, userId: reports.userId, lang: users.language })
    .from(reports)
    .innerJoin(users, eq(users.id, reports.userId))
    .where(
      and(
        eq(reports.status, "draft"),
        lt(reports.updatedAt, before.toISOString()),
        isNull(reports.remindedAt),
        eq(users.blockedBot, false),
      ),
    )
    .limit(limit)
    .all();
}

/** Takes the reminder of a draft for sending; false when it was taken already (by another instance). */
export async function claimReminder(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .update(reports)
    .set({ remindedAt: now.toISOString() })
    .where(and(eq(reports.id, id), isNull(reports.remindedAt)))
    .run();
  return result.changes === 1;
}
