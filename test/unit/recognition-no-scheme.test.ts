/**
 * "No known scheme" is an answer: weak evidence names nothing, scores are calibrated
 * probabilities, and every scheme that is named says why.
 */
import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { CALIBRATION, calibratedScore, MAX_SIGNALS, RECOGNISED_SCORE } from "../../src/core/recognition/calibration.js";
import { weighEvidence } from "../../src/core/recognition/recognize.js";
import { emptyAnswers } from "../../src/core/report/answers.js";
import { NONE, tuningNarratives } from "../support/narratives.js";

const catalog = loadDefaultCatalog();
const named = (text: string) => catalog.recognize({ text }).schemes.map((s) => s.id);

describe("no known scheme", () => {
  it.each([
    ["ru", "Забыла PIN-код от карты, как его восстановить?"],
    ["kk", "Картамның пин кодын ұмытып қалдым, не істеймін?"],
    ["kk", "pin kodymdy umytyp qaldym, ne isteimin"],
    ["ru", "банкомат съел карту, куда звонить"],
    ["kk", "Банкомат картамды жұтып қойды"],
    ["ru", "Подруга вернула долг переводом, всё хорошо"],
    ["kk", "Досым қарызын Kaspi арқылы қайтарды"],
    ["ru", "Что такое 1414? Пришло смс с кодом, когда я сама входила в егов"],
    ["kk", "1414 деген не? Өзім eGov-қа кірдім, код келді"],
    ["ru", "Привет"],
    ["kk", "Сәлеметсіз бе"],
    ["ru", "Что умеет этот бот?"],
    ["kk", "Бұл бот не істей алады?"],
  ])("names no scheme for an everyday question (%s: %s)", (_lang, text) => {
    expect(named(text)).toEqual([]);
  });

  it("lets an everyday phrase weigh against every scheme, and says which", async () => {
    const plain = weighEvidence({ text: "позвонила в банк по номеру на карте" }, catalog.rules);
    const everyday = weighEvidence({ text: "забыла пин код, позвонила в банк по номеру на карте" }, catalog.rules);
    expect(plain.everyday).toBe(1);
    expect(everyday.everyday).toBeLessThan(0.5);
    expect(everyday.against.map((r) => r.value).join(" ")).toMatch(/забыла пин/);
    const evidence = (w: typeof plain, id: string) => w.schemes.find((s) => s.id === id)?.evidence ?? 0;
    for (const s of plain.schemes) expect(evidence(everyday, s.id)).toBeLessThan(s.evidence);
  });

  it("still names a scheme when the story is clear, in both languages and in Latin letters", async () => {
    expect(named("Прислали в вотсап файл apk якобы фото посылки, я установила, с карты ушли деньги")[0]).toBe(
      "malicious_app",
    );
    expect(named("WhatsApp-қа сурет деп apk файл келді, орнаттым, Kaspi-ден ақша кетті")[0]).toBe("malicious_app");
    expect(named("prodal usdt na p2p, bank zablokiroval schet, govoryat dengi ukradeny")[0]).toBe("crypto_p2p");
    expect(named("kartama qate aqsha tusti, basqa kartaga qaitaryńyz dep jazdy")[0]).toBe("mistaken_transfer");
    expect(named("Перевела на сбор для больного ребенка, а это оказался фейковый аккаунт фонда")[0]).toBe(
      "fake_charity",
    );
  });

  it("recognises an installed APK from the answers alone", async () => {
    const result = catalog.recognize({
      answers: { ...emptyAnswers(), apps: ["apk"], channels: ["messenger_message"] },
    });
    expect(result.schemes[0]?.id).toBe("malicious_app");
    expect(result.techniques).toEqual(expect.arrayContaining(["apk_installed", "remote_access_installed"]));
    expect(result.schemes[0]?.reasons).toContainEqual({ source: "answer", value: "apps:apk" });
  });
});

describe("calibrated scores", () => {
  const grid = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1];

  it("grow with evidence, with the lead over other schemes and with the number of signals", async () => {
    for (const e of grid)
      for (const lead of grid.map((x) => x - 0.5))
        for (let k = 0; k < MAX_SIGNALS; k++) {
          const base = calibratedScore({ evidence: e, lead, signals: k });
          expect(base).toBeGreaterThan(0);
          expect(base).toBeLessThan(1);
          expect(calibratedScore({ evidence: e + 0.05, lead, signals: k })).toBeGreaterThan(base);
          expect(calibratedScore({ evidence: e, lead: lead + 0.05, signals: k })).toBeGreaterThan(base);
          expect(calibratedScore({ evidence: e, lead, signals: k + 1 })).toBeGreaterThan(base);
        }
    // Signals beyond the cap add nothing: a pile of hints is not proof.
    expect(calibratedScore({ evidence: 0.5, lead: 0.2, signals: 40 })).toBe(
      calibratedScore({ evidence: 0.5, lead: 0.2, signals: MAX_SIGNALS }),
    );
  });

  it("name nothing on one generic phrase, and a scheme on one specific one", async () => {
    // A lone phrase weighing 0.5 ("1414", "позвонили из банка") is a hint, not a scheme.
    expect(calibratedScore({ evidence: 0.5, lead: 0.5, signals: 1 })).toBeLessThan(RECOGNISED_SCORE);
    // A lone phrase of 0.85 ("безопасный счёт", "P2P", "APK") is.
    expect(calibratedScore({ evidence: 0.85, lead: 0.85, signals: 1 })).toBeGreaterThan(RECOGNISED_SCORE);
    // Two schemes equally supported are a toss-up, whatever the evidence.
    expect(calibratedScore({ evidence: 0.9, lead: 0, signals: 2 })).toBeLessThan(0.8);
    expect(Object.values(CALIBRATION).every(Number.isFinite)).toBe(true);
  });

  it("rank the schemes of every tuning story best first, each at or above the line, each with a reason from the story", async () => {
    for (const n of tuningNarratives()) {
      const { schemes } = catalog.recognize({ text: n.text });
      const scores = schemes.map((s) => s.score);
      expect(scores, n.id).toEqual([...scores].sort((a, b) => b - a));
      for (const s of schemes) {
        expect(s.score, n.id).toBeGreaterThanOrEqual(RECOGNISED_SCORE);
        expect(
          s.reasons.some((r) => r.source === "phrase" && n.text.includes(r.value.split(" … ")[0] ?? "")),
          `${n.id} ${s.id}`,
        ).toBe(true);
      }
      if (n.expect === NONE) expect(schemes, n.id).toEqual([]);
    }
  });
});
