/**
 * The deploy folder as an operator uses it: the database set up by `cli migrate`,
 * three instances started from the systemd unit on one PostgreSQL database, nginx
 * with the shipped site in front of them as the webhook Telegram calls. People
 * talk to the bot; their updates land on different instances and every answer is
 * stored once, in order. (PostgreSQL project: one database for all instances.)
 */
import { generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { command as migrateCli } from "../../src/cli/migrate.js";
import type { Lang } from "../../src/core/model.js";
import { runCli } from "../support/cli-in-process.js";
import { rows } from "../support/db-reader.js";
import { ensureBuilt, type Nginx, startInstance, startNginx } from "../support/deploy.js";
import { type BotProcess, buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { waitStarted } from "../support/kill-switch.js";
import { freePort } from "../support/ports.js";
import { label } from "../support/scenarios.js";

const PEOPLE = 6;

describe("three instances from deploy/ behind nginx on one PostgreSQL database", () => {
  let h: Harness;
  let nginx: Nginx;
  const instances: BotProcess[] = [];

  beforeAll(async () => {
    h = await Harness.create();
    const migrated = await runCli(migrateCli, [], h.env());
    expect(migrated.code, migrated.err).toBe(0);
    ensureBuilt();
    const ports = [await freePort(), await freePort(), await freePort()];
    nginx = await startNginx(join(h.dir, "nginx"), await freePort(), ports);
    const shared = {
      ...h.env(),
      WEBHOOK_URL: `${nginx.url}/telegram/hook`,
      WEBHOOK_SECRET: "deploy-test-secret-0123456789",
      // One signing key for all, as /etc/saqbol/saqbol.env gives it (a generated one lives in one machine's file).
      SIGNING_PRIVATE_KEY: generateKeyPairSync("ed25519")
        .privateKey.export({ type: "pkcs8", format: "pem" })
        .toString(),
    };
    for (const port of ports) instances.push(startInstance(port, shared));
    await Promise.all(instances.map((b) => waitStarted(b, 60_000)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((b) => (b.child.exitCode === null ? b.kill("SIGTERM") : undefined)));
    await nginx?.stop();
    await h.close();
  }, 60_000);

  it("the instances start from the unit in webhook mode without migrating, on the database cli migrate set up", () => {
    for (const b of instances) expect(b.output.join("")).toContain('"mode":"webhook"');
    expect(h.emulator.callsOf("setWebhook").at(-1)?.params).toMatchObject({ url: `${nginx.url}/telegram/hook` });
  });

  it("people walk into the questionnaire with their updates spread over the instances; each answer is stored once", async () => {
    const walk = async (k: number) => {
      const lang: Lang = k % 2 ? "kk" : "ru";
      const u = h.user(9700 + k, lang);
      u.command("start");
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "start:consent.agree")), { timeoutMs: 30_000 });
      u.press(label(lang, "start:consent.agree"));
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "menu:items.report")), { timeoutMs: 30_000 });
      u.press(label(lang, "menu:items.report"));
      await nextQuestion(u, 30_000);
      return u;
    };
    await Promise.all(Array.from({ length: PEOPLE }, (_, k) => walk(k)));
    await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 30_000 });

    const served = nginx
      .accessLog()
      .filter((l) => l.includes("POST /telegram/hook") && / 200 /.test(l))
      .map((l) => l.split(" ")[0]);
    expect(served.length).toBeGreaterThanOrEqual(PEOPLE * 3);
    expect(new Set(served).size).toBeGreaterThanOrEqual(2);
    // One report per person, one consent per person, nothing left in the inbox.
    expect(await rows(h, "SELECT COUNT(*) AS n FROM users WHERE id BETWEEN 9700 AND 9799")).toEqual([{ n: PEOPLE }]);
    expect(await rows(h, "SELECT user_id, COUNT(*) AS n FROM reports GROUP BY user_id HAVING COUNT(*) <> 1")).toEqual(
      [],
    );
    await expect.poll(() => rows(h, "SELECT update_id FROM update_inbox"), { timeout: 10_000 }).toEqual([]);
    for (const b of instances) expect(b.output.join("")).not.toMatch(/"level":(50|60)/);
  }, 120_000);
});
