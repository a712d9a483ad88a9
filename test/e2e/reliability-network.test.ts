/**
 * When Telegram does not answer, the bot is deaf for as short a time as it can
 * be, and never in silence: a getUpdates that is never answered is abandoned
 * after the long-poll time and a margin; 502 pages and cut connections are
 * retried after pauses of a few seconds at most, so replies resume right after
 * the outage; the first failure is a warning in the log at once, the end of the
 * outage is logged too, and /readyz says 503 while it lasts. A revoked token
 * ends the process with one clear line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness } from "../support/harness.js";
import { label } from "../support/scenarios.js";

const plain = (html: string) => html.replace(/<\/?[bi]>/g, "");
const helpOf = (lang: "ru" | "kk") => plain(label(lang, "start:help"));

describe("Telegram not answering", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await Harness.create();
    const app = await h.start();
    base = `http://127.0.0.1:${app.ops.port}`;
  });
  afterAll(() => h.close());

  const warnings = () => h.logs.filter((l) => l.includes('"Telegram API call failed; retrying"'));

  it("serves /healthz (GET and HEAD), /readyz with what it checked and /metrics on OPS_PORT, in polling mode", async () => {
    const healthz = await fetch(`${base}/healthz`);
    expect([healthz.status, await healthz.text()]).toEqual([200, "ok"]);
    expect((await fetch(`${base}/healthz`, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(`${base}/readyz`, { method: "HEAD" })).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    const body = (await ready.json()) as Record<string, { ok: boolean }>;
    expect(ready.status).toBe(200);
    expect(body).toMatchObject({ ready: true, database: { ok: true }, inbox: { ok: true }, telegram: { ok: true } });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    expect(await metrics.text()).toMatch(/^saqbol_inbox_depth \d+$/m);
  });

  it("a getUpdates that is never answered is abandoned: the warning is logged and the reply comes", async () => {
    const u = h.user(8401, "ru");
    const before = warnings().length;
    const polls = h.emulator.callsOf("getUpdates").length;
    // The poll the bot makes next hangs; the message waits at Telegram meanwhile.
    h.emulator.failNext("getUpdates", "hang");
    const hung = (async () => {
      while (
        !h.emulator
          .callsOf("getUpdates")
          .slice(polls)
          .some((c) => c.fault === "hang")
      ) {
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await hung;
    const sent = Date.now();
    u.command("help");
    await u.waitFor((m) => m.text === helpOf("ru"), { timeoutMs: 90_000 });
    const deafSeconds = (Date.now() - sent) / 1000;
    console.info(`one getUpdates never answered: deaf for ${deafSeconds.toFixed(1)} s (long poll 1 s + 10 s margin)`);
    expect(warnings().length).toBeGreaterThan(before);
    expect(h.logs.join("")).toContain("Telegram API answers again");
  }, 120_000);

  it("502 pages and cut connections: logged at once, /readyz says 503, replies resume within seconds of the end", async () => {
    const u = h.user(8402, "kk");
    const before = warnings().length;
    const calls = h.emulator.calls.length;
    h.emulator.setFaults({ rate: 1, kinds: ["502", "network"], methods: ["getUpdates", "sendMessage"], seed: 7 });
    const outageStart = Date.now();
    // Once the bot's polls fail, the person writes: the message can only be read after the outage.
    while (!h.emulator.calls.slice(calls).some((c) => c.method === "getUpdates" && c.fault)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    u.command("help");
    // Readiness follows the outage.
    let notReady: Response | undefined;
    for (let i = 0; i < 100 && !notReady; i++) {
      const r = await fetch(`${base}/readyz`);
      if (r.status === 503) notReady = r;
      else await new Promise((res) => setTimeout(res, 100));
    }
    expect(notReady?.status).toBe(503);
    expect(((await notReady!.json()) as { telegram: { ok: boolean } }).telegram.ok).toBe(false);
    expect(warnings().length).toBe(before + 1);
    await new Promise((r) => setTimeout(r, Math.max(0, 8000 - (Date.now() - outageStart))));
    h.emulator.faults.clear();
    const ended = Date.now();
    await u.waitFor((m) => m.text === helpOf("kk"), { timeoutMs: 60_000 });
    const resumedSeconds = (Date.now() - ended) / 1000;
    console.info(`8 s of 502s and resets: reply ${resumedSeconds.toFixed(1)} s after the outage ended`);
    await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 20_000 });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    // One warning for the whole outage, not one per retry.
    expect(warnings().length).toBe(before + 1);
    expect(u.messages().filter((m) => m.text === helpOf("kk"))).toHaveLength(1);
  }, 120_000);
});

describe("a revoked token", () => {
  let h: Harness;
  afterAll(() => h.close());

  it("ends the process with exit code 1 and one clear line, no stack trace", async () => {
    h = await Harness.create();
    const bot = h.spawnBot();
    const u = h.user(8411, "ru");
    u.command("start");
    // A hang guard: a child process started with tsx beside the whole suite took over 30 s to answer.
    await u.waitFor((m) => m.buttons.length > 0, { timeoutMs: 120_000 });
    h.emulator.setFaults({ rate: 1, kinds: ["401"] });
    const code = await Promise.race([
      bot.exited,
      new Promise<"running">((r) => setTimeout(() => r("running"), 60_000)),
    ]);
    expect(code).toBe(1);
    const stderr = bot.output
      .join("")
      .split("\n")
      .filter((l) => l.startsWith("saqbol:"));
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^saqbol: Telegram rejected BOT_TOKEN \(401 Unauthorized/);
    expect(bot.output.join("")).not.toMatch(/\n\s+at /);
  }, 240_000);
});
