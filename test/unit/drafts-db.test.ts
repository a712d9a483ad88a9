import { beforeEach, describe, expect, it } from "vitest";
import { firstCursor } from "../../src/core/questionnaire/flow.js";
import { type Db, openDatabase } from "../../src/db/client.js";
import { createDraft, loadDraft, saveDraft } from "../../src/db/drafts.js";
import { recordConsent } from "../../src/db/users.js";
import { allReports, largeReport } from "../fixtures/reports/index.js";

let db: Db;
beforeEach(() => {
  db = openDatabase(":memory:");
  recordConsent(db, 1, "ru");
});

const count = (table: string, reportId: number) =>
  (db.$client.prepare(`SELECT count(*) AS n FROM ${table} WHERE report_id = ?`).get(reportId) as { n: number }).n;

describe("drafts in SQLite", () => {
  for (const [name, build] of Object.entries(allReports)) {
    it(`gives back every answer of the ${name} report as it was saved`, () => {
      const given = build("ru").answers;
      // The applicant's phone is kept normalised only (what was typed is not needed).
      const phone = given.applicantPhone;
      const answers = phone ? { ...given, applicantPhone: { ...phone, raw: phone.value } } : given;
      const draft = createDraft(db, 1, "ru", answers);
      expect(loadDraft(db, draft.id)?.answers).toEqual(answers);
      // Saved again from what was loaded, nothing changes: the loaded answers are the stored ones.
      const loaded = loadDraft(db, draft.id)?.answers ?? answers;
      saveDraft(db, draft.id, loaded, firstCursor(), { before: loaded });
      expect(loadDraft(db, draft.id)?.answers).toEqual(answers);
    });
  }

  it("rewrites the child rows when an answer changes them, even with the previous answers given", () => {
    const { answers } = largeReport("ru");
    const draft = createDraft(db, 1, "ru", answers);
    const fewer = { ...answers, transfers: answers.transfers.slice(0, 2), contacts: answers.contacts.slice(0, 1) };
    saveDraft(db, draft.id, fewer, firstCursor(), { before: answers });
    expect(count("report_transfers", draft.id)).toBe(2);
    expect(count("report_contacts", draft.id)).toBe(1);
    expect(loadDraft(db, draft.id)?.answers).toEqual(fewer);
  });

  it("keeps the child rows when only the report's own fields change", () => {
    const { answers } = largeReport("ru");
    const draft = createDraft(db, 1, "ru", answers);
    const transferIds = db.$client.prepare("SELECT id FROM report_transfers WHERE report_id = ?").all(draft.id);
    const edited = { ...answers, narrative: "Другой рассказ" };
    saveDraft(db, draft.id, edited, firstCursor(), { before: answers });
    expect(db.$client.prepare("SELECT id FROM report_transfers WHERE report_id = ?").all(draft.id)).toEqual(
      transferIds,
    );
    expect(loadDraft(db, draft.id)?.answers.narrative).toBe("Другой рассказ");
  });

  it("stores an unanswered question as NULL, flags as 0/1, and keeps the language and revision unless given", () => {
    const draft = createDraft(db, 1, "kk", {});
    saveDraft(db, draft.id, { ...draft.answers, transfersMade: false, channels: ["phone_call"] }, firstCursor(), {
      rev: 7,
    });
    const raw = () =>
      db.$client
        .prepare("SELECT card_data, transfers_made, channels, lang, rev FROM reports WHERE id = ?")
        .get(draft.id);
    expect(raw()).toEqual({ card_data: null, transfers_made: 0, channels: '["phone_call"]', lang: "kk", rev: 7 });
    saveDraft(db, draft.id, draft.answers, firstCursor(), { lang: "ru" });
    expect(raw()).toMatchObject({ transfers_made: null, channels: "[]", lang: "ru", rev: 7 });
  });

  it("stamps the draft with the app's clock, which the reminder and purge jobs compare with", () => {
    const created = new Date("2031-03-10T06:00:00.000Z");
    const draft = createDraft(db, 1, "ru", {}, created);
    expect(draft.updatedAt).toBe(created.toISOString());
    const answered = new Date("2031-03-10T07:30:00.000Z");
    saveDraft(db, draft.id, draft.answers, firstCursor(), { now: answered });
    expect(db.$client.prepare("SELECT created_at, updated_at FROM reports WHERE id = ?").get(draft.id)).toEqual({
      created_at: created.toISOString(),
      updated_at: answered.toISOString(),
    });
  });
});
