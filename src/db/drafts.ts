/**
 * Draft reports: created when a person starts the questionnaire, written in
 * full (one transaction) after every answer, so a crash loses nothing given.
 */
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Lang } from "../core/model.js";
import { firstCursor } from "../core/questionnaire/flow.js";
import { type Cursor, isStepId } from "../core/questionnaire/steps.js";
import { type Answers, emptyAnswers } from "../core/report/answers.js";
import { answersToFields, rowsToAnswers } from "./answers-rows.js";
import type { Db } from "./client.js";
import { prepared } from "./prepared.js";
import { writeReportChildren } from "./report-children.js";
import { contacts, evidence, identifiers, loans, reports, transfers } from "./schema.js";

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
): Draft {
  const answers = { ...emptyAnswers(), ...prefill };
  const at = now.toISOString();
  return db.$client.transaction(() => {
    const row = db
      .insert(reports)
      .values({ userId, lang, cursor: firstCursor(), ...answersToFields(answers), createdAt: at, updatedAt: at })
      .returning({ id: reports.id, updatedAt: reports.updatedAt })
      .get();
    writeReportChildren(db, row.id, answers);
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
  })();
}

/** The person's unfinished report, if any (the newest). */
export function findDraft(db: Db, userId: number): Draft | undefined {
  const row = db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.userId, userId), eq(reports.status, "draft")))
    .orderBy(desc(reports.updatedAt))
    .get();
  return row ? loadDraft(db, row.id) : undefined;
}

/** A draft is loaded on every answer, often twice: its queries are prepared once. */
const loadStatements = (db: Db) =>
  prepared(db, "drafts.load", () => {
    const id = sql.placeholder("id");
    return {
      report: db.select().from(reports).where(eq(reports.id, id)).prepare(),
      // Rows come back in the order they were given, not the order of an index.
      contacts: db.select().from(contacts).where(eq(contacts.reportId, id)).orderBy(contacts.position).prepare(),
      transfers: db.select().from(transfers).where(eq(transfers.reportId, id)).orderBy(transfers.position).prepare(),
      loans: db.select().from(loans).where(eq(loans.reportId, id)).orderBy(loans.position).prepare(),
      identifiers: db.select().from(identifiers).where(eq(identifiers.reportId, id)).orderBy(identifiers.id).prepare(),
      evidence: db.select().from(evidence).where(eq(evidence.reportId, id)).orderBy(evidence.id).prepare(),
    };
  });

export function loadDraft(db: Db, id: number): Draft | undefined {
  const s = loadStatements(db);
  const report = s.report.get({ id });
  if (report?.status !== "draft") return undefined;
  const answers = rowsToAnswers({
    report,
    contacts: s.contacts.all({ id }),
    transfers: s.transfers.all({ id }),
    loans: s.loans.all({ id }),
    identifiers: s.identifiers.all({ id }),
    evidence: s.evidence.all({ id }),
  });
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
 * The draft's UPDATE, prepared once. Values are encoded here (JSON, booleans) and
 * passed as they are, so a null stays NULL; lang and rev keep the stored value
 * when not given.
 */
const saveStatement = (db: Db) =>
  prepared(db, "drafts.save", () => {
    const value = (name: string) => sql`${sql.placeholder(name)}`;
    const keep = (name: string, column: typeof reports.lang | typeof reports.rev) =>
      sql`coalesce(${sql.placeholder(name)}, ${column})`;
    const fields = Object.keys(answersToFields(emptyAnswers())) as (keyof ReturnType<typeof answersToFields>)[];
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

const encode = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values).map(([key, v]) => {
      const column = reports[key as keyof typeof reports.$inferSelect];
      return [key, v === null || v === undefined ? null : column.mapToDriverValue(v)];
    }),
  );

/**
 * Writes the whole draft at once: the report row and every child table, atomically.
 * `before`: the answers as loaded, when the child rows were written from them.
 * `now`: the app's clock, the one the reminder and purge jobs compare with.
 */
export function saveDraft(
  db: Db,
  id: number,
  answers: Answers,
  cursor: Cursor,
  options: { lang?: Lang; rev?: number; before?: Answers; now?: Date } = {},
): void {
  db.$client.transaction(() => {
    saveStatement(db).run({
      id,
      ...encode({ ...answersToFields(answers), cursor, updatedAt: (options.now ?? new Date()).toISOString() }),
      lang: options.lang ?? null,
      rev: options.rev ?? null,
    });
    writeReportChildren(db, id, answers, options.before);
  })();
}

/** Marks whether the person is in the questionnaire (their messages are answers) or has left it. */
export function setDraftActive(db: Db, id: number, active: boolean): void {
  db.update(reports)
    .set({ active })
    .where(and(eq(reports.id, id), eq(reports.status, "draft")))
    .run();
}

/** Leaves the questionnaire for every draft of the person (the drafts stay). */
export function deactivateDrafts(db: Db, userId: number): void {
  db.update(reports)
    .set({ active: false })
    .where(and(eq(reports.userId, userId), eq(reports.status, "draft"), eq(reports.active, true)))
    .run();
}

/** The draft the person is answering right now, if any. */
export function activeDraftId(db: Db, userId: number): number | undefined {
  const statement = prepared(db, "drafts.active", () =>
    db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.userId, sql.placeholder("userId")), eq(reports.status, "draft"), eq(reports.active, true)))
      .prepare(),
  );
  return statement.get({ userId })?.id;
}

export function deleteDraft(db: Db, id: number): void {
  db.delete(reports)
    .where(and(eq(reports.id, id), eq(reports.status, "draft")))
    .run();
}

/** Drafts untouched for `days` are purged: unfinished personal data is not kept forever. Returns their ids. */
export function purgeStaleDrafts(db: Db, days: number, now = new Date()): number[] {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db
    .delete(reports)
    .where(and(eq(reports.status, "draft"), lt(reports.updatedAt, before)))
    .returning({ id: reports.id })
    .all()
    .map((r) => r.id);
}
