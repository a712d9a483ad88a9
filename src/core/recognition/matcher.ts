/**
 * Finds catalogue patterns in a tokenised text. Built once per catalogue version: every
 * distinct root goes into an index keyed by its first three letters, so a text is scanned once
 * whatever the number of patterns. Words that match no root exactly get one more chance with
 * a single typo (a letter missed, added, swapped or mistyped) against long roots only, where a
 * typo cannot turn one word into another.
 */
import { foldCyrillic, type Token } from "./normalize.js";
import type { ParsedPattern, StemKind } from "./pattern.js";

export interface PatternHit {
  /** Index of the pattern in the list the matcher was built from. */
  pattern: number;
  /** First and last token of the matched words. */
  firstToken: number;
  lastToken: number;
  /** Token indices of every matched word (one per slot), in text order. */
  tokens: number[];
}

interface IndexedStem {
  id: number;
  text: string;
  kind: StemKind;
}

const KEY = 3;
const FUZZY_FROM = 7;
/** From this length an "anywhere" root is distinctive enough to be found mid-word. */
const MID_WORD_FROM = 7;
/** From this length a root may follow any word prefix; a shorter one only a prefix of three letters or more. */
const AFTER_PREFIX_FROM = 5;

/**
 * Word prefixes (folded) after which an "anywhere" root may start: по-звон-или, пере-вод,
 * микро-кредит, кибер-полиция, гос-пошлина.
 */
