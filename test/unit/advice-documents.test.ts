import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { LANGS, type Lang } from "../../src/core/model.js";
import type { Answers } from "../../src/core/report/answers.js";
import type { SubmittedReport } from "../../src/core/report/report.js";
import { techniqueEvidence } from "../../src/core/report/technique-evidence.js";
import { lettersFor } from "../../src/documents/letters/choose.js";
import { renderLetter } from "../../src/documents/letters/render.js";
import { renderReportPdf } from "../../src/documents/pdf/report-pdf.js";
import { createI18n } from "../../src/i18n.js";
import { citeFrom, documentDeps } from "../../src/services/documents.js";
import { recogniseReport } from "../../src/services/recognition.js";
import { report } from "../fixtures/reports/base.js";
import { adviceCase, SENT, TAKEN } from "../support/advice-cases.js";
import { TEST_KEYS } from "../support/keys.js";

const catalog = loadDefaultCatalog();
const i18n = createI18n();
const cite = citeFrom(catalog);
const date = new Date("2026-11-25T12:00:00Z");
const text = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-raw", "-", "-"], { input: pdf })
    .toString("utf8")
    .replace(/[\s\u00a0]+/g, " ");

const submitted = (lang: Lang, answers: Answers): SubmittedReport =>
  report(lang, {
    number: "SB-2026-000777",
    submittedAt: date.toISOString(),
    versionAt: date.toISOString(),
    answers,
    recognition: recogniseReport(catalog, answers),
  });
const letter = async (r: SubmittedReport, spec: Parameters<typeof renderLetter>[1], lang: Lang) =>
  text(await renderLetter(r, spec, { lang, i18n, cite, date }));

describe("letters to banks: one per bank, only what concerns it", () => {
  // Halyk card (its CVV typed on a fake page, then a debit), Kaspi transfer sent under deception.
  const answers = adviceCase("phishing_link", "both", false, false, false).answers;

  it("writes to Kaspi and to Halyk, each with its own transfers", async () => {
    const r = submitted("ru", answers);
    expect(lettersFor(r)).toEqual([
      { kind: "bank", bank: "kaspi" },
      { kind: "bank", bank: "halyk" },
    ]);
    const kaspi = await letter(r, { kind: "bank", bank: "kaspi" }, "ru");
    const halyk = await letter(r, { kind: "bank", bank: "halyk" }, "ru");
    expect(kaspi).toContain(SENT.recipient!.value);
    expect(kaspi).not.toContain(TAKEN.recipient!.value);
    expect(halyk).toContain(TAKEN.recipient!.value);
    expect(halyk).not.toContain(SENT.recipient!.value);
  });

  it("names the CVV and the card only in the letter of the card's bank", async () => {
    for (const lang of LANGS) {
      const r = submitted(lang, answers);
      const kaspi = await letter(r, { kind: "bank", bank: "kaspi" }, lang);
      const halyk = await letter(r, { kind: "bank", bank: "halyk" }, lang);
      const cvv = i18n.plain(lang, "documents:labels.card_data.cvv");
      expect(halyk).toContain(cvv);
      expect(halyk).toContain("4821");
      expect(kaspi).not.toContain(cvv);
      expect(kaspi).not.toContain("4821");
    }
  });

  it("asks Kaspi to hold money sent under deception, and Halyk to treat the debit as unauthorised and reissue the card", async () => {
    for (const lang of LANGS) {
      const r = submitted(lang, answers);
      const kaspi = await letter(r, { kind: "bank", bank: "kaspi" }, lang);
      const halyk = await letter(r, { kind: "bank", bank: "halyk" }, lang);
      const t = (key: string, o?: Record<string, unknown>) => i18n.plain(lang, `documents:letters.bank.${key}`, o);
      expect(kaspi).toContain(t("transfers"));
      expect(kaspi).toContain(t("hold").slice(0, 40));
      expect(kaspi).not.toContain(t("taken").slice(0, 30));
      expect(halyk).toContain(t("title_unauthorised"));
      expect(halyk).toContain(t("taken").slice(0, 30));
      expect(halyk).toContain(t("dispute").slice(0, 40));
      expect(halyk).not.toContain(t("transfers"));
    }
    expect(await letter(submitted("ru", answers), { kind: "bank", bank: "halyk" }, "ru")).toMatch(
      /без моего участия списаны деньги.*не совершал\(а\) и не подтверждал\(а\)/,
    );
  });
});

