/**
 * Reading what a person typed to check ("has this been reported?") or what an
 * officer looks up: a phone, card, IBAN, wallet, link or username, normalised
 * as reports store it.
 */
import { parseIdentifier } from "../core/identifiers/detect.js";
import type { Key } from "../db/links.js";
import { isLinkable } from "../db/links.js";

export type LookupInput =
  | { ok: true; keys: Key[] }
  /** typo: a card, IBAN or wallet failed its check; masked: only the last digits of a card; none: no identifier. */
  | { ok: false; error: "typo" | "masked" | "none" };

export function readLookupInput(text: string): LookupInput {
  const parsed = parseIdentifier(text);
  if (!parsed.ok) return { ok: false, error: parsed.error === "empty" ? "none" : "typo" };
  const all = [parsed.value.identifier, ...(parsed.value.more ?? [])];
  const keys = all.filter(isLinkable).map((i) => ({ kind: i.kind, value: i.value }));
  if (keys.length > 0) return { ok: true, keys: dedupe(keys) };
  return { ok: false, error: all.some((i) => i.kind === "card") ? "masked" : "none" };
}

function dedupe(keys: Key[]): Key[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = `${k.kind}:${k.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
