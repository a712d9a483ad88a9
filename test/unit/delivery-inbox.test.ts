/**
 * The inbox knows an update by its source and its content, not by its id alone,
 * and tells a replay after a clean stop from one after a crash.
 */

import { sql } from "drizzle-orm";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LEASE_MS, UpdateInbox } from "../../src/bot/delivery/inbox.js";
import type { Db } from "../../src/db/client.js";
import { markUpdateHandled } from "../../src/db/handled-updates.js";
import { inboxStats } from "../../src/db/inbox-stats.js";
import { rowsOf, TEST_ENGINE, testDb } from "../support/database.js";

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
  it("an id still waiting in the inbox for another bot is not reused: the new update gets a spare id, both are kept", async () => {
    const first = new UpdateInbox(db, { source: "333" });
    const second = new UpdateInbox(db, { source: "444" });
    await first.accept([text(8, "waiting for bot 333")]);
    const [fresh] = await second.accept([text(8, "for bot 444")]);
    expect(fresh?.update_id).toBeLessThan(0);
    await first.stoppedCleanly();
    const left = await first.leftovers(() => expect.unreachable());
    expect(left.updates.map((u) => u.message?.text).sort()).toEqual(["for bot 444", "waiting for bot 333"]);
  });
});

describe("letting go of handled updates", () => {
  it("updates finished together are let go in one transaction, each done() settling once it is committed", async () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    await inbox.accept([text(1, "a"), text(2, "b", 2), text(3, "c", 3)]);
    const transactions = vi.spyOn(db.$engine, "transaction");
    await Promise.all([inbox.done(1), inbox.done(2), inbox.done(3)]);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(await rowsOf(db, "SELECT update_id FROM update_inbox")).toEqual([]);
    for (const id of [1, 2, 3]) expect(await markUpdateHandled(db, id)).toBe(false);
    // One finished later starts a new round.
    await inbox.accept([text(4, "d")]);
    await inbox.done(4);
    expect(await rowsOf(db, "SELECT update_id FROM update_inbox")).toEqual([]);
  });

  it("a batch the database refuses fails every done() in it, and each can be let go of again", async () => {
    const inbox = new UpdateInbox(db, { source: "1" });
    await inbox.accept([text(1, "a"), text(2, "b", 2)]);
    const refuse = vi.spyOn(db.$engine, "transaction").mockRejectedValueOnce(new Error("disk full"));
    const settled = await Promise.allSettled([inbox.done(1), inbox.done(2)]);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
    expect(await rowsOf(db, "SELECT update_id FROM update_inbox")).toHaveLength(2);
    refuse.mockRestore();
    await Promise.all([inbox.done(1), inbox.done(2)]);
    expect(await rowsOf(db, "SELECT update_id FROM update_inbox")).toEqual([]);
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

describe("several instances share the inbox through claims with leases", () => {
  let now = 1_900_000_000_000;
  const clock = () => now;
  const opened: UpdateInbox[] = [];
  const instance = async () => {
    const inbox = new UpdateInbox(db, { source: "1", shared: true, clock });
    await inbox.open();
    opened.push(inbox);
    return inbox;
  };
  afterEach(async () => {
    for (const inbox of opened.splice(0)) await inbox.close();
  });
  const stored = async (inbox: UpdateInbox, updates: Update[]) => {
    await inbox.accept(updates);
    return updates.map((u) => u.update_id);
  };

  it("an update is claimed by one instance only, and one a live instance holds is never taken over", async () => {
    const [a, b] = [await instance(), await instance()];
    const fresh = await stored(a, [text(1, "x", 10), text(2, "y", 20), text(3, "z", 30)]);
    const byA = ids(await a.claim({ ids: fresh, limit: 10 }));
    expect(byA).toEqual([1, 2, 3]);
    expect(await b.claim({ limit: 10 })).toEqual([]);
    expect(await b.claim({ ids: fresh, limit: 10 })).toEqual([]);
    // Within the lease, renewed or not, nothing is taken from a live instance.
    now += LEASE_MS - 1;
    expect(await b.takeOver(() => expect.unreachable())).toBeUndefined();
    await a.renew();
    now += LEASE_MS - 1;
    expect(await b.takeOver(() => expect.unreachable())).toBeUndefined();
    await a.close();
    await b.close();
  });

  it("a chat's updates are claimed one at a time in update_id order, whichever instance stored them", async () => {
    const [a, b] = [await instance(), await instance()];
    // Two quick messages of one person, one to each instance; another person's in between.
    await stored(a, [text(41, "first", 7)]);
    await stored(b, [text(42, "other person", 8)]);
    await stored(b, [text(43, "second", 7)]);
    expect(ids(await b.claim({ ids: [42, 43], limit: 10 }))).toEqual([42]);
    expect(ids(await a.claim({ ids: [41], limit: 10 }))).toEqual([41]);
    // While 41 is held, 43 is nobody's turn, however asked for.
    expect(await b.claim({ limit: 10 })).toEqual([]);
    expect(await b.claim({ chatId: 7, limit: 10 })).toEqual([]);
    await a.done(41);
    expect(ids(await b.claim({ chatId: 7, limit: 10 }))).toEqual([43]);
    await a.close();
    await b.close();
  });

  it("claims in any interleaving hand every update out once, each chat in order (100 random schedules)", async () => {
    for (let round = 0; round < 100; round++) {
      await db.run(sql`DELETE FROM update_inbox`);
      const insts = [await instance(), await instance(), await instance()];
      const base = 1000 + round * 20;
      const updates = Array.from({ length: 12 }, (_, k) => text(base + k, `m${k}`, 100 + ((k * 7 + round) % 3)));
      await insts[0]!.accept(updates);
      const handled: Update[] = [];
      const holding = new Map<number, UpdateInbox>();
      let step = 0;
      while (handled.length < updates.length && step++ < 500) {
        const inst = insts[(round * 13 + step * 7) % 3]!;
        const pick = (round + step) % 3;
        if (pick === 0 || holding.size === 0) {
          for (const u of await inst.claim({ limit: 1 + (step % 3) })) {
            expect(holding.has(u.update_id)).toBe(false);
            holding.set(u.update_id, inst);
          }
        } else {
          const [id, owner] = [...holding][step % holding.size]!;
          holding.delete(id);
          handled.push(updates.find((u) => u.update_id === id)!);
          await owner.done(id);
        }
      }
      expect(handled.length).toBe(updates.length);
      for (const chat of [100, 101, 102]) {
        const order = ids(handled.filter((u) => u.message?.chat.id === chat));
        expect(order).toEqual([...order].sort((x, y) => x - y));
      }
      for (const inst of insts) await inst.close();
    }
  });

  it("rows of an instance whose lease ran out are taken over one at a time, each a counted attempt; a chat's later rows wait", async () => {
    const [dead, live] = [await instance(), await instance()];
    await stored(dead, [text(51, "a", 5), text(52, "b", 6), text(53, "c", 5)]);
    expect(ids(await dead.claim({ limit: 10 }))).toEqual([51, 52]);
    // On SQLite only the lease tells that an instance died; on PostgreSQL its presence does too (below).
    now += LEASE_MS + 1;
    const first = await live.takeOver(() => expect.unreachable());
    expect(first).toMatchObject({ update: { update_id: 51 }, attempts: 1 });
    expect(await live.claim({ limit: 10 })).toEqual([]);
    const second = await live.takeOver(() => expect.unreachable());
    expect(second).toMatchObject({ update: { update_id: 52 }, attempts: 1 });
    await live.done(51);
    expect(ids(await live.claim({ chatId: 5, limit: 10 }))).toEqual([53]);
    await dead.close();
    await live.close();
  });

  it("an update that killed its holder on every takeover is given up after three, the others are not", async () => {
    const given: number[] = [];
    const first = await instance();
    await stored(first, [text(61, "kills", 1), text(62, "innocent", 2)]);
    await first.claim({ ids: [61], limit: 1 });
    let attempts = 0;
    for (let crash = 0; crash < 4; crash++) {
      now += LEASE_MS + 1;
      const next = await instance();
      const taken = await next.takeOver((id) => given.push(id));
      if (taken) attempts = taken.attempts;
    }
    expect(attempts).toBe(3);
    expect(given).toEqual([61]);
    const last = await instance();
    expect(ids(await last.claim({ limit: 10 }))).toEqual([62]);
  });

  it("a clean stop lets go of what was claimed and not finished: another instance claims it at once, not as a crash", async () => {
    const [a, b] = [await instance(), await instance()];
    await stored(a, [text(71, "x", 1)]);
    await a.claim({ limit: 10 });
    await a.close();
    expect(ids(await b.claim({ limit: 10 }))).toEqual([71]);
    const row = await rowsOf<{ attempts: number }>(db, "SELECT attempts FROM update_inbox WHERE update_id = 71");
    expect(row).toEqual([{ attempts: 0 }]);
    await b.close();
  });

  it.runIf(TEST_ENGINE === "postgres")(
    "on PostgreSQL a killed instance's rows are taken over at once: its presence went with its connection",
    async () => {
      const [dead, live] = [await instance(), await instance()];
      await stored(dead, [text(81, "x", 1)]);
      await dead.claim({ limit: 10 });
      const claimedAt = now;
      expect(await live.takeOver(() => expect.unreachable())).toBeUndefined();
      // The connection holding its presence ends as a killed process's does; the lease has not run out.
      const [holder] = await rowsOf<{ pid: number }>(
        db,
        "SELECT l.pid FROM pg_locks l JOIN update_inbox u ON l.objid::text = u.claimed_by WHERE u.update_id = 81 AND l.locktype = 'advisory'",
      );
      await rowsOf(db, "SELECT pg_terminate_backend(?)", holder!.pid);
      // The backend ends a moment after it is told to (as the server notices a dead client's socket).
      await expect
        .poll(() => live.takeOver(() => expect.unreachable()), { timeout: 10_000 })
        .toMatchObject({ update: { update_id: 81 }, attempts: 1 });
      expect(now).toBe(claimedAt);
      await live.close();
    },
  );

  it.runIf(TEST_ENGINE === "postgres")(
    "on PostgreSQL instances claiming at the same moment never claim the same update (SKIP LOCKED)",
    async () => {
      const insts = await Promise.all(Array.from({ length: 4 }, () => instance()));
      const updates = Array.from({ length: 200 }, (_, k) => text(2000 + k, `m${k}`, 5000 + k));
      await insts[0]!.accept(updates);
      const got = (await Promise.all(insts.map((i) => Promise.all([0, 1, 2, 3].map(() => i.claim({ limit: 20 }))))))
        .flat(2)
        .map((u) => u.update_id);
      expect(new Set(got).size).toBe(got.length);
      expect(got.length).toBeGreaterThan(0);
      for (const i of insts) await i.close();
    },
  );
});
