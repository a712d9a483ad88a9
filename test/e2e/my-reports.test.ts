import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import { verifyReport } from "../../src/core/report/signature.js";
import type { BotMessage, UserHandle } from "../emulator/index.js";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { moves, play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const HOUR = 3600_000;
let clock = new Date("2026-11-25T12:00:00Z"); // 17:00 in Kazakhstan
const NEW_CARD = "5169493123456785";

const query = <T>(h: Harness, sql: string, ...params: unknown[]): Promise<T[]> => rows<T>(h, sql, ...params);

const fileNamed = (u: UserHandle, name: string) =>
  u.waitFor((m) => m.file?.file_name === name, { kinds: ["new"], timeoutMs: 60_000 });
const json = (m: BotMessage) => JSON.parse(m.file!.bytes.toString("utf8"));

interface Filed {
  u: UserHandle;
  number: string;
  reportId: number;
  pdf: BotMessage;
  json: BotMessage;
}

/** A person who went through the bank-security scenario and submitted it. */
async function fileReport(h: Harness, id: number, lang: Lang): Promise<Filed> {
  const u = await consentedUser(h, id, lang);
  u.press(label(lang, "menu:items.report"));
  await nextQuestion(u);
  await play(u, scenarios[0]!.script(lang));
  u.press(label(lang, "questionnaire:review.submit"));
  const pdf = await u.waitFor((m) => m.file?.file_name?.endsWith(".pdf") === true, { timeoutMs: 60_000 });
  const file = await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 60_000 });
  await u.waitFor((m) => buttonTexts(m).includes(label(lang, "guidance:checklist.done")), { timeoutMs: 60_000 });
  const [row] = await query<{ id: number; number: string }>(h, "SELECT id, number FROM reports WHERE user_id = ?", id);
  return { u, number: row!.number, reportId: row!.id, pdf, json: file };
}

/** /myreports, then the report's card. */
async function openCard(u: UserHandle, lang: Lang, number: string): Promise<BotMessage> {
  u.command("myreports");
  const list = await u.waitFor((m) => m.text.includes(number) && m.buttons.length > 0);
  u.press(`📄 ${number}`, list);
  return u.waitFor((m) => buttonTexts(m).includes(label(lang, "myreports:buttons.add")));
}

async function startAddition(u: UserHandle, lang: Lang, number: string, kind: string): Promise<void> {
  await openCard(u, lang, number);
  u.press(label(lang, "myreports:buttons.add"));
  await u.waitFor((m) => buttonTexts(m).includes(label(lang, `myreports:add.buttons.${kind}`)));
  u.press(label(lang, `myreports:add.buttons.${kind}`));
}

