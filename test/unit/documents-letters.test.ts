import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { LANGS } from "../../src/core/model.js";
import { lettersFor } from "../../src/documents/letters/choose.js";
import { renderLetter } from "../../src/documents/letters/render.js";
import { createI18n } from "../../src/i18n.js";
import { citeFrom } from "../../src/services/documents.js";
import {
  allReports,
  bankSecurityReport,
  egovLoanReport,
  largeReport,
  marketplaceReport,
  relativeReport,
} from "../fixtures/reports/index.js";

const i18n = createI18n();
const cite = citeFrom(loadDefaultCatalog());
const date = new Date("2026-03-15T20:30:00Z");
const text = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-raw", "-", "-"], { input: pdf })
    .toString("utf8")
    .replace(/[\s\u00a0]+/g, " ");
const pages = (pdf: Buffer) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", ["-"], { input: pdf }).toString())?.[1]);

describe("which letters fit", () => {
  it("bank security call with a transfer: a letter to the person's bank only", async () => {
    expect(lettersFor(bankSecurityReport("ru"))).toEqual([{ kind: "bank", bank: "kaspi" }]);
  });

  it("marketplace prepayment: a letter to the bank the money left from", async () => {
    expect(lettersFor(marketplaceReport("kk"))).toEqual([{ kind: "bank", bank: "halyk" }]);
  });

  it("loans via an eGov 1414 code after an 'operator' call: one letter per lender and one to the operator", async () => {
    expect(lettersFor(egovLoanReport("ru"))).toEqual([
      { kind: "lender", loan: 0 },
      { kind: "lender", loan: 1 },
      { kind: "operator" },
    ]);
  });

  it("help-a-relative transfer: a letter to the bank", async () => {
    expect(lettersFor(relativeReport("ru"))).toEqual([{ kind: "bank", bank: "forte" }]);
  });

  it("one bank letter per bank money left from", async () => {
    expect(lettersFor(largeReport("ru")).filter((l) => l.kind === "bank")).toEqual([
      { kind: "bank", bank: "kaspi" },
      { kind: "bank", bank: "halyk" },
    ]);
  });

  it("no letters when nothing was passed on, sent or borrowed", async () => {
    const report = relativeReport("ru");
    report.answers.transfers = [];
    report.answers.transfersMade = false;
    expect(lettersFor(report)).toEqual([]);
  });

  it("a bank letter for disclosed card data alone, even with the bank unknown", async () => {
    const report = relativeReport("ru");
    report.answers.transfers = [];
    report.answers.transfersMade = false;
    report.answers.cardData = ["number", "cvv"];
    expect(lettersFor(report)).toEqual([{ kind: "bank" }]);
  });

  it("a lender letter even when the loan was not described, never for loanStatus 'no'", async () => {
    const report = egovLoanReport("ru");
    report.answers.loans = [];
    expect(lettersFor(report)).toContainEqual({ kind: "lender" });
    report.answers.loanStatus = "no";
    expect(lettersFor(report).some((l) => l.kind === "lender")).toBe(false);
  });

  it("an operator letter when an operator's code was shared", async () => {
    const report = marketplaceReport("ru");
    report.answers.codesShared = ["operator"];
    expect(lettersFor(report)).toContainEqual({ kind: "operator" });
  });
});

describe("letters", () => {
  for (const [name, make] of Object.entries(allReports)) {
    for (const lang of LANGS) {
      it(`fit on one page and name the report number (${name}, ${lang})`, async () => {
        const report = make(lang);
        for (const spec of lettersFor(report)) {
          const pdf = await renderLetter(report, spec, { lang, i18n, cite, date });
          const body = text(pdf);
          expect(body).toContain(report.number);
          expect(body).toContain(i18n.plain(lang, "documents:letters.signature"));
          // the date is Kazakhstan's: 20:30 UTC is already the next day there
          expect(body).toContain("16.03.2026");
          expect(body).toMatch(/_{10,}/);
          expect(pages(pdf)).toBe(1);
        }
      });
    }
  }

  it("the bank letter asks to hold the transfers and lists them with the total", async () => {
    const report = bankSecurityReport("ru");
    const body = text(await renderLetter(report, { kind: "bank", bank: "kaspi" }, { lang: "ru", i18n, cite, date }));
    expect(body).toContain("Kaspi Bank");
    expect(body).toContain("KZ18722S000012345678");
    expect(body).toContain("Итого 450 000 ₸");
    expect(body).toContain("Антифрод-центр");
    expect(body).toContain("заблокировать мою карту •••• 4821");
  });

  it("the lender letter cites art. 71 and 200 CPC and the Law on banks, promises no deadline in days, names the regulator", async () => {
    const report = egovLoanReport("kk");
    const body = text(await renderLetter(report, { kind: "lender", loan: 0 }, { lang: "kk", i18n, cite, date }));
    expect(body).toContain("Home Credit Bank");
    expect(body).toContain("500 000 ₸");
    expect(body).toContain("71-бабы");
    expect(body).toContain("200-бабы");
    expect(body).toContain("Заңның 34-бабының");
    expect(body).toContain("бүкіл тергеу кезеңіне");
    expect(body).not.toMatch(/күнтізбелік күн/);
    expect(body).toContain("ҚНРДА");
    const ru = text(
      await renderLetter(egovLoanReport("ru"), { kind: "lender", loan: 1 }, { lang: "ru", i18n, cite, date }),
    );
    expect(ru).toContain("ст. 71 УПК РК");
    expect(ru).toContain("на всё время расследования");
    expect(ru).not.toMatch(/календарн/);
    expect(ru).toContain("АРРФР");
  });

  it("the operator letter asks to check SIM re-issue and forwarding", async () => {
    const body = text(await renderLetter(egovLoanReport("ru"), { kind: "operator" }, { lang: "ru", i18n, cite, date }));
    expect(body).toContain("перевыпуска SIM-карты");
    expect(body).toContain("переадресации");
    expect(body).toContain("+77087654321");
  });

  it("leaves the sender blank when the report was filed for someone else", async () => {
    const body = text(await renderLetter(egovLoanReport("ru"), { kind: "operator" }, { lang: "ru", i18n, cite, date }));
    expect(body).not.toContain("Алия Нурлановна");
  });
});