describe("the lender letter and the complaint to the prosecutor", () => {
  it("tells the lender the loan was issued without biometrics", async () => {
    const r = submitted("ru", adviceCase("bank_security", "sent", true, false, false).answers);
    const body = await letter(r, { kind: "lender", loan: 0 }, "ru");
    expect(body).toContain("биометрическую идентификацию (съёмку лица) я не проходил(а)");
    expect(body).not.toMatch(/календарн/);
  });

  for (const lang of LANGS) {
    it(`prepares a complaint to the prosecutor when registration in ЕРДР is refused (${lang})`, async () => {
      const r = submitted(lang, adviceCase("bank_security", "sent", false, false, false).answers);
      const body = await letter(r, { kind: "prosecutor" }, lang);
      expect(body).toContain(i18n.plain(lang, "documents:letters.prosecutor.title"));
      expect(body).toContain(catalog.fact("cpc_105")!.cite![lang]);
      expect(body).toContain(lang === "ru" ? "ЕРДР" : "СДТБТ");
      expect(body).toContain(r.number);
      expect(body).toMatch(/_{10,}/);
    });
  }
});

describe("techniques in documents only with evidence", () => {
  // The «код от 1414» story: the «срок» of a SIM «карта» is no card data.
  const story = "Позвонили из Билайна, сказали что заканчивается срок договора на сим карту, я назвала код от 1414";
  const codeStory: Partial<Answers> = {
    narrative: story,
    cardData: [],
    codesReceived: ["egov_1414"],
    codesShared: ["egov_1414"],
    apps: [],
    personalData: [],
    loanStatus: "no",
    transfersMade: false,
    transfers: [],
    contacts: [{ claimedIdentity: "mobile_operator", phones: [], handles: [] }],
  };

  it("recognition alone still tags the story with card data (the false tag the report must not repeat)", async () => {
    expect(catalog.recognize({ text: story }).techniques).toContain("card_data_disclosed");
  });

  it("drops a phrase's technique when the questionnaire asked and the answer was no", async () => {
    const evidence = techniqueEvidence(["card_data_disclosed", "sms_code_disclosed"], codeStory, catalog.rules);
    expect(evidence).toEqual([{ id: "sms_code_disclosed", source: "answer" }]);
  });

  it("keeps a technique of the story only with its words quoted, when the questionnaire never asked", async () => {
    const evidence = techniqueEvidence(
      ["sms_code_disclosed"],
      { narrative: "Я продиктовала код из смс" },
      catalog.rules,
    );
    expect(evidence).toEqual([
      { id: "sms_code_disclosed", source: "phrase", quote: expect.stringMatching(/продиктовала/) },
    ]);
    expect(
      techniqueEvidence(["card_data_disclosed"], { narrative: "Я продиктовала код из смс" }, catalog.rules),
    ).toEqual([]);
  });

  it("prints in the police PDF each technique with its ground, and no card data for the «код от 1414» story", async () => {
    for (const lang of LANGS) {
      const r = submitted(lang, {
        ...adviceCase("gov_or_operator_code", "sent", false, false, false).answers,
        ...codeStory,
      });
      expect(r.recognition?.techniques).toEqual(["sms_code_disclosed"]);
      expect(r.recognition?.schemes.flatMap((s) => s.reasons)).not.toContainEqual({
        source: "technique",
        value: "card_data_disclosed",
      });
      const deps = documentDeps({ i18n, catalog, keys: TEST_KEYS, botUsername: "b" });
      const pdf = text(
        await renderReportPdf(r, {
          ...deps,
          lang,
          verifyLink: "https://t.me/b",
          keyFingerprint: "3F2A 9C01 7B44 E0D2",
        }),
      );
      // documents name techniques of the victim, in the third person (documents:labels.techniques)
      const title = (id: "card_data_disclosed" | "sms_code_disclosed") => deps.techniqueTitle?.(id, lang) ?? id;
      expect(pdf).toContain(
        i18n.plain(lang, "documents:report.schemes.from_answers", { technique: title("sms_code_disclosed") }),
      );
      expect(pdf).not.toContain(title("card_data_disclosed"));
    }
  });
});
