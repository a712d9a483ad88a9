/**
 * When the database cannot take what people send, the bot is honest and loses
 * nothing. A full disk (simulated: the bot's connection made read-only) keeps
 * updates with Telegram; the person is told their message is not saved yet and
 * will be answered, never "your answers are saved"; once writes work again the
 * message is answered where it belongs. A write refused inside the questionnaire
 * is logged with its cause and the person asked to send it again. A database file
 * deleted under the running bot makes /readyz fail at once; the bot puts its data
 * back and stops, and after the restart report numbers go on, never repeating.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { sqliteConnection } from "../../src/db/sqlite-engine.js";
import { rows } from "../support/db-reader.js";
import { atNarrative, draftOf, STORY } from "../support/drafts.js";
import { Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { withDb } from "../support/sqlite.js";
import { consentedUser } from "../support/users.js";

const plain = (html: string) => html.replace(/<\/?[bi]>/g, "");

describe("writes refused", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
  });
  afterAll(async () => h.close());

  const said = (lang: Lang, id: number, key: string) =>
    h.emulator.sentTo(id).filter((m) => m.text === plain(label(lang, key))).length;

  for (const [id, lang] of [
    [8501, "ru"],
    [8502, "kk"],
  ] as [number, Lang][]) {
    it(`a full disk: the person is told the truth, and the story is answered where it belongs once writes work (${lang})`, async () => {
      const u = await atNarrative(h, id, lang);
      const before = await draftOf(h, id);
      sqliteConnection(h.app!.deps.db)!.pragma("query_only = 1");
      try {
        u.send(STORY[lang]);
        await u.waitFor((m) => m.text === plain(label(lang, "common:errors.storage_wait")), { timeoutMs: 20_000 });
        expect(await draftOf(h, id)).toEqual(before);
        expect(h.logs.join("")).toContain("updates could not be stored; kept at Telegram");
      } finally {
        sqliteConnection(h.app!.deps.db)!.pragma("query_only = 0");
      }
      const next = await nextQuestion(u, 20_000);
      await h.emulator.waitIdle({ quietMs: 300 });
      expect(next.text).toContain(plain(label(lang, "questionnaire:sections.when")));
      expect((await draftOf(h, id))!.narrative).toBe(STORY[lang]);
      // Never "your answers are saved" while they were not.
      expect(said(lang, id, "common:errors.generic")).toBe(0);
      expect(said(lang, id, "common:errors.storage_wait")).toBe(1);
    }, 60_000);
  }

  it("a write refused inside the questionnaire: logged with its cause, the person asked to send it again, nothing applied twice", async () => {
    const id = 8503;
    const u = await atNarrative(h, id, "ru");
    withDb(h.dbPath, (db) =>
      db.exec(`CREATE TRIGGER refuse_answers BEFORE UPDATE ON reports WHEN NEW.user_id = ${id}
               BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`),
    );
    try {
      u.send(STORY.ru);
      await u.waitFor((m) => m.text === plain(label("ru", "common:errors.not_saved")), { timeoutMs: 20_000 });
    } finally {
      withDb(h.dbPath, (db) => db.exec("DROP TRIGGER refuse_answers"));
    }
    await h.emulator.waitIdle({ quietMs: 300 });
    const failure = h.logs.find((l) => l.includes('"update failed"') && l.includes('"storage":true'));
    expect(failure).toBeDefined();
    expect(failure).toContain("database or disk is full");
    expect(h.logs.join("")).not.toContain("[object Object]");
    expect(said("ru", id, "common:errors.generic")).toBe(0);
    expect((await draftOf(h, id))!.narrative).toBeNull();
    // The person sends it again: applied once, to the question it answers.
    u.send(STORY.ru);
    const next = await nextQuestion(u, 20_000);
    expect(next.text).toContain(plain(label("ru", "questionnaire:sections.when")));
    expect((await draftOf(h, id))!.narrative).toBe(STORY.ru);
    // A restart replays nothing onto the later question.
    await h.emulator.waitIdle({ quietMs: 300 });
    const shown = await draftOf(h, id);
    await h.stopBot();
    await h.start();
    await h.emulator.waitIdle({ quietMs: 500 });
    expect(await draftOf(h, id)).toEqual(shown);
    expect(await rows(h, "SELECT update_id FROM update_inbox")).toEqual([]);
  }, 90_000);
});

describe("the database file deleted while the bot runs", () => {
  let h: Harness;
  const fatal: string[] = [];
  beforeAll(async () => {
    h = await Harness.create();
    await h.start({ onFatal: (line) => fatal.push(line) });
  });
  afterAll(async () => h.close());

  async function fileReport(id: number): Promise<string> {
    const u = await consentedUser(h, id, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u);
    const review = await play(u, scenarios[1]!.script("ru"));
    u.press(label("ru", "questionnaire:review.submit"), review);
    const json = await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 30_000 });
    await h.emulator.waitIdle({ quietMs: 300 });
    return JSON.parse(json.file!.bytes.toString("utf8")).number as string;
  }

  it("readiness fails at once, the bot keeps its data at the path and stops; after the restart numbers go on", async () => {
    const first = await fileReport(8511);
    const port = h.app!.ops.port;
    for (const suffix of ["", "-wal", "-shm"]) rmSync(h.dbPath + suffix, { force: true });

    let ready: Response | undefined;
    for (let i = 0; i < 100; i++) {
      ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (ready.status === 503) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready?.status).toBe(503);
    expect(((await ready!.json()) as { database: { problem: string } }).database.problem).toBe("deleted");
    for (let i = 0; i < 100 && fatal.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(fatal[0]).toContain(h.dbPath);
    expect(h.logs.join("")).toContain(`the database file ${h.dbPath}`);

    // What main.ts does next: stop (the data goes back to the path), then a supervisor starts it again.
    await h.stopBot();
    expect(existsSync(h.dbPath)).toBe(true);
    expect(statSync(h.dbPath).mode & 0o777).toBe(0o600);
    expect(await rows(h, "SELECT number FROM reports WHERE number IS NOT NULL")).toEqual([{ number: first }]);
    await h.start();
    const second = await fileReport(8512);
    console.info(`report numbers around a deleted database file: ${first}, then ${second}`);
    expect(second).not.toBe(first);
    expect(Number(second.slice(-6))).toBe(Number(first.slice(-6)) + 1);
  }, 180_000);
});
