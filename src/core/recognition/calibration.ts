/**
 * From evidence to a score that means what it says: the chance that the scheme is the right one.
 *
 * Evidence (score.ts) tells how much in a story points to a scheme, not how sure that makes us:
 * one generic phrase ("позвонили из банка") reaches 0.6 in a story that is no fraud at all, and
 * two schemes with 0.85 each are a toss-up. So three figures go into the score:
 *
 *   e      the scheme's evidence, 0..1 (after the everyday phrases have weighed against it)
 *   lead   e minus the evidence of the strongest other scheme, -1..1
 *   k      how many distinct signals of some weight (SIGNAL_WEIGHT and up) point to it, at most
 *          MAX_SIGNALS; the small hints (a channel, a transfer at 0.05) do not count
 *
 *   score = 1 / (1 + exp(-(INTERCEPT + EVIDENCE·e + LEAD·lead + SIGNALS·k)))
 *
 * FITTED is a logistic regression on the tuning stories in test/fixtures, never the held-out
 * ones (`npx tsx test/tools/calibrate.ts` refits it and prints the fit beside the weights in use).
 * Of the fits made while the catalogue's phrases were being written, this one kept the most
 * stories right on the validation rounds (narratives-validation*.jsonl, each read first
 * before any phrase was written for it). It is divided by TEMPERATURE: the phrases were written
 * against those same stories, so evidence there is stronger than in stories nobody has seen yet;
 * dividing keeps the line between "named" and "no known scheme" (score 0.5) where it is and makes
 * the high scores more modest, so that a score of 0.8 or more is right at least 95 times in 100.
 * A catalogue whose weights change much should be refitted.
 */
export const TEMPERATURE = 1.5;

const FITTED = { intercept: -13.23, evidence: 12.69, lead: 7.69, signals: 1.35 } as const;

export type CalibrationWeights = { readonly [K in keyof typeof FITTED]: number };

export const CALIBRATION: CalibrationWeights = Object.freeze({
  intercept: FITTED.intercept / TEMPERATURE,
  evidence: FITTED.evidence / TEMPERATURE,
  lead: FITTED.lead / TEMPERATURE,
  signals: FITTED.signals / TEMPERATURE,
});

export const MAX_SIGNALS = 4;
export const SIGNAL_WEIGHT = 0.3;

/** A scheme is named only from this score up; below it the story has "no known scheme". */
export const RECOGNISED_SCORE = 0.5;

export interface EvidenceFigures {
  evidence: number;
  lead: number;
  signals: number;
}

export function calibratedScore(f: EvidenceFigures, weights: CalibrationWeights = CALIBRATION): number {
  const z =
    weights.intercept +
    weights.evidence * f.evidence +
    weights.lead * f.lead +
    weights.signals * Math.min(f.signals, MAX_SIGNALS);
  return 1 / (1 + Math.exp(-z));
}
