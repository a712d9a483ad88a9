/**
 * Flood control's decisions: past the limit a text is dropped (the first one in a
 * window with a word to the person), a file is queued, and whatever follows a
 * queued file waits behind it.
 */
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { FloodGate, floodedOf } from "../../src/bot/delivery/flood.js";

const from = { id: 7, is_bot: false, first_name: "A" };
const chat = { id: 7, type: "private", first_name: "A" };
let next = 1;
const textUpdate = (): Update =>
  ({ update_id: next++, message: { message_id: next, date: 0, chat, from, text: "hi" } }) as Update;
const photoUpdate = (group?: string): Update =>
  ({
    update_id: next++,
    message: {
      message_id: next,
      date: 0,
      chat,
      from,
      photo: [{ file_id: "f", file_unique_id: `u${next}`, width: 1, height: 1 }],
      ...(group ? { media_group_id: group } : {}),
    },
  }) as Update;

function gate(perWindow: number) {
  let now = 0;
  const released: Update[] = [];
  const g = new FloodGate(
    { perWindow, windowMs: 1000 },
    (u) => released.push(u),
    () => now,
  );
  return { g, released, advance: (ms: number) => (now += ms) };
}

describe("flood control", () => {
  it("texts past the limit are dropped; only the first one in a window tells the person", () => {
    const { g } = gate(2);
    const verdicts = Array.from({ length: 5 }, () => textUpdate()).map((u) => [g.admit(u), floodedOf(u)]);
    expect(verdicts).toEqual([
      ["now", undefined],
      ["now", undefined],
      ["dropped", "notice"],
      ["dropped", "silent"],
      ["dropped", "silent"],
    ]);
  });

  it("files have three times the allowance, and past it they are queued, never dropped", () => {
    const { g } = gate(2);
    const album = Array.from({ length: 10 }, () => photoUpdate("g1"));
    expect(album.map((u) => g.admit(u))).toEqual([...Array(6).fill("now"), ...Array(4).fill("queued")]);
    expect(g.queued).toBe(4);
    expect(album.some((u) => floodedOf(u))).toBe(false);
    g.stop();
  });

  it("a text sent after queued files waits behind them, so an answer never overtakes the files before it", () => {
    const { g } = gate(1);
    const photos = [photoUpdate(), photoUpdate(), photoUpdate(), photoUpdate()];
    expect(photos.map((u) => g.admit(u))).toEqual(["now", "now", "now", "queued"]);
    expect(g.admit(textUpdate())).toBe("queued");
    expect(g.queued).toBe(2);
    g.stop();
  });

  it("queued updates are released in order when the window ends", async () => {
    const { g, released } = gate(1);
    const photos = [photoUpdate(), photoUpdate(), photoUpdate(), photoUpdate(), photoUpdate()];
    for (const u of photos) g.admit(u);
    const done = textUpdate();
    g.admit(done);
    // The gate's own timer uses real time for the wait; the window is 1 s.
    await new Promise((r) => setTimeout(r, 1300));
    expect(released.map((u) => u.update_id)).toEqual([photos[3]!.update_id, photos[4]!.update_id, done.update_id]);
    expect(g.queued).toBe(0);
  });

  it("an update without a sender (a channel post) is never held", () => {
    const { g } = gate(0);
    expect(
      g.admit({
        update_id: 1,
        channel_post: { message_id: 1, date: 0, chat: { id: -1, type: "channel", title: "c" } },
      } as Update),
    ).toBe("now");
  });
});
