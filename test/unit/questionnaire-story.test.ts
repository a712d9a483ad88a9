import { describe, expect, it } from "vitest";
import { applyInput } from "../../src/core/questionnaire/answer.js";
import { advance, type QState } from "../../src/core/questionnaire/engine.js";
import type { Input } from "../../src/core/questionnaire/inputs.js";
import { cleanNarrative } from "../../src/core/questionnaire/parsers.js";
import { emptyAnswers } from "../../src/core/report/answers.js";
import { extractFacts } from "../../src/core/story/facts.js";
import { CARDS } from "../fixtures/secrets.js";
import { runInputs, startState } from "../support/engine-run.js";
import { KK_STORY, RU_STORY } from "../support/walks.js";

const now = new Date("2026-11-25T12:00:00Z"); // 17:00 in Kazakhstan
const start = startState;
const choose = (option: string): Input => ({ type: "choose", option });
const text = (t: string): Input => ({ type: "text", text: t });
const skip: Input = { type: "skip" };
const done: Input = { type: "done" };

const run = (state: QState, ...inputs: Input[]): QState => runInputs(now, state, inputs);

const told = (story: string) => run(start(), { type: "continue" }, choose("self"), text(story));

describe("the story first", () => {
  it("reads the callers with their roles, sums, cards, IBANs, apps, banks, city, called phone, device, date and time", () => {
    const kinds = extractFacts(RU_STORY, now, emptyAnswers()).map((f) => f.kind);
    expect(kinds).toEqual([
      "when",
      "channels",
      "contact",
      "contact",
      "own_bank",
      "codes",
      "disclosed_via",
      "apps",
      "loan",
      "transfer",
      "transfer",
      "place",
      "receiving_phone",
      "device",
    ]);
  });

  it("offers the facts as a check after the story; nothing is an answer before the tap", () => {
    const s = told(RU_STORY);
    expect(s.cursor.step).toBe("story_check");
    expect(s.answers.contacts).toEqual([]);
    expect(s.answers.transfers).toEqual([]);
    expect(s.answers.incidentDate).toBeUndefined();
  });

  it("confirmed facts become answers, and their questions are not asked again", () => {
    const s = run(told(RU_STORY), done);
    expect(s.answers.incidentDate).toBe("2026-11-24");
    expect(s.answers.incidentTime).toBe("14:30");
    expect(s.answers.contacts.map((c) => c.phones.map((p) => p.value))).toEqual([["+77012345678"], ["+77025551122"]]);
    expect(s.answers.transfers.map((t) => t.amount?.amountMinor)).toEqual([30_000_000, 20_000_000]);
    expect(s.answers.region).toBe("almaty");
    // The first question left is about the first caller's name: date, time, channels and identity were told.
    expect(s.cursor).toEqual({ step: "contact_name", item: 0 });
  });

  it("an unticked fact is not taken; «nothing fits» takes none and asks everything", () => {
    const unticked = run(told(RU_STORY), { type: "toggle", option: "0" }, done);
    expect(unticked.answers.incidentDate).toBeUndefined();
    expect(unticked.cursor.step).toBe("incident_date");
    const none = run(told(RU_STORY), { type: "none" });
    expect(none.answers.contacts).toEqual([]);
    expect(none.cursor.step).toBe("incident_date");
  });

  it("a bank named in the mother's own app («каспидегі картасы») is her bank, never the recipient's", () => {
    const facts = extractFacts(KK_STORY, now, emptyAnswers());
    const transfers = facts.filter((f) => f.kind === "transfer");
    expect(transfers).toHaveLength(2);
    for (const f of transfers) if (f.kind === "transfer") expect(f.transfer.recipientBank).toBeUndefined();
    expect(facts).toContainEqual({ kind: "own_bank", bank: "kaspi" });
  });

  it("keeps a recipient's card in the story whole and cuts the person's own", () => {
    expect(cleanNarrative("перевела 300 000 на карту 4400 4301 2345 6789")).toContain("4400 4301 2345 6789");
    expect(cleanNarrative("моя карта 4400 4301 2345 6789 заблокирована")).not.toContain("4400 4301 2345 6789");
    expect(cleanNarrative("с карты 4400 4301 2345 6789 ушло 50 000")).not.toContain("4400 4301 2345 6789");
    expect(cleanNarrative("4400 4301 2345 6789")).not.toContain("4400 4301 2345 6789");
    // «…картасына аудардым»: sent to that card, so it is the recipient's.
    expect(cleanNarrative("ақшаны 4400 4301 2345 6789 картасына аудардым")).toContain("4400 4301 2345 6789");
    expect(cleanNarrative("менің 4400 4301 2345 6789 картамнан ақша кетті")).not.toContain("2345 6789");
    expect(cleanNarrative("ақшаны картаға 4400 4301 2345 6789 аудардым")).toContain("4400 4301 2345 6789");
  });

  it("a recipient's card after a bare «на» («перевела 50 000 на 4400 …») is kept whole and attached to the sum", () => {
    for (const story of [
      "перевела 50 000 на 4400 4301 2345 6789",
      "я перевела ему 50 000 тенге на 4400 4301 2345 6789, он сказал это безопасный счёт",
      "50 000 теңгені 4400 4301 2345 6789 картасына аудардым",
      "ақшаны, 50 000 теңге, 4400 4301 2345 6789-ға жібердім",
    ]) {
      expect(cleanNarrative(story), story).toContain("4400 4301 2345 6789");
      const transfers = extractFacts(story, now, emptyAnswers()).filter((f) => f.kind === "transfer");
      expect(transfers, story).toEqual([
        expect.objectContaining({
          transfer: expect.objectContaining({
            amount: { amountMinor: 5_000_000, currency: "KZT" },
            recipient: expect.objectContaining({ kind: "card", value: "4400430123456789" }),
          }),
        }),
      ]);
    }
  });

  it("a number called after a transfer told earlier in the sentence («перевела деньги, потом позвонила на 8701…») stays a contact", () => {
    const facts = extractFacts("перевела деньги, потом позвонила на 87011234567", now, emptyAnswers());
    expect(facts.filter((f) => f.kind === "contact")).toHaveLength(1);
    expect(facts.filter((f) => f.kind === "transfer" && f.transfer.recipient)).toEqual([]);
  });

  it("two recipients of one sum are two transfers: the first with the sum, the second's sum asked (ru, kk)", () => {
    for (const story of [
      "перевела 50 000 на 4400 4301 2345 6789 и 5536 9100 1234 5676",
      "ақшаны 4400 4301 2345 6789 және 5536 9100 1234 5676 карталарына аудардым, барлығы 50 000 теңге",
      "перевела 50 000 на номер 87011234567 и на карту 5536 9100 1234 5676",
    ]) {
      const transfers = extractFacts(story, now, emptyAnswers()).flatMap((f) =>
        f.kind === "transfer" ? [f.transfer] : [],
      );
      expect(
        transfers.map((t) => t.amount?.amountMinor),
        story,
      ).toEqual([5_000_000, undefined]);
      expect(
        transfers.map((t) => t.recipient?.value.slice(-4)),
        story,
      ).toEqual([story.includes("8701") ? "4567" : "6789", "5676"]);
      const s = run(told(story), done);
      expect(
        s.answers.transfers.map((t) => t.recipient?.value.slice(-4)),
        story,
      ).toEqual(transfers.map((t) => t.recipient?.value.slice(-4)));
    }
  });

  it("the story and the secret detector agree on whose card it is: a card the story takes as a recipient is never cut", () => {
    for (const [, typed] of CARDS) {
      const kept = cleanNarrative(typed);
      for (const f of extractFacts(typed, now, emptyAnswers())) {
        if (f.kind === "transfer" && f.transfer.recipient?.kind === "card") {
          expect(kept, typed).toContain(f.transfer.recipient.raw);
        }
      }
    }
  });

  it("slang sums in the story («скинула полтос», «20 косарей», «сотканы аудардым») are read, not asked again", () => {
    const sums = (story: string) =>
      extractFacts(story, now, emptyAnswers()).flatMap((f) =>
        f.kind === "transfer"
          ? [f.transfer.amount?.amountMinor]
          : f.kind === "loan"
            ? [f.loan.amount?.amountMinor]
            : [],
      );
    expect(sums("меня обманули, скинула полтос на карту 4400 4301 2345 6789")).toEqual([5_000_000]);
    expect(sums("сначала перевела сотку, потом ещё 20 косарей и пятихатку")).toEqual([10_000_000, 2_000_000, 50_000]);
    expect(sums("на меня оформили кредит на лям")).toEqual([100_000_000]);
    expect(sums("кеше полтосты 4400 4301 2345 6789 картасына аудардым")).toEqual([5_000_000]);
    expect(sums("алдымен сотканы аудардым, сосын тағы 20 косарьды жібердім")).toEqual([10_000_000, 2_000_000]);
    expect(sums("атыма жарты миллионға несие рәсімдеп қойыпты")).toEqual([50_000_000]);
  });

  it("«на этот же номер, айфон 11» keeps the number read from the story and stores the device alone (ru, kk)", () => {
    for (const [story, answer, device] of [
      ["звонили мне на номер 8 701 765 43 21 из «банка»", "на этот же номер, айфон 11", "айфон 11"],
      ["звонили мне на номер 8 701 765 43 21 из «банка»", "на тот же самый номер, Samsung A52", "Samsung A52"],
      ["маған 8 701 765 43 21 нөміріне банктен хабарласты", "сол нөмірге, айфон 11", "айфон 11"],
      ["маған 8 701 765 43 21 нөміріне банктен хабарласты", "осы нөмір, Redmi Note 12", "Redmi Note 12"],
    ]) {
      const facts = extractFacts(story!, now, emptyAnswers());
      const phone = facts.find((f) => f.kind === "receiving_phone");
      expect(phone, story).toBeDefined();
      const a = emptyAnswers();
      if (phone?.kind === "receiving_phone") a.receivingPhone = phone.phone;
      const r = applyInput(a, { step: "victim_device" }, text(answer!), { now });
      expect(r.kind, answer).toBe("answered");
      if (r.kind !== "answered") continue;
      expect(r.answers.device, answer).toBe(device);
      expect(r.answers.receivingPhone?.value, answer).toBe("+77017654321");
      // Only the words pointing back: the number stays, nothing is invented, nothing is asked again.
      const back = applyInput(a, { step: "victim_device" }, text(answer!.split(",")[0]!), { now });
      expect(back.kind === "answered" && back.answers.device, answer).toBeUndefined();
    }
  });

  it("the hour of the call («часов в 8», «кешкі 8-де») is never a sum: no loan of 8 ₸ is invented", () => {
    for (const story of [
      "позавчера вечером часов в 8 позвонил мужик, сказал что на меня оформляют кредит",
      "в 8 вечера позвонили из банка, сказали кредит оформляют, я перевела 50 000",
      "кеше кешкі 8-де банктен хабарласты, атыңызға несие рәсімделіп жатыр деді",
    ]) {
      const facts = extractFacts(story, now, emptyAnswers());
      const sums = facts.flatMap((f) =>
        f.kind === "loan"
          ? [f.loan.amount?.amountMinor]
          : f.kind === "transfer"
            ? [f.transfer.amount?.amountMinor]
            : [],
      );
      expect(sums, story).not.toContain(800);
    }
  });
});

