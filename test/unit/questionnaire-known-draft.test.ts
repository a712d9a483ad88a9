/**
 * The handler reads the draft to show and decode, then answers: the answer's
 * transaction takes that draft as it is when nothing saved it meanwhile, and reads
 * it again when something did. Either way the stored draft is the same as if it had
 * been read twice.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Input } from "../../src/core/questionnaire/inputs.js";
import type { Db } from "../../src/db/client.js";
import { deleteDraft, loadDraft, saveDraft } from "../../src/db/drafts.js";
import { recordConsent } from "../../src/db/users.js";
import { answerStep, openDraft, startDraft } from "../../src/services/questionnaire.js";
import { testDb } from "../support/database.js";

let db: Db;
const T0 = new Date("2026-05-10T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
beforeEach(async () => {
  db = await testDb();
  for (const id of [1, 2, 3]) await recordConsent(db, id, "ru");
});

const WALK: Input[] = [
  { type: "continue" },
  { type: "choose", option: "self" },
  {
    type: "text",
    text: "Позвонили якобы из Kaspi, просили код из смс, я перевела 50 000 на карту 4400 4301 2345 6789",
  },
  { type: "back" },
  { type: "text", text: "Позвонили из банка, сказали что оформляют кредит" },
  { type: "continue" },
  { type: "text", text: "вчера в 14:30" },
  { type: "skip" },
];

/** The draft after the walk, answered with the draft the handler read (known) or without it. */
async function walk(userId: number, withKnown: boolean) {
  const draft = await startDraft(db, userId, "ru", {}, T0);
  for (const [i, input] of WALK.entries()) {
    const current = await openDraft(db, draft.id);
    await answerStep(db, draft.id, input, at(i + 1), withKnown ? { known: current!.loaded } : {});
  }
  const stored = await loadDraft(db, draft.id);
  return { answers: stored!.answers, cursor: stored!.cursor, rev: stored!.rev };
}

describe("an answer given with the draft the handler read", () => {
  it("stores exactly what reading the draft again would have stored, step after step", async () => {
    const known = await walk(1, true);
    const again = await walk(2, false);
    expect(known.cursor).toEqual(again.cursor);
    expect(known.rev).toBe(again.rev);
    expect(known.answers).toEqual(again.answers);
    expect(known.answers.narrative).toBe("Позвонили из банка, сказали что оформляют кредит");
  });

  it("is applied to the stored draft when something saved it after the handler read it", async () => {
    const draft = await startDraft(db, 3, "ru", {}, T0);
    await answerStep(db, draft.id, { type: "continue" }, at(1));
    await answerStep(db, draft.id, { type: "choose", option: "self" }, at(2));
    const read = await openDraft(db, draft.id);
    // Saved meanwhile (another instance, a replay): a date the handler did not see.
    const changed = structuredClone(read!.loaded);
    changed.answers.incidentDate = "2026-05-09";
    await saveDraft(db, draft.id, changed.answers, changed.cursor, { before: read!.loaded.answers, now: at(3) });
    const result = await answerStep(db, draft.id, { type: "text", text: "Позвонили из банка" }, at(4), {
      known: read!.loaded,
    });
    expect(result.kind).toBe("moved");
    const stored = await loadDraft(db, draft.id);
    expect(stored!.answers.narrative).toBe("Позвонили из банка");
    // what the other save put is kept, not overwritten by the draft read before it
    expect(stored!.answers.incidentDate).toBe("2026-05-09");
  });

  it("finds the draft gone when it was submitted or deleted after the handler read it", async () => {
    const draft = await startDraft(db, 1, "ru", {}, T0);
    const read = await openDraft(db, draft.id);
    await deleteDraft(db, draft.id);
    expect(await answerStep(db, draft.id, { type: "continue" }, at(1), { known: read!.loaded })).toEqual({
      kind: "gone",
    });
  });
});