const WORD_PREFIXES = new Set(
  [
    "по",
    "при",
    "пре",
    "за",
    "вы",
    "на",
    "от",
    "пере",
    "под",
    "про",
    "раз",
    "рас",
    "из",
    "ис",
    "об",
    "в",
    "во",
    "до",
    "не",
    "с",
    "со",
    "у",
    "вз",
    "вс",
    "недо",
    "микро",
    "кибер",
    "интернет",
    "авто",
    "спец",
    "гос",
    "без",
    "бес",
    "крипто",
    "фин",
    "соц",
    "мед",
    "теле",
    "видео",
    "онлайн",
  ].map(foldCyrillic),
);

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when a and b differ by at most one edit (insert, delete, substitute, swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export class PatternMatcher {
  private readonly stems: IndexedStem[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly byKey = new Map<string, IndexedStem[]>();
  private readonly fuzzy = new Map<string, number[]>();
  private readonly fuzzyMax: number;
  /** For each pattern, each variant's slots' stem ids. */
  private readonly slots: number[][][][];
  private readonly patternsOfStem = new Map<number, number[]>();

  constructor(readonly patterns: readonly ParsedPattern[]) {
    const ids = new Map<string, number>();
    const idOf = (text: string, kind: StemKind): number => {
      const key = `${kind}:${text}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = this.stems.length;
        ids.set(key, id);
        const stem = { id, text, kind };
        this.stems.push(stem);
        this.index(stem);
      }
      return id;
    };
    this.slots = patterns.map((p, pi) =>
      p.variants.map((v) =>
        v.slots.map((alts) =>
          alts.map((s) => {
            const id = idOf(s.text, s.kind);
            const list = this.patternsOfStem.get(id) ?? [];
            if (list.at(-1) !== pi) list.push(pi);
            this.patternsOfStem.set(id, list);
            return id;
          }),
        ),
      ),
    );
    this.fuzzyMax = Math.max(0, ...this.stems.filter((s) => s.kind !== "exact").map((s) => s.text.length));
  }

  private index(stem: IndexedStem): void {
    if (stem.kind === "exact") {
      push(this.exact, stem.text, stem.id);
      return;
    }
    const key = stem.text.slice(0, KEY);
    const list = this.byKey.get(key) ?? [];
    list.push(stem);
    this.byKey.set(key, list);
    if (stem.text.length >= FUZZY_FROM) {
      for (const v of [stem.text, ...deletions(stem.text)]) push(this.fuzzy, v, stem.id);
    }
  }

  /**
   * Whether a root may start at position `at` > 0: "inside" roots anywhere; others only after a
   * word prefix (микро-кредит; a four-letter root only after a prefix of three letters or more, so
   * that "по-сылка" is not a "ссылка"), except long "anywhere" roots, which are distinctive enough
   * to stand anywhere. Three-letter roots only ever start a word.
   */
  private fitsMidWord(s: IndexedStem, word: string, at: number): boolean {
    if (s.kind === "inside") return true;
    if (s.kind === "anywhere" && s.text.length >= MID_WORD_FROM) return true;
    // A four-letter root needs a longer prefix: микро-кред(ит) yes, по-сылк(а) is not a ссылк(а).
    const long = s.text.length >= AFTER_PREFIX_FROM || (s.text.length > KEY && at >= KEY);
    return long && WORD_PREFIXES.has(word.slice(0, at));
  }

  /** Stem ids found in one folded word. */
  private stemsIn(word: string): number[] {
    const found: number[] = [...(this.exact.get(word) ?? [])];
    for (let at = 0; at + KEY <= word.length; at++) {
      const candidates = this.byKey.get(word.slice(at, at + KEY));
      if (!candidates) continue;
      for (const s of candidates) {
        if (at > 0 && !this.fitsMidWord(s, word, at)) continue;
        if (word.startsWith(s.text, at)) found.push(s.id);
      }
    }
    if (found.length > 0 || word.length < FUZZY_FROM - 1) return found;
    return this.fuzzyStemsIn(word);
  }

  private fuzzyStemsIn(word: string): number[] {
    const found = new Set<number>();
    const longest = Math.min(word.length, this.fuzzyMax + 1);
    for (let k = FUZZY_FROM - 1; k <= longest; k++) {
      const head = word.slice(0, k);
      for (const v of [head, ...deletions(head)]) {
        for (const id of this.fuzzy.get(v) ?? []) {
          const stem = this.stems[id];
          if (stem && !found.has(id) && withinOneEdit(head, stem.text)) found.add(id);
        }
      }
    }
    return [...found];
  }

  /** Every pattern found in the tokens, at most once each, in pattern order. */
  match(tokens: readonly Token[]): PatternHit[] {
    const positions = new Map<number, number[]>();
    tokens.forEach((t, i) => {
      for (const id of this.stemsIn(t.norm)) push(positions, id, i);
    });
    const candidates = new Set<number>();
    for (const id of positions.keys()) for (const p of this.patternsOfStem.get(id) ?? []) candidates.add(p);
    const hits: PatternHit[] = [];
    for (const p of [...candidates].sort((a, b) => a - b)) {
      const hit = this.place(p, positions);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  /** The first variant of a pattern that can be placed. */
  private place(p: number, positions: Map<number, number[]>): PatternHit | undefined {
    const variants = this.slots[p] ?? [];
    for (const [i, slots] of variants.entries()) {
      const hit = this.placeVariant(p, slots, this.patterns[p]?.variants[i]?.window ?? 0, positions);
      if (hit) return hit;
    }
    return undefined;
  }

  /** The tightest placement of a variant's slots, if one fits its window. */
  private placeVariant(
    p: number,
    slots: number[][],
    window: number,
    positions: Map<number, number[]>,
  ): PatternHit | undefined {
    const slotPositions: number[][] = [];
    for (const alts of slots) {
      const all = alts.flatMap((id) => positions.get(id) ?? []);
      if (all.length === 0) return undefined;
      slotPositions.push([...new Set(all)].sort((a, b) => a - b));
    }
    let best: number[] | undefined;
    let bestSpan = Number.POSITIVE_INFINITY;
    for (const anchor of slotPositions[0] ?? []) {
      const chosen = slotPositions.map((list) => closest(list, anchor));
      const span = Math.max(...chosen) - Math.min(...chosen);
      if (span <= window && span < bestSpan) {
        best = chosen;
        bestSpan = span;
      }
    }
    if (!best) return undefined;
    const sorted = [...best].sort((a, b) => a - b);
    return { pattern: p, firstToken: sorted[0] ?? 0, lastToken: sorted.at(-1) ?? 0, tokens: sorted };
  }
}

/** The value nearest to `to` in a sorted list (the smaller on a tie), by binary search: a word repeated all through a long text stays cheap. */
function closest(sorted: number[], to: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < to) lo = mid + 1;
    else hi = mid;
  }
  const after = sorted[lo];
  const before = sorted[lo - 1];
  if (before === undefined) return after ?? to;
  if (after === undefined) return before;
  return to - before <= after - to ? before : after;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