describe("typed answers: several values, nothing, suggestions", () => {
  const atTransfers = () => {
    let s = run(start(), { type: "continue" }, choose("self"), skip, skip, skip, done, skip, { type: "none" });
    s = run(s, { type: "none" }, { type: "none" }, { type: "none" }, choose("no"), choose("yes"));
    expect(s.cursor).toEqual({ step: "transfer_amount", item: 0 });
    return s;
  };

  it("«20 000 и 15 000 тенге» is two transfers, and the second one's sum is not asked again", () => {
    const s = run(atTransfers(), text("20 000 и 15 000 тенге"));
    expect(s.answers.transfers.map((t) => t.amount?.amountMinor)).toEqual([2_000_000, 1_500_000]);
    const later = run(s, skip, choose("other"), choose("taken"), skip, skip, skip);
    expect(later.cursor).toEqual({ step: "transfer_when", item: 1 });
  });

  it("a bank named beside the recipient is offered at the next question, and «skip» leaves it empty", () => {
    const s = run(
      atTransfers(),
      text("15 000"),
      skip,
      choose("card_to_card"),
      choose("taken"),
      text("білмеймін, каспиде тек «аударым» деп тұр"),
    );
    expect(s.cursor).toEqual({ step: "transfer_recipient_bank", item: 0 });
    expect(s.answers.transfers[0]?.recipientBank).toBeUndefined();
    expect(s.answers.transfers[0]?.recipientName).toBe("білмеймін, каспиде тек «аударым» деп тұр");
    expect(s.answers.transfers[0]?.recipient).toBeUndefined();
    expect(run(s, skip).answers.transfers[0]?.recipientBank).toBeUndefined();
    expect(run(s, { type: "accept" }).answers.transfers[0]?.recipientBank).toBe("kaspi");
  });

  it("two recipients where one is asked is a question back, not a silent pick", () => {
    const s = run(atTransfers(), text("15 000"), skip, choose("card_to_card"), choose("sent"));
    expect(advance(s, text("4400 4301 2345 6789 и +7 777 123 45 67"), { now })).toMatchObject({
      kind: "invalid",
      error: "several_recipients",
    });
  });

  it("«нет», «жоқ» and «-» leave a typed question empty", () => {
    let s = run(start(), { type: "continue" }, choose("self"), skip, skip, skip, done);
    s = run(s, choose("bank"), text("нет"), text("жоқ"), text("-"), text("нет"));
    expect(s.answers.contacts[0]).toEqual({ claimedIdentity: "bank", phones: [], handles: [] });
  });

  it("a region is typed by name in any case form; a town gives its region and the city", () => {
    const s = run({ answers: emptyAnswers(), cursor: { step: "region" } }, text("в Темиртау"));
    expect(s.answers).toMatchObject({ region: "karaganda", city: "Темиртау" });
    expect(s.cursor.step).toBe("victim_identity");
  });

  it("«вчера в 14:30» at the date question answers the time too", () => {
    const s = run(start(), { type: "continue" }, choose("self"), skip, text("вчера в 14:30"));
    expect(s.answers).toMatchObject({ incidentDate: "2026-11-24", incidentTime: "14:30" });
    expect(s.cursor.step).toBe("channels");
  });

  it("«айтпады, сайтқа жазды» at the shared codes question: the code was typed on a site", () => {
    let s = run(start(), { type: "continue" }, choose("self"), skip, skip, skip, done, skip, { type: "none" });
    s = run(s, { type: "toggle", option: "bank" }, done, text("айтпады, сайтқа жазды"));
    expect(s.answers).toMatchObject({ codesShared: ["bank"], disclosedVia: ["typed_on_site"] });
    expect(s.cursor.step).toBe("apps");
  });
});

