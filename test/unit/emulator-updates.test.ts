import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { rejectionOf, useEmulator } from "../support/emulator-helpers.js";

const fx = useEmulator();

describe("getUpdates", () => {
  it("returns at most `limit` updates and delivers unconfirmed ones again", async () => {
    const user = fx.emulator.user({ id: 1001, first_name: "Aigerim", language_code: "kk" });
    user.send("one");
    user.send("two");
    user.send("three");
    const first = await fx.api.getUpdates({ limit: 2 });
    expect(first.map((u) => u.message?.text)).toEqual(["one", "two"]);
    const again = await fx.api.getUpdates({ limit: 2 });
    expect(again.map((u) => u.update_id)).toEqual(first.map((u) => u.update_id));
    const rest = await fx.api.getUpdates({ offset: first[1]!.update_id + 1 });
    expect(rest.map((u) => u.message?.text)).toEqual(["three"]);
    await fx.api.getUpdates({ offset: rest[0]!.update_id + 1, timeout: 0 });
    expect(fx.emulator.bot().queue.pendingCount).toBe(0);
  });

  it("a restarted bot sees the updates its crashed predecessor never confirmed", async () => {
    fx.emulator.user({ id: 1001 }).command("start");
    const seenBeforeCrash = await fx.api.getUpdates({ timeout: 0 });
    const seenAfterRestart = await fx.api.getUpdates({ timeout: 0 });
    expect(seenAfterRestart).toEqual(seenBeforeCrash);
    expect(seenAfterRestart[0]?.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
  });

  it("a long poll wakes as soon as an update arrives", async () => {
    const started = Date.now();
    const poll = fx.api.getUpdates({ timeout: 10 });
    setTimeout(() => fx.emulator.user({ id: 7 }).send("hello"), 50);
    const updates = await poll;
    expect(updates[0]?.message?.text).toBe("hello");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a long poll with nothing to deliver ends empty after `timeout` seconds", async () => {
    const started = Date.now();
    expect(await fx.api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("a second concurrent getUpdates ends the first with 409 Conflict", async () => {
    const first = fx.api.getUpdates({ timeout: 10 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = fx.api.getUpdates({ timeout: 10 });
    const error = await rejectionOf(first);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error.error_code).toBe(409);
    expect(error.description).toMatch(/^Conflict: terminated by other getUpdates request/);
    fx.emulator.user({ id: 7 }).send("still served");
    expect((await second)[0]?.message?.text).toBe("still served");
  });

  it("honours allowed_updates", async () => {
    const user = fx.emulator.user({ id: 7 });
    user.send("text");
    user.pressData(1, "data");
    const updates = await fx.api.getUpdates({ allowed_updates: ["callback_query"] });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.callback_query?.data).toBe("data");
  });

  it("negative offset keeps only the latest updates", async () => {
    const user = fx.emulator.user({ id: 7 });
    for (const text of ["a", "b", "c"]) user.send(text);
    const updates = await fx.api.getUpdates({ offset: -1 });
    expect(updates.map((u) => u.message?.text)).toEqual(["c"]);
  });

  it("rejects an unknown method and a malformed token like Telegram", async () => {
    const unknown = await fetch(`${fx.apiRoot}/bot${fx.emulator.token}/sendTelepathy`, { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
    const badToken = await fetch(`${fx.apiRoot}/botnot-a-token/getMe`);
    expect(badToken.status).toBe(401);
  });

  it("accepts form-encoded and GET parameters too", async () => {
    fx.emulator.user({ id: 7 }).send("hi");
    const body = new URLSearchParams({ chat_id: "7", text: "<b>form</b>", parse_mode: "HTML" });
    const posted = await fetch(`${fx.apiRoot}/bot${fx.emulator.token}/sendMessage`, { method: "POST", body });
    expect(((await posted.json()) as { result: { entities: unknown } }).result.entities).toEqual([
      { type: "bold", offset: 0, length: 4 },
    ]);
    const got = await fetch(`${fx.apiRoot}/bot${fx.emulator.token}/getMe`);
    expect(((await got.json()) as { result: { is_bot: boolean } }).result.is_bot).toBe(true);
  });
});

describe("webhook", () => {
  it("POSTs updates with the secret header, retries until 2xx, and blocks getUpdates", async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let failuresLeft = 1;
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(failuresLeft-- > 0 ? 500 : 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      await fx.api.setWebhook(url, { secret_token: "s3cret-token-value" });
      const conflict = await rejectionOf(fx.api.getUpdates());
      expect((conflict as unknown as GrammyError).error_code).toBe(409);
      fx.emulator.user({ id: 7 }).send("via webhook");
      await fx.emulator.waitIdle({ timeoutMs: 3000 });
      expect(received).toHaveLength(2);
      expect(received[1]?.headers["x-telegram-bot-api-secret-token"]).toBe("s3cret-token-value");
      expect(JSON.parse(received[1]!.body).message.text).toBe("via webhook");
      const info = await fx.api.getWebhookInfo();
      expect(info).toMatchObject({ url, pending_update_count: 0 });
      expect(info.last_error_message).toMatch(/500/);
      await fx.api.deleteWebhook();
      expect(await fx.api.getUpdates()).toEqual([]);
    } finally {
      server.close();
    }
  });
});
