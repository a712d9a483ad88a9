import { describe, expect, it } from "vitest";
import { statesFact, textsIn } from "../../src/catalog/facts.js";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { businessDaysBetween, daysOff, isBusinessDay, kzDate } from "../../src/core/advice/business-days.js";
import { timeSince } from "../../src/core/advice/checklist.js";
import { isLiveCall } from "../../src/core/advice/live-call.js";
import { parseErdrNumber } from "../../src/core/report/erdr.js";
import { catalogProblems } from "../support/catalog-problems.js";

const catalog = loadDefaultCatalog();
const { calendar } = catalog;

describe("every legal or numeric fact carries its source", () => {
  it("sees a fact in a digit or a citation of the law, not in ordinary words", async () => {
    for (const t of ["позвоните 102", "ст. 71 УПК", "статья 953", "ҚПК 71-бабы", "по закону", "Заңның", "УК РК"]) {
      expect(statesFact(t), t).toBe(true);
    }
    for (const t of ["до 5 дней", "cvv2"]) expect(statesFact(t), t).toBe(true);
    for (const t of ["баптауларда «Құрылғылар»", "незаконными действиями", "стать жертвой", "Kaspi", "P2P-сделка"]) {
      expect(statesFact(t), t).toBe(false);
    }
  });

  it("in the shipped catalogue: every text that states a fact belongs to an entry that lists only checked facts", async () => {
    const doc = catalog.document;
    const entries: [string, { facts?: readonly string[] }, unknown, string[]][] = [
      ...doc.schemes.map((s, i) => [`schemes[${i}]`, s, s, ["signals"]] as [string, typeof s, unknown, string[]]),
      ...Object.entries(doc.techniques).map(
        ([id, t]) => [`techniques.${id}`, t, t, ["phrases"]] as [string, typeof t, unknown, string[]],
      ),
      ...Object.entries(doc.actions).map(
        ([id, a]) => [`actions.${id}`, a, a, []] as [string, typeof a, unknown, string[]],
      ),
      ...doc.triage.map((b, i) => [`triage[${i}]`, b, b, []] as [string, typeof b, unknown, string[]]),
      ["call_check", doc.call_check, doc.call_check, []],
      ["dropper_check", doc.dropper_check, doc.dropper_check, []],
      ["awareness", doc.awareness, doc.awareness, []],
    ];
    let stating = 0;
    for (const [path, entry, value, skip] of entries) {
      const states = textsIn(value, [], new Set(skip)).some((t) => statesFact(t.text.kk) || statesFact(t.text.ru));
      if (!states) continue;
      stating++;
      expect(entry.facts?.length, path).toBeGreaterThan(0);
      for (const id of entry.facts ?? [])
        expect(catalog.fact(id)?.checkedOn, `${path}: ${id}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(stating).toBeGreaterThan(10);
    for (const f of catalog.facts()) expect(f.source.length, f.id).toBeGreaterThan(20);
  });

  it("refuses a catalogue that states a number without its source, or cites an unchecked fact", async () => {
    expect(
      catalogProblems((d) => {
        d.actions.keep_evidence.text.ru = "Сохраните чеки за 30 дней.";
      }),
    ).toContain("actions.keep_evidence.text.ru: states a legal or numeric fact: list its source in the entry's facts");
    expect(
      catalogProblems((d) => {
        d.actions.loan_police_decision.facts.push("lender_deadline_days");
      }),
    ).toContain(
      'actions.loan_police_decision.facts[3]: fact "lender_deadline_days" is not checked yet: it cannot be stated',
    );
    expect(catalogProblems((d) => d.actions.call_102.facts.push("nowhere"))).toContain(
      'actions.call_102.facts[1]: unknown fact "nowhere"',
    );
  });

  it("keeps the claims no source supports out of every text: no lender deadline in days, no loan cancelled by stop-credit", async () => {
    expect(catalog.fact("lender_deadline_days")?.checkedOn).toBeNull();
    expect(catalog.fact("stop_credit_cancels_loan")?.checkedOn).toBeNull();
    const all = textsIn(catalog.document, [], new Set(["signals", "phrases", "facts"])).flatMap((t) => [
      t.text.kk,
      t.text.ru,
    ]);
    for (const text of all) {
      expect(text).not.toMatch(/календарн|күнтізбелік|аннулир|жойылады|в течение 3|3 күн/i);
    }
    expect(catalog.action("egov_stop_credit")?.text.ru).toMatch(/защищает от новых заявок/);
  });

  it("says «safe deal» only inside the official app, never by a link sent in chat", async () => {
    const prevention = catalog
      .scheme("marketplace_seller")!
      .prevention.map((p) => p.ru)
      .join(" ");
    expect(prevention).toMatch(/внутри официального приложения/);
    expect(prevention).toMatch(/Никогда не платите по ссылке, присланной в чате/);
  });

  it("cites the law in documents only through checked facts with a citation", async () => {
    for (const id of ["cpc_71", "cpc_200", "cpc_105", "banks_law_34_15"]) {
      const fact = catalog.fact(id)!;
      expect(fact.checkedOn).not.toBeNull();
      expect(fact.cite?.ru).toBeTruthy();
      expect(fact.cite?.kk).toBeTruthy();
    }
    expect(catalogProblems((d) => (d.facts.cpc_105.checked_on = null))).toContain(
      "facts.cpc_105: the documents cite it: give cite and checked_on",
    );
  });
});

describe("business days in Kazakhstan", () => {
  const off2026 = [...daysOff(calendar, 2026)].filter((d) => isBusinessDay(calendar, d) === false);

  it("gives 2026 the days off of the published calendar: moved holidays and Kurban Ait", async () => {
    for (const d of [
      "2026-01-01",
      "2026-01-02",
      "2026-01-07",
      "2026-03-09",
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
    ]) {
      expect(isBusinessDay(calendar, d), d).toBe(false);
    }
    for (const d of [
      "2026-05-01",
      "2026-05-07",
      "2026-05-11",
      "2026-05-27",
      "2026-07-06",
      "2026-08-31",
      "2026-10-26",
      "2026-12-16",
    ]) {
      expect(isBusinessDay(calendar, d), d).toBe(false);
    }
    for (const d of ["2026-03-10", "2026-03-26", "2026-05-12", "2026-09-01", "2026-10-27", "2026-12-17"]) {
      expect(isBusinessDay(calendar, d), d).toBe(true);
    }
    expect(off2026.length).toBeGreaterThan(10);
  });

  it("follows 2025's decree: Friday 3 January off, Sunday 5 January a working day", async () => {
    expect(isBusinessDay(calendar, "2025-01-03")).toBe(false);
    expect(isBusinessDay(calendar, "2025-01-05")).toBe(true);
    expect(isBusinessDay(calendar, "2025-03-10")).toBe(false);
    expect(isBusinessDay(calendar, "2025-06-06")).toBe(false);
    expect(isBusinessDay(calendar, "2025-09-01")).toBe(false);
  });

  it("counts a year not yet in the table by the law's rule alone", async () => {
    // 2027: 1 and 2 January fall on Friday and Saturday; the Saturday gives Monday 4 January.
    expect(isBusinessDay(calendar, "2027-01-01")).toBe(false);
    expect(isBusinessDay(calendar, "2027-01-04")).toBe(false);
    expect(isBusinessDay(calendar, "2027-01-05")).toBe(true);
  });

  it("counts only the business days wholly between the transfer's day and today", async () => {
    expect(businessDaysBetween(calendar, "2026-11-20", "2026-11-23")).toBe(0); // Friday → Monday
    expect(businessDaysBetween(calendar, "2026-11-20", "2026-11-28")).toBe(5);
    expect(businessDaysBetween(calendar, "2026-03-20", "2026-03-27")).toBe(1); // Nauryz: only the 26th
    expect(businessDaysBetween(calendar, "2026-12-06", "2026-12-06")).toBe(0);
    expect(businessDaysBetween(calendar, "1990-01-01", "2026-12-06", 30)).toBe(30);
  });

  it("reads dates in Kazakhstan time and turns 30 hours over a weekend into «the bank can still hold it»", async () => {
    expect(kzDate(new Date("2026-11-20T20:00:00Z"))).toBe("2026-11-21");
    const friday = new Date("2026-11-20T13:00:00Z"); // 18:00 Friday in Kazakhstan
    const since = timeSince(friday, new Date("2026-11-21T19:00:00Z"), calendar); // Sunday 00:00, 30 hours later
    expect(since.hours).toBe(30);
    expect(since.businessDays).toBe(0);
    expect(catalog.triage(since).level).toBe("soon");
    expect(catalog.triage(timeSince(friday, new Date("2026-11-28T06:00:00Z"), calendar)).level).toBe("late");
  });
});

describe("a live call typed anywhere", () => {
  it("is heard in the present tense, in Russian and Kazakh", async () => {
    for (const t of [
      "Мне сейчас звонят из КНБ и говорят, что на меня заведено дело",
      "Звонят прямо сейчас, требуют перевести деньги",
      "Он сейчас на линии и ждёт, пока я назову код",
      "Маған қазір ҰҚК-дан қоңырау шалып тұр",
      "Банктен хабарласып жатыр, кодты сұрайды",
      "Қазір телефонда тұр, ақша аудар дейді",
    ]) {
      expect(isLiveCall(t), t).toBe(true);
    }
  });

  it("is heard however a frightened person types it: «звонит» in any order, the written Kazakh present, Latin letters", () => {
    for (const t of [
      "Мне звонит КНБ, говорят на меня оформляют кредит",
      "звонят из КНБ, говорят на меня оформляют кредит, что делать",
      "КНБ звонит, говорит на меня кредит",
      "звонит полиция",
      "мне звонять с КНБ",
      "со мной разговаривает сотрудник КНБ",
      "мне позвонили из КНБ, до сих пор на линии",
      "маған ҰҚК-дан звонят",
      "Казир маган банктен звонит",
      "қазір маған ҰҚК қызметкері қоңырау шалуда",
      "маған полициядан қоңырау шалуда",
      "ҰҚК қызметкері телефонда тұр",
      "mne zvonyat iz KNB",
      "menga KNB dan qongyrau shalyp jatyr",
      "qazir telefonda tur",
    ]) {
      expect(isLiveCall(t), t).toBe(true);
    }
  });

  it("is not heard in a story told afterwards", () => {
    for (const t of [
      "Вчера позвонили из банка, я назвала код",
      "Сейчас хочу подать заявление: вчера звонили из полиции",
      "сейчас звонил мужчина, я уже положила трубку",
      "Кеше банктен хабарласты, кодты айттым",
      "Кеше қоңырау шалып тұрды",
      "банк сказал, что перезвонит завтра",
      "мне позвонил следователь и я всё рассказала",
      "vchera zvonili iz banka",
    ]) {
      expect(isLiveCall(t), t).toBe(false);
    }
  });

  it("reads a 64 KB hostile text to the end", async () => {
    for (const hostile of [
      "звон ".repeat(13_000),
      "сейчас - - ".repeat(6_000),
      "а".repeat(65_536),
      "қазір ".repeat(10_000),
      "qazir ".repeat(10_000),
    ]) {
      expect(isLiveCall(hostile)).toBe(false);
    }
    expect(isLiveCall(`${"а ".repeat(30_000)}мне сейчас звонят`)).toBe(true);
  });
});

describe("the ЕРДР number", () => {
  it("keeps the digits of a registration number, refuses a talon's short number and words", async () => {
    expect(parseErdrNumber("№ 2475 0003 1000 123")).toBe("247500031000123");
    expect(parseErdrNumber("ЕРДР 247500031000123")).toBe("247500031000123");
    expect(parseErdrNumber("КУИ № 2026-00123")).toBeUndefined();
    expect(parseErdrNumber("12345")).toBeUndefined();
    expect(parseErdrNumber("не дали номер")).toBeUndefined();
  });
});
