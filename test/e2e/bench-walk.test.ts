/**
 * The benchmark's people walking through the emulator (test/bench/emulator-walk.ts) must
 * walk the questionnaire as a person would, or the spike over HTTP measures something
 * else: consent recorded in another language than the persona's made the bot offer a
 * language switch at the first story typed, and every walker stopped there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { consentAhead, EmulatorWalk } from "../bench/emulator-walk.js";
import { Harness } from "../support/harness.js";

const FIRST_ID = 7_100_000;
const PEOPLE = 6;

describe("the benchmark's walk over the emulator", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    const db = await openDatabase(h.database);
    await consentAhead(db, FIRST_ID, PEOPLE * 2);
    await closeDatabase(db);
    await h.start();
  });
  afterAll(async () => h.close());

  // A person reads for a while: a walker acts on what the screen shows after the bot's first
  // message, and the rest of that answer (the next question) must have come by then.
  it("every person of every persona walks to the review, none stuck", { timeout: 600_000 }, async () => {
    const walk = new EmulatorWalk(h.emulator, FIRST_ID);
    // durationMs only caps a run that went wrong; the run ends when the walks are done.
    const result = await walk.run({ concurrency: PEOPLE, thinkMs: 400, durationMs: 300_000, finishedWalks: PEOPLE });
    expect(result.stuck).toBe(0);
    expect(result.finished).toBeGreaterThanOrEqual(PEOPLE);
  });
});
