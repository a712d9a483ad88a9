/**
 * One person sends 500 messages in a few seconds. Flood control (the production
 * defaults: 20 updates per 10 s per person) drops the excess cheaply and tells
 * them once per window; another person answering the questionnaire at the same
 * time is answered as quickly as usual: compared with a third person's same
 * answers just before the flood on the same machine, not with a wall-clock bound
 * (the machine may be busy).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserHandle } from "../emulator/index.js";
import { Harness, nextQuestion } from "../support/harness.js";
import type { Move } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const PER_WINDOW = 20;
const WINDOW_MS = 10_000;
const FLOOD = 500;
const plain = (html: string) => html.replace(/<\/?[bi]>/g, "");
const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;

/** Plays the moves (from /report, unless already there) and returns how long each answer took. */
async function answerTimes(u: UserHandle, script: Move[], open = true): Promise<number[]> {
  if (open) {
    u.press(label("kk", "menu:items.report"));
    await nextQuestion(u);
  }
  const latencies: number[] = [];
  for (const move of script) {
    const started = Date.now();
    if ("toggle" in move) u.press(move.toggle);
    else if ("press" in move) u.press(move.press);
    else if ("type" in move) u.send(move.type);
    await u.waitFor((m) => m.buttons.length > 0, { kinds: ["toggle" in move ? "edit" : "new"], timeoutMs: 60_000 });
    latencies.push(Date.now() - started);
  }
  return latencies;
}

describe("a flood from one person", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ rateLimit: { perWindow: PER_WINDOW, windowMs: WINDOW_MS } });
    await h.start();
  });
  afterAll(() => h.close());

  it("500 messages from one person do not slow another person's questionnaire; the flooder is told once per window", async () => {
    const flooder = await consentedUser(h, 9501, "ru");
    const victim = await consentedUser(h, 9502, "kk");
    const calm = await consentedUser(h, 9503, "kk");
    const script: Move[] = scenarios[0]!.script("kk").slice(0, 16);
    const before = await answerTimes(calm, script);
    victim.press(label("kk", "menu:items.report"));
    await nextQuestion(victim);

    const floodStart = Date.now();
    const flood = (async () => {
      for (let i = 0; i < FLOOD; i++) {
        flooder.send(`Мне звонят из банка ${i}`);
        if (i % 25 === 24) await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const latencies = await answerTimes(victim, script, false);
    await flood;
    const floodMs = Date.now() - floodStart;
    await h.emulator.waitIdle({ quietMs: 500, timeoutMs: 120_000 });
    // The bot may still be working through the flood after the last message was sent (a loaded
    // machine): the windows that count are those until it was done, not until the sending ended.
    const handledMs = Date.now() - floodStart;

    console.info(
      `flood: ${FLOOD} messages in ${floodMs} ms; other person's answers: median ${median(latencies)} ms ` +
        `(max ${Math.max(...latencies)} ms), before the flood ${median(before)} ms`,
    );
    // Stuck behind the flood, an answer would wait for hundreds of its messages; 50× guards that, not a speed.
    expect(median(latencies)).toBeLessThanOrEqual(50 * Math.max(median(before), 10));

    const toFlooder = h.emulator.sentTo(9501).filter((m) => m.date * 1000 >= floodStart - 1000);
    const notices = toFlooder.filter((m) => m.text === plain(label("ru", "common:errors.too_fast")));
    const windows = Math.ceil(handledMs / WINDOW_MS) + 1;
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices.length).toBeLessThanOrEqual(windows);
    // Past the limit nothing is processed: at most one window's worth of answers per window.
    expect(toFlooder.length - notices.length).toBeLessThanOrEqual(PER_WINDOW * windows);
    expect(h.logs.join("")).not.toContain("update failed");
  }, 240_000);
});
