/**
 * Recognition: structured answers and/or free text → schemes ranked with reasons, and the
 * techniques seen. Pure and deterministic; the catalogue arrives already compiled.
 *
 * Two steps: weighEvidence() finds what points to each scheme (phrases, answers) and what
 * weighs against all of them (everyday phrases: a forgotten PIN, a card kept by an ATM);
 * recognize() turns that into calibrated scores (calibration.ts) and keeps the schemes that
 * reach RECOGNISED_SCORE. An empty list is an answer: "no known scheme".
 */
import { TECHNIQUES, type Technique } from "../model.js";
import type { Answers } from "../report/answers.js";
import type { Reason, RecognisedScheme, Recognition } from "../report/report.js";
import { calibratedScore, RECOGNISED_SCORE, SIGNAL_WEIGHT } from "./calibration.js";
import type { PatternHit } from "./matcher.js";
import { type Token, tokenize } from "./normalize.js";
import type { RecognitionRules, SchemeRules } from "./rules.js";
import { combineWeights } from "./score.js";
import { type AnswerSignals, signalsFromAnswers } from "./signals.js";

export interface RecognitionInput {
  text?: string;
  answers?: Partial<Answers>;
}

export interface RecognizeOptions {
  /** Schemes below this score are left out (default RECOGNISED_SCORE). */
  minScore?: number;
  /** At most this many schemes (default 5). */
  limit?: number;
}

interface Evidence {
  weight: number;
  reason: Reason;
}

/** What points to one scheme, before calibration. */
export interface SchemeEvidence {
  id: string;
  /** Catalogue order, which breaks ties. */
  order: number;
  /** combineWeights of the signals, scaled down by the everyday phrases; 0..1. */
  evidence: number;
  /** Distinct signals of at least SIGNAL_WEIGHT. */
  signals: number;
  /** Those signals, strongest first. */
  reasons: Reason[];
}

export interface WeighedEvidence {
  schemes: SchemeEvidence[];
  techniques: Technique[];
  /** What the everyday phrases left of every scheme's evidence: 1 when none was found. */
  everyday: number;
  /** The everyday phrases found, as the person wrote them. */
  against: Reason[];
}

const NEGATION_BEFORE = new Set(["ни", "нит"]);
const NEGATION_AFTER = new Set(["жак", "имис"]);
// Kazakh negative verb forms: айт-па-дым, бер-ме-дім, аудар-ма-ған (folded).
const KAZAKH_NEGATIVE = /^.{3,}[мбп][аи](ди|ган|гин|и[мн])/;

/** "Я не называла код", "кодты айтпадым": a technique the person says did not happen. */
export function isNegated(tokens: readonly Token[], hit: PatternHit): boolean {
  const before = tokens[hit.firstToken - 1]?.norm;
  const after = tokens[hit.lastToken + 1]?.norm;
  if (before && NEGATION_BEFORE.has(before)) return true;
  if (after && NEGATION_AFTER.has(after)) return true;
  return hit.tokens.some((i) => KAZAKH_NEGATIVE.test(tokens[i]?.norm ?? ""));
}

const MAX_FRAGMENT = 80;

/** The matched words as the person wrote them. */
export function fragment(text: string, tokens: readonly Token[], hit: PatternHit): string {
  const first = tokens[hit.firstToken];
  const last = tokens[hit.lastToken];
  if (!first || !last) return "";
  const whole = text.slice(first.start, last.end);
  if (whole.length <= MAX_FRAGMENT && hit.lastToken - hit.firstToken <= hit.tokens.length + 2) return whole;
  return hit.tokens.map((i) => text.slice(tokens[i]?.start, tokens[i]?.end)).join(" … ");
}

function structuredEvidence(rules: SchemeRules, signals: AnswerSignals, techniques: Technique[]): Evidence[] {
  const out: Evidence[] = [];
  const add = (weight: number | undefined, source: Reason["source"], value: string) => {
    if (weight !== undefined && weight !== 0) out.push({ weight, reason: { source, value } });
  };
  for (const id of signals.identities) add(rules.identities[id], "identity", id);
  for (const id of signals.channels) add(rules.channels[id], "channel", id);
  for (const id of techniques) add(rules.techniques[id], "technique", id);
  for (const fact of signals.facts) add(rules.answers[fact], "answer", fact);
  return out;
}

