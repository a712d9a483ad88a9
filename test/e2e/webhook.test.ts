import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../support/harness.js";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe("webhook mode and shutdown", () => {
  let h: Harness;
  afterEach(() => h.close());

  it("receives updates on the webhook path, checks the secret, and answers", async () => {
    const port = await freePort();
    const secret = "webhook-secret-0123456789";
    h = await Harness.create({
      env: {
        BOT_MODE: "webhook",
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
        WEBHOOK_SECRET: secret,
        PORT: String(port),
      },
    });
    await h.start();
    expect(h.emulator.callsOf("setWebhook").at(-1)?.params).toMatchObject({
      url: `http://127.0.0.1:${port}/telegram/hook`,
      secret_token: secret,
    });

    const u = h.user(3001, "ru");
    u.command("start");
    const consent = await u.waitFor((m) => m.buttons.length > 0);
    expect(consent.text).toContain("Согласие");

    const wrongSecret = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "nope-nope-nope-nope" },
      body: JSON.stringify({ update_id: 999999 }),
    });
    expect(wrongSecret.status).toBe(401);
    const elsewhere = await fetch(`http://127.0.0.1:${port}/other`, { method: "POST", body: "{}" });
    expect(elsewhere.status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    expect(await metrics.text()).toMatch(/^saqbol_updates_total\{kind="message",outcome="ok"\} [1-9]/m);
  });

  it("stops on SIGTERM with exit code 0 after finishing what it was doing", async () => {
    h = await Harness.create();
    const bot = h.spawnBot();
    const u = h.user(3002, "kk");
    u.command("start");
    // A hang guard only: starting the bot from source on a loaded machine took over 20 s.
    await u.waitFor((m) => m.buttons.length > 0, { timeoutMs: 120_000 });
    u.command("help");
    await u.nextReply({ timeoutMs: 60_000 });
    expect(await bot.kill("SIGTERM")).toBe(0);
    expect(bot.output.join("")).toContain("saqbol stopped");
  }, 240_000);
});
