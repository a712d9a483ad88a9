/**
 * Turns one word of a catalogue pattern into the root it is matched by: the Snowball Russian
 * stemmer for Russian (and Russian typed in Latin letters, once transliterated), the Kazakh
 * suffix stripper for Kazakh. Only patterns are stemmed; texts are folded and matched by
 * prefix, which is cheaper and forgives endings the stemmer does not know.
 */
import { newStemmer } from "snowball-stemmers";
import { stripKazakhSuffixes } from "./kazakh.js";
import { foldCyrillic, toCyrillic } from "./normalize.js";

export type PatternLang = "ru" | "kk" | "lat";

const russian = newStemmer("russian");

export function stemRussian(word: string): string {
  return russian.stem(word.toLowerCase().replace(/ё/g, "е"));
}

/** A pattern word → its folded root. */
export function stemWord(word: string, lang: PatternLang): string {
  const cyrillic = toCyrillic(word);
  const root = lang === "kk" ? stripKazakhSuffixes(cyrillic) : stemRussian(cyrillic);
  return foldCyrillic(root);
}
