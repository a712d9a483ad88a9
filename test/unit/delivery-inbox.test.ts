/**
 * The inbox knows an update by its source and its content, not by its id alone,
 * and tells a replay after a clean stop from one after a crash.
 */
import type { Update } from "grammy/types";
import { beforeEach, describe, expect, it } from "vitest";
import { UpdateInbox } from "../../src/bot/delivery/inbox.js";
import type { Db } from "../../src/db/client.js";
import { markUpdateHandled } from "../../src/db/handled-updates.js";
import { inboxStats } from "../../src/db/inbox-stats.js";
import { rowsOf, testDb } from "../support/database.js";

let db: Db;
beforeEach(async () => {
  db = await testDb();
});

const text = (update_id: number, text: string, chat = 1): Update =>
  ({
    update_id,
    message: {
      message_id: update_id,
      date: 1_800_000_000,
      chat: { id: chat, type: "private", first_name: "A" },
      from: { id: chat, is_bot: false, first_name: "A" },
      text,
    },
  }) as Update;

const ids = (updates: Update[]) => updates.map((u) => u.update_id);

describe("the inbox recognises redeliveries by source and content", () => {
  it("the same update delivered again is dropped, before and after it was handled", async () => {
    const inbox = new UpdateInbox(db, { source: "111" });
    expect(ids(await inbox.accept([text(5, "hello")]))).toEqual([5]);
    expect(await inbox.accept([text(5, "hello")])).toEqual([]);
    await inbox.done(5);
    expect(await inbox.accept([text(5, "hello")])).toEqual([]);
  });

  it("a source whose ids start again is not taken for a redelivery: the new update is handled under a spare id", async () => {
    const inbox = new UpdateInbox(db, { source: "111" });
    await inbox.accept([text(1, "first life")]);
    await inbox.done(1);
    const again = await inbox.accept([text(1, "second life"), text(2, "also new")]);
    expect(again.map((u) => u.message?.text)).toEqual(["second life", "also new"]);
    const [spare, two] = ids(again);
    expect(spare).toBeLessThan(0);
    expect(two).toBe(2);
    // What was recorded for the old update 1 does not apply to the new one.
    expect(await markUpdateHandled(db, spare!)).toBe(true);
  });

  it("another bot on the same database may use the same ids", async () => {
    const first = new UpdateInbox(db, { source: "111" });
    const second = new UpdateInbox(db, { source: "222" });
    await first.accept([text(7, "for bot 111")]);
    await first.done(7);
    const fresh = await second.accept([text(7, "for bot 222")]);
    expect(fresh.map((u) => u.message?.text)).toEqual(["for bot 222"]);
    expect(ids(fresh)[0]).not.toBe(7);
    // Each redelivery is still recognised, by its own source.
    expect(await second.accept([text(7, "for bot 222")])).toEqual([]);
    expect(await first.accept([text(7, "for bot 111")])).toEqual([]);
  });
});

describe("leftovers after a stop", () => {
  it("after a clean stop everything left is handled again and nothing counts as a crash", async () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    await inbox.accept([text(1, "a"), text(2, "b")]);
    for (let run = 0; run < 5; run++) {
      await inbox.stoppedCleanly();
      const left = await inbox.leftovers(() => expect.unreachable("nothing is given up after a clean stop"));
      expect(left.clean).toBe(true);
      expect(ids(left.updates)).toEqual([1, 2]);
    }
  });

  it("after crashes an update tried three times is given up, the others are not", async () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    await inbox.accept([text(1, "kills the process"), text(2, "innocent")]);
    const given: number[] = [];
    for (let crash = 0; crash < 4; crash++) {
      const left = await inbox.leftovers((id) => given.push(id));
      expect(left.clean).toBe(crash === 0);
      // The replay tries update 1 first, and the process dies in it each time.
      if (left.updates[0]?.update_id === 1) await inbox.attempt(1);
    }
    expect(given).toEqual([1]);
    expect(ids((await inbox.leftovers(() => undefined)).updates)).toEqual([2]);
  });

  it("depth and age of the inbox are there for readiness and metrics", async () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    expect((await inboxStats(db)).depth).toBe(0);
    await inbox.accept([text(1, "a"), text(2, "b")]);
    expect((await inboxStats(db)).depth).toBe(2);
    expect((await inboxStats(db)).oldestSeconds).toBeGreaterThanOrEqual(0);
  });
});

describe("what is stored is cleaned as the question asks", () => {
  it("a lone three-digit number where the last four digits of the card are asked is masked before it is written", async () => {
    const inbox = new UpdateInbox(db, {
      source: "1",
      policyFor: () => ({ othersCards: false, lone: [{ kind: "cvv", digits: [3, 3] }] }),
    });
    const [stored] = await inbox.accept([text(1, "417")]);
    expect(stored?.message?.text).toBe("•••");
    const payload = (await rowsOf<{ payload: string }>(db, "SELECT payload FROM update_inbox"))[0]!.payload;
    expect(payload).not.toContain("417");
  });

  it("direction marks and overrides are dropped from what people type", async () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    const [stored] = await inbox.accept([text(1, "Айгүл \u202eБ.\u202c \u2066x\u2069\u200f")]);
    expect(stored?.message?.text).toBe("Айгүл Б. x");
  });
});
