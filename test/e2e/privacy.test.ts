import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deepLinkHandlers } from "../../src/bot/features/deep-links.js";
import type { Lang } from "../../src/core/model.js";
import { verifyStartPayload } from "../../src/core/report/signature.js";
import { audit } from "../../src/db/audit.js";
import { grantRole } from "../../src/db/roles.js";
import { alertDeliveries, alerts } from "../../src/db/schema.js";
import { setAlerts } from "../../src/db/users.js";
import { createI18n } from "../../src/i18n.js";
import type { UserHandle } from "../emulator/index.js";
import { rows, tableNames } from "../support/db-reader.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { type Move, moves, play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const i18n = createI18n();
const text = (lang: Lang, key: string, options: Record<string, unknown>) => i18n.plain(lang, key, options);
/** The fixed words of a text with placeholders, each of which a message must contain. */
const fixedParts = (lang: Lang, key: string) =>
  i18n
    .plain(lang, key)
    .split(/\{\{\s*\w+\s*\}\}/)
    .map((p) => p.trim())
    .filter(Boolean);

const query = <T>(h: Harness, sql: string, ...params: unknown[]): Promise<T[]> => rows<T>(h, sql, ...params);

/** What only this person told the bot: their story, their name and their phone, in every stored form. */
const secrets = {
  ru: {
    story: "Продавец зебракактусов попросил предоплату на карту и пропал после перевода.",
    draftStory: "Второй случай: курьер гиппопотамус забрал наличные у подъезда.",
    name: "Жанар Тестовая",
    phone: "+7 705 999 88 77",
    stored: ["зебракактус", "гиппопотамус", "Жанар Тестовая", "+77059998877", "705 999 88 77", "7059998877"],
  },
  kk: {
    story: "Қарлығашжолбарыс сатушысы картаға алдын ала төлем сұрап, аударымнан кейін жоғалып кетті.",
    draftStory: "Екінші оқиға: көкқұтанбай деген курьер подъезд алдында қолма-қол ақшаны алып кетті.",
    name: "Әлия Сынаққызы",
    phone: "+7 705 999 66 55",
    stored: ["Қарлығашжолбарыс", "көкқұтанбай", "Әлия Сынаққызы", "+77059996655", "705 999 66 55", "7059996655"],
  },
};

/** The marketplace scenario told with this person's own story, name and phone. */
function ownScript(lang: Lang): Move[] {
  const script = scenarios[1]!.script(lang);
  script[2] = moves.type(secrets[lang].story);
  // The story check comes only if the story tells facts.
  script[3] = { pressIf: label(lang, "questionnaire:facts.none") };
  script[script.length - 2] = moves.type(secrets[lang].name);
  script[script.length - 1] = moves.type(secrets[lang].phone);
  return script;
}

const USER_COLUMNS = ["user_id", "actor_id", "used_by", "created_by", "uploaded_by"];

/** Every row of every table that names the person (by id) or holds what they told. */
async function rowsAbout(h: Harness, userId: number, told: string[]): Promise<string[]> {
  {
    const found: string[] = [];
    for (const name of await tableNames(h)) {
      if (name === "__drizzle_migrations") continue;
      for (const row of await rows(h, `SELECT * FROM "${name}"`)) {
        const byId =
          USER_COLUMNS.some((c) => row[c] === userId) ||
          (name === "users" && row.id === userId) ||
          (name === "conversations" && row.key === String(userId));
        const text = JSON.stringify(row);
        if (byId || told.some((s) => text.includes(s))) found.push(`${name}: ${text.slice(0, 200)}`);
      }
    }
    return found;
  }
}

function bytesHold(path: string, told: string[]): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return [];
  }
  return told.filter((s) => bytes.includes(Buffer.from(s, "utf8")));
}

