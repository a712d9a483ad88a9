/** Small text helpers shared by the parsers: what people paste is rarely plain ASCII. */

const ODD_SPACES = /[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]+/g;
const ODD_DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/** Collapses every kind of space (NBSP, thin, zero-width) to one plain space and trims. */
export const squeezeSpaces = (text: string): string => text.replace(ODD_SPACES, " ").trim();

/** Spaces squeezed, typographic dashes turned into "-". */
export const cleanInput = (text: string): string => squeezeSpaces(text.replace(ODD_DASHES, "-"));

export const digitsOf = (text: string): string => text.replace(/\D/g, "");

const KAZAKH_FOLD: Record<string, string> = {
  ә: "а",
  ғ: "г",
  қ: "к",
  ң: "н",
  ө: "о",
  ұ: "у",
  ү: "у",
  һ: "х",
  і: "и",
  ё: "е",
};

/**
 * Lowercases and maps the Kazakh letters to their Russian look-alikes, so that a word
 * typed on a Russian keyboard ("наурыз", "кантар", "кеше") matches the same way as one
 * typed properly ("қаңтар"). Only for matching, never for what is stored; the result
 * has the same length as the input, so a match's position holds in the original.
 */
const KAZAKH_LETTERS = /[әғқңөұүһіё]/g;

export function foldKazakh(text: string): string {
  // Fast path: lowercasing kept every position (almost always), so map the letters in one pass.
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replace(KAZAKH_LETTERS, (c) => KAZAKH_FOLD[c]!);
  let out = "";
  for (const char of text) {
    const lower = char.toLowerCase();
    // Positions in the folded text must match the original, so no letter may change length.
    out += KAZAKH_FOLD[lower] ?? (lower.length === char.length ? lower : char);
  }
  return out;
}

/** A word boundary that also works for Cyrillic (JavaScript's \b only knows ASCII). */
export const WORD_START = "(?<![\\p{L}\\p{N}_])";
export const WORD_END = "(?![\\p{L}\\p{N}_])";

/** Same-length cleaning for scanners that report positions: odd spaces → " ", odd dashes → "-". */
export const cleanInPlace = (text: string): string =>
  text.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, " ").replace(ODD_DASHES, "-");
