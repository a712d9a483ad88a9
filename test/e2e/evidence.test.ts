/**
 * Evidence kept as evidence: a file sent during the questionnaire is downloaded once,
 * its SHA-256, size and type recorded and a copy stored (0600); when Telegram no longer
 * has the file, the police get the stored copy; deleting the person's data deletes it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole } from "../../src/db/roles.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { depsOf, sqlOf } from "../support/reports-db.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";
import { sha256, walks } from "../support/walks.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const PERSON = 15_300;
const OFFICER = 15_301;

describe("evidence files", () => {
  let h: Harness;
  let number = "";
  const walk = walks.ru;
  const hash = sha256(walk.file.bytes);
  const folder = () => `${h.dbPath}.evidence`;

  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
    const u = await consentedUser(h, PERSON, "ru");
    u.press(label("ru", "menu:items.report"));
    await nextQuestion(u);
    await play(u, walk.moves, 15_000);
    u.press(label("ru", "questionnaire:review.submit"));
    const json = await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 30_000 });
    number = JSON.parse(json.file!.bytes.toString("utf8")).number;
    await h.emulator.waitIdle({ quietMs: 200 });
  }, 120_000);
  afterAll(async () => h.close());

  it("records the file's SHA-256, size and type when it arrives and stores a 0600 copy of its bytes", async () => {
    const [row] = await sqlOf(h)<{ sha256: string; size: number; mime: string; stored: number; report_id: number }>(
      "SELECT sha256, size, mime, stored, report_id FROM report_evidence",
    );
    expect(row).toMatchObject({ sha256: hash, size: walk.file.bytes.length, mime: "application/pdf", stored: 1 });
    const copy = join(folder(), String(row!.report_id), hash);
    expect(readFileSync(copy)).toEqual(walk.file.bytes);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder(), String(row!.report_id))).mode & 0o777).toBe(0o700);
  });

  it("sends the police the stored copy when Telegram has lost the file", async () => {
    await grantRole(depsOf(h).db, OFFICER, "police", { unit: "УП", regions: ["almaty"] }, NOW);
    const [file] = await sqlOf(h)<{ file_id: string }>("SELECT file_id FROM report_evidence");
    h.emulator.files.forget(file!.file_id);
    const officer = h.user(OFFICER, "ru");
    officer.command("open", number);
    const report = await officer.waitFor((m) => buttonTexts(m).some((b) => b.startsWith("📎")), { timeoutMs: 10_000 });
    officer.press(/^📎/, report);
    const sent = await officer.waitFor((m) => m.file !== undefined, { timeoutMs: 10_000 });
    expect(sha256(sent.file!.bytes)).toBe(hash);
    expect(sent.file?.file_name).toBe(walk.file.name);
    expect(sent.text).toContain(number);
  });

  it("deletes the stored copies with the person's data", async () => {
    expect(readdirSync(folder())).not.toEqual([]);
    const u = h.user(PERSON, "ru");
    u.command("mydata");
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "privacy:buttons.delete")));
    u.press(label("ru", "privacy:buttons.delete"));
    await u.waitFor((m) => buttonTexts(m).includes(label("ru", "privacy:buttons.confirm")));
    u.press(label("ru", "privacy:buttons.confirm"));
    await u.waitFor((m) => m.text.includes(label("ru", "privacy:deleted.text")));
    await h.emulator.waitIdle({ quietMs: 200 });
    expect(existsSync(folder()) ? readdirSync(folder()) : []).toEqual([]);
  });
});
