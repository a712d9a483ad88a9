import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstCursor } from "../../src/core/questionnaire/flow.js";
import { emptyAnswers } from "../../src/core/report/answers.js";
import { answersToFields } from "../../src/db/answers-rows.js";
import type { Db } from "../../src/db/client.js";
import { createDraft, loadDraft, saveDraft } from "../../src/db/drafts.js";
import { recordConsent } from "../../src/db/users.js";
import { allReports, largeReport } from "../fixtures/reports/index.js";
import { openTestDatabase, rowsOf, type TestDb } from "../support/database.js";

let t: TestDb;
let db: Db;
beforeEach(async () => {
  t = await openTestDatabase();
  db = t.db;
  await recordConsent(db, 1, "ru");
});
afterEach(() => t.close());

const count = async (table: string, reportId: number) =>
  ((await rowsOf(db, `SELECT count(*) AS n FROM ${table} WHERE report_id = ?`, reportId))[0] as { n: number }).n;

describe("drafts in the database", () => {
  for (const [name, build] of Object.entries(allReports)) {
    it(`gives back every answer of the ${name} report as it was saved`, async () => {
      const given = build("ru").answers;
      // The applicant's phone is kept normalised only (what was typed is not needed).
      const phone = given.applicantPhone;
      const answers = phone ? { ...given, applicantPhone: { ...phone, raw: phone.value } } : given;
      const draft = await createDraft(db, 1, "ru", answers);
      expect((await loadDraft(db, draft.id))?.answers).toEqual(answers);
      // Saved again from what was loaded, nothing changes: the loaded answers are the stored ones.
      const loaded = (await loadDraft(db, draft.id))?.answers ?? answers;
      await saveDraft(db, draft.id, loaded, firstCursor(), { before: loaded });
      expect((await loadDraft(db, draft.id))?.answers).toEqual(answers);
    });
  }

  it("rewrites the child rows when an answer changes them, even with the previous answers given", async () => {
    const { answers } = largeReport("ru");
    const draft = await createDraft(db, 1, "ru", answers);
    const fewer = { ...answers, transfers: answers.transfers.slice(0, 2), contacts: answers.contacts.slice(0, 1) };
    await saveDraft(db, draft.id, fewer, firstCursor(), { before: answers });
    expect(await count("report_transfers", draft.id)).toBe(2);
    expect(await count("report_contacts", draft.id)).toBe(1);
    expect((await loadDraft(db, draft.id))?.answers).toEqual(fewer);
  });

  it("keeps the child rows when only the report's own fields change", async () => {
    const { answers } = largeReport("ru");
    const draft = await createDraft(db, 1, "ru", answers);
    const transferIds = await rowsOf(db, "SELECT id FROM report_transfers WHERE report_id = ?", draft.id);
    const edited = { ...answers, narrative: "Другой рассказ" };
    await saveDraft(db, draft.id, edited, firstCursor(), { before: answers });
    expect(await rowsOf(db, "SELECT id FROM report_transfers WHERE report_id = ?", draft.id)).toEqual(transferIds);
    expect((await loadDraft(db, draft.id))?.answers.narrative).toBe("Другой рассказ");
  });

  it("writes every answer column that changed, whichever it is, and gives back the rest as they were", async () => {
    // Each column cleared then answered again, with the answers as loaded given as before:
    // a save writes only the columns that differ, so each must be found different.
    const answers = { ...largeReport("ru").answers, pending: { hints: { "transfer_recipient_bank#0": "kaspi" } } };
    const empty = emptyAnswers();
    const draft = await createDraft(db, 1, "ru", answers);
    const stored = (await loadDraft(db, draft.id))!.answers;
    const columns = Object.keys(answersToFields(stored)) as (keyof ReturnType<typeof answersToFields>)[];
    expect(columns.length).toBeGreaterThan(20);
    for (const column of columns) {
      const cleared = { ...stored, [column]: empty[column as keyof typeof empty] };
      expect(answersToFields(cleared)[column], column).not.toEqual(answersToFields(stored)[column]);
      await saveDraft(db, draft.id, cleared, firstCursor(), { before: stored });
      expect((await loadDraft(db, draft.id))?.answers, `${column} cleared`).toEqual(cleared);
      await saveDraft(db, draft.id, stored, firstCursor(), { before: cleared });
      expect((await loadDraft(db, draft.id))?.answers, `${column} answered again`).toEqual(stored);
    }
  });

  it("stores an unanswered question as NULL, flags as 0/1, and keeps the language and revision unless given", async () => {
    const draft = await createDraft(db, 1, "kk", {});
    await saveDraft(db, draft.id, { ...draft.answers, transfersMade: false, channels: ["phone_call"] }, firstCursor(), {
      rev: 7,
    });
    const raw = async () =>
      (
        await rowsOf(db, "SELECT card_data, transfers_made, channels, lang, rev FROM reports WHERE id = ?", draft.id)
      )[0];
    expect(await raw()).toEqual({ card_data: null, transfers_made: 0, channels: '["phone_call"]', lang: "kk", rev: 7 });
    await saveDraft(db, draft.id, draft.answers, firstCursor(), { lang: "ru" });
    expect(await raw()).toMatchObject({ transfers_made: null, channels: "[]", lang: "ru", rev: 7 });
  });

  it("stores a child row's unanswered flag as NULL and its answers as 0/1, and gives them back", async () => {
    const contact = (handedOver?: boolean) => ({
      phones: [{ kind: "phone" as const, value: "+77010000001", raw: "87010000001" }],
      handles: [],
      ...(handedOver === undefined ? {} : { handedOver }),
    });
    const file = (n: number, stored?: boolean) => ({
      fileId: `f${n}`,
      fileUniqueId: `u${n}`,
      kind: "photo" as const,
      receivedAt: "2026-12-01T10:00:00.000Z",
      ...(stored === undefined ? {} : { stored }),
    });
    const answers = {
      ...(await createDraft(db, 1, "ru", {})).answers,
      contacts: [contact(), contact(false), contact(true)],
      evidence: [file(1), file(2, false), file(3, true)],
    };
    const draft = await createDraft(db, 1, "ru", answers);
    expect(
      await rowsOf(db, "SELECT handed_over FROM report_contacts WHERE report_id = ? ORDER BY position", draft.id),
    ).toEqual([{ handed_over: null }, { handed_over: 0 }, { handed_over: 1 }]);
    expect(await rowsOf(db, "SELECT stored FROM report_evidence WHERE report_id = ? ORDER BY id", draft.id)).toEqual([
      { stored: null },
      { stored: 0 },
      { stored: 1 },
    ]);
    expect(await rowsOf(db, 'SELECT "foreign" AS f FROM report_identifiers WHERE report_id = ?', draft.id)).toEqual([
      { f: 0 },
      { f: 0 },
      { f: 0 },
    ]);
    expect((await loadDraft(db, draft.id))?.answers).toEqual(answers);
  });

  it("stamps the draft with the app's clock, which the reminder and purge jobs compare with", async () => {
    const created = new Date("2031-03-10T06:00:00.000Z");
    const draft = await createDraft(db, 1, "ru", {}, created);
    expect(draft.updatedAt).toBe(created.toISOString());
    const answered = new Date("2031-03-10T07:30:00.000Z");
    await saveDraft(db, draft.id, draft.answers, firstCursor(), { now: answered });
    expect((await rowsOf(db, "SELECT created_at, updated_at FROM reports WHERE id = ?", draft.id))[0]).toEqual({
      created_at: created.toISOString(),
      updated_at: answered.toISOString(),
    });
  });
});
