/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as RFC 8785 does) at every
 * level, no whitespace, undefined fields dropped as JSON.stringify drops them. The same
 * data always gives the same bytes, whatever order its keys were built in, so a
 * signature over it survives a round trip through any JSON tool.
 */
export function canonicalJson(value: unknown): string {
  const out = write(value);
  if (out === undefined) throw new TypeError("canonical JSON: the value itself cannot be undefined");
  return out;
}

/** The UTF-8 bytes that get signed. */
export const canonicalBytes = (value: unknown): Buffer => Buffer.from(canonicalJson(value), "utf8");

function write(value: unknown): string | undefined {
  if (value === null) return "null";
  if (typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return write((value as { toJSON(): unknown }).toJSON());
  }
  switch (typeof value) {
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    case "bigint":
      throw new TypeError("canonical JSON: bigint is not JSON");
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case "boolean":
    case "string":
      return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? "null").join(",")}]`;
  const fields: string[] = [];
  for (const key of Object.keys(value as object).sort()) {
    const field = write((value as Record<string, unknown>)[key]);
    if (field !== undefined) fields.push(`${JSON.stringify(key)}:${field}`);
  }
  return `{${fields.join(",")}}`;
}
