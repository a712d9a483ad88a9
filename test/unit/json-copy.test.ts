/**
 * Answers are copied and compared on every answer without JSON round trips
 * (core/json.ts): the copy must be what a round trip gives, and two
 * values the same exactly when their JSON is, for any plain JSON shape.
 */
import { describe, expect, it } from "vitest";
import { copyJson, sameJson, withFields } from "../../src/core/json.js";

/** A small deterministic generator of JSON-shaped values, with fields set to undefined. */
function random(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const value = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.3) {
      const leaves = ["", "Қарағанды", "+7 701 234 56 78", 0, 450_000, -1.5, true, false, null, undefined];
      return leaves[Math.floor(next() * leaves.length)];
    }
    if (r < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1) ?? null);
    const keys = ["narrative", "contacts", "phones", "amount", "pending", "kind", "value"];
    return Object.fromEntries(keys.filter(() => next() < 0.5).map((k) => [k, value(depth + 1)]));
  };
  return { value, next };
}

describe("copying and comparing answers", () => {
  it("a copy is what a JSON round trip gives, and changing it leaves the original as it was (2,000 values)", () => {
    const { value } = random(7);
    for (let i = 0; i < 2000; i++) {
      const v = { root: value(0) };
      const before = JSON.stringify(v);
      const copy = copyJson(v);
      expect(JSON.stringify(copy)).toBe(before);
      expect(copy).toEqual(JSON.parse(before));
      (copy as { root: unknown }).root = "changed";
      expect(JSON.stringify(v)).toBe(before);
    }
  });

  it("two values are the same exactly when their JSON is, key order aside (2,000 pairs)", () => {
    const { value, next } = random(11);
    let same = 0;
    for (let i = 0; i < 2000; i++) {
      const a = { root: value(0) };
      // half the pairs are a copy with one leaf perhaps changed, so that equal pairs are common
      const b = next() < 0.5 ? JSON.parse(JSON.stringify(a)) : { root: value(0) };
      if (next() < 0.3 && b.root && typeof b.root === "object" && !Array.isArray(b.root)) b.root.extra = undefined;
      const byJson = JSON.stringify(a) === JSON.stringify(b);
      expect(sameJson(a, b), JSON.stringify([a, b])).toBe(byJson);
      if (byJson) same++;
    }
    expect(same).toBeGreaterThan(500);
  });

  it("withFields gives what a spread gives: a new object, the given fields winning, the base untouched (2,000 values)", () => {
    const { value, next } = random(23);
    for (let i = 0; i < 2000; i++) {
      const base = next() < 0.1 ? undefined : { a: value(1), b: value(1), ...(next() < 0.5 ? { c: value(1) } : {}) };
      const fields = next() < 0.5 ? { c: value(1) } : { b: value(1), d: value(1) };
      const before = JSON.stringify(base);
      const made = withFields(base, fields);
      expect(made).toStrictEqual({ ...base, ...fields });
      expect(Object.keys(made)).toEqual(Object.keys({ ...base, ...fields }));
      expect(made).not.toBe(base);
      expect(JSON.stringify(base)).toBe(before);
    }
  });
});
