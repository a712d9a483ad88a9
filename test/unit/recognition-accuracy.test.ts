/**
 * Top-1 accuracy of recognition on the labelled narratives. Each file must reach 90%; the
 * figures are printed so a change in the catalogue shows its effect.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDefaultCatalog } from "../../src/catalog/load.js";

interface Narrative {
  id: string;
  lang: "kk" | "ru";
  expect: string;
  text: string;
}

const root = resolve(import.meta.dirname, "../..");
// All in the repository (the seed set is a copy of the project brief's examples): a missing file fails, never skips.
const FILES = [
  resolve(root, "test/fixtures/narratives-seed.jsonl"),
  resolve(root, "test/fixtures/narratives.jsonl"),
  resolve(root, "test/fixtures/narratives-extra.jsonl"),
];

const read = (file: string): Narrative[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Narrative);

describe("recognition accuracy", () => {
  const catalog = loadDefaultCatalog();

  it.each(FILES)("reaches at least 90 percent top-1 on %s", (file) => {
    const narratives = read(file);
    const misses = narratives.filter((n) => catalog.recognize({ text: n.text }).schemes[0]?.id !== n.expect);
    const accuracy = 1 - misses.length / narratives.length;
    console.log(
      `${file}: top-1 ${(accuracy * 100).toFixed(1)}% (${narratives.length - misses.length}/${narratives.length})`,
    );
    for (const m of misses) console.log(`  miss ${m.id}: expected ${m.expect}`);
    expect(narratives.length).toBeGreaterThan(0);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("has a development set of at least 80 narratives in both languages", () => {
    const extra = read(resolve(root, "test/fixtures/narratives-extra.jsonl"));
    expect(extra.length).toBeGreaterThanOrEqual(80);
    expect(new Set(extra.map((n) => n.lang))).toEqual(new Set(["kk", "ru"]));
    expect(new Set(extra.map((n) => n.id)).size).toBe(extra.length);
  });
});
