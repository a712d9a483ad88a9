import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGS, type Lang } from "../../src/core/model.js";
import { recipientsDigest } from "../../src/core/report/facts.js";
import { loadFonts } from "../../src/documents/pdf/fonts.js";
import { renderReportPdf } from "../../src/documents/pdf/report-pdf.js";
import { PdfWriter } from "../../src/documents/pdf/writer.js";
import { createI18n } from "../../src/i18n.js";
import {
  allReports,
  bankSecurityReport,
  describeReason,
  largeReport,
  marketplaceReport,
  schemeTitle,
  typicalReports,
} from "../fixtures/reports/index.js";

const i18n = createI18n();
const verifyLink = "https://t.me/saqbol_bot?start=v_SB-2026-000042_1_AAAAAAAAAAAAAA";
const FINGERPRINT = "3F2A 9C01 7B44 E0D2";
const render = (report: ReturnType<typeof bankSecurityReport>, lang: Lang = report.lang) =>
  renderReportPdf(report, { lang, i18n, schemeTitle, describeReason, verifyLink, keyFingerprint: FINGERPRINT });

const pdftotext = (pdf: Buffer) => execFileSync("pdftotext", ["-raw", "-", "-"], { input: pdf }).toString("utf8");
/** pdftotext breaks long lines where the PDF wrapped them; compare on single spaces. */
const flat = (text: string) => text.replace(/[\s\u00a0]+/g, " ");
const pages = (pdf: Buffer) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", ["-"], { input: pdf }).toString())?.[1]);
function images(pdf: Buffer): string[] {
  // pdfimages cannot read stdin
  const dir = mkdtempSync(join(tmpdir(), "saqbol-pdf-"));
  try {
    writeFileSync(join(dir, "r.pdf"), pdf);
    const list = execFileSync("pdfimages", ["-list", join(dir, "r.pdf")]).toString();
    return list.split("\n").filter((line) => line.trim().split(/\s+/)[2] === "image");
  } finally {
    rmSync(dir, { recursive: true });
  }
}

