/**
 * The secret detector runs a trigger's pattern only on a text that holds one of its
 * needles (src/core/secrets/words.ts). A needle missing from a match would let a
 * secret through unmasked: every match of every trigger, in every phrasing the tests
 * know, must hold one of its needles.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldKazakh } from "../../src/core/identifiers/text.js";
import { TRIGGERS } from "../../src/core/secrets/words.js";
import { CARDS, INTACT, MASKED } from "../fixtures/secrets.js";

const fixtures = join(import.meta.dirname, "../fixtures");
const narratives = readdirSync(fixtures)
  .filter((name) => name.startsWith("narratives") && name.endsWith(".jsonl"))
  .flatMap((name) => readFileSync(join(fixtures, name), "utf8").split("\n"))
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { text: string }).text);

const corpus = [
  ...MASKED.map(([, typed]) => typed),
  ...INTACT.map(([, text]) => text),
  ...CARDS.map(([, typed]) => typed),
  ...narratives,
].map(foldKazakh);

describe("the triggers' needles", () => {
  it("the corpus is the tables' phrasings and the narratives (hundreds of texts)", () => {
    expect(MASKED.length).toBeGreaterThanOrEqual(150);
    expect(narratives.length).toBeGreaterThanOrEqual(100);
  });

  it.each(TRIGGERS.map((trigger, i) => [i, trigger.kind, trigger] as const))(
    "trigger %i (%s): every match holds a needle, and the corpus has matches",
    (_i, _kind, trigger) => {
      const re = new RegExp(trigger.source, "gu");
      let matches = 0;
      for (const text of corpus) {
        for (const m of text.matchAll(re)) {
          if (m[0] === "") continue;
          matches++;
          expect(
            trigger.needles.some((needle) => m[0].includes(needle)),
            `«${m[0]}» in «${text}»`,
          ).toBe(true);
        }
      }
      expect(matches).toBeGreaterThan(0);
    },
  );

  it("needles are folded text (lowercase, Kazakh letters folded), as the pattern reads", () => {
    for (const trigger of TRIGGERS) {
      for (const needle of trigger.needles) expect(foldKazakh(needle)).toBe(needle);
    }
  });
});
