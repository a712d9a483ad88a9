/**
 * What an operator sees: the metrics (updates, handling time, Bot API calls by
 * method and code, 429 waits, queues, documents, event-loop lag) and log lines
 * that carry the instance and the update id, with nobody's name or words in
 * either; and failures in any middleware — context loading included — reach the
 * error boundary and the person gets an apology in their language.
 */
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BaseContext } from "../../src/bot/context.js";
import { contextMiddleware } from "../../src/bot/middlewares/context.js";
import type { Db } from "../../src/db/client.js";
import { Harness } from "../support/harness.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const plain = (html: string) => html.replace(/<\/?[bi]>/g, "");
/** The value of one sample line of the metrics text, or undefined. */
const sample = (text: string, line: string): number | undefined => {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

describe("observability", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  it("counts updates, handling time, API calls by method and code, and 429 waits; shows queues and event-loop lag", async () => {
    const metrics = h.app!.deps.metrics;
    const u = await consentedUser(h, 19_600_001, "ru");
    h.emulator.failNext("sendMessage", "429");
    u.command("menu");
    await u.waitFor((m) => m.buttons.length > 0, { kinds: ["new"], timeoutMs: 30_000 });
    await h.emulator.waitIdle({ quietMs: 200, timeoutMs: 30_000 });
    const text = await metrics.text();
    expect(sample(text, 'saqbol_updates_total{kind="message",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'saqbol_updates_total{kind="callback_query",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "saqbol_update_handling_seconds_count")).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'saqbol_bot_api_calls_total{method="sendMessage",code="ok"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'saqbol_bot_api_calls_total{method="sendMessage",code="429"}')).toBe(1);
    expect(sample(text, 'saqbol_bot_api_429_waits_total{method="sendMessage"}')).toBe(1);
    expect(sample(text, "saqbol_bot_api_429_wait_seconds_total")).toBeGreaterThan(0);
    expect(sample(text, "saqbol_inbox_depth")).toBe(0);
    expect(sample(text, "saqbol_updates_in_flight")).toBe(0);
    expect(sample(text, "saqbol_documents_queued")).toBe(0);
    expect(text).toContain("nodejs_eventloop_lag_p99_seconds");
    expect(text).toContain("saqbol_document_render_seconds");
    // Labels name methods and kinds, never a person.
    expect(text).not.toContain("19600001");
    expect(text).not.toContain("User19600001");
  }, 240_000);

  it("writes log lines with pid and hostname, the id of the update being handled, and no name or words of the person", async () => {
    const u = await consentedUser(h, 19_600_002, "ru");
    const before = h.logs.length;
    u.send("Меня зовут Айгерим, звонили из банка");
    await u.waitFor(undefined, { kinds: ["new"], timeoutMs: 30_000 });
    await h.emulator.waitIdle({ quietMs: 200, timeoutMs: 30_000 });
    // A line written while an update is handled, as a feature writes one, with personal fields in it by mistake.
    const update = { update_id: 424_242, message: { text: "Айгерим" } };
    // As a feature writes it: through ctx.log, which the context middleware gives each update.
    const ctx = { update } as unknown as BaseContext;
    await contextMiddleware(h.app!.deps)(ctx, async () => {
      ctx.log.warn({ update, payload: { user: { first_name: "Айгерим", phone_number: "+77011234567" } } }, "probe");
    });
    const lines = h.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const line of lines) {
      expect(line.pid).toBe(process.pid);
      expect(line.hostname).toBe(hostname());
    }
    expect(lines.find((l) => l.msg === "probe")?.updateId).toBe(424_242);
    const written = h.logs.slice(before).join("");
    expect(written).not.toContain("Айгерим");
    expect(written).not.toContain("77011234567");
  }, 240_000);

  it("puts context loading under the error boundary: logged with the update id, apology in the Telegram language", async () => {
    const u = h.user(19_600_003, "kk");
    const app = h.app!;
    const db = app.deps.db;
    // The person's row cannot be read (a database gone wrong) for this one update.
    app.deps.db = {} as Db;
    try {
      const update = u.command("start");
      const apology = await u.waitFor(undefined, { kinds: ["new"], timeoutMs: 30_000 });
      expect(apology.text).toBe(plain(label("kk", "common:errors.generic")));
      const failed = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === "update failed");
      expect(failed?.updateId).toBe(update.update_id);
    } finally {
      app.deps.db = db;
    }
  }, 240_000);
});
