import { describe, expect, it } from "vitest";
import { advance, type QState } from "../../src/core/questionnaire/engine.js";
import { flow } from "../../src/core/questionnaire/flow.js";
import type { Input } from "../../src/core/questionnaire/inputs.js";
import { STEP_IDS, STEPS } from "../../src/core/questionnaire/steps.js";
import { emptyAnswers } from "../../src/core/report/answers.js";
import { runInputs, startState } from "../support/engine-run.js";

const now = new Date("2026-11-25T09:00:00Z"); // 14:00 in Kazakhstan
const start = startState;

const run = (state: QState, ...inputs: Input[]): QState => runInputs(now, state, inputs);

const choose = (option: string): Input => ({ type: "choose", option });
const toggle = (option: string): Input => ({ type: "toggle", option });
const text = (t: string): Input => ({ type: "text", text: t });
const done: Input = { type: "done" };
const none: Input = { type: "none" };
const skip: Input = { type: "skip" };
const back: Input = { type: "back" };

/** A bank-security call: code shared, money moved to a "safe account". */
const bankSecurityWalk: Input[] = [
  { type: "continue" },
  choose("self"),
  text("Позвонили из службы безопасности банка, сказали перевести деньги на безопасный счёт"),
  // The story check offers "phone call"; declining it keeps every question.
  none,
  choose("today"),
  text("13:20"),
  toggle("phone_call"),
  done,
  choose("bank"),
  text("Ерлан, служба безопасности"),
  text("+7 701 234 56 78"),
  skip,
  skip,
  choose("no"),
  choose("done"),
  toggle("number"),
  toggle("expiry"),
  done,
  text("4821"),
  choose("kaspi"),
  toggle("bank"),
  done,
  toggle("bank"),
  done,
  toggle("told_caller"),
  done,
  none,
  none,
  choose("no"),
  choose("yes"),
  text("450 000"),
  choose("within_hour"),
  choose("card_to_card"),
  choose("sent"),
  text("4400 4301 2345 6789 Айгүл Б."),
  choose("halyk"),
  choose("kaspi"),
  skip,
  choose("done"),
  choose("almaty"),
  skip,
  skip,
  toggle("called_bank"),
  done,
  text("KB-12345"),
  skip,
  { type: "file", file: { fileId: "f1", fileUniqueId: "u1", kind: "photo", receivedAt: now.toISOString() } },
  done,
  choose("no"),
];

