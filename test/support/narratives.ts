/**
 * The labelled stories recognition is measured on, in two parts kept apart on purpose:
 *
 * - tuning: the sets patterns, weights and the calibration were adjusted against (the project's
 *   own, plus in-repo copies of the brief's examples: narratives-seed*.jsonl);
 * - held-out: narratives-holdout-4.jsonl, written before the changes it is meant to judge and
 *   only ever evaluated (the earlier held-out sets, each read once, have become tuning sets).
 *
 * `expect: "none"` means the story is no fraud and the scheme list must stay empty.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Catalog } from "../../src/catalog/types.js";

export interface Narrative {
  id: string;
  lang: "kk" | "ru";
  /** A scheme id, or "none". */
  expect: string;
  text: string;
}

export const NONE = "none";
const FIXTURES = resolve(import.meta.dirname, "../fixtures");

export const TUNING_FILES = [
  "narratives.jsonl",
  "narratives-extra.jsonl",
  "narratives-tuning.jsonl",
  // Copies of the project brief's examples (../shared/examples), kept in the repository.
  "narratives-seed.jsonl",
  "narratives-seed-v2.jsonl",
  "narratives-validation.jsonl",
  "narratives-validation-2.jsonl",
  "narratives-validation-3.jsonl",
  "narratives-validation-4.jsonl",
  "narratives-validation-5.jsonl",
  // Earlier held-out sets, each read once and then tuned on: the first (top-1 85.2 %, no scheme
  // kept empty for 91.7 %), the second (93.2 %, 91.7 %), the third (94.3 %, 100 %).
  "narratives-holdout-1.jsonl",
  "narratives-holdout-2.jsonl",
  "narratives-holdout-3.jsonl",
].map((f) => resolve(FIXTURES, f));

/** Written before any change the earlier held-out sets inspired; only ever evaluated. */
export const HOLDOUT_FILE = resolve(FIXTURES, "narratives-holdout-4.jsonl");

export function readNarratives(file: string): Narrative[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Narrative);
}

export const tuningNarratives = (): Narrative[] => TUNING_FILES.flatMap(readNarratives);

/** One story's outcome: the top scheme named (or none) and its score. */
export interface Outcome {
  narrative: Narrative;
  got: string;
  score: number;
  right: boolean;
}

export function classify(catalog: Catalog, narratives: readonly Narrative[]): Outcome[] {
  return narratives.map((narrative) => {
    const top = catalog.recognize({ text: narrative.text }).schemes[0];
    const got = top?.id ?? NONE;
    return { narrative, got, score: top?.score ?? 0, right: got === narrative.expect };
  });
}

export interface Summary {
  /** Top-1 accuracy over the fraud stories. */
  top1: number;
  fraud: number;
  /** Share of no-fraud stories left with an empty scheme list. */
  noneKept: number;
  none: number;
  /** Per expected id: right / all. */
  perId: Map<string, { right: number; all: number }>;
}

export function summarise(outcomes: readonly Outcome[]): Summary {
  const fraud = outcomes.filter((o) => o.narrative.expect !== NONE);
  const none = outcomes.filter((o) => o.narrative.expect === NONE);
  const perId = new Map<string, { right: number; all: number }>();
  for (const o of outcomes) {
    const row = perId.get(o.narrative.expect) ?? { right: 0, all: 0 };
    row.all++;
    if (o.right) row.right++;
    perId.set(o.narrative.expect, row);
  }
  const share = (list: readonly Outcome[]) => (list.length ? list.filter((o) => o.right).length / list.length : 1);
  return { top1: share(fraud), fraud: fraud.length, noneKept: share(none), none: none.length, perId };
}

/** Score bands of the top scheme, each with how often the named scheme was right. */
export const BANDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95] as const;

export interface BandRow {
  from: number;
  to: number;
  named: number;
  right: number;
}

export function calibrationTable(outcomes: readonly Outcome[]): BandRow[] {
  const edges = [...BANDS, 1.000001];
  return BANDS.map((from, i) => {
    const to = edges[i + 1] ?? 1;
    const inBand = outcomes.filter((o) => o.got !== NONE && o.score >= from && o.score < to);
    return { from, to: Math.min(to, 1), named: inBand.length, right: inBand.filter((o) => o.right).length };
  });
}

/** Of the stories named with a score of at least `from`, the share that is right. */
export function precisionFrom(outcomes: readonly Outcome[], from: number): { named: number; right: number } {
  const named = outcomes.filter((o) => o.got !== NONE && o.score >= from);
  return { named: named.length, right: named.filter((o) => o.right).length };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(title: string, outcomes: readonly Outcome[]): string {
  const s = summarise(outcomes);
  const lines = [
    `${title}: top-1 ${pct(s.top1)} of ${s.fraud} fraud stories; no scheme kept empty for ${pct(s.noneKept)} of ${s.none} that are no fraud`,
    "  per id (right/all):",
    ...[...s.perId.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([id, r]) =>
          `    ${id.padEnd(22)} ${String(r.right).padStart(3)}/${String(r.all).padEnd(3)} ${pct(r.right / r.all)}`,
      ),
    "  calibration (score of the scheme named → how often it was right):",
    ...calibrationTable(outcomes).map(
      (b) =>
        `    ${b.from.toFixed(2)}–${b.to.toFixed(2)}  named ${String(b.named).padStart(3)}  right ${String(b.right).padStart(3)}  ${b.named ? pct(b.right / b.named) : "—"}`,
    ),
  ];
  const high = precisionFrom(outcomes, 0.8);
  lines.push(
    `    ≥ 0.80     named ${String(high.named).padStart(3)}  right ${String(high.right).padStart(3)}  ${high.named ? pct(high.right / high.named) : "—"}`,
  );
  const misses = outcomes.filter((o) => !o.right);
  if (misses.length)
    lines.push(
      "  misses:",
      ...misses.map(
        (m) => `    ${m.narrative.id}: expected ${m.narrative.expect}, got ${m.got} (${m.score.toFixed(2)})`,
      ),
    );
  return lines.join("\n");
}
