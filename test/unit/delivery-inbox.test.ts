/**
 * The inbox knows an update by its source and its content, not by its id alone,
 * and tells a replay after a clean stop from one after a crash.
 */
import type { Update } from "grammy/types";
import { beforeEach, describe, expect, it } from "vitest";
import { UpdateInbox } from "../../src/bot/delivery/inbox.js";
import { type Db, openDatabase } from "../../src/db/client.js";
import { markUpdateHandled } from "../../src/db/handled-updates.js";
import { inboxStats } from "../../src/db/inbox-stats.js";

let db: Db;
beforeEach(() => {
  db = openDatabase(":memory:");
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
  it("the same update delivered again is dropped, before and after it was handled", () => {
    const inbox = new UpdateInbox(db, { source: "111" });
    expect(ids(inbox.accept([text(5, "hello")]))).toEqual([5]);
    expect(inbox.accept([text(5, "hello")])).toEqual([]);
    inbox.done(5);
    expect(inbox.accept([text(5, "hello")])).toEqual([]);
  });

  it("a source whose ids start again is not taken for a redelivery: the new update is handled under a spare id", () => {
    const inbox = new UpdateInbox(db, { source: "111" });
    inbox.accept([text(1, "first life")]);
    inbox.done(1);
    const again = inbox.accept([text(1, "second life"), text(2, "also new")]);
    expect(again.map((u) => u.message?.text)).toEqual(["second life", "also new"]);
    const [spare, two] = ids(again);
    expect(spare).toBeLessThan(0);
    expect(two).toBe(2);
    // What was recorded for the old update 1 does not apply to the new one.
    expect(markUpdateHandled(db, spare!)).toBe(true);
  });

  it("another bot on the same database may use the same ids", () => {
    const first = new UpdateInbox(db, { source: "111" });
    const second = new UpdateInbox(db, { source: "222" });
    first.accept([text(7, "for bot 111")]);
    first.done(7);
    const fresh = second.accept([text(7, "for bot 222")]);
    expect(fresh.map((u) => u.message?.text)).toEqual(["for bot 222"]);
    expect(ids(fresh)[0]).not.toBe(7);
    // Each redelivery is still recognised, by its own source.
    expect(second.accept([text(7, "for bot 222")])).toEqual([]);
    expect(first.accept([text(7, "for bot 111")])).toEqual([]);
  });
});

describe("leftovers after a stop", () => {
  it("after a clean stop everything left is handled again and nothing counts as a crash", () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    inbox.accept([text(1, "a"), text(2, "b")]);
    for (let run = 0; run < 5; run++) {
      inbox.stoppedCleanly();
      const left = inbox.leftovers(() => expect.unreachable("nothing is given up after a clean stop"));
      expect(left.clean).toBe(true);
      expect(ids(left.updates)).toEqual([1, 2]);
    }
  });

  it("after crashes an update tried three times is given up, the others are not", () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    inbox.accept([text(1, "kills the process"), text(2, "innocent")]);
    const given: number[] = [];
    for (let crash = 0; crash < 4; crash++) {
      const left = inbox.leftovers((id) => given.push(id));
      expect(left.clean).toBe(crash === 0);
      // The replay tries update 1 first, and the process dies in it each time.
      if (left.updates[0]?.update_id === 1) inbox.attempt(1);
    }
    expect(given).toEqual([1]);
    expect(ids(inbox.leftovers(() => undefined).updates)).toEqual([2]);
  });

  it("depth and age of the inbox are there for readiness and metrics", () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    expect(inboxStats(db).depth).toBe(0);
    inbox.accept([text(1, "a"), text(2, "b")]);
    expect(inboxStats(db).depth).toBe(2);
    expect(inboxStats(db).oldestSeconds).toBeGreaterThanOrEqual(0);
  });
});

describe("what is stored is cleaned as the question asks", () => {
  it("a lone three-digit number where the last four digits of the card are asked is masked before it is written", () => {
    const inbox = new UpdateInbox(db, {
      source: "1",
      policyFor: () => ({ othersCards: false, lone: [{ kind: "cvv", digits: [3, 3] }] }),
    });
    const [stored] = inbox.accept([text(1, "417")]);
    expect(stored?.message?.text).toBe("•••");
    const payload = db.$client.prepare("SELECT payload FROM update_inbox").pluck().get() as string;
    expect(payload).not.toContain("417");
  });

  it("direction marks and overrides are dropped from what people type", () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    const [stored] = inbox.accept([text(1, "Айгүл \u202eБ.\u202c \u2066x\u2069\u200f")]);
    expect(stored?.message?.text).toBe("Айгүл Б. x");
  });
});
