/**
 * The benchmark's own pieces, without timing anything: the simulated person
 * presses what is on screen, the fake Telegram keeps each chat's buttons, the
 * closed loop keeps N people busy, and the table marks missed targets.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { describe, expect, it } from "vitest";
import { questionData } from "../../src/bot/callback-data/questionnaire.js";
import { OPTIONS, type StepId } from "../../src/core/questionnaire/steps.js";
import { FakeTelegram } from "../bench/fake-api.js";
import { ClosedLoop, replayUser, type SimUser } from "../bench/load.js";
import { median, percentile } from "../bench/stats.js";
import { missed, renderTable } from "../bench/table.js";
import { type Move, PERSONAS, Walker } from "../bench/walker.js";

const button = (a: string, s: StepId, o?: number, rev = 3): InlineKeyboardButton => ({
  text: `${a}${o ?? ""}`,
  callback_data: questionData.pack({ a: a as "c", s, o, r: rev }),
});
const screen = (buttons: InlineKeyboardButton[]) => ({ messageId: 42, buttons: [buttons] });
const pressed = (move: Move | undefined) => (move?.kind === "press" ? questionData.unpack(move.data) : undefined);

describe("simulated person", () => {
  const persona = PERSONAS.ru[0]!;

  it("starts with /report, then presses the option its persona chose, with the revision on screen", () => {
    const walker = new Walker(persona);
    expect(walker.next(undefined)).toEqual({ kind: "text", text: "/report" });
    const options = OPTIONS.filed_for.map((_, o) => button("c", "filed_for", o));
    const move = walker.next(screen([...options, button("b", "filed_for")]));
    expect(pressed(move)).toEqual({ a: "c", s: "filed_for", o: OPTIONS.filed_for.indexOf("self"), r: 3 });
  });

  it("toggles each chosen option once, then presses done", () => {
    const walker = new Walker(persona);
    walker.next(undefined);
    const shown = screen([...OPTIONS.channels.map((_, o) => button("t", "channels", o)), button("d", "channels")]);
    expect(pressed(walker.next(shown))).toMatchObject({ a: "t", o: OPTIONS.channels.indexOf("phone_call") });
    expect(pressed(walker.next(shown))).toMatchObject({ a: "d" });
  });

  it("types its text answers and stops at the review", () => {
    const walker = new Walker(persona);
    walker.next(undefined);
    expect(walker.next(screen([button("s", "narrative"), button("b", "narrative")]))).toMatchObject({ kind: "text" });
    expect(walker.next(screen([button("x", "review")]))).toBeUndefined();
    expect(walker.finished).toBe(true);
  });

  it("gives up when no questionnaire buttons are on screen", () => {
    const walker = new Walker(persona);
    walker.next(undefined);
    expect(walker.next(undefined)).toBeUndefined();
    expect(walker.stuck).toBe(true);
  });
});

describe("fake Telegram", () => {
  it("answers with increasing message ids and keeps the latest buttons of each chat", async () => {
    const fake = new FakeTelegram();
    const call = (method: string, payload: Record<string, unknown>) =>
      // biome-ignore lint/suspicious/noExplicitAny: the transformer is called as grammY would
      fake.transformer((() => undefined) as any, method as any, payload as any) as Promise<any>;
    const keyboard = { inline_keyboard: [[{ text: "a", callback_data: "x" }]] };
    const first = await call("sendMessage", { chat_id: 7, text: "q1", reply_markup: keyboard });
    const second = await call("sendMessage", { chat_id: 7, text: "q2", reply_markup: keyboard });
    expect(second.result.message_id).toBeGreaterThan(first.result.message_id);
    expect(fake.screen(7)?.messageId).toBe(second.result.message_id);
    await call("editMessageReplyMarkup", { chat_id: 7, message_id: second.result.message_id });
    expect(fake.screen(7)).toBeUndefined();
    expect(fake.calls.get("sendMessage")).toBe(2);
  });
});

describe("closed loop", () => {
  it("keeps N people acting, replaces those who finish, and stops at the total", async () => {
    const seen: number[] = [];
    let loop: ClosedLoop | undefined;
    let nextUpdate = 1;
    const recorded = [
      { lang: "ru" as const, moves: [{ kind: "text", text: "a" } as Move, { kind: "text", text: "b" } as Move] },
    ];
    loop = new ClosedLoop({
      concurrency: 3,
      total: 10,
      makeUser: (i): SimUser => replayUser(recorded, i, 100 + i),
      deliver: (user) => {
        const id = nextUpdate++;
        seen.push(user.id);
        loop?.supplied(id);
        setImmediate(() => loop?.completed(id));
        return id;
      },
    });
    loop.start();
    const result = await loop.done;
    expect(result.updates).toBe(10);
    expect(result.latencies).toHaveLength(10);
    // Three at a time, two moves each: people 0–2 take six updates, 3–5 replace them for the last four.
    expect(new Set(seen).size).toBe(6);
    expect(result.finished).toBe(3);
  });

  it("with a pause, people act that much later and the loop still ends with nothing in flight", async () => {
    let loop: ClosedLoop | undefined;
    let nextUpdate = 1;
    const sentAt: number[] = [];
    const recorded = [{ lang: "kk" as const, moves: ["a", "b", "c"].map((text) => ({ kind: "text", text }) as Move) }];
    loop = new ClosedLoop({
      concurrency: 2,
      total: 6,
      thinkMs: 40,
      makeUser: (i): SimUser => replayUser(recorded, i, 200 + i),
      deliver: () => {
        const id = nextUpdate++;
        sentAt.push(performance.now());
        loop?.supplied(id);
        setImmediate(() => loop?.completed(id));
        return id;
      },
    });
    const started = performance.now();
    loop.start();
    const result = await loop.done;
    expect(result.updates).toBe(6);
    expect(result.stuck).toBe(0);
    // Each person's three moves are two pauses (at least 20 ms each) apart after a spread start.
    expect(Math.max(...sentAt) - started).toBeGreaterThanOrEqual(40);
    // The rate counts time until the last update was handled, not the pauses after it.
    expect(result.seconds).toBeLessThanOrEqual((performance.now() - started) / 1000);
  });
});

describe("figures", () => {
  it("takes percentiles by nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(median(samples)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it("marks a missed target on the column it holds", () => {
    const row = {
      label: "p99",
      unit: "ms",
      median: 5,
      p99: 40,
      target: { kind: "max" as const, limit: 25, on: "p99" as const },
    };
    expect(missed(row)).toBe(true);
    expect(missed({ ...row, p99: 20 })).toBe(false);
    expect(renderTable([{ title: "t", rows: [row] }])).toContain("MISSED");
  });
});
