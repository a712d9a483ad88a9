/**
 * Codes, CVVs, PINs and passwords typed into every free-text field, a photo
 * caption and a file name never reach the SQLite file, its WAL, the logs, the
 * person's documents or the police export; the victim's own full card number is
 * never stored; the logs hold ids, not what people told.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/model.js";
import type { BotMessage } from "../emulator/index.js";
import { rows, tableNames } from "../support/db-reader.js";
import { fillEveryField } from "../support/every-field.js";
import { Harness, nextQuestion } from "../support/harness.js";
import { label } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const SECRET_PHRASE: Record<Lang, string> = {
  ru: "код из смс 739146, CVV 417, пин 8264, пароль Zq7!pass77, пароль от egov Egov#5528x",
  kk: "SMS-кодты 739146 деп айттым, CVV-ді айттым 417, пин-кодты айттым 8264, құпия сөзім Zq7!pass77, egov-тың паролі Egov#5528x",
};
const FILE_NAME = "код 739146 пин 8264 пароль Zq7!pass77.pdf";
/** Long enough to search raw bytes for. */
const SECRETS = ["739146", "Zq7!pass77", "Egov#5528x"];
/** CVV and PIN: searched as whole numbers in text only (three or four digits occur in any binary). */
const SHORT_SECRETS = ["417", "8264"];
const OWN_CARD = ["4400430299887767", "4400 4302 9988 7767"];
/** What people told, which logs must not carry. */
const PERSONAL = [
  "Ерлан",
  "Асель Нурланова",
  "Айгүл Б.",
  "+77012345678",
  "701 234 56 78",
  "Темиртау",
  "Теміртау",
  "fake_bank_kz",
];
const ADMIN = 9899;

const wholeNumber = (n: string) => new RegExp(`(?<![0-9])${n}(?![0-9])`, "g");
const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-raw", "-", "-"], { input: pdf }).toString("utf8");

async function xlsxText(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        out.push(String(cell.value ?? ""));
      }),
    ),
  );
  return out.join("\n");
}

/**
 * Numbers the bot itself writes would match a three-digit secret by chance: timestamps'
 * milliseconds, numbers in stored JSON (ids, durations), and random strings of
 * letters and digits (files' SHA-256, Ed25519 signatures and key ids, tokens, Telegram file ids).
 * They are left out of stored values and documents before the whole-number search; nothing a
 * person types is such a string. Logs, exports and the chat are searched as they are.
 */
const ownNumbers = (text: string) =>
  text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>")
    .replace(/"\w+":-?\d+(\.\d+)?/g, '"…":0')
    .replace(/(?<![\w+/-])(?=[\w+/-]*[A-Za-z])(?=[\w+/-]*\d)[\w+/-]{16,}={0,2}/g, "<random>");

/** Every text value of every table, as SQL sees it. */
async function allDatabaseText(h: Harness): Promise<string> {
  const values: string[] = [];
  for (const name of await tableNames(h)) {
    const table = name === "__drizzle_migrations" && h.database.url ? `drizzle."${name}"` : `"${name}"`;
    for (const row of await rows(h, `SELECT * FROM ${table}`)) {
      for (const v of Object.values(row)) if (typeof v === "string") values.push(v);
    }
  }
  return values.join("\n");
}