describe("My reports", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ now: () => clock });
    await h.start();
  });
  afterAll(async () => h.close());
  const key = () => h.app!.deps.keys;

  describe.each(["ru", "kk"] as const)("in %s", (lang) => {
    const id = lang === "ru" ? 7101 : 7102;
    let filed: Filed;
    const other: Lang = lang === "ru" ? "kk" : "ru";

    it("lists a submitted report with its date, scheme and version, and re-sends its PDF, JSON and letters", async () => {
      filed = await fileReport(h, id, lang);
      const { u, number } = filed;
      u.command("myreports");
      const list = await u.waitFor((m) => m.text.includes(number));
      expect(list.text).toContain(label(lang, "myreports:list.title").replace(/<\/?b>/g, ""));
      expect(list.text).toContain("25.11.2026");
      expect(list.text).toMatch(lang === "ru" ? /версия 1/ : /1-нұсқа/);
      const title = h.app!.deps.catalogs.current().scheme("bank_security")!.title[lang];
      expect(list.text).toContain(title);

      u.press(`📄 ${number}`, list);
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "myreports:buttons.json")));
      u.press(label(lang, "myreports:buttons.json"));
      const again = await fileNamed(u, `${number}_v1.json`);
      expect(again.file!.bytes.equals(filed.json.file!.bytes)).toBe(true);
      expect(verifyReport(json(again), key())).toEqual({ valid: true, number, version: 1, alg: "Ed25519" });

      u.press(`📄 ${label(lang, `report:pdf_in.${other}`)}`);
      const pdf = await fileNamed(u, `${number}_v1_${other}.pdf`);
      expect(pdf.file!.bytes.subarray(0, 4).toString()).toBe("%PDF");

      u.press(label(lang, "myreports:buttons.letters"));
      const letter = await u.waitFor((m) => m.file?.file_name?.startsWith(`${number}_bank_`) === true, {
        timeoutMs: 60_000,
      });
      expect(letter.text).toBe(label(lang, "report:files.letter_bank"));
    });

    it("adds a transfer later as version 2; both versions stay retrievable and verify", async () => {
      const { u, number, reportId } = filed;
      clock = new Date(clock.getTime() + HOUR);
      await startAddition(u, lang, number, "transfer");
      const amount = await nextQuestion(u);
      expect(amount.text).toContain(lang === "ru" ? "Перевод №2" : "2-аударым");
      const last = await play(u, [
        moves.type("75 000"),
        // After the incident (today, 10:15): a transfer before it would be refused.
        moves.type("25.11.2026 16:30"),
        moves.press(label(lang, "common:methods.card_to_card")),
        moves.press(label(lang, "common:loss_kinds.sent")),
        moves.type("5169 4931 2345 6785 Серик"),
        moves.press(label(lang, "common:banks.forte")),
        moves.press(label(lang, "common:banks.kaspi")),
        moves.type("123456789"),
      ]);
      expect(last.file?.file_name).toBe(`${number}_v2_${lang}.pdf`);
      const v2 = json(await fileNamed(u, `${number}_v2.json`));
      expect(v2).toMatchObject({ number, version: 2 });
      expect(v2.transfers.items).toHaveLength(2);
      expect(v2.transfers.items[1]).toMatchObject({
        amount: { value: 75_000, currency: "KZT" },
        date: "2026-11-25",
        time: "16:30",
        method: "card_to_card",
        recipient: { kind: "card", value: NEW_CARD },
        recipientName: "Серик",
        recipientBank: "forte",
        ownBank: "kaspi",
        receiptId: "123456789",
      });
      expect(verifyReport(v2, key())).toEqual({ valid: true, number, version: 2, alg: "Ed25519" });

      const versions = await query<{ version: number; note: string | null }>(
        h,
        "SELECT version, note FROM report_versions WHERE report_id = ? ORDER BY version",
        reportId,
      );
      expect(versions).toEqual([
        { version: 1, note: null },
        { version: 2, note: "transfer" },
      ]);
      const [row] = await query<{ number: string; version: number }>(
        h,
        "SELECT number, version FROM reports WHERE id = ?",
        reportId,
      );
      expect(row).toEqual({ number, version: 2 });
      const cards = await query<{ value: string }>(
        h,
        "SELECT value FROM report_identifiers WHERE report_id = ? AND field = 'recipient' AND kind = 'card'",
        reportId,
      );
      expect(cards.map((c) => c.value)).toContain(NEW_CARD);
      expect(await query(h, "SELECT 1 FROM report_transfers WHERE report_id = ?", reportId)).toHaveLength(2);

      // Version 1 as it was submitted: same PDF and JSON bytes, still verifying.
      await openCard(u, lang, number);
      u.press(label(lang, "myreports:buttons.versions"));
      const list = await u.waitFor((m) => buttonTexts(m).some((b) => b.startsWith("v2")));
      expect(list.text).toContain(label(lang, "myreports:changes.transfer"));
      u.press(/^v1 · /);
      const pdf1 = await fileNamed(u, `${number}_v1_${lang}.pdf`);
      const json1 = await fileNamed(u, `${number}_v1.json`);
      expect(pdf1.file!.bytes.equals(filed.pdf.file!.bytes)).toBe(true);
      expect(json1.file!.bytes.equals(filed.json.file!.bytes)).toBe(true);
      expect(json(json1).transfers.items).toHaveLength(1);
      expect(verifyReport(json(json1), key())).toEqual({ valid: true, number, version: 1, alg: "Ed25519" });
    });

    it("adds a police statement number as a new version", async () => {
      const { u, number, reportId } = filed;
      clock = new Date(clock.getTime() + HOUR);
      await startAddition(u, lang, number, "statement_no");
      await u.waitFor((m) => m.text.includes(label(lang, "myreports:add.ask.statement_no").slice(0, 20)));
      u.send("КУИ № 2026-00777");
      const v3 = json(await fileNamed(u, `${number}_v3.json`));
      expect(v3.stepsTaken).toMatchObject({ statementNo: "КУИ № 2026-00777" });
      expect(v3.stepsTaken.alreadyDone).toContain("statement_filed");
      expect(v3.transfers.items).toHaveLength(2);
      expect(verifyReport(v3, key())).toEqual({ valid: true, number, version: 3, alg: "Ed25519" });
      const [row] = await query<{ statement_no: string; version: number }>(
        h,
        "SELECT statement_no, version FROM reports WHERE id = ?",
        reportId,
      );
      expect(row).toEqual({ statement_no: "КУИ № 2026-00777", version: 3 });
    });

    it("stores files sent later as evidence, each as a new version", async () => {
      const { u, number, reportId } = filed;
      clock = new Date(clock.getTime() + HOUR);
      await startAddition(u, lang, number, "evidence");
      await u.waitFor((m) => buttonTexts(m).includes(label(lang, "myreports:add.buttons.done")));
      u.sendPhoto();
      await u.waitFor((m) => m.text.includes("📎"));
      u.sendDocument({ name: "receipt.pdf", mime: "application/pdf", bytes: Buffer.from("%PDF-1.4 receipt") });
      await u.waitFor((m) => m.text.includes("📎"));
      u.sendVoice(4);
      await u.waitFor((m) => m.text.includes("📎"));
      u.press(label(lang, "myreports:add.buttons.done"));
      const last = json(await fileNamed(u, `${number}_v6.json`));
      expect(last.evidence.map((e: { kind: string }) => e.kind)).toEqual(["photo", "document", "voice"]);
      expect(verifyReport(last, key())).toEqual({ valid: true, number, version: 6, alg: "Ed25519" });

      const rows = await query<{
        file_id: string;
        kind: string;
        size: number | null;
        received_at: string;
        name: string;
      }>(
        h,
        "SELECT file_id, kind, size, received_at, name FROM report_evidence WHERE report_id = ? ORDER BY id",
        reportId,
      );
      expect(rows.map((r) => r.kind)).toEqual(["photo", "document", "voice"]);
      for (const r of rows) {
        expect(r.file_id).toBeTruthy();
        expect(r.size).toBeGreaterThan(0);
        expect(Number.isNaN(Date.parse(r.received_at))).toBe(false);
      }
      expect(rows[1]?.name).toBe("receipt.pdf");
      const notes = await query<{ note: string }>(
        h,
        "SELECT note FROM report_versions WHERE report_id = ? AND version > 3 ORDER BY version",
        reportId,
      );
      expect(notes.map((n) => n.note)).toEqual(["evidence", "evidence", "evidence"]);
    });
  });

  it("shows an unfinished draft with «Continue», which resumes the questionnaire", async () => {
    const lang = "ru";
    const u = await consentedUser(h, 7103, lang);
    u.press(label(lang, "menu:items.report"));
    await nextQuestion(u);
    await play(u, [moves.press(label(lang, "questionnaire:steps.urgent.continue"))]);
    u.command("myreports");
    const list = await u.waitFor((m) => buttonTexts(m).includes(label(lang, "myreports:buttons.continue")));
    expect(list.text).toContain(label(lang, "myreports:list.draft"));
    u.press(label(lang, "myreports:buttons.continue"));
    const question = await nextQuestion(u);
    expect(buttonTexts(question)).toContain(label(lang, "common:filed_for.self"));
  });

  it("gives nothing of someone else's report to a person who tampers with the buttons", async () => {
    const owner = await fileReport(h, 7104, "kk");
    const intruder = await consentedUser(h, 7105, "ru");
    intruder.command("myreports");
    const own = await intruder.waitFor((m) => m.buttons.length > 0);
    const r = owner.reportId;
    const forged = [
      `mr:open:${r}:`,
      `mr:json:${r}:`,
      `mr:letters:${r}:`,
      `mr:versions:${r}:`,
      `mr:version:${r}:1`,
      `mr:add:${r}:`,
      `mr:checklist:${r}:`,
      `ai:transfer:${r}`,
      `ai:statement_no:${r}`,
      `pdf:${r}:1:ru`,
      `chk:${r}:0:done`,
    ];
    const before = intruder.messages().length;
    for (const data of forged) intruder.pressData(own.message_id, data);
    await h.emulator.waitIdle({ quietMs: 300 });
    const answers = intruder.callbackAnswers().slice(-forged.length);
    expect(answers).toHaveLength(forged.length);
    for (const a of answers) expect(a.text).toBeTruthy();
    const after = intruder.messages().slice(before);
    expect(after.filter((m) => m.file)).toEqual([]);
    expect(intruder.messages().some((m) => m.text.includes(owner.number))).toBe(false);
    expect(await query(h, "SELECT 1 FROM report_steps_done WHERE report_id = ?", r)).toEqual([]);
    expect(await query(h, "SELECT version FROM report_versions WHERE report_id = ?", r)).toEqual([{ version: 1 }]);
  });

  it("handled every update without an error", async () => {
    expect(h.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
  });
});
