/**
 * An answer that waited (an outage, a full disk) while the person went on is not
 * applied to the question they are at now: typed more than two minutes before the
 * draft last changed, it was written for an earlier question.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.js";
import { recordConsent } from "../../src/db/users.js";
import { answerStep, startDraft } from "../../src/services/questionnaire.js";
import { testDb } from "../support/database.js";

let db: Db;
const T0 = new Date("2026-05-10T08:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
beforeEach(async () => {
  db = await testDb();
  await recordConsent(db, 1, "ru");
});

describe("a stale typed answer", () => {
  it("is not applied when the draft changed more than two minutes after it was sent", async () => {
    const draft = await startDraft(db, 1, "ru", {}, T0);
    expect((await answerStep(db, draft.id, { type: "continue" }, minutes(10))).kind).toBe("moved");
    const stale = await answerStep(db, draft.id, { type: "text", text: "вчера" }, minutes(11), { sentAt: minutes(5) });
    expect(stale).toEqual({ kind: "stale" });
  });

  it("is applied when it was sent after the question or just before (typed quickly, or replayed after a crash)", async () => {
    const draft = await startDraft(db, 1, "ru", {}, T0);
    await answerStep(db, draft.id, { type: "continue" }, minutes(10));
    await answerStep(db, draft.id, { type: "choose", option: "self" }, minutes(10));
    const quick = await answerStep(db, draft.id, { type: "text", text: "Позвонили из банка" }, minutes(12), {
      sentAt: minutes(9),
    });
    expect(quick.kind).toBe("moved");
  });
});