/** The secrets found in `text`; the short numbers are searched in `prose` (the text without the bot's own numbers, where given). */
function leaks(where: string, text: string, rawSecrets: string[], numbers: string[] = [], prose = text): string[] {
  return [
    ...rawSecrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s}`),
    ...numbers.flatMap((n) =>
      [...prose.matchAll(wholeNumber(n))].map((m) => `${where}: ${n} in «${around(prose, m)}»`),
    ),
  ];
}

/** The match with some of what surrounds it, so a failure shows where the number was found. */
function around(text: string, m: RegExpExecArray): string {
  return text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, " ");
}

describe("sensitive values", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ adminIds: [ADMIN] });
    await h.start();
  });
  afterAll(async () => h.close());

  const documents: Record<Lang, BotMessage[]> = { ru: [], kk: [] };
  const ids: Record<Lang, number> = { ru: 9801, kk: 9802 };

  it("typed in every free-text field, a caption and a file name, in kk and ru, they are masked and the report is still filed", async () => {
    await Promise.all(
      (["ru", "kk"] as const).map(async (lang) => {
        const u = await consentedUser(h, ids[lang], lang);
        u.press(label(lang, "menu:items.report"));
        await nextQuestion(u);
        const visits = await fillEveryField(h, u, lang, SECRET_PHRASE[lang], FILE_NAME);
        const textSteps = visits.filter((v) => v.tookExtra !== undefined);
        expect(textSteps.length).toBeGreaterThanOrEqual(15);
        expect(textSteps.filter((v) => v.tookExtra).length).toBeGreaterThanOrEqual(8);
        u.press(label(lang, "questionnaire:review.submit"));
        await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 60_000 });
        await u.waitFor((m) => m.text.includes(label(lang, "guidance:checklist.done")) || m.buttons.length > 0, {
          timeoutMs: 60_000,
        });
        // The person was told, in their language, that what they typed was hidden.
        expect(u.messages().some((m) => m.text === label(lang, "common:redacted"))).toBe(true);
        documents[lang] = u.messages().filter((m) => m.file);
      }),
    );
    await h.emulator.waitIdle({ quietMs: 300, timeoutMs: 60_000 });
  }, 120_000);

  it("they are in no stored value (and on SQLite in neither the file nor its WAL), and the own card number is not stored", async () => {
    const text = await allDatabaseText(h);
    const found = leaks("database text", text, [...SECRETS, ...OWN_CARD], SHORT_SECRETS, ownNumbers(text));
    // The search itself works: what the person may share is there, and a typed secret would be found.
    for (const lang of ["ru", "kk"] as const)
      expect(leaks("typed", SECRET_PHRASE[lang], [], SHORT_SECRETS, ownNumbers(SECRET_PHRASE[lang]))).toHaveLength(2);
    expect(text).toContain("Асель Нурланова");
    expect(text).toContain("4400430123456789");
    if (!h.database.url) {
      const wal = `${h.dbPath}-wal`;
      expect(existsSync(wal)).toBe(true);
      const bytes = [SECRETS, OWN_CARD].flat().map(utf8AsLatin1);
      found.push(
        ...leaks("database file", readFileSync(h.dbPath).toString("latin1"), bytes),
        ...leaks("WAL", readFileSync(wal).toString("latin1"), bytes),
      );
      const stored = readFileSync(h.dbPath).toString("latin1") + readFileSync(wal).toString("latin1");
      expect(stored).toContain(utf8AsLatin1("Асель Нурланова"));
    }
    expect(found).toEqual([]);
  });

  it("they are in none of the person's documents (PDF, signed JSON, letters)", async () => {
    const found: string[] = [];
    for (const lang of ["ru", "kk"] as const) {
      expect(documents[lang].length).toBeGreaterThanOrEqual(3);
      for (const m of documents[lang]) {
        const name = m.file!.file_name ?? "";
        const text = name.endsWith(".pdf") ? pdfText(m.file!.bytes) : m.file!.bytes.toString("utf8");
        found.push(...leaks(`${lang} ${name}`, text, [...SECRETS, ...OWN_CARD], SHORT_SECRETS, ownNumbers(text)));
      }
    }
    expect(found).toEqual([]);
  });

  it("they are in neither the police CSV nor the XLSX export", async () => {
    const admin = await consentedUser(h, ADMIN, "ru");
    admin.command("export", "2020-01-01 2035-12-31");
    const csv = await admin.waitFor((m) => m.file?.file_name?.endsWith(".csv") === true, { timeoutMs: 60_000 });
    const xlsx = await admin.waitFor((m) => m.file?.file_name?.endsWith(".xlsx") === true, { timeoutMs: 60_000 });
    const csvText = csv.file!.bytes.toString("utf8");
    expect(csvText).toContain("Темиртау");
    const found = [
      ...leaks("CSV", csvText, [...SECRETS, ...OWN_CARD], SHORT_SECRETS),
      ...leaks("XLSX", await xlsxText(xlsx.file!.bytes), [...SECRETS, ...OWN_CARD], SHORT_SECRETS),
    ];
    expect(found).toEqual([]);
  }, 240_000);

  it("the logs carry ids, never the values nor what people told", async () => {
    const logs = h.logs.join("");
    expect(logs).toContain("saqbol started");
    const found = [
      ...leaks("logs", logs, [...SECRETS, ...OWN_CARD, ...PERSONAL], SHORT_SECRETS),
      ...leaks("logs", logs, ["Позвонили из службы безопасности", "Банктің қауіпсіздік қызметінен"]),
    ];
    expect(found).toEqual([]);
  });

  it("the bot never repeats them back in the chat", async () => {
    const sent = [...h.emulator.sentTo(ids.ru), ...h.emulator.sentTo(ids.kk)].map((m) => m.text).join("\n");
    expect(leaks("chat", sent, [...SECRETS, ...OWN_CARD], SHORT_SECRETS)).toEqual([]);
  });
});

/** SQLite stores UTF-8; searching a latin1 view of the bytes needs the needle in the same view. */
function utf8AsLatin1(s: string): string {
  return Buffer.from(s, "utf8").toString("latin1");
}
