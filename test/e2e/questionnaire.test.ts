import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../support/db-reader.js";
import { buttonTexts, Harness, nextQuestion } from "../support/harness.js";
import { play } from "../support/questionnaire-driver.js";
import { label, scenarios } from "../support/scenarios.js";
import { consentedUser } from "../support/users.js";

const NOW = new Date("2026-11-25T12:00:00Z"); // 17:00 in Kazakhstan

const query = <T>(h: Harness, sql: string, ...params: unknown[]): Promise<T[]> => rows<T>(h, sql, ...params);

describe("the victim questionnaire, end to end", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.create({ now: () => NOW });
    await h.start();
  });
  afterAll(async () => h.close());

  let nextId = 500;
  for (const scenario of scenarios) {
    for (const lang of ["ru", "kk"] as const) {
      it(`${scenario.name} (${lang}): every answer is stored and the report is submitted with its documents`, async () => {
        const id = nextId++;
        const u = await consentedUser(h, id, lang);
        u.press(label(lang, "menu:items.report"));
        const urgent = await nextQuestion(u);
        expect(urgent.text).toContain("102");
        const review = await play(u, scenario.script(lang));
        expect(review.text).toContain(label(lang, "questionnaire:review.title").replace(/<\/?b>/g, ""));

        const [draft] = await query<{ id: number; status: string; lang: string }>(
          h,
          "SELECT id, status, lang FROM reports WHERE user_id = ?",
          id,
        );
        expect(draft?.status).toBe("draft");

        u.press(label(lang, "questionnaire:review.submit"));
        const pdf = await u.waitFor((m) => m.file?.file_name?.endsWith(".pdf") === true, { timeoutMs: 60_000 });
        const json = await u.waitFor((m) => m.file?.file_name?.endsWith(".json") === true, { timeoutMs: 60_000 });
        expect(pdf.file?.bytes.subarray(0, 4).toString()).toBe("%PDF");
        const signed = JSON.parse(json.file!.bytes.toString("utf8"));
        expect(signed.schemaVersion).toBe("1.2");
        expect(signed.number).toMatch(/^SB-2026-\d{6}$/);
        expect(signed.recognition.schemes[0].id).toBe(scenario.expectScheme);
        expect(signed.signature.alg).toBe("Ed25519");
        await u.waitFor(
          (m) =>
            m.text.includes(label(lang, "guidance:checklist.done")) ||
            buttonTexts(m).includes(label(lang, "guidance:checklist.done")),
          { timeoutMs: 60_000 },
        );

        const [report] = await query<{ status: string; number: string; filed_for: string; narrative: string }>(
          h,
          "SELECT status, number, filed_for, narrative FROM reports WHERE user_id = ?",
          id,
        );
        expect(report).toMatchObject({ status: "submitted", number: signed.number });
        expect(report?.narrative.length).toBeGreaterThan(40);
        const versions = await query<{ version: number }>(
          h,
          "SELECT version FROM report_versions WHERE report_id = ?",
          draft!.id,
        );
        expect(versions).toEqual([{ version: 1 }]);
        const contacts = await query<{ claimed_identity: string }>(
          h,
          "SELECT claimed_identity FROM report_contacts WHERE report_id = ? ORDER BY position",
          draft!.id,
        );
        expect(contacts.length).toBeGreaterThan(0);
      });
    }
  }

  it("stores the typed structure of the bank-security report", async () => {
    const [r] = await query<{
      id: number;
      card_data: string;
      own_card_last4: string;
      codes_shared: string;
      region: string;
      bank_request_no: string;
    }>(
      h,
      "SELECT id, card_data, own_card_last4, codes_shared, region, bank_request_no FROM reports WHERE user_id = 500",
    );
    expect(r).toMatchObject({
      card_data: '["number"]',
      own_card_last4: "4821",
      codes_shared: '["bank"]',
      region: "almaty",
      bank_request_no: "KB-2026-1187",
    });
    const transfers = await query<Record<string, unknown>>(
      h,
      "SELECT * FROM report_transfers WHERE report_id = ?",
      r!.id,
    );
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({
      amount_minor: 45_000_000,
      currency: "KZT",
      method: "card_to_card",
      recipient_kind: "card",
      recipient_value: "4400430123456789",
      recipient_name: "Айгүл Б.",
      recipient_bank: "halyk",
      own_bank: "kaspi",
      date: "2026-11-25",
    });
    const ids = await query<{ field: string; kind: string; value: string }>(
      h,
      "SELECT field, kind, value FROM report_identifiers WHERE report_id = ? ORDER BY id",
      r!.id,
    );
    expect(ids).toEqual([
      { field: "contact_phone", kind: "phone", value: "+77012345678" },
      { field: "recipient", kind: "card", value: "4400430123456789" },
    ]);
  });

  it("records the chain of contacts and the fraudulent loan of the eGov scenario", async () => {
    const [r] = await query<{ id: number; loan_status: string }>(
      h,
      "SELECT id, loan_status FROM reports WHERE user_id = 504",
    );
    expect(r?.loan_status).toBe("without_me");
    const contacts = await query<{ claimed_identity: string; handed_over: number }>(
      h,
      "SELECT claimed_identity, handed_over FROM report_contacts WHERE report_id = ? ORDER BY position",
      r!.id,
    );
    expect(contacts).toEqual([
      { claimed_identity: "egov_or_service", handed_over: 1 },
      { claimed_identity: "police", handed_over: null },
    ]);
    const loans = await query<{ lender: string; amount_minor: number; date: string }>(
      h,
      "SELECT lender, amount_minor, date FROM report_loans WHERE report_id = ?",
      r!.id,
    );
    expect(loans).toEqual([{ lender: "МФО «Быстрые деньги»", amount_minor: 120_000_000, date: "2026-11-21" }]);
  });
});