describe("checks across answers", () => {
  const withIncident = () => run(start(), { type: "continue" }, choose("self"), skip, text("вчера в 14:30"));

  it("an incident time later than now, today, is refused", () => {
    const s = run(start(), { type: "continue" }, choose("self"), skip, choose("today"));
    expect(advance(s, text("23:30"), { now })).toMatchObject({ kind: "invalid", error: "future_time" });
  });

  it("a transfer before the incident began is refused", () => {
    let s = run(withIncident(), done, skip, { type: "none" }, { type: "none" }, { type: "none" }, { type: "none" });
    s = run(s, choose("no"), choose("yes"), text("15 000"));
    expect(advance(s, text("вчера в 10:00"), { now })).toMatchObject({ kind: "invalid", error: "before_incident" });
    expect(run(s, text("вчера в 15:10")).answers.transfers[0]).toMatchObject({ date: "2026-11-24", time: "15:10" });
  });

  it("a loan dated before the incident is refused", () => {
    let s = run(withIncident(), done, skip, { type: "none" }, { type: "none" }, { type: "none" }, { type: "none" });
    s = run(s, choose("without_me"), choose("kaspi"), text("500 000"));
    expect(advance(s, text("01.11.2026"), { now })).toMatchObject({ kind: "invalid", error: "loan_before_incident" });
  });

  it("a date of birth that does not match the IIN, and an IIN with a wrong check digit, are refused", () => {
    const s = run(start(), { type: "continue" }, choose("self"));
    const at = { ...s, cursor: { step: "victim_identity" as const } };
    expect(advance(at, text("Ким Ольга, 13.03.1985, ИИН 850312300002"), { now })).toMatchObject({
      error: "iin_birth_mismatch",
    });
    expect(advance(at, text("ИИН 850312300001"), { now })).toMatchObject({ error: "iin_checksum" });
    expect(advance(at, text("Ким Ольга, 12.03.2030"), { now })).toMatchObject({ error: "birth_date" });
  });
});

