/**
 * The compiled form of what recognition needs from a catalogue: per scheme the weights of
 * structured signals, and one matcher holding every phrase pattern of every scheme and
 * technique. Built once per catalogue version (src/catalog/load.ts does it).
 */
import type { Channel, ClaimedIdentity, SchemeId, Technique } from "../model.js";
import { PatternMatcher } from "./matcher.js";
import { type ParsedPattern, parsePattern } from "./pattern.js";
import type { PatternLang } from "./stem.js";

/** Phrase patterns as the catalogue holds them: language → pattern → weight. */
export type PhraseTable = Partial<Record<PatternLang, Readonly<Record<string, number>>>>;

export interface SchemeRuleInput {
  id: SchemeId;
  identities?: Partial<Record<ClaimedIdentity, number>>;
  channels?: Partial<Record<Channel, number>>;
  techniques?: Partial<Record<Technique, number>>;
  answers?: Readonly<Record<string, number>>;
  phrases?: PhraseTable;
}

export interface TechniqueRuleInput {
  id: Technique;
  phrases?: PhraseTable;
}

/**
 * Who a phrase speaks for: a scheme, a technique, or "everyday" — a question or an event that is
 * no fraud (a forgotten PIN, a card kept by an ATM, a debt repaid), which weighs against every scheme.
 */
export type PhraseOwner =
  | { kind: "scheme"; id: SchemeId }
  | { kind: "technique"; id: Technique }
  | { kind: "everyday"; id: "everyday" };

export interface PhraseRule {
  owner: PhraseOwner;
  weight: number;
}

export interface SchemeRules {
  id: SchemeId;
  identities: Partial<Record<ClaimedIdentity, number>>;
  channels: Partial<Record<Channel, number>>;
  techniques: Partial<Record<Technique, number>>;
  answers: Readonly<Record<string, number>>;
}

export interface RecognitionRules {
  version: string;
  /** Active schemes in catalogue order (the order breaks ties). */
  schemes: readonly SchemeRules[];
  matcher: PatternMatcher;
  /** Owner and weight of matcher.patterns[i]. */
  phrases: readonly PhraseRule[];
}

export class PatternError extends Error {}

function collect(table: PhraseTable | undefined, owner: PhraseOwner, patterns: ParsedPattern[], rules: PhraseRule[]) {
  for (const lang of ["ru", "kk", "lat"] as const) {
    for (const [source, weight] of Object.entries(table?.[lang] ?? {})) {
      const parsed = parsePattern(source, lang);
      if (!parsed.ok) throw new PatternError(`${owner.id}.${lang} "${source}": ${parsed.error}`);
      patterns.push(parsed.pattern);
      rules.push({ owner, weight });
    }
  }
}

/** Compiles validated catalogue data; a pattern that does not parse throws PatternError. */
export function buildRules(
  version: string,
  schemes: readonly SchemeRuleInput[],
  techniques: readonly TechniqueRuleInput[],
  everyday: PhraseTable = {},
): RecognitionRules {
  const patterns: ParsedPattern[] = [];
  const phrases: PhraseRule[] = [];
  for (const s of schemes) collect(s.phrases, { kind: "scheme", id: s.id }, patterns, phrases);
  for (const t of techniques) collect(t.phrases, { kind: "technique", id: t.id }, patterns, phrases);
  collect(everyday, { kind: "everyday", id: "everyday" }, patterns, phrases);
  return {
    version,
    schemes: schemes.map((s) => ({
      id: s.id,
      identities: { ...s.identities },
      channels: { ...s.channels },
      techniques: { ...s.techniques },
      answers: { ...s.answers },
    })),
    matcher: new PatternMatcher(patterns),
    phrases,
  };
}
