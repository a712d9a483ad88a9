/**
 * The secret detector against the way victims type and paste secrets (≥ 150 phrasings,
 * kk and ru) and against the facts the police need, which must stay as typed.
 */
import { describe, expect, it } from "vitest";
import { protectText } from "../../src/core/redact.js";
import { CARDS, INTACT, MASKED } from "../fixtures/secrets.js";

describe("secrets as victims type and paste them are masked", () => {
  it("the table holds at least 150 phrasings in both languages", () => {
    expect(MASKED.length).toBeGreaterThanOrEqual(150);
    expect(MASKED.filter(([lang]) => lang === "kk").length).toBeGreaterThanOrEqual(40);
    expect(new Set(MASKED.map(([, typed]) => typed)).size).toBe(MASKED.length);
  });

  it.each(MASKED)("(%s) %s", (_lang, typed, stored) => {
    const result = protectText(typed);
    expect(result.text).toBe(stored);
    expect(result.found.length).toBeGreaterThan(0);
  });

  it("masking twice changes nothing more (answers are cleaned at the door and again when applied)", () => {
    for (const [, typed] of MASKED) {
      const once = protectText(typed).text;
      expect(protectText(once)).toEqual({ text: once, found: [] });
    }
  });
});

describe("the facts around secrets stay as typed", () => {
  it.each(INTACT)("(%s) %s", (_lang, text) => {
    expect(protectText(text)).toEqual({ text, found: [] });
  });
});

describe("cards in a story: the person's own cut, a recipient's kept for the police", () => {
  it.each(CARDS)("(%s) %s", (_lang, typed, stored) => {
    expect(protectText(typed)).toEqual({ text: stored, found: [] });
  });
});