describe("pre-report PDF", () => {
  for (const [name, make] of Object.entries(allReports)) {
    for (const lang of LANGS) {
      it(`has the number, the scheme title and real text (${name}, ${lang})`, async () => {
        const report = make(lang);
        const pdf = await render(report);
        const text = flat(pdftotext(pdf));
        expect(text).toContain(report.number);
        expect(text).toContain(schemeTitle(report.recognition!.schemes[0]!.id, lang));
        expect(text).toContain(i18n.plain(lang, "documents:report.title"));
        expect(text).toContain(flat(i18n.plain(lang, "documents:report.closing")));
      });
    }
  }

  it.each(LANGS)(
    "prints what the QR check shows, to compare, and the signing key's fingerprint on every page (%s)",
    async (lang) => {
      const report = largeReport(lang);
      const pdf = await render(report);
      const text = flat(pdftotext(pdf));
      const digest = recipientsDigest(report.answers.transfers)!;
      expect(text).toContain(digest);
      expect(text).toContain(lang === "kk" ? "аударым саны: 20" : "переводов: 20");
      expect(text).toContain("01.02.2026");
      const footers = text.split(FINGERPRINT).length - 1;
      expect(footers).toBe(pages(pdf));
    },
  );

  it("writes every Kazakh letter in a kk report", async () => {
    const text = pdftotext(await render(bankSecurityReport("kk")));
    for (const letter of ["Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І"]) {
      expect(text.includes(letter) || text.includes(letter.toLowerCase()), letter).toBe(true);
    }
    // capitals from the quoted SMS prove the font carries them, not only lower case
    expect(text).toContain("ҚҰРМЕТТІ КЛИЕНТ");
    expect(flat(text)).toContain("Алаяқтық туралы алдын ала арыз");
  });

  it("labels a ru report in Russian", async () => {
    const text = flat(pdftotext(await render(bankSecurityReport("ru"))));
    for (const label of ["Заявитель", "Происшествие", "Переводы", "Распознанная схема мошенничества", "Итого"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("KZ18722S000012345678");
    expect(text).toContain("450 000 ₸");
    expect(text).toContain("•••• 4821");
    expect(text).not.toMatch(/[ӘҒҚҢӨҰҮҺ]/);
  });

  it("embeds the QR code as an image", async () => {
    const found = images(await render(marketplaceReport("ru")));
    expect(found).toHaveLength(1);
    // the QR is rendered at 256 × 256 pixels
    expect(found[0]!.trim().split(/\s+/).slice(3, 5)).toEqual(["256", "256"]);
  });

  it.each(LANGS)("keeps typical reports to 1–3 pages and the large one to at most 4 (%s)", async (lang) => {
    for (const make of Object.values(typicalReports)) {
      const n = pages(await render(make(lang)));
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
    // Every list at its limit (10 contacts, 20 transfers, a 4096-character account) and every police
    // field filled (the victim, call times, receipts, crypto TXIDs): three pages and a part of a fourth.
    expect(pages(await render(largeReport(lang)))).toBeLessThanOrEqual(4);
  });

  it("lists all 20 transfers and the whole account of the large report", async () => {
    const report = largeReport("ru");
    const text = flat(pdftotext(await render(report)));
    for (const t of report.answers.transfers) expect(text).toContain(t.recipient!.value.slice(0, 12));
    expect(text).toContain(report.answers.narrative!.slice(-40).trim());
  });

  it("repeats a table's header on every page it runs over", async () => {
    const writer = new PdfWriter(loadFonts(), { title: "t", lang: "ru", createdAt: new Date(0) });
    const rows = Array.from({ length: 150 }, (_, i) => [`строка ${i + 1}`, "Қ".repeat(10)]);
    writer.render([
      {
        type: "table",
        columns: [
          { header: "ЗАГОЛОВОК", share: 1 },
          { header: "Б", share: 1 },
        ],
        rows,
      },
    ]);
    const n = writer.pageCount;
    const text = pdftotext(await writer.toBuffer());
    expect(n).toBeGreaterThan(1);
    expect(text.split("ЗАГОЛОВОК").length - 1).toBe(n);
    expect(text).toContain("строка 150");
  });

  for (const lang of LANGS) {
    it(`says "scheme not determined" when recognition named no scheme (${lang})`, async () => {
      const report = marketplaceReport(lang);
      report.recognition = { ...report.recognition!, schemes: [] };
      const text = flat(pdftotext(await render(report)));
      expect(text).toContain(i18n.plain(lang, "documents:report.section.schemes"));
      expect(text).toContain(flat(i18n.plain(lang, "documents:report.schemes.not_determined")));
      expect(text).not.toContain(schemeTitle("marketplace_seller", lang));
    });
  }

  it("marks fields never asked as not stated, and says when contact details were not shared", async () => {
    const report = marketplaceReport("ru");
    report.answers.personalData = undefined;
    const text = flat(pdftotext(await render(report)));
    expect(text).toContain("Личные данные не указано");
    expect(text).toContain("заявитель не дал согласия передавать имя и телефон");
    expect(text).not.toContain("Кредиты Кредитор");
  });

  it("says the report is filed on behalf of someone else", async () => {
    const text = flat(pdftotext(await render(largeReport("kk"))));
    expect(text).toContain("арыз соның атынан берілді");
  });

  it("gives the same bytes for the same report, so a re-download matches the first", async () => {
    const first = await render(bankSecurityReport("kk"));
    expect((await render(bankSecurityReport("kk"))).equals(first)).toBe(true);
  });

  it("renders in the other language on request, keeping the person's own words", async () => {
    const report = bankSecurityReport("kk");
    const text = flat(pdftotext(await render(report, "ru")));
    expect(text).toContain("Предварительное заявление о мошенничестве");
    expect(text).toContain("Рассказ заявителя");
    expect(text).toContain("ҚҰРМЕТТІ КЛИЕНТ");
  });

  it("marks a withdrawn report", async () => {
    const report = marketplaceReport("ru");
    report.status = "withdrawn";
    expect(flat(pdftotext(await render(report)))).toContain("ОТОЗВАНО ЗАЯВИТЕЛЕМ");
  });

  it("stops with one clear line when the font file is missing", async () => {
    const options = {
      lang: "ru" as const,
      i18n,
      schemeTitle,
      describeReason,
      verifyLink,
      keyFingerprint: FINGERPRINT,
      fontPath: "/nowhere/Font.ttf",
    };
    await expect(renderReportPdf(marketplaceReport("ru"), options)).rejects.toThrow(
      /^font file \/nowhere\/Font\.ttf cannot be read \(ENOENT\); check FONT_PATH$/,
    );
  });
});