describe("My data: see, download and delete", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
  });
  afterAll(async () => h.close());
  const deps = () => h.app!.deps;

  describe.each(["ru", "kk"] as const)("in %s", (lang) => {
    const id = lang === "ru" ? 7201 : 7202;
    let u: UserHandle;
    let number: string;

    it("shows what is stored and gives all of it as a JSON download", async () => {
      u = await consentedUser(h, id, lang);
      u.press(label(lang, "menu:items.report"));
      await nextQuestion(u);
      await play(u, ownScript(lang));
      u.press(label(lang, "questionnaire:review.submit"));
      await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 60_000 });
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "guidance:checklist.done")), { timeoutMs: 60_000 });
      number = (await query<{ number: string }>(h, "SELECT number FROM reports WHERE user_id = ?", id))[0]!.number;

      // Evidence added later, a new unfinished report, and a transfer being added (a pending input).
      u.command("myreports");
      const list = await u.waitFor((m) => m.text.includes(number) && m.buttons.length > 0);
      u.press(`📄 ${number}`, list);
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "myreports:buttons.add")));
      u.press(label(lang, "myreports:buttons.add"));
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "myreports:add.buttons.evidence")));
      u.press(label(lang, "myreports:add.buttons.evidence"));
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "myreports:add.buttons.done")));
      u.sendPhoto();
      await u.waitFor((m) => m.text.includes("📎"));
      u.press(label(lang, "myreports:add.buttons.done"));
      await u.waitFor((m) => m.file?.file_name === `${number}_v2.json`, { timeoutMs: 60_000 });
      u.command("report");
      await nextQuestion(u);
      await play(u, [
        moves.press(label(lang, "questionnaire:steps.urgent.continue")),
        moves.press(label(lang, "common:filed_for.self")),
        moves.type(secrets[lang].draftStory),
      ]);
      await setAlerts(deps().db, id, true);
      const alert = deps().db.insert(alerts).values({ createdBy: 1, textKk: "Ескерту", textRu: "Оповещение" });
      const alertId = (await alert.returning({ id: alerts.id }).get()).id;
      await deps()
        .db.insert(alertDeliveries)
        .values({ alertId, userId: id, status: "sent", at: NOW.toISOString() })
        .run();
      u.command("myreports");
      await u.waitFor((m) => m.text.includes(number) && m.buttons.length > 0);
      u.press(`📄 ${number}`);
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "myreports:buttons.add")));
      u.press(label(lang, "myreports:buttons.add"));
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "myreports:add.buttons.transfer")));
      u.press(label(lang, "myreports:add.buttons.transfer"));
      await nextQuestion(u);
      await play(u, [
        moves.type("10 000"),
        moves.press(label(lang, "common:transfer_when.today")),
        moves.press(label(lang, "common:methods.other")),
        moves.press(label(lang, "common:loss_kinds.sent")),
      ]);
      expect(await query(h, "SELECT kind FROM pending_inputs WHERE user_id = ?", id)).toEqual([
        { kind: "add_transfer_recipient" },
      ]);

      u.command("mydata");
      const summary = await u.waitFor((m) => buttonTexts(m).includes(label(lang, "privacy:buttons.delete")));
      expect(summary.text).toContain(text(lang, "privacy:summary.reports", { count: 1 }));
      expect(summary.text).toContain(text(lang, "privacy:summary.drafts", { count: 1 }));
      expect(summary.text).toContain(text(lang, "privacy:summary.evidence", { count: 1 }));
      expect(summary.text).toContain(label(lang, "privacy:summary.alerts_on"));
      expect(summary.text).toContain(label(lang, `privacy:languages.${lang}`));

      u.press(label(lang, "privacy:buttons.export"));
      const file = await u.waitFor((m) => m.file?.file_name?.startsWith("saqbol-my-data-") === true);
      const data = JSON.parse(file.file!.bytes.toString("utf8"));
      expect(data.user).toMatchObject({ telegramId: id, language: lang, role: "citizen", alertsSubscribed: true });
      expect(data.reports).toHaveLength(1);
      expect(data.reports[0].number).toBe(number);
      expect(data.reports[0].versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
      expect(data.reports[0].versions[1].report.answers.evidence).toHaveLength(1);
      expect(data.reports[0].versions[0].report.answers.narrative).toBe(secrets[lang].story);
      expect(data.reports[0].versions[0].report.answers.applicantName).toBe(secrets[lang].name);
      expect(data.drafts).toHaveLength(1);
      expect(data.drafts[0].answers.narrative).toBe(secrets[lang].draftStory);
      expect(data.alertDeliveries).toEqual([{ alertId, status: "sent", at: NOW.toISOString() }]);
      // «My data» is a command: it left the addition, and its awaited input went with it.
      expect(data.pendingInput).toBeNull();
      expect(await query(h, "SELECT kind FROM pending_inputs WHERE user_id = ?", id)).toEqual([]);
    });

    it("deletes every row about the person, leaves nothing of theirs in the rows (nor, on SQLite, in the file or the WAL), and withdraws the report", async () => {
      const told = secrets[lang].stored;
      // On SQLite the bytes of the file and its WAL are searched too (secure_delete, checkpoint).
      const onFile = !h.database.url;
      expect((await rowsAbout(h, id, told)).length).toBeGreaterThan(0);
      if (onFile) expect([...bytesHold(h.dbPath, told), ...bytesHold(`${h.dbPath}-wal`, told)]).toContain(told[0]);
      u.command("mydata");
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "privacy:buttons.delete")));
      u.press(label(lang, "privacy:buttons.delete"));
      const confirm = await u.waitFor((m) => buttonTexts(m).includes(label(lang, "privacy:buttons.confirm")));
      expect(confirm.text).toContain(label(lang, "privacy:confirm.final"));
      u.press(label(lang, "privacy:buttons.confirm"));
      const done = await u.waitFor((m) => m.text.includes(label(lang, "privacy:deleted.text")));
      expect(done.text).toContain(number);
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "menu:items.report")));
      await h.emulator.waitIdle({ quietMs: 200 });

      if (onFile) {
        expect(bytesHold(h.dbPath, told)).toEqual([]);
        expect(bytesHold(`${h.dbPath}-wal`, told)).toEqual([]);
      }
      expect(await rowsAbout(h, id, told)).toEqual([]);
      const withdrawn = await query<{ number: string; submitted_at: string; withdrawn_at: string }>(
        h,
        "SELECT * FROM withdrawn_numbers WHERE number = ?",
        number,
      );
      expect(withdrawn).toEqual([{ number, submitted_at: NOW.toISOString(), withdrawn_at: NOW.toISOString() }]);

      if (deepLinkHandlers.length > 0) {
        u.command("start", verifyStartPayload(number, 1, deps().keys));
        const verdict = await u.nextReply();
        expect(verdict.text).toContain(number);
        for (const part of fixedParts(lang, "verify:withdrawn")) expect(verdict.text).toContain(part);
      }

      u.command("start");
      const again = await u.waitFor((m) => m.buttons.length > 0);
      expect(buttonTexts(again)).toEqual([label(lang, "start:consent.agree"), label(lang, "start:consent.decline")]);
      u.command("myreports");
      const ask = await u.waitFor((m) => m.buttons.length > 0);
      expect(buttonTexts(ask)).toContain(label(lang, "start:consent.agree"));
    });
  });

  it("keeps a police officer's audit log (ids only) when they delete their data, and says so", async () => {
    const id = 7301;
    const { db } = deps();
    const u = await consentedUser(h, id, "ru");
    await grantRole(db, id, "police", { unit: "ОП Алмалинского района", regions: ["almaty"] }, NOW);
    await audit(db, { actor: { id, role: "police" }, action: "report.view", reportNumber: "SB-2026-999999", at: NOW });
    u.command("mydata");
    const summary = await u.waitFor((m) => buttonTexts(m).includes(label("ru", "privacy:buttons.delete")));
    expect(summary.text).toContain(label("ru", "privacy:roles.police"));
    expect(summary.text).toContain("ОП Алмалинского района");
    u.press(label("ru", "privacy:buttons.delete"));
    const confirm = await u.waitFor((m) => buttonTexts(m).includes(label("ru", "privacy:buttons.confirm")));
    expect(confirm.text).toContain(label("ru", "privacy:confirm.official"));
    u.press(label("ru", "privacy:buttons.confirm"));
    const done = await u.waitFor((m) => m.text.includes(label("ru", "privacy:deleted.text")));
    expect(done.text).toContain(label("ru", "privacy:deleted.official"));
    expect(await query(h, "SELECT 1 FROM users WHERE id = ?", id)).toEqual([]);
    expect(await query(h, "SELECT action, report_number FROM audit_log WHERE actor_id = ?", id)).toEqual([
      { action: "report.view", report_number: "SB-2026-999999" },
    ]);
  });

  it("deletes nothing on an old or forged confirmation, or when the person says no", async () => {
    const id = 7302;
    const u = await consentedUser(h, id, "kk");
    u.command("mydata");
    const summary = await u.waitFor((m) => buttonTexts(m).includes(label("kk", "privacy:buttons.delete")));
    const old = Math.floor(NOW.getTime() / 1000) - 3600;
    for (const data of [`pv:confirm:${old}`, "pv:confirm:", "pv:confirm:abc"]) {
      u.pressData(summary.message_id, data);
    }
    await h.emulator.waitIdle({ quietMs: 200 });
    expect(u.callbackAnswers().map((a) => a.text)).toContain(label("kk", "privacy:confirm_expired"));
    expect(await query(h, "SELECT id FROM users WHERE id = ?", id)).toEqual([{ id }]);
    u.command("mydata");
    await u.waitFor((m) => buttonTexts(m).includes(label("kk", "privacy:buttons.delete")));
    u.press(label("kk", "privacy:buttons.delete"));
    await u.waitFor((m) => buttonTexts(m).includes(label("kk", "privacy:buttons.keep")));
    u.press(label("kk", "privacy:buttons.keep"));
    await u.waitFor((m) => m.text.includes(label("kk", "privacy:kept")));
    expect(await query(h, "SELECT id FROM users WHERE id = ?", id)).toEqual([{ id }]);
  });

  it("tells a person who never agreed that nothing is stored", async () => {
    const u = h.user(7303, "ru");
    u.command("mydata");
    const reply = await u.nextReply();
    expect(reply.text).toBe(label("ru", "privacy:nothing_stored"));
    expect(await query(h, "SELECT 1 FROM users WHERE id = 7303")).toEqual([]);
  });

  it("handled every update without an error", async () => {
    expect(h.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
  });
});
