/**
 * The phrase-pattern language of the catalogue.
 *
 *   безопасный счёт          two words, both must occur within (words + 3) tokens, any order
 *   звон|позвон код          "|" gives alternatives for one word position
 *   перев*                   "*" at the end: the letters as typed, not stemmed
 *   *звон                    "*" in front: found anywhere inside a word (по-звон-или)
 *   =иин                     "=" in front: the whole word, exactly
 *   kaspi.kz, смс-код        "." and "-" split words like in texts
 *   сын|дочь авари* ~12      "~N" at the end: the words may be up to N tokens apart
 *   аударып жібердім | аударып қойдым
 *                            " | " with spaces: whole phrases as alternatives, each with its
 *                            own words and "~N"
 *
 * A plain word is stemmed (Snowball for Russian and Latin-letter Russian, the Kazakh suffix
 * stripper for Kazakh) and folded (see normalize.ts). A root of five letters or more also
 * matches after a word prefix (по-, пере-, микро-, кибер-...; see matcher.ts), one of four letters
 * after a prefix of three letters or more (микро-кредит), and from seven letters anywhere inside
 * a word; a shorter one only at the start. Words of one or two letters
 * (в, на, из) are skipped unless written with "=".
 */
import { foldWord, WORD } from "./normalize.js";
import { type PatternLang, stemWord } from "./stem.js";

/**
 * exact: the whole word; prefix: the start of a word; anywhere: the start, after a word prefix,
 * or (seven letters and more) anywhere; inside: anywhere (written "*word").
 */
export type StemKind = "exact" | "prefix" | "anywhere" | "inside";

export interface Stem {
  text: string;
  kind: StemKind;
}

export interface PatternVariant {
  /** Each slot is a set of alternative stems; every slot must match. */
  slots: Stem[][];
  /** Largest distance in tokens between the first and the last matched slot. */
  window: number;
}

export interface ParsedPattern {
  source: string;
  lang: PatternLang;
  /** Whole-phrase alternatives ("a b | c d"); any one matching is enough. */
  variants: PatternVariant[];
}

export type PatternResult = { ok: true; pattern: ParsedPattern } | { ok: false; error: string };

const MAX_WORDS = 6;
const MIN_ROOT = 3;
const ANYWHERE_FROM = 5;
const ALLOWED = /^[\p{L}\p{N}\s|*=.\-'’~]+$/u;
const WINDOW = /\s+~(\d+)\s*$/;
/** " | " with spaces separates whole phrases; "|" inside a word separates word alternatives. */
const PHRASE_SEPARATOR = /\s+\|\s+/;
const MAX_WINDOW = 30;

function compileAlternative(alt: string, lang: PatternLang): Stem | "skip" | string {
  const exact = alt.startsWith("=");
  const anywhere = alt.startsWith("*");
  const asTyped = alt.endsWith("*") && alt.length > 1;
  const body = alt.slice(exact || anywhere ? 1 : 0, asTyped ? -1 : undefined);
  if (body.length === 0) return `"${alt}" has no letters`;
  if (/[*=]/.test(body)) return `"${alt}": "*" may only start or end a word and "=" only start it`;
  if (exact && (anywhere || asTyped)) return `"${alt}": "=" cannot be combined with "*"`;
  const folded = foldWord(body);
  if (exact) return folded.length >= 2 ? { text: folded, kind: "exact" } : `"${alt}" is too short to match`;
  const root = asTyped || /^\p{N}+$/u.test(body) ? folded : stemWord(body, lang);
  if (root.length >= MIN_ROOT) {
    return { text: root, kind: anywhere ? "inside" : root.length >= ANYWHERE_FROM ? "anywhere" : "prefix" };
  }
  if (anywhere || asTyped) return `"${alt}" is too short to match (at least ${MIN_ROOT} letters)`;
  // Short abbreviations (ИИН → "ин", CVV → "кв") are only safe as whole words.
  if (folded.length >= 2 && body.length >= 3) return { text: folded, kind: "exact" };
  return "skip";
}

/** Splits "kaspi.kz" into its words, keeping the "*" and "=" marks at the ends. */
function splitWord(word: string): string[] | string {
  const parts = [...word.replace(/^[=*]|\*$/g, "").matchAll(WORD)].map((m) => m[0]);
  if (parts.length <= 1) return [word];
  if (word.includes("|")) return `"${word}": use spaces, not "." or "-", inside alternatives`;
  return parts.map(
    (p, i) =>
      (i === 0 && /^[=*]/.test(word) ? word[0] : "") + p + (i === parts.length - 1 && word.endsWith("*") ? "*" : ""),
  );
}

/** One phrase of a pattern (the text between " | "), with its own window. */
function parsePhrase(text: string, lang: PatternLang): PatternVariant | string {
  const windowMatch = WINDOW.exec(text);
  const window = windowMatch ? Number(windowMatch[1]) : undefined;
  if (window !== undefined && (window < 1 || window > MAX_WINDOW))
    return `"~${window}": the distance must be 1 to ${MAX_WINDOW}`;
  const body = text.replace(WINDOW, "").trim();
  if (body.length === 0) return "empty phrase";
  if (body.includes("~")) return '"~N" may only end a phrase, after a space';
  const words: string[] = [];
  for (const raw of body.split(/\s+/)) {
    const misplaced = raw.split("|").find((alt) => /.[*=]./u.test(alt) || /.=/u.test(alt));
    if (misplaced) return `"${misplaced}": "*" may only start or end a word and "=" only start it`;
    const split = raw.includes("|") ? [raw] : splitWord(raw);
    if (typeof split === "string") return split;
    words.push(...split);
  }
  const slots: Stem[][] = [];
  for (const word of words) {
    const alts = word.split("|");
    if (alts.some((a) => a.length === 0)) return `"${word}" has an empty alternative`;
    const stems: Stem[] = [];
    for (const alt of alts) {
      const compiled = compileAlternative(alt, lang);
      if (compiled === "skip") continue;
      if (typeof compiled === "string") return compiled;
      if (!stems.some((s) => s.text === compiled.text && s.kind === compiled.kind)) stems.push(compiled);
    }
    if (stems.length > 0) slots.push(stems);
    else if (alts.length > 1) return `"${word}": every alternative is too short`;
  }
  if (slots.length === 0) return "no word long enough to match";
  if (slots.length > MAX_WORDS) return `more than ${MAX_WORDS} words`;
  return { slots, window: window ?? slots.length + 3 };
}

export function parsePattern(source: string, lang: PatternLang): PatternResult {
  const text = source.trim();
  if (text.length === 0) return { ok: false, error: "empty pattern" };
  if (!ALLOWED.test(text)) {
    const bad = [...text].find((c) => !ALLOWED.test(c));
    return { ok: false, error: `unexpected character "${bad}"` };
  }
  if (/^\||\|$/.test(text)) return { ok: false, error: '"|" needs something on both sides' };
  const variants: PatternVariant[] = [];
  const phrases = text.split(PHRASE_SEPARATOR);
  for (const [i, phrase] of phrases.entries()) {
    const parsed = parsePhrase(phrase, lang);
    if (typeof parsed === "string")
      return { ok: false, error: phrases.length > 1 ? `phrase ${i + 1}: ${parsed}` : parsed };
    variants.push(parsed);
  }
  return { ok: true, pattern: { source: text, lang, variants } };
}
