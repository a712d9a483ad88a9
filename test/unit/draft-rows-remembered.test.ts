/**
 * A draft's child rows are remembered by the process between answers and read again
 * only when they may have changed (db/report-children.ts): what a load returns is
 * always what is stored, whoever wrote it.
 */

import type { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Input } from "../../src/core/questionnaire/inputs.js";
import { answersToChildRows } from "../../src/db/answers-rows.js";
import {
  closeDatabase,
  type Db,
  databaseOver,
  type Execute,
  inTransaction,
  openDatabase,
} from "../../src/db/client.js";
import { createDraft, loadDraft } from "../../src/db/drafts.js";
import { forgetReportChildren } from "../../src/db/report-children.js";
import { recordConsent } from "../../src/db/users.js";
import { answerStep, openDraft, startDraft } from "../../src/services/questionnaire.js";
import { openTestDatabase, type TestDb } from "../support/database.js";

let t: TestDb;
let db: Db;
const T0 = new Date("2026-05-10T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
beforeEach(async () => {
  t = await openTestDatabase();
  db = counting(t.db);
  await recordConsent(db, 1, "ru");
});
afterEach(() => t.close());

const CHILD_TABLES = /from "report_(contacts|transfers|loans|identifiers|evidence)"/;
let childSelects = 0;

/** The product's database over the test's engine, counting the reads of child tables. */
function counting(inner: Db): Db {
  const engine = inner.$engine;
  const execute: Execute = (text, params, method) => {
    if (/^select/i.test(text) && CHILD_TABLES.test(text)) childSelects++;
    return engine.execute(text, params, method);
  };
  return databaseOver({ ...engine, execute }, (inner as unknown as { dialect: SQLiteAsyncDialect }).dialect);
}

/** Reads of child tables while `fn` runs. */
async function childReads(fn: () => Promise<unknown>): Promise<number> {
  const before = childSelects;
  await fn();
  return childSelects - before;
}

const STORY = "Позвонили с номера +7 701 234 56 78 якобы из Kaspi, я перевела 50 000 на карту 4400 4301 2345 6789";
/** What the walk answers at each question; «skip» elsewhere. */
const ANSWER: Record<string, Input> = {
  story_check: { type: "done" },
  contact_name: { type: "text", text: "Ерлан, служба безопасности" },
  contact_handles: { type: "text", text: "@kaspi_help_kz" },
};

/** A draft at the story check: a caller and a transfer found in the story, not yet confirmed. */
async function draftWithCaller(): Promise<number> {
  const draft = await startDraft(db, 1, "ru", {}, T0);
  await answerStep(db, draft.id, { type: "continue" }, at(1));
  await answerStep(db, draft.id, { type: "choose", option: "self" }, at(2));
  await answerStep(db, draft.id, { type: "text", text: STORY }, at(3));
  return draft.id;
}

describe("a draft's child rows between answers", () => {
  it("are read from the database once, then only the report's row while nothing changes them", async () => {
    const id = await draftWithCaller();
    const first = await loadDraft(db, id);
    expect(await childReads(() => loadDraft(db, id))).toBe(0);
    expect(await loadDraft(db, id)).toEqual(first);
  });

  it("of a new draft are known to be empty at once: its first load reads none, and equals a fresh read", async () => {
    const draft = await startDraft(db, 1, "ru", { narrative: STORY }, T0);
    let loaded: unknown;
    expect(await childReads(async () => (loaded = await loadDraft(db, draft.id)))).toBe(0);
    forgetReportChildren(db, draft.id);
    expect(await loadDraft(db, draft.id)).toEqual(loaded);
  });

  it("of a new draft made from answers with rows are stored: its first load reads only the tables that have rows", async () => {
    const id = await draftWithCaller();
    await answerStep(db, id, { type: "done" }, at(4));
    const source = (await loadDraft(db, id))!;
    const withRows = Object.values(answersToChildRows(source.answers)).filter((rows) => rows.length > 0).length;
    expect(withRows).toBeGreaterThanOrEqual(2);
    const copy = await createDraft(db, 1, "ru", source.answers, at(5));
    let loaded: Awaited<ReturnType<typeof loadDraft>>;
    expect(await childReads(async () => (loaded = await loadDraft(db, copy.id)))).toBe(withRows);
    expect(loaded!.answers).toEqual(source.answers);
  });

  it("after each answer only the tables it changed are read again, and every load equals a fresh read", async () => {
    const id = await draftWithCaller();
    const other = await openDatabase(t.fresh.target);
    try {
      let changedSomewhere = 0;
      for (let i = 0; i < 8; i++) {
        const current = await openDraft(db, id);
        const input = ANSWER[current!.cursor.step] ?? { type: "skip" };
        await answerStep(db, id, input, at(10 + i), { known: current!.loaded });
        forgetReportChildren(other, id);
        const fresh = await loadDraft(other, id);
        const changed = Object.entries(answersToChildRows(fresh!.answers)).filter(
          ([name, rows]) =>
            JSON.stringify(rows) !== JSON.stringify(answersToChildRows(current!.answers)[name as "contacts"]),
        ).length;
        changedSomewhere += changed;
        let loaded: unknown;
        expect(await childReads(async () => (loaded = await loadDraft(db, id)))).toBe(changed);
        expect(loaded).toEqual(fresh);
      }
      expect(changedSomewhere).toBeGreaterThan(0);
    } finally {
      await closeDatabase(other);
    }
  });

  it("written by another process (another connection) are read again, not taken from memory", async () => {
    const id = await draftWithCaller();
    const other = await openDatabase(t.fresh.target);
    try {
      const mine = await loadDraft(db, id);
      const theirs = await openDraft(other, id);
      // the other instance confirms the story's facts: a caller and a transfer are added
      await answerStep(other, id, { type: "done" }, at(20), { known: theirs!.loaded });
      const stored = await loadDraft(other, id);
      expect(stored!.answers).not.toEqual(mine!.answers);
      expect(await loadDraft(db, id)).toEqual(stored);
    } finally {
      await closeDatabase(other);
    }
  });

  it("changed in a transaction that rolls back are forgotten: the next load gives what is stored", async () => {
    const id = await draftWithCaller();
    const stored = await loadDraft(db, id);
    const current = await openDraft(db, id);
    await expect(
      inTransaction(db, async (db) => {
        await answerStep(db, id, { type: "skip" }, at(30), { known: current!.loaded });
        await answerStep(db, id, { type: "text", text: "+7 701 234 56 78" }, at(31));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await loadDraft(db, id)).toEqual(stored);
  });
});
