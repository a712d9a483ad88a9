/**
 * Fits the calibration of recognition scores (src/core/recognition/calibration.ts) on the
 * tuning stories — never on the held-out ones — and prints the fitted weights next to the ones
 * in use, with the tuning set's accuracy and calibration table for both.
 *
 *   npx tsx test/tools/calibrate.ts [--none-weight=3] [--l2=0.01]
 *
 * Every scheme with some evidence in a story is one example: 1 if it is the story's scheme, 0
 * otherwise — the score is the chance that a scheme is the right one. Stories that are no fraud
 * teach the model to stay below the line; being few, each counts --none-weight times.
 */
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import {
  CALIBRATION,
  type CalibrationWeights,
  calibratedScore,
  type EvidenceFigures,
  MAX_SIGNALS,
  TEMPERATURE,
} from "../../src/core/recognition/calibration.js";
import { weighEvidence } from "../../src/core/recognition/recognize.js";
import { classify, formatReport, NONE, tuningNarratives } from "../support/narratives.js";

const catalog = loadDefaultCatalog();
const stories = tuningNarratives();

const option = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const NONE_WEIGHT = option("none-weight", 3);
const L2 = option("l2", 0.01);

const examples: { f: EvidenceFigures; y: number; weight: number }[] = [];
for (const story of stories) {
  const { schemes } = weighEvidence({ text: story.text }, catalog.rules);
  for (const s of schemes) {
    const other = Math.max(0, ...schemes.filter((o) => o.id !== s.id).map((o) => o.evidence));
    examples.push({
      f: { evidence: s.evidence, lead: s.evidence - other, signals: s.signals },
      y: s.id === story.expect ? 1 : 0,
      weight: story.expect === NONE ? NONE_WEIGHT : 1,
    });
  }
}

const features = (f: EvidenceFigures) => [1, f.evidence, f.lead, Math.min(f.signals, MAX_SIGNALS)];

/** Newton's method on the L2-regularised log loss (4 parameters: it converges in a few steps). */
function fitLogistic(): CalibrationWeights {
  let w = [0, 0, 0, 0];
  for (let iter = 0; iter < 50; iter++) {
    const grad = [0, 0, 0, 0];
    const hess = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
    for (const { f, y, weight } of examples) {
      const x = features(f);
      const p = 1 / (1 + Math.exp(-x.reduce((acc, xi, i) => acc + xi * (w[i] ?? 0), 0)));
      for (let i = 0; i < 4; i++) {
        grad[i] = (grad[i] ?? 0) + weight * (p - y) * (x[i] ?? 0);
        for (let j = 0; j < 4; j++)
          (hess[i] as number[])[j] = ((hess[i] as number[])[j] ?? 0) + weight * p * (1 - p) * (x[i] ?? 0) * (x[j] ?? 0);
      }
    }
    for (let i = 1; i < 4; i++) {
      grad[i] = (grad[i] ?? 0) + L2 * (w[i] ?? 0);
      (hess[i] as number[])[i] = ((hess[i] as number[])[i] ?? 0) + L2;
    }
    const step = solve(hess, grad);
    w = w.map((wi, i) => wi - (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  const [intercept = 0, evidence = 0, lead = 0, signals = 0] = w;
  return { intercept, evidence, lead, signals };
}

/** Gaussian elimination for the 4×4 Newton step. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = (m[r]?.[c] ?? 0) / (m[c]?.[c] ?? 1);
      for (let j = c; j <= n; j++) (m[r] as number[])[j] = (m[r]?.[j] ?? 0) - k * (m[c]?.[j] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

const logLoss = (w: CalibrationWeights) =>
  examples.reduce((acc, { f, y, weight }) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, calibratedScore(f, w)));
    return acc - weight * (y ? Math.log(p) : Math.log(1 - p));
  }, 0) / examples.reduce((acc, e) => acc + e.weight, 0);

const fitted = fitLogistic();
const show = (w: CalibrationWeights) =>
  JSON.stringify(Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Math.round(v * 100) / 100])));
const tempered = Object.fromEntries(
  Object.entries(fitted).map(([k, v]) => [k, v / TEMPERATURE]),
) as unknown as CalibrationWeights;
console.log(`${stories.length} tuning stories, ${examples.length} (story, scheme) examples`);
console.log(`in use:            ${show(CALIBRATION)}  log loss ${logLoss(CALIBRATION).toFixed(4)}`);
console.log(`fitted now:        ${show(fitted)}  log loss ${logLoss(fitted).toFixed(4)}`);
console.log(`fitted ÷ ${TEMPERATURE}:        ${show(tempered)}  log loss ${logLoss(tempered).toFixed(4)}`);
console.log(formatReport("tuning set, weights in use", classify(catalog, stories)));
