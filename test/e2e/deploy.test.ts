/**
 * The deploy folder as an operator uses it: the database set up by `cli migrate`,
 * three instances started from the systemd unit on one PostgreSQL database, nginx
 * with the shipped site in front of them as the webhook Telegram calls. People
 * talk to the bot; their updates land on different instances and every answer is
 * stored once, in order: 50 people walk the whole questionnaire, and each report
 * equals the one a single instance makes of the same answers. (PostgreSQL project:
 * one database for all instances.)
 */
import { generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { command as migrateCli } from "../../src/cli/migrate.js";
import type { Lang } from "../../src/core/model.js";
import { runCli } from "../support/cli-in-process.js";
import { reportSnapshot, rows } from "../support/db-reader.js";
import { ensureBuilt, type Nginx, startInstance, startNginx } from "../support/deploy.js";
import { type BotProcess, buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { waitStarted } from "../support/kill-switch.js";
import { freePort } from "../support/ports.js";
import { type Move, play } from "../support/questionnaire-driver.js";
import { label, type Scenario, scenarios } from "../support/scenarios.js";

const PEOPLE = 6;
/** People who walk the whole questionnaire over the instances, this many at a time. */
const WALKERS = 50;
const AT_ONCE = 10;
const WAIT_MS = 240_000;

/** Yesterday in Kazakhstan (UTC+5), typed: the instances run on the real clock, and "today 10:05" may be ahead of it. */
const yesterday = (() => {
  const d = new Date(Date.now() + 5 * 3600_000 - 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
})();

/** The scenario with every "today" and "within the hour" made yesterday. */
const clockFree = (lang: Lang, move: Move): Move => {
  if ("press" in move && move.press === label(lang, "common:day.today")) return { type: yesterday };
  if ("press" in move && move.press === label(lang, "common:transfer_when.within_hour"))
    return { type: `${yesterday} 10:40` };
  if ("type" in move && /^(бүгін|сегодня) (\d\d:\d\d)$/.test(move.type))
    return { type: move.type.replace(/^\S+/, yesterday) };
  return move;
};

/** One person walks a scenario to the end and submits; the stored report, minus what differs between runs. */
async function walkAndSubmit(h: Harness, id: number, scenario: Scenario, lang: Lang, paceMs = 0): Promise<unknown> {
  // Hang guards only: fifty walks over three processes on a machine shared with the rest of the suite.
  const u = h.user(id, lang);
  u.command("start");
  await u.waitFor((m) => buttonTexts(m).includes(label(lang, "start:consent.agree")), { timeoutMs: WAIT_MS });
  u.press(label(lang, "start:consent.agree"));
  await u.waitFor((m) => buttonTexts(m).includes(label(lang, "menu:items.report")), { timeoutMs: WAIT_MS });
  u.press(label(lang, "menu:items.report"));
  await nextQuestion(u, WAIT_MS);
  let review: Awaited<ReturnType<typeof play>> | undefined;
  for (const move of scenario.script(lang).map((m) => clockFree(lang, m))) {
    review = await play(u, [move], WAIT_MS);
    if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
  }
  u.press(label(lang, "questionnaire:review.submit"), review!);
  await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: WAIT_MS });
  const [report] = await rows<{ id: number }>(
    h,
    "SELECT id FROM reports WHERE user_id = ? AND status = 'submitted'",
    id,
  );
  return reportSnapshot(h, report!.id);
}

/** Runs `tasks` with at most `limit` at once. */
async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

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

  it(`${WALKERS} people walk the whole questionnaire over the instances; every report equals one instance's, every update handled once`, async () => {
    const cases = Array.from({ length: WALKERS }, (_, k) => ({
      id: 9800 + k,
      scenario: k % scenarios.length,
      lang: (k % 2 ? "kk" : "ru") as Lang,
    }));
    // The reference: each scenario in each language once, on one instance in this process.
    const one = await Harness.create();
    const expected = new Map<string, unknown>();
    try {
      await one.start();
      const kinds = [...new Set(cases.map((c) => `${c.scenario}:${c.lang}`))];
      for (const [i, kind] of kinds.entries()) {
        const [scenario, lang] = kind.split(":") as [string, Lang];
        expected.set(kind, await walkAndSubmit(one, 9700 + i, scenarios[Number(scenario)]!, lang));
      }
    } finally {
      await one.close();
    }

    // Every update the people send, by id, as the emulator queues it for the webhook.
    const queue = h.emulator.bot().queue;
    const pushed: number[] = [];
    const push = queue.push.bind(queue);
    queue.push = (update) => {
      const stored = push(update);
      pushed.push(stored.update_id);
      return stored;
    };
    const got = await pooled(
      // At a person's pace (over half a second a move): under the instances' production flood limit.
      cases.map((c) => () => walkAndSubmit(h, c.id, scenarios[c.scenario]!, c.lang, 600)),
      AT_ONCE,
    );
    for (const [i, c] of cases.entries())
      expect(got[i], `person ${c.id}`).toEqual(expected.get(`${c.scenario}:${c.lang}`));

    // Every instance served some of it, and each update was handled once: one handled row per update delivered.
    const served = nginx
      .accessLog()
      .filter((l) => l.includes("POST /telegram/hook") && / 200 /.test(l))
      .map((l) => l.split(" ")[0]);
    expect(new Set(served).size).toBe(3);
    await expect.poll(() => rows(h, "SELECT update_id FROM update_inbox"), { timeout: 30_000 }).toEqual([]);
    queue.push = push;
    const handled = await rows<{ update_id: number }>(
      h,
      `SELECT update_id FROM handled_updates WHERE update_id IN (${pushed.join(",")}) ORDER BY update_id`,
    );
    expect(handled.map((r) => r.update_id)).toEqual([...pushed].sort((a, b) => a - b));
    expect(
      await rows(
        h,
        "SELECT user_id FROM reports WHERE user_id BETWEEN 9800 AND 9899 GROUP BY user_id HAVING COUNT(*) <> 1",
      ),
    ).toEqual([]);
    for (const b of instances) expect(b.output.join("")).not.toMatch(/"level":(50|60)|update failed/);
  }, 1_800_000);
});
