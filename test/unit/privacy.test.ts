import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import { createDraft } from "../../src/db/drafts.js";
import { setPendingInput } from "../../src/db/pending-inputs.js";
import { recordConsent } from "../../src/db/users.js";
import { dataSummary, deletePersonalData, exportPersonalData } from "../../src/services/privacy.js";
import { submitDraft } from "../../src/services/submit.js";
import { rowsOf, testDb } from "../support/database.js";
import { TEST_KEYS } from "../support/keys.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const recognise = () => ({ catalogVersion: "test", schemes: [], techniques: [] });

async function person(db: Db, id: number, story: string): Promise<string> {
  await recordConsent(db, id, "kk");
  const draft = await createDraft(db, id, "kk", {
    narrative: story,
    evidence: [{ fileId: `f${id}`, fileUniqueId: `u${id}`, kind: "photo", receivedAt: NOW.toISOString() }],
  });
  const number = (await submitDraft(db, draft.id, recognise, TEST_KEYS, new Date("2026-11-25T12:00:00Z")))!.number;
  await createDraft(db, id, "kk", { narrative: `${story} (draft)` });
  await setPendingInput(db, id, "add_transfer_recipient");
  await rowsOf(db, "INSERT INTO pre_consent_languages (user_id, declined_language) VALUES (?, 'ru')", id);
  return number;
}

const count = async (db: Db, sql: string, ...params: unknown[]) =>
  ((await rowsOf(db, sql, ...params))[0] as { n: number }).n;

describe("personal data", () => {
  it("sums up and exports what is stored about the person", async () => {
    const db = await testDb();
    const number = await person(db, 1, "Бірінші оқиға");
    expect(await dataSummary(db, 1)).toMatchObject({ reports: 1, drafts: 1, evidence: 1, alertDeliveries: 0 });
    const data = (await exportPersonalData(db, 1, NOW)) as {
      reports: { number: string }[];
      drafts: unknown[];
      pendingInput: unknown;
    };
    expect(data.reports.map((r) => r.number)).toEqual([number]);
    expect(data.pendingInput).toMatchObject({ kind: "add_transfer_recipient" });
    expect(data.drafts).toHaveLength(1);
    expect(await dataSummary(db, 99)).toBeUndefined();
  });

  it("deletes the person's rows only, and keeps their report numbers as withdrawn", async () => {
    const db = await testDb();
    const mine = await person(db, 1, "Менің оқиғам");
    const theirs = await person(db, 2, "Басқа адамның оқиғасы");
    const result = await deletePersonalData(db, 1, NOW);
    expect(result).toMatchObject({ withdrawn: [mine], drafts: 1 });

    expect(await count(db, "SELECT count(*) AS n FROM users WHERE id = 1")).toBe(0);
    expect(await count(db, "SELECT count(*) AS n FROM reports WHERE user_id = 1")).toBe(0);
    expect(await count(db, "SELECT count(*) AS n FROM pending_inputs WHERE user_id = 1")).toBe(0);
    expect(await count(db, "SELECT count(*) AS n FROM pre_consent_languages WHERE user_id = 1")).toBe(0);
    expect(await count(db, "SELECT count(*) AS n FROM pre_consent_languages WHERE user_id = 2")).toBe(1);
    // Children go with their report.
    expect(await count(db, "SELECT count(*) AS n FROM report_versions")).toBe(1);
    expect(await count(db, "SELECT count(*) AS n FROM report_evidence")).toBe(1);
    expect(await rowsOf(db, "SELECT number, withdrawn_at FROM withdrawn_numbers")).toEqual([
      { number: mine, withdrawn_at: NOW.toISOString() },
    ]);

    expect(await dataSummary(db, 2)).toMatchObject({ reports: 1, drafts: 1, evidence: 1 });
    expect(await rowsOf(db, "SELECT number FROM reports WHERE user_id = 2 AND number IS NOT NULL")).toEqual([
      { number: theirs },
    ]);
  });
});
