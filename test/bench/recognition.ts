/**
 * Piece 3: scheme recognition over the labelled narratives in the repository (the tuning
 * sets of test/support/narratives.ts: every scheme, stories that are no fraud, Kazakh typed
 * without its letters and in Latin).
 */
import { resolve } from "node:path";
import { loadCatalogOrThrow, readDefaultCatalogYaml } from "../../src/catalog/load.js";
import { TUNING_FILES, tuningNarratives } from "../support/narratives.js";

export const ROOT = resolve(import.meta.dirname, "../..");

export function readNarratives(): { texts: string[]; files: string[] } {
  return { texts: tuningNarratives().map((n) => n.text), files: TUNING_FILES };
}

export interface RecognitionFigures {
  narratives: number;
  files: string[];
  /** ms per narrative, every call of every pass. */
  latencies: number[];
  /** narratives per second, one figure per pass. */
  perSecond: number[];
  compileMs: number;
}

export function benchRecognition(passes: number): RecognitionFigures {
  // Compiled catalogues are cached by content: a comment makes this one new, so it is parsed and compiled.
  const yaml = `${readDefaultCatalogYaml()}\n# bench ${Date.now()}\n`;
  const started = performance.now();
  const catalog = loadCatalogOrThrow(yaml);
  const compileMs = performance.now() - started;
  const { texts, files } = readNarratives();
  for (const text of texts) catalog.recognize({ text });
  const latencies: number[] = [];
  const perSecond: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const passStart = performance.now();
    for (const text of texts) {
      const t0 = performance.now();
      catalog.recognize({ text });
      latencies.push(performance.now() - t0);
    }
    perSecond.push(texts.length / ((performance.now() - passStart) / 1000));
  }
  return { narratives: texts.length, files, latencies, perSecond, compileMs };
}