describe("questionnaire engine", () => {
  it("walks a bank-security call to the review with every answer recorded", () => {
    const s = run(start(), ...bankSecurityWalk);
    expect(s.cursor.step).toBe("review");
    const a = s.answers;
    expect(a.filedFor).toBe("self");
    expect(a.incidentDate).toBe("2026-11-25");
    expect(a.incidentTime).toBe("13:20");
    expect(a.channels).toEqual(["phone_call"]);
    expect(a.contacts).toHaveLength(1);
    expect(a.contacts[0]?.claimedIdentity).toBe("bank");
    expect(a.contacts[0]?.phones[0]?.value).toBe("+77012345678");
    expect(a.cardData).toEqual(["number", "expiry"]);
    expect(a.ownCardLast4).toBe("4821");
    expect(a.codesReceived).toEqual(["bank"]);
    expect(a.codesShared).toEqual(["bank"]);
    expect(a.apps).toEqual([]);
    expect(a.loanStatus).toBe("no");
    expect(a.transfers).toHaveLength(1);
    expect(a.transfers[0]).toMatchObject({
      amount: { amountMinor: 45_000_000, currency: "KZT" },
      method: "card_to_card",
      recipient: { kind: "card", value: "4400430123456789" },
      recipientName: "Айгүл Б.",
      recipientBank: "halyk",
      ownBank: "kaspi",
      lossKind: "sent",
      date: "2026-11-25",
    });
    expect(a.region).toBe("almaty");
    expect(a.city).toBeUndefined();
    expect(a.alreadyDone).toEqual(["called_bank"]);
    expect(a.bankRequestNo).toBe("KB-12345");
    expect(a.evidence).toHaveLength(1);
    expect(a.contactConsent).toBe(false);
  });

  it("submits only from the review", () => {
    const s = run(start(), ...bankSecurityWalk);
    expect(advance(s, { type: "submit" }, { now }).kind).toBe("submit");
    expect(advance(start(), { type: "submit" }, { now }).kind).toBe("invalid");
  });

  it("goes back one question at a time, also across repeated items", () => {
    let s = run(start(), { type: "continue" }, choose("self"), skip, choose("today"));
    expect(s.cursor.step).toBe("incident_time");
    s = run(s, back);
    expect(s.cursor.step).toBe("incident_date");
    s = run(s, back, back);
    expect(s.cursor.step).toBe("filed_for");
  });

  it("asks the card's bank only when card data was disclosed", () => {
    const s = run(start(), ...bankSecurityWalk.slice(0, 15), none);
    expect(s.cursor.step).toBe("codes_received");
    expect(s.answers.cardData).toEqual([]);
  });

  it("treats skipping the first contact as no contacts", () => {
    const s = run(start(), { type: "continue" }, choose("self"), skip, skip, skip, done, skip);
    expect(s.cursor.step).toBe("card_data");
    expect(s.answers.contacts).toEqual([]);
  });

  it("records a chain of contacts passed on from one to the next", () => {
    const s = run(
      start(),
      ...[{ type: "continue" } as Input, choose("self"), skip, skip, skip, done],
      choose("egov_or_service"),
      skip,
      text("1414"),
      skip,
      skip,
      skip,
      choose("passed_on"),
      choose("police"),
      text("майор Ахметов"),
      text("+7 747 111 22 33, 8 (700) 555-44-33"),
      skip,
      skip,
      choose("yes"),
      choose("done"),
    );
    expect(s.cursor.step).toBe("card_data");
    expect(s.answers.contacts.map((c) => c.claimedIdentity)).toEqual(["egov_or_service", "police"]);
    expect(s.answers.contacts[0]?.handedOver).toBe(true);
    expect(s.answers.contacts[1]?.phones.map((p) => p.value)).toEqual(["+77471112233", "+77005554433"]);
    expect(s.answers.contacts[1]?.showedDocuments).toBe("yes");
  });

  it("re-asks with a reason when a value is invalid, without moving", () => {
    const s = run(start(), { type: "continue" }, choose("self"), skip);
    const future = advance(s, text("12.12.2030"), { now });
    expect(future).toMatchObject({ kind: "invalid", error: "future_date" });
    expect(future.state.cursor.step).toBe("incident_date");
  });

  it("masks a typed code in free text before it is kept", () => {
    const s = run(start(), { type: "continue" }, choose("self"), text("Я продиктовала код 482193 из смс"));
    expect(s.answers.narrative).not.toContain("482193");
  });

  it("keeps only the last four digits of the victim's own card", () => {
    const s = run(start(), ...bankSecurityWalk.slice(0, 18), text("4400 4301 2345 6789"));
    expect(s.answers.ownCardLast4).toBe("6789");
    expect(JSON.stringify(s.answers)).not.toContain("4400430123456789");
  });

  it("edits one section from the review and comes back to the review", () => {
    let s = run(start(), ...bankSecurityWalk);
    s = run(s, { type: "edit", section: "region" });
    expect(s.cursor).toMatchObject({ step: "region", editing: "region" });
    s = run(s, choose("karaganda"));
    expect(s.cursor.step).toBe("city");
    s = run(s, text("Темиртау"));
    expect(s.cursor.step).toBe("review");
    expect(s.answers).toMatchObject({ region: "karaganda", city: "Темиртау" });
  });

  it("removes a transfer from the review's menu", () => {
    let s = run(start(), ...bankSecurityWalk);
    s = run(s, { type: "edit", section: "transfers" });
    expect(s.cursor).toMatchObject({ step: "edit_menu", editing: "transfers" });
    s = run(s, choose("item:0"));
    expect(s.cursor).toMatchObject({ step: "edit_menu", editing: "transfers", item: 0 });
    s = run(s, choose("remove"));
    expect(s.cursor.step).toBe("review");
    expect(s.answers.transfers).toEqual([]);
    expect(s.answers.transfersMade).toBe(false);
  });

  it("keeps a file sent in the middle as evidence without moving", () => {
    const s = run(start(), { type: "continue" }, choose("self"));
    const out = advance(
      s,
      { type: "file", file: { fileId: "f", fileUniqueId: "u", kind: "document", receivedAt: now.toISOString() } },
      { now },
    );
    expect(out.kind).toBe("updated");
    expect(out.state.cursor.step).toBe("narrative");
    expect(out.state.answers.evidence).toHaveLength(1);
  });

  it("refuses to skip a required question", () => {
    const s = run(start(), { type: "continue" });
    expect(advance(s, skip, { now })).toMatchObject({ kind: "invalid", error: "not_skippable" });
  });

  it("reaches every step of the questionnaire on some path (the review's menu from the review)", () => {
    const seen = new Set<string>(["edit_menu"]);
    const full = {
      ...emptyAnswers(),
      pending: { facts: [{ kind: "apps" as const, apps: ["anydesk" as const] }] },
      cardData: ["number" as const],
      codesReceived: ["bank" as const],
      loanStatus: "without_me" as const,
      transfersMade: true,
      transfers: [{ method: "card_to_card" as const, recipientName: "Айгүл" }, { method: "crypto" as const }],
      contacts: [{ phones: [], handles: [] }],
      region: "karaganda" as const,
      alreadyDone: ["called_bank" as const, "statement_filed" as const],
      contactConsent: true,
    };
    for (const p of flow(full)) seen.add(p.step);
    expect([...seen].sort()).toEqual([...STEP_IDS].sort());
    expect(Object.keys(STEPS)).toContain("review");
  });
});