describe("editing from the review", () => {
  /** After the story, every question left skipped or given the plainest answer. */
  const reviewed = (): QState => {
    let s = run(told(RU_STORY), done);
    const plain: Partial<Record<string, Input>> = {
      contact_documents: choose("no"),
      contact_more: choose("done"),
      card_data: { type: "none" },
      personal_data: { type: "none" },
      loan_more: choose("done"),
      transfer_more: choose("done"),
      already_done: done,
      evidence: done,
      contact_consent: choose("no"),
    };
    for (let n = 0; n < 40 && s.cursor.step !== "review"; n++) s = run(s, plain[s.cursor.step] ?? skip);
    expect(s.cursor.step).toBe("review");
    return s;
  };

  it("changes one field of caller 2 without walking through caller 1", () => {
    let s = run(reviewed(), { type: "edit", section: "contacts" });
    expect(s.cursor).toEqual({ step: "edit_menu", editing: "contacts" });
    s = run(s, choose("item:1"), choose("step:contact_name"));
    expect(s.cursor).toEqual({ step: "contact_name", item: 1, editing: "contacts", field: true });
    s = run(s, text("майор Ахметов Б."));
    expect(s.cursor.step).toBe("review");
    expect(s.answers.contacts[1]?.claimedName).toBe("майор Ахметов Б.");
    expect(s.answers.contacts[0]?.claimedName).toBeUndefined();
  });

  it("«keep as it is» changes nothing", () => {
    const before = run(
      reviewed(),
      { type: "edit", section: "contacts" },
      choose("item:1"),
      choose("step:contact_name"),
    );
    const kept = run(before, skip);
    expect(kept.cursor.step).toBe("review");
    expect(kept.answers).toEqual(before.answers);
  });

  it("a section with one question opens it directly; a new branch opened by an edit is asked", () => {
    const s = run(reviewed(), { type: "edit", section: "region" });
    expect(s.cursor).toEqual({ step: "region", editing: "region", field: true });
    const town = run(s, choose("karaganda"));
    expect(town.cursor).toEqual({ step: "city", editing: "region" });
  });
});
