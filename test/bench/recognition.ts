/**
 * Piece 3: scheme recognition over the labelled narratives (the repository's
 * fixtures, plus the shared examples when they are on this machine).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadCatalogOrThrow, readDefaultCatalogYaml } from "../../src/catalog/load.js";

export const ROOT = resolve(import.meta.dirname, "../..");

const FILES = [
  resolve(ROOT, "test/fixtures/narratives.jsonl"),
  resolve(ROOT, "test/fixtures/narratives-extra.jsonl"),
  // Read where it lies, never copied into the repository; absent on other machines.
  "/work/shared/examples/narratives.jsonl",
];

export function readNarratives(): { texts: string[]; files: string[] } {
  const files = FILES.filter((f) => existsSync(f));
  const texts = files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
  return { texts, files };
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
