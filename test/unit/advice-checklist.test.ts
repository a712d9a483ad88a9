import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import {
  ACTION_PRIORITY,
  buildChecklist,
  hoursSinceLastTransfer,
  transferInstant,
} from "../../src/core/advice/checklist.js";
import { type Answers, emptyAnswers } from "../../src/core/report/answers.js";

const NOW = new Date("2026-11-25T12:00:00Z"); // 17:00 in Kazakhstan
const answers = (a: Partial<Answers>): Answers => ({ ...emptyAnswers(), ...a });
const ids = (a: Partial<Answers>) => buildChecklist(answers(a), NOW).actions;
const ALWAYS = ["call_102", "keep_evidence", "beware_recovery_scam"];

describe("buildChecklist: exposure → ordered steps", () => {
  it("always ends with the police, the evidence and the recovery-scam warning", () => {
    expect(ids({})).toEqual(ALWAYS);
  });

  it("puts the bank call that can hold a transfer before blocking the card", () => {
    expect(ids({ cardData: ["number", "cvv"], transfersMade: true })).toEqual([
      "call_bank_hold_transfer",
      "block_card",
      ...ALWAYS,
    ]);
  });

  it("puts cutting off a remote-access app before everything else", () => {
    const list = ids({ apps: ["anydesk"], transfersMade: true, cardData: ["number"] });
    expect(list.slice(0, 3)).toEqual(["remote_access_disconnect", "call_bank_hold_transfer", "block_card"]);
    expect(list).toContain("remote_access_remove_app");
    expect(list).toContain("change_bank_passwords_other_device");
  });

  it("turns an eGov 1414 code into password, signature and Stop-credit steps", () => {
    expect(ids({ codesShared: ["egov_1414"] })).toEqual([
      "egov_change_password",
      "call_102",
      "egov_check_signature_and_loans",
      "egov_stop_credit",
      "keep_evidence",
      "beware_recovery_scam",
    ]);
  });

  it("gives a loan taken in the person's name the lender, police-decision and regulator steps", () => {
    const list = ids({ loanStatus: "without_me" });
    expect(list).toEqual([
      "call_102",
      "egov_stop_credit",
      "loan_notify_lender_in_writing",
      "loan_police_decision",
      "loan_complain_regulator",
      "keep_evidence",
      "beware_recovery_scam",
    ]);
    expect(ids({ loanStatus: "no" })).toEqual(ALWAYS);
  });

  it("covers an operator code, a messenger code and cash given to a courier", () => {
    expect(ids({ codesShared: ["operator"] })[0]).toBe("operator_call_check_sim");
    expect(ids({ codesShared: ["messenger"] })).toEqual([
      "messenger_recover_account",
      "call_102",
      "messenger_enable_2fa",
      "messenger_warn_contacts",
      "keep_evidence",
      "beware_recovery_scam",
    ]);
    expect(ids({ transfers: [{ method: "cash_courier" }] })).toEqual([
      "call_bank_hold_transfer",
      "courier_call_102_with_description",
      ...ALWAYS,
    ]);
  });

  it("lists every step once, in the priority order, whatever was disclosed", () => {
    const list = ids({
      cardData: ["number", "cvv"],
      codesShared: ["bank", "egov_1414", "operator", "messenger"],
      apps: ["apk"],
      personalData: ["iin", "egov_password"],
      loanStatus: "on_instructions",
      transfersMade: true,
      transfers: [{ method: "cash_courier" }],
    });
    expect(new Set(list).size).toBe(list.length);
    const order = list.map((id) => ACTION_PRIORITY.indexOf(id));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(list).toHaveLength(ACTION_PRIORITY.length);
  });

  it("marks as done what the person said they already did, only among the steps listed", () => {
    const c = buildChecklist(
      answers({ transfersMade: true, alreadyDone: ["called_bank", "card_blocked", "called_102"] }),
      NOW,
    );
    expect(c.alreadyDone).toEqual(["call_bank_hold_transfer", "call_102"]);
  });
});

describe("the golden hour: time since the last transfer", () => {
  it("reads a transfer's time as Kazakhstan time, midday when the time is missing", () => {
    expect(transferInstant({ date: "2026-11-25", time: "16:00" })?.toISOString()).toBe("2026-11-25T11:00:00.000Z");
    expect(transferInstant({ date: "2026-11-25" })?.toISOString()).toBe("2026-11-25T07:00:00.000Z");
    expect(transferInstant({})).toBeUndefined();
  });

  it("counts from the latest transfer and never below zero", () => {
    const a = answers({
      transfers: [
        { date: "2026-11-24", time: "10:00" },
        { date: "2026-11-25", time: "15:30" },
      ],
    });
    expect(hoursSinceLastTransfer(a, NOW)).toBeCloseTo(1.5);
    expect(hoursSinceLastTransfer(answers({ transfers: [{ date: "2026-11-26", time: "09:00" }] }), NOW)).toBe(0);
    expect(hoursSinceLastTransfer(answers({ transfers: [{ method: "card_to_card" }] }), NOW)).toBeUndefined();
    expect(buildChecklist(a, NOW).hoursSinceTransfer).toBeCloseTo(1.5);
  });

  it("sets the urgency band shown at the top from the catalogue's triage bands", () => {
    const catalog = loadDefaultCatalog();
    const level = (hours: number) => catalog.triage(hours).level;
    expect([-1, 0, 2.99].map(level)).toEqual(["critical", "critical", "critical"]);
    expect([3, 23.99].map(level)).toEqual(["urgent", "urgent"]);
    expect([24, 119.9].map(level)).toEqual(["soon", "soon"]);
    expect([120, 10_000].map(level)).toEqual(["late", "late"]);
    expect(catalog.triage(1).headline.ru).toContain("3 часов");
    expect(catalog.triage(1).headline.kk).toContain("3 сағат");
  });
});
