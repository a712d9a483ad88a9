import { describe, expect, it } from "vitest";
import { type Evidence, emptyAnswers, type Transfer } from "../../src/core/report/answers.js";
import { verifyReport } from "../../src/core/report/signature.js";
import { createDraft } from "../../src/db/drafts.js";
import { recordConsent } from "../../src/db/users.js";
import { loadReport } from "../../src/services/reports.js";
import { submitDraft } from "../../src/services/submit.js";
import { addToReport, applyAddition, changesOf } from "../../src/services/versions.js";
import { rowsOf, testDb } from "../support/database.js";
import { TEST_KEYS } from "../support/keys.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const KEY = TEST_KEYS;
const transfer: Transfer = {
  amount: { amountMinor: 7_500_000, currency: "KZT" },
  date: "2026-11-24",
  method: "card_to_card",
  recipient: { kind: "card", value: "5169493123456785", raw: "5169 4931 2345 6785" },
};
const photo = (uniqueId: string): Evidence => ({
  fileId: `file-${uniqueId}`,
  fileUniqueId: uniqueId,
  kind: "photo",
  size: 1200,
  receivedAt: NOW.toISOString(),
});

describe("applyAddition", () => {
  it("adds a transfer and records that money went", async () => {
    const { answers, changes } = applyAddition({ ...emptyAnswers(), transfersMade: false }, { transfer }, NOW);
    expect(changes).toEqual(["transfer"]);
    expect(answers.transfers).toEqual([transfer]);
    expect(answers.transfersMade).toBe(true);
  });

  it("adds nothing for a transfer whose every question was skipped", async () => {
    expect(applyAddition(emptyAnswers(), { transfer: {} }, NOW).changes).toEqual([]);
  });

  it("marks a statement as filed and the bank as called, replacing «nothing yet»", async () => {
    const before = { ...emptyAnswers(), alreadyDone: ["nothing" as const] };
    const { answers, changes } = applyAddition(before, { statementNo: "КУИ 1", bankRequestNo: "B-2" }, NOW);
    expect(changes).toEqual(["statement_no", "bank_request_no"]);
    expect(answers.alreadyDone).toEqual(["statement_filed", "called_bank"]);
  });

  it("treats the same statement number again as no change", async () => {
    const before = { ...emptyAnswers(), statementNo: "КУИ 1" };
    expect(applyAddition(before, { statementNo: "КУИ 1" }, NOW).changes).toEqual([]);
  });

  it("keeps a file once, however often it is sent", async () => {
    const once = applyAddition(emptyAnswers(), { evidence: [photo("a"), photo("a")] }, NOW);
    expect(once.answers.evidence).toHaveLength(1);
    expect(applyAddition(once.answers, { evidence: [photo("a")] }, NOW).changes).toEqual([]);
  });

  it("appends a note to the account of events with the date in Kazakhstan", async () => {
    const before = { ...emptyAnswers(), narrative: "Позвонили из банка." };
    const { answers } = applyAddition(before, { note: "Банк ответил отказом." }, NOW);
    expect(answers.narrative).toBe("Позвонили из банка.\n\n[26.11.2026] Банк ответил отказом.");
  });
});

describe("addToReport", () => {
  async function submitted() {
    const db = await testDb();
    await recordConsent(db, 1, "ru");
    await recordConsent(db, 2, "ru");
    const draft = await createDraft(db, 1, "ru", { narrative: "История", transfersMade: false });
    const recognise = () => ({ catalogVersion: "test", schemes: [], techniques: [] });
    const result = (await submitDraft(db, draft.id, recognise, KEY, new Date("2026-11-25T12:00:00Z")))!;
    return { db, reportId: result.reportId, number: result.number };
  }

  it("saves the next version, signed, with the typed rows following it; the first stays as it was", async () => {
    const { db, reportId, number } = await submitted();
    const result = await addToReport(db, { reportId, userId: 1, addition: { transfer }, keys: KEY, now: NOW });
    expect(result).toEqual({ ok: true, number, version: 2, changes: ["transfer"] });
    const rows = (await rowsOf(db, "SELECT version, note, canonical FROM report_versions ORDER BY version")) as {
      version: number;
      note: string | null;
      canonical: string;
    }[];
    expect(rows.map((r) => [r.version, r.note])).toEqual([
      [1, null],
      [2, "transfer"],
    ]);
    for (const r of rows) expect(verifyReport(JSON.parse(r.canonical), { publicKey: KEY.publicKey }).valid).toBe(true);
    expect((await loadReport(db, reportId, 1))?.answers.transfers).toEqual([]);
    expect((await loadReport(db, reportId))?.answers.transfers).toEqual([transfer]);
    expect((await rowsOf(db, "SELECT version FROM reports WHERE id = ?", reportId))[0]).toEqual({ version: 2 });
    expect(await rowsOf(db, "SELECT field, kind, value FROM report_identifiers")).toEqual([
      { field: "recipient", kind: "card", value: "5169493123456785" },
    ]);
  });

  it("refuses someone else's report and changes nothing", async () => {
    const { db, reportId } = await submitted();
    const result = await addToReport(db, { reportId, userId: 2, addition: { transfer }, keys: KEY, now: NOW });
    expect(result).toEqual({ ok: false, reason: "not_found" });
    expect((await rowsOf(db, "SELECT count(*) AS n FROM report_versions"))[0]).toEqual({ n: 1 });
  });

  it("applies a replayed update once and answers with the version it made", async () => {
    const { db, reportId, number } = await submitted();
    const request = { reportId, userId: 1, addition: { transfer }, keys: KEY, now: NOW, updateId: 77 };
    expect(await addToReport(db, request)).toMatchObject({ ok: true, version: 2 });
    expect(await addToReport(db, request)).toEqual({
      ok: true,
      number,
      version: 2,
      changes: ["transfer"],
      replayed: true,
    });
    expect((await rowsOf(db, "SELECT count(*) AS n FROM report_versions"))[0]).toEqual({ n: 2 });
  });

  it("reads a stored note back as the changes it names", async () => {
    expect(changesOf("transfer,evidence")).toEqual(["transfer", "evidence"]);
    expect(changesOf(null)).toEqual([]);
  });
});
