/**
 * One person sends 500 messages in a few seconds. Flood control (the production
 * defaults: 20 updates per 10 s per person) drops the excess cheaply and tells
 * them once per window; another person answering the questionnaire at the same
 * time is answered as quickly as usual: compared with a third person's same
 * answers just before the flood on the same machine, not with a wall-clock bound
 * (the machine may be busy). Screenshots sent as albums are never dropped: 30
 * photos in three albums at the evidence step are all stored. One stranger's
 * 4,095-character "1 1 1 …" message (once minutes of work in one update) does not
 * hold up anybody's /start.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserHandle } from "../emulator/index.js";
import { rows } from "../support/db-reader.js";
import { atStep } from "../support/drafts.js";
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
  afterAll(async () => h.close());

  it("500 messages from one person do not slow another person's questionnaire; the flooder is told once per window", async () => {
    const flooder = await consentedUser(h, 9501, "ru");
    // How many messages answer one such text (the urgent advice and the scheme it looks like).
    await h.emulator.waitIdle({ quietMs: 300 });
    const sentBefore = h.emulator.sentTo(9501).length;
    flooder.send("Мне звонят из банка");
    await flooder.nextReply({ timeoutMs: 60_000 });
    await h.emulator.waitIdle({ quietMs: 300 });
    const perAnswer = h.emulator.sentTo(9501).length - sentBefore;
    const victim = await consentedUser(h, 9502, "kk");
    const calm = await consentedUser(h, 9503, "kk");
    const script: Move[] = scenarios[0]!.script("kk").slice(0, 16);
    const before = await answerTimes(calm, script);
    victim.press(label("kk", "menu:items.report"));
    await nextQuestion(victim);

    const floodStart = Date.now();
    const sentAtFlood = h.emulator.sentTo(9501).length;
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

    const toFlooder = h.emulator.sentTo(9501).slice(sentAtFlood);
    const notices = toFlooder.filter((m) => m.text === plain(label("ru", "common:errors.too_fast")));
    const windows = Math.ceil(handledMs / WINDOW_MS) + 1;
    const answered = (toFlooder.length - notices.length) / perAnswer;
    console.info(
      `flood: ${answered} messages answered (${perAnswer} replies each) and ${notices.length} notices, in ${windows} windows`,
    );
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices.length).toBeLessThanOrEqual(windows);
    // Past the limit nothing is processed: at most one window's worth of messages answered per window.
    expect(answered).toBeLessThanOrEqual(PER_WINDOW * windows);
    expect(h.logs.join("")).not.toContain("update failed");
  }, 240_000);
});

describe("screenshots sent as albums under the production flood limits", () => {
  let h: Harness;
  const evidenceOf = async (id: number) =>
    (
      await rows<{ n: number }>(
        h,
        "SELECT COUNT(*) AS n FROM report_evidence e JOIN reports r ON r.id = e.report_id WHERE r.user_id = ?",
        id,
      )
    )[0]!.n;
  const until = async (done: () => Promise<boolean>, ms: number) => {
    const deadline = Date.now() + ms;
    while (!(await done()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  };
  beforeAll(async () => {
    h = await Harness.create();
  });
  afterAll(async () => h.close());

  /** Walks to the evidence step quickly, then restarts with the production limits (a person is slower than a test). */
  async function atEvidence(id: number, lang: "ru" | "kk", limits = { perWindow: PER_WINDOW, windowMs: WINDOW_MS }) {
    await h.stopBot();
    await h.start();
    const u = await atStep(h, id, lang, "evidence");
    await h.emulator.waitIdle({ quietMs: 200 });
    await h.stopBot();
    await h.start({ rateLimit: limits });
    return u;
  }

  for (const lang of ["ru", "kk"] as const) {
    it(`30 screenshots sent as three albums at the evidence step are all stored, none dropped (${lang})`, async () => {
      const id = lang === "ru" ? 9511 : 9512;
      const u = await atEvidence(id, lang);
      const sent = [u.sendAlbum(10), u.sendAlbum(10), u.sendAlbum(10, { caption: "скриншоты переписки" })].flat();
      await until(async () => (await evidenceOf(id)) >= sent.length, 45_000);
      await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 30_000 });
      console.info(`albums (${lang}): ${await evidenceOf(id)} of ${sent.length} photos stored`);
      expect(await evidenceOf(id)).toBe(sent.length);
      // Nothing said "too fast" about files, and the inbox let go of all of them.
      expect(u.messages().filter((m) => m.text === plain(label(lang, "common:errors.too_fast")))).toEqual([]);
      expect(await rows(h, "SELECT update_id FROM update_inbox")).toEqual([]);
    }, 120_000);
  }

  it("past the files' allowance photos wait their turn, and Done pressed after them still finds all of them", async () => {
    const id = 9513;
    // A small allowance (15 files per 3 s) so that half of the photos wait.
    const u = await atEvidence(id, "ru", { perWindow: 5, windowMs: 3000 });
    const sent = [u.sendAlbum(10), u.sendAlbum(10), u.sendAlbum(10)].flat();
    u.press(label("ru", "common:buttons.done"));
    await until(async () => (await evidenceOf(id)) >= sent.length, 60_000);
    await h.emulator.waitIdle({ quietMs: 500, timeoutMs: 60_000 });
    expect(await evidenceOf(id)).toBe(sent.length);
    const cursor = (await rows<{ cursor: string }>(h, "SELECT cursor FROM reports WHERE user_id = ?", id))[0]!.cursor;
    expect(JSON.parse(cursor).step).not.toBe("evidence");
  }, 120_000);
});

describe("one enormous message from a stranger", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  it("a 4,095-character '1 1 1 …' message does not hold up another person's /start", async () => {
    const stranger = h.user(9521, "ru");
    const other = h.user(9522, "kk");
    stranger.send("1 ".repeat(2048).slice(0, 4095));
    const sent = Date.now();
    other.command("start");
    await other.waitFor((m) => m.buttons.length > 0, { timeoutMs: 60_000 });
    const answeredMs = Date.now() - sent;
    await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 60_000 });
    console.info(`freeze: another person's /start answered ${answeredMs} ms after a 4,095-character "1 1 1 …" message`);
    expect(stranger.messages().length).toBeGreaterThan(0);
    expect(h.logs.join("")).not.toContain("update failed");
  }, 90_000);
});
