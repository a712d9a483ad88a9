/**
 * Reading what a person typed to check ("has this been reported?") or what an
 * officer looks up: a phone, card, IBAN, wallet, link or username, normalised
 * as reports store it; and what the public check may say.
 *
 * The public check helps someone about to send money, not the owner of a mule
 * card testing whether they are known: it needs consent, counts a key only once
 * two different people reported it (one report could be a mistake or a grudge,
 * and "one report" tells a mule owner exactly who), names schemes only to people
 * who filed a report of their own, and is limited per person in the database.
 */
import { parseIdentifier } from "../core/identifiers/detect.js";
import type { Db } from "../db/client.js";
import type { Key } from "../db/links.js";
import { isLinkable, keyCounts } from "../db/links.js";
import { type QuotaRule, takeLookup } from "../db/lookup-quota.js";
import { hasSubmittedReport } from "../db/user-reports.js";

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

/** Fewer people than this is answered as "not found". */
export const MIN_REPORTERS = 2;
/** Checks per person per day. */
export const PUBLIC_LOOKUP_QUOTA: QuotaRule = { limit: 10, windowMs: 24 * 3600_000 };

export interface PublicAnswer {
  key: Key;
  /** 0 when fewer than MIN_REPORTERS people reported it. */
  reporters: number;
  /** Top schemes, only for someone with a report of their own. */
  schemes: { id: string; count: number }[];
}

export type PublicLookup = { ok: true; answers: PublicAnswer[] } | { ok: false; reason: "limit" };

export async function publicLookup(db: Db, askerId: number, keys: readonly Key[], now: Date): Promise<PublicLookup> {
  if (!(await takeLookup(db, askerId, now, PUBLIC_LOOKUP_QUOTA))) return { ok: false, reason: "limit" };
  const victim = await hasSubmittedReport(db, askerId);
  const answers: PublicAnswer[] = [];
  for (const key of keys) {
    const counts = await keyCounts(db, key);
    const known = counts.reporters >= MIN_REPORTERS;
    answers.push({ key, reporters: known ? counts.reporters : 0, schemes: known && victim ? counts.schemes : [] });
  }
  return { ok: true, answers };
}
