import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../support/harness.js";
import { freePort } from "../support/ports.js";

describe("webhook mode and shutdown", () => {
  let h: Harness;
  afterEach(async () => h.close());

  it("receives updates on the webhook path, checks the secret, and answers; metrics and readiness are only on OPS_PORT", async () => {
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
    const app = await h.start();
    expect(app.webhook?.port).toBe(port);
    expect(app.ops.port).not.toBe(port);
    expect(h.emulator.callsOf("setWebhook").at(-1)?.params).toMatchObject({
      url: `http://127.0.0.1:${port}/telegram/hook`,
      secret_token: secret,
    });

    const u = h.user(3001, "ru");
    u.command("start");
    const consent = await u.waitFor((m) => m.buttons.length > 0);
    expect(consent.text).toContain("Согласие");

    const hook = `http://127.0.0.1:${port}`;
    const wrongSecret = await fetch(`${hook}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "nope-nope-nope-nope" },
      body: JSON.stringify({ update_id: 999999 }),
    });
    expect(wrongSecret.status).toBe(401);
    const elsewhere = await fetch(`${hook}/other`, { method: "POST", body: "{}" });
    expect(elsewhere.status).toBe(404);
    // The webhook's port: liveness for the proxy in front of it, nothing an outsider should read.
    expect((await fetch(`${hook}/healthz`)).status).toBe(200);
    expect((await fetch(`${hook}/healthz`, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(`${hook}/metrics`)).status).toBe(404);
    expect((await fetch(`${hook}/readyz`)).status).toBe(404);

    const ops = `http://127.0.0.1:${app.ops.port}`;
    const metrics = await fetch(`${ops}/metrics`);
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    expect(await metrics.text()).toMatch(/^saqbol_updates_total\{kind="message",outcome="ok"\} [1-9]/m);
    expect((await fetch(`${ops}/healthz`, { method: "HEAD" })).status).toBe(200);
    const ready = await fetch(`${ops}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, telegram: { ok: true, mode: "webhook" } });
    expect((await fetch(`${ops}/telegram/hook`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("a WEBHOOK_URL with a query string: updates still reach the bot", async () => {
    const port = await freePort();
    h = await Harness.create({
      env: {
        BOT_MODE: "webhook",
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook?instance=kz-1&v=2`,
        WEBHOOK_SECRET: "webhook-secret-0123456789",
        PORT: String(port),
      },
    });
    await h.start();
    const u = h.user(3003, "kk");
    u.command("start");
    const consent = await u.waitFor((m) => m.buttons.length > 0, { timeoutMs: 60_000 });
    expect(consent.buttons.length).toBeGreaterThan(0);
    expect(h.logs.join("")).not.toContain("webhook request rejected");
  });

  it("SIGTERM with slow clients holding connections open: exits 0 in seconds, not after the forced 25 s", async () => {
    const port = await freePort();
    h = await Harness.create({
      env: {
        BOT_MODE: "webhook",
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
        WEBHOOK_SECRET: "webhook-secret-0123456789",
        PORT: String(port),
      },
    });
    const bot = h.spawnBot(h.env());
    const u = h.user(3004, "ru");
    u.command("start");
    await u.waitFor((m) => m.buttons.length > 0, { timeoutMs: 60_000 });
    // Two slow clients: one never finishes its request, one keeps an idle connection open.
    const slow = connect(port, "127.0.0.1");
    slow.write("POST /telegram/hook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
    const idle = connect(port, "127.0.0.1");
    idle.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n");
    slow.on("error", () => undefined);
    idle.on("error", () => undefined);
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    const code = await bot.kill("SIGTERM");
    const seconds = (Date.now() - started) / 1000;
    slow.destroy();
    idle.destroy();
    console.info(`webhook SIGTERM with two slow clients: exit ${code} after ${seconds.toFixed(1)} s`);
    expect(code).toBe(0);
    expect(bot.output.join("")).toContain("saqbol stopped");
  }, 90_000);

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
