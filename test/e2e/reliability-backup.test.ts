/**
 * `npm run --silent cli -- backup <file>` copies the database while the bot is
 * busy answering people (SQLite online backup); `cli restore <file>` refuses
 * while the bot runs, refuses a file that is not a sound Saqbol database, and
 * otherwise brings the backup back, keeping the replaced file. The bot
 * restarted on the restored file carries on from the backup.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consistencyProblems, rows } from "../support/db-reader.js";
import { atNarrative, draftOf, STORY } from "../support/drafts.js";
import { Harness, nextQuestion } from "../support/harness.js";
import { npmCli } from "../support/npm-cli.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const step = (cursor: string | undefined) => (cursor ? (JSON.parse(cursor) as { step: string }).step : undefined);

describe("cli backup and restore", () => {
  let h: Harness;
  let backup: string;
  let stepAtBackup: string | undefined;
  let reportsAtBackup: number;
  beforeAll(async () => {
    h = await Harness.create();
    await h.start();
    backup = join(h.dir, "saqbol-backup.db");
  });
  afterAll(async () => h.close());

  it("backup writes a consistent copy while the bot is busy writing answers", async () => {
    const person = await atNarrative(h, 9951, "ru");
    person.send(STORY.ru);
    await nextQuestion(person);
    // Two people keep filing reports until the backup is done.
    let backupDone = false;
    let filed = 0;
    // The backup starts once both are filing: on a loaded machine consenting alone can outlast it.
    const filing: (() => void)[] = [];
    const bothFiling = Promise.all([0, 1].map(() => new Promise<void>((resolve) => filing.push(resolve))));
    const busy = Promise.all(
      (["ru", "kk"] as const).map(async (lang, k) => {
        const u = await consentedUser(h, 9952 + k, lang);
        filing[k]?.();
        while (!backupDone) {
          u.command("report");
          await nextQuestion(u);
          const review = await play(u, scenarios[1]!.script(lang));
          u.press(label(lang, "questionnaire:review.submit"), review);
          await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 30_000 });
          filed++;
        }
      }),
    );
    await bothFiling;
    const run = await npmCli(["backup", backup], { DATABASE_PATH: h.dbPath }).finally(() => {
      backupDone = true;
    });
    await busy;
    expect(filed).toBeGreaterThanOrEqual(2);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^backup written: .*integrity ok\)\n$/);
    expect(existsSync(`${backup}.partial`)).toBe(false);
    // A backup holds what the database holds: readable by the bot's user only.
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(await consistencyProblems({ path: backup })).toEqual([]);
    stepAtBackup = step(
      (await rows<{ cursor: string }>({ path: backup }, "SELECT cursor FROM reports WHERE user_id = 9951"))[0]?.cursor,
    );
    reportsAtBackup = (await rows({ path: backup }, "SELECT id FROM reports")).length;
    expect(stepAtBackup).toBe("incident_date");
  }, 240_000);

  it("backup refuses to overwrite a file and names a database that does not exist", async () => {
    const again = await npmCli(["backup", backup], { DATABASE_PATH: h.dbPath });
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split("\n")).toEqual([`${backup} already exists; choose another name`]);
    const missing = await npmCli(["backup", join(h.dir, "x.db")], { DATABASE_PATH: join(h.dir, "nope", "none.db") });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("does not exist (check DATABASE_PATH)");
  }, 240_000);

  it("restore refuses while the bot has the database open, and changes nothing", async () => {
    const person = h.user(9951, "ru");
    person.press(label("ru", "common:day.yesterday"));
    await nextQuestion(person);
    person.send("19:30");
    await nextQuestion(person);
    const before = await draftOf(h, 9951);
    const run = await npmCli(["restore", backup], { DATABASE_PATH: h.dbPath });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toBe(`the database ${h.dbPath} is open in another process: stop the bot, then restore`);
    expect(await draftOf(h, 9951)).toEqual(before);
    expect(step(before?.cursor)).toBe("channels");
  }, 240_000);

  it("restore refuses a file that is not a sound Saqbol database before touching anything", async () => {
    await h.stopBot();
    const junk = join(h.dir, "junk.db");
    writeFileSync(junk, "this is not a database");
    const run = await npmCli(["restore", junk], { DATABASE_PATH: h.dbPath });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(junk);
    expect(step((await draftOf(h, 9951))?.cursor)).toBe("channels");
  }, 240_000);

  it("with the bot stopped, restore brings the backup back and keeps the replaced file; the bot carries on from it", async () => {
    const run = await npmCli(["restore", backup], { DATABASE_PATH: h.dbPath });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const kept = readdirSync(h.dir).filter((f) => f.startsWith("saqbol.db.replaced-"));
    expect(kept).toHaveLength(1);
    expect(run.stdout).toContain(`the replaced database is kept at ${join(h.dir, kept[0]!)}`);
    expect(
      step(
        (
          await rows<{ cursor: string }>(
            { path: join(h.dir, kept[0]!) },
            "SELECT cursor FROM reports WHERE user_id = 9951",
          )
        )[0]?.cursor,
      ),
    ).toBe("channels");
    expect(await consistencyProblems(h)).toEqual([]);
    expect(await rows(h, "SELECT id FROM reports")).toHaveLength(reportsAtBackup);
    expect(step((await draftOf(h, 9951))?.cursor)).toBe(stepAtBackup);

    await h.start();
    const person = h.user(9951, "ru");
    person.command("report");
    await person.waitFor((m) => m.buttons.flat().some((b) => b.text === label("ru", "questionnaire:draft.continue")));
    person.press(label("ru", "questionnaire:draft.continue"));
    const question = await nextQuestion(person);
    expect(question.text).toContain(label("ru", "questionnaire:sections.when"));
    expect(question.buttons.flat().map((b) => b.text)).toContain(label("ru", "common:day.yesterday"));
  }, 240_000);
});
