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
export function foldKazakh(text: string): string {
  const lower = text.toLowerCase();
  // Lowercasing keeps the length for every letter people type here; one that does not ("İ") takes the slow path.
  if (lower.length === text.length) return lower.replace(KAZAKH_LETTERS, (c) => KAZAKH_FOLD[c]!);
  let out = "";
  for (const char of text) {
    const low = char.toLowerCase();
    out += KAZAKH_FOLD[low] ?? (low.length === char.length ? low : char);
  }
  return out;
}

const KAZAKH_LETTERS = new RegExp(`[${Object.keys(KAZAKH_FOLD).join("")}]`, "g");

/**
 * The letters of the scripts people write to the bot, for use inside a character class:
 * Latin with its accented letters (Kazakh Latin's á ǵ ń ó ú ý ä ğ ı ñ ö ş ü ə among them)
 * and Cyrillic (Russian and Kazakh), upper and lower case: exactly the `\p{L}` letters of
 * the Latin blocks (U+0000–U+02AF) and the Cyrillic ones (U+0400–U+052F).
 */
export const LETTER_CHARS =
  "A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02af\\u0400-\\u0481\\u048a-\\u052f";
/**
 * One such letter. On the text people type it matches what `\p{L}` matches, but costs V8 a
 * fraction to compile, and V8 compiles regexps again after every full garbage collection
 * (about every second under load): word tails inside big patterns use it. `\p{L}` stays in
 * WORD_START/WORD_END, where a letter of any script must stop a match.
 */
export const LETTER = `[${LETTER_CHARS}]`;
/** The rest of a word after its stem («алмат|ыда», «облыс|ы»). */
export const LETTERS = `${LETTER}*`;

/** A word boundary that also works for Cyrillic (JavaScript's \b only knows ASCII). */
export const WORD_START = "(?<![\\p{L}\\p{N}_])";
export const WORD_END = "(?![\\p{L}\\p{N}_])";

/** Same-length cleaning for scanners that report positions: odd spaces → " ", odd dashes → "-". */
export const cleanInPlace = (text: string): string =>
  text.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, " ").replace(ODD_DASHES, "-");