/** A scheme's phrase hits, strongest first, skipping hits whose words a stronger one already used. */
function phraseEvidence(hits: readonly { hit: PatternHit; weight: number; value: string }[]): Evidence[] {
  const used = new Set<number>();
  const out: Evidence[] = [];
  for (const h of [...hits].sort((a, b) => b.weight - a.weight || a.hit.pattern - b.hit.pattern)) {
    if (h.weight > 0 && h.hit.tokens.every((t) => used.has(t))) continue;
    for (const t of h.hit.tokens) used.add(t);
    out.push({ weight: h.weight, reason: { source: "phrase", value: h.value } });
  }
  return out;
}

/** Every active scheme with something pointing to it, and the techniques seen. */
export function weighEvidence(input: RecognitionInput, rules: RecognitionRules): WeighedEvidence {
  const signals = signalsFromAnswers(input.answers);
  const text = (input.text ?? "").normalize("NFC");
  const tokens = text ? tokenize(text) : [];
  const hits = tokens.length > 0 ? rules.matcher.match(tokens) : [];

  const found = new Set<Technique>(signals.techniques);
  const schemeHits = new Map<string, { hit: PatternHit; weight: number; value: string }[]>();
  let everyday = 1;
  const against: Reason[] = [];
  for (const hit of hits) {
    const rule = rules.phrases[hit.pattern];
    if (!rule) continue;
    if (rule.owner.kind === "everyday") {
      everyday *= 1 + Math.max(-1, Math.min(0, rule.weight));
      against.push({ source: "phrase", value: fragment(text, tokens, hit) });
      continue;
    }
    if (rule.owner.kind === "technique") {
      if (rule.weight > 0 && !isNegated(tokens, hit)) found.add(rule.owner.id);
      continue;
    }
    const list = schemeHits.get(rule.owner.id) ?? [];
    list.push({ hit, weight: rule.weight, value: fragment(text, tokens, hit) });
    schemeHits.set(rule.owner.id, list);
  }
  const techniques = TECHNIQUES.filter((t) => found.has(t));

  const schemes: SchemeEvidence[] = [];
  rules.schemes.forEach((scheme, order) => {
    const evidence = [
      ...phraseEvidence(schemeHits.get(scheme.id) ?? []),
      ...structuredEvidence(scheme, signals, techniques),
    ];
    const positive = evidence.filter((e) => e.weight > 0).sort((a, b) => b.weight - a.weight);
    if (positive.length === 0) return;
    schemes.push({
      id: scheme.id,
      order,
      evidence: combineWeights(evidence.map((e) => e.weight)) * everyday,
      signals: positive.filter((e) => e.weight >= SIGNAL_WEIGHT).length,
      reasons: positive.map((e) => e.reason),
    });
  });
  return { schemes, techniques, everyday, against };
}

export function recognize(
  input: RecognitionInput,
  rules: RecognitionRules,
  options: RecognizeOptions = {},
): Recognition {
  const minScore = options.minScore ?? RECOGNISED_SCORE;
  const limit = options.limit ?? 5;
  const weighed = weighEvidence(input, rules);
  const strongest = (except: string) =>
    Math.max(0, ...weighed.schemes.filter((s) => s.id !== except).map((s) => s.evidence));
  const schemes: (RecognisedScheme & { order: number })[] = weighed.schemes
    .map((s) => ({
      id: s.id,
      score: calibratedScore({ evidence: s.evidence, lead: s.evidence - strongest(s.id), signals: s.signals }),
      reasons: s.reasons,
      order: s.order,
    }))
    .filter((s) => s.score >= minScore);
  schemes.sort((a, b) => b.score - a.score || a.order - b.order);
  return {
    catalogVersion: rules.version,
    schemes: schemes.slice(0, limit).map(({ id, score, reasons }) => ({ id, score, reasons })),
    techniques: weighed.techniques,
  };
}
