import { describe, expect, it } from "vitest";
import { LANGS } from "../../src/core/model.js";
import { reportJsonSchema, reportJsonSchemaDocument, toReportJson } from "../../src/core/report/json.js";
import {
  allReports,
  bankSecurityReport,
  largeReport,
  marketplaceReport,
  schemeTitle,
} from "../fixtures/reports/index.js";

describe("report JSON", () => {
  for (const [name, make] of Object.entries(allReports)) {
    for (const lang of LANGS) {
      it(`validates against its schema exactly (${name}, ${lang})`, () => {
        const json = toReportJson(make(lang), { schemeTitle });
        // parse() strips unknown keys, so equality also proves nothing outside the schema was emitted
        expect(reportJsonSchema.parse(json)).toEqual(json);
        expect(JSON.parse(JSON.stringify(json))).toEqual(json);
      });
    }
  }

  it("gives amounts as numbers in major units with totals per currency", () => {
    const json = toReportJson(largeReport("ru"));
    expect(json.transfers.items).toHaveLength(20);
    expect(json.transfers.items[0]?.amount).toEqual({ value: 100_000, currency: "KZT" });
    const usdt = json.transfers.items.filter((t) => t.amount?.currency === "USDT");
    const usdtTotal = usdt.reduce((sum, t) => sum + (t.amount?.value ?? 0), 0);
    expect(json.transfers.totals.find((t) => t.currency === "USDT")?.value).toBeCloseTo(usdtTotal, 2);
    expect(json.transfers.totals.map((t) => t.currency).sort()).toEqual(["KZT", "USDT"]);
  });

  it("normalises identifiers and shows only the last 4 digits of the victim's own card", () => {
    const report = bankSecurityReport("kk");
    report.answers.transfers[0]!.recipient = { kind: "iban", value: "kz18 722s 0000 1234 5678", raw: "x" };
    report.answers.contacts[0]!.phones[0] = { kind: "phone", value: "8 (747) 123-45-67", raw: "x" };
    report.answers.ownCardLast4 = "4400 4301 2345 4821";
    const json = toReportJson(report);
    expect(json.transfers.items[0]?.recipient).toEqual({ kind: "iban", value: "KZ18722S000012345678" });
    expect(json.contacts[0]?.phones[0]?.value).toBe("+77471234567");
    expect(json.disclosed.ownCardLast4).toBe("4821");
    expect(JSON.stringify(json)).not.toContain("4400 4301");
    expect(json.transfers.items[0]?.dateTime).toBe("2026-03-14T12:05:00+05:00");
  });

  it("keeps a recipient's full card number", () => {
    const json = toReportJson(marketplaceReport("ru"));
    expect(json.transfers.items[0]?.recipient).toEqual({ kind: "card", value: "4400430123456789" });
  });

  it("leaves out the applicant's name and phone without consent", () => {
    const report = bankSecurityReport("ru");
    report.answers.contactConsent = false;
    const json = toReportJson(report);
    expect(json.applicant).toEqual({ filedFor: "self", contactConsent: false });
  });

  it("carries scheme ids, titles, scores and reasons", () => {
    const json = toReportJson(bankSecurityReport("ru"), { schemeTitle });
    expect(json.recognition?.schemes[0]).toMatchObject({
      id: "bank_security",
      title: "Звонок от имени службы безопасности банка",
      score: 0.93,
    });
    expect(json.stepsTaken.urgentSteps).toHaveLength(2);
    expect(json.schemaVersion).toBe("1.2");
  });

  it("publishes a JSON Schema that describes every field", () => {
    const doc = reportJsonSchemaDocument();
    expect(doc.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const props = doc.properties as Record<string, { description?: string }>;
    expect(Object.keys(props)).toEqual(expect.arrayContaining(["schemaVersion", "transfers", "signature"]));
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n.properties) {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (!v.description) undocumented.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
      if (n.items) walk(n.items, `${path}[]`);
      for (const alt of (n.anyOf as unknown[]) ?? []) walk(alt, path);
    };
    walk(doc, "$");
    expect(undocumented).toEqual([]);
  });
});
