/**
 * Clean stops lose nothing and do nothing twice. The bot runs as its own process
 * (`node --import tsx src/main.ts`, as `npm start` does) and is stopped with
 * SIGTERM while it works through a backlog: every update is answered exactly
 * once across the restarts, none is "given up after repeated crashes" (a replay
 * after a clean stop is not a crash). A SIGTERM during the documents of a Submit
 * lets them finish: the person gets "report ready" and the PDF once. A second
 * process on the same database refuses to start, with one line.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { BotMessage, UserHandle } from "../emulator/index.js";
import { rows } from "../support/db-reader.js";
import { type BotProcess, Harness, nextQuestion } from "../support/harness.js";
import { waitStarted } from "../support/kill-switch.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { StandbyBots } from "../support/standby.js";
import { consentedUser } from "../support/users.js";

const PEOPLE = 20;
const EACH = 10;
const plain = (html: string) => html.replace(/<\/?[bi]>/g, "");

async function until(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("SIGTERM while the backlog drains", () => {
  const harnesses: Harness[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    for (const h of harnesses) await h.close();
  });

  it(`${PEOPLE} people × ${EACH} messages, three SIGTERMs: each message answered exactly once, none given up`, async () => {
    const h = await Harness.create();
    harnesses.push(h);
    const standby = new StandbyBots(h);
    cleanups.push(() => standby.close());
    const people: UserHandle[] = Array.from({ length: PEOPLE }, (_, i) => h.user(8301 + i, i % 2 ? "kk" : "ru"));
    // The backlog waits at Telegram before the bot starts.
    for (let k = 0; k < EACH; k++) for (const u of people) u.command("help");
    const help = (u: UserHandle) =>
      u.messages().filter((m) => m.text === plain(label(u.user.language_code === "kk" ? "kk" : "ru", "start:help")));
    const answered = () => people.reduce((n, u) => n + help(u).length, 0);

    const outputs: string[] = [];
    let proc: BotProcess = standby.take();
    cleanups.push(() => proc.kill("SIGKILL"));
    const codes: (number | null)[] = [];
    for (const at of [40, 90, 140]) {
      await waitStarted(proc);
      await until(
        () => answered() >= at,
        60_000,
        () => `only ${answered()} answers\n${proc.output.join("").slice(-2000)}`,
      );
      codes.push(await proc.kill("SIGTERM"));
      outputs.push(proc.output.join(""));
      await standby.ready();
      proc = standby.take();
    }
    await waitStarted(proc);
    await until(
      () => answered() >= PEOPLE * EACH,
      60_000,
      () => `only ${answered()} answers`,
    );
    await h.emulator.waitIdle({ quietMs: 500, timeoutMs: 30_000 });
    codes.push(await proc.kill("SIGTERM"));
    outputs.push(proc.output.join(""));
    await standby.close();

    console.info(`three SIGTERMs: ${answered()} of ${PEOPLE * EACH} messages answered, exit codes ${codes.join(", ")}`);
    expect(codes).toEqual([0, 0, 0, 0]);
    for (const u of people) expect(help(u), `person ${u.chatId}`).toHaveLength(EACH);
    const logs = outputs.join("");
    expect(logs).not.toContain("given up");
    expect(logs).not.toContain('"clean":false');
    expect(await rows(h, "SELECT update_id FROM update_inbox")).toEqual([]);
  }, 240_000);

  it("a SIGTERM while the documents of a Submit go out: they all arrive, and only once", async () => {
    const h = await Harness.create();
    harnesses.push(h);
    // The questionnaire is walked quickly in-process (a test taps faster than the production flood limit allows).
    await h.start();
    const u = await consentedUser(h, 8351, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u, 15_000);
    const review = await play(u, scenarios[1]!.script("ru"), 15_000);
    await h.emulator.waitIdle({ quietMs: 200 });
    await h.stopBot();
    const standby = new StandbyBots(h);
    cleanups.push(() => standby.close());
    let proc = standby.take();
    cleanups.push(() => proc.kill("SIGKILL"));
    await waitStarted(proc);

    // The moment the first document lands, the process is told to stop.
    const stopped = new Promise<number | null>((resolve) => {
      const off = u.onBotMessage((m: BotMessage) => {
        if (m.file) {
          off();
          resolve(proc.kill("SIGTERM"));
        }
      });
    });
    u.press(label("ru", "questionnaire:review.submit"), review);
    expect(await stopped).toBe(0);
    await standby.ready();
    proc = standby.take();
    await waitStarted(proc);
    await h.emulator.waitIdle({ quietMs: 1000, timeoutMs: 30_000 });
    expect(await proc.kill("SIGTERM")).toBe(0);
    await standby.close();

    const submitted = u
      .messages()
      .filter((m) => m.text.startsWith(plain(label("ru", "report:submitted")).slice(0, 12)));
    const files = u
      .messages()
      .filter((m) => m.file)
      .map((m) => m.file!.file_name);
    console.info(`SIGTERM during the documents: ${submitted.length} "report ready", files ${files.join(", ")}`);
    expect(submitted).toHaveLength(1);
    expect(files.filter((f) => f?.endsWith(".pdf") && f.includes("_v1_"))).toHaveLength(1);
    expect(files.filter((f) => f?.endsWith(".json"))).toHaveLength(1);
    // Everything after the documents came too: the checklist and the warning about fake "lawyers".
    expect(u.messages().some((m) => m.text.startsWith("⚠️"))).toBe(true);
  }, 180_000);
});

describe("one bot per database", () => {
  let h: Harness;
  afterAll(async () => h.close());

  it("a second process on the same database refuses with one line, and the first answers alone", async () => {
    h = await Harness.create();
    // The SQLite file's lock (on PostgreSQL several instances are the point): on either project.
    const first = h.spawnBot({ DATABASE_URL: "" });
    await waitStarted(first);
    const second = h.spawnBot({ DATABASE_URL: "" });
    const code = await Promise.race([
      second.exited,
      new Promise<"running">((r) => setTimeout(() => r("running"), 30_000)),
    ]);
    const lines = second.output.join("").trim().split("\n");
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^saqbol: DATABASE_PATH .* is in use by another Saqbol process/);

    const u = h.user(8361, "kk");
    for (let i = 0; i < 5; i++) u.command("help");
    await until(
      () => u.messages().length >= 5,
      20_000,
      () => `${u.messages().length} answers`,
    );
    await h.emulator.waitIdle({ quietMs: 500 });
    expect(u.messages()).toHaveLength(5);
    expect(await first.kill("SIGTERM")).toBe(0);
  }, 90_000);
});
