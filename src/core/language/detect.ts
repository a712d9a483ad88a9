/**
 * Kazakh or Russian, from what a person wrote. Telegram has no Kazakh interface, so most
 * Kazakh speakers arrive with language_code "ru": what they type is the better witness.
 *
 * Each word is evidence for one language, weighted by how sure it is:
 *   - a Kazakh letter (ә ғ қ ң ө ұ ү һ і) in a lower-case word, a Kazakh word from the
 *     lexicon (also typed without Kazakh letters: «кеше», «маган»), a shared noun with a
 *     Kazakh ending («банктен», «картамнан»), a Kazakh ending after a hyphen («ҰҚК-дан»,
 *     «102-ге»), Kazakh in Latin letters (q, ğ, ñ … or a word from the Latin lexicon);
 *   - a Russian function word or verb of the story, a one-letter Russian word, ё ъ щ э;
 *   - a capitalised word with Kazakh letters that is no known word is probably a name
 *     (Айгүл, Қарағанды): weak evidence, never enough alone.
 * Numbers, links, @names and card or account numbers say nothing and are dropped.
 *
 * A language is decided only when its evidence is strong enough and the other language's
 * is small beside it; mixed Kazakh-Russian speech is decided by the language that carries
 * the sentence (Kazakh verbs and endings with a Russian noun or two stay Kazakh).
 */
import type { Lang } from "../model.js";
import {
  KAZAKH_ENDINGS,
  KAZAKH_LATIN_SHORT,
  KAZAKH_LATIN_WORDS,
  KAZAKH_VERB_ENDINGS,
  KAZAKH_WORDS,
  LATIN_Q_WORDS,
  RUSSIAN_CONTENT_WORDS,
  RUSSIAN_ENDINGS,
  RUSSIAN_FUNCTION_WORDS,
  RUSSIAN_LATIN_WORDS,
  RUSSIAN_LETTER_WORDS,
  SHARED_STEMS,
} from "./words.js";

export interface LanguageGuess {
  /** The language the text is written in, when the evidence decides it. */
  lang: Lang | undefined;
  /** Evidence for each language (sums of word weights). */
  kk: number;
  ru: number;
}

/** Enough for one sure word («иә», «білмеймін», «позвонили»). */
const MIN_SCORE = 2;
/** The other language may have at most this share of the winner's evidence. */
const MAX_OTHER_SHARE = 0.4;

/** How much one word weighs, by what it shows. */
const WEIGHT = {
  /** a Kazakh letter, a Kazakh word, a Kazakh ending */
  strong: 2,
  /** ҰҚК, ЖСН: Kazakh acronyms, quoted by Russian speakers too */
  acronym: 1.5,
  /** a capitalised unknown word with Kazakh letters */
  name: 0.5,
  ruFunction: 1.5,
  ruContent: 1,
  ruLetterWord: 1,
  ruOnlyLetters: 1,
  ruEnding: 1,
  /** men, bar, be: Kazakh in Latin letters, or English */
  latinShort: 1,
} as const;
/** Russian endings count on words at least this long («вот» is no adjective). */
const RU_ENDING_MIN_LENGTH = 5;

const KAZAKH_LETTER = /[әғқңөұүһі]/i;
const RUSSIAN_ONLY_LETTER = /[ёъщэ]/i;
const KAZAKH_LATIN_LETTER = /[äğıñöūüşçǵńóúýáŋ]/i;
const CYRILLIC = /[а-яёәғқңөұүһі]/i;
const LATIN = /^[a-zäğıñöūüşçǵńóúýáŋ']+$/i;

/** A token that names no language: a link, an e-mail, an @name, anything with a digit left over. */
const NOISE = /^(?:https?:|t\.me\/|www\.)|:\/\/|[@_=&\d]|^\S+\.(?:kz|com|ru|org|net|me|io)(?:\/|$)/iu;
const HYPHEN = /[-‐‑]/;
const NOT_LETTERS = /[^\p{L}]+/u;
const COMBINING = /\p{M}/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** A Kazakh ending glued by a hyphen to a number, an acronym or a Latin word: «ҰҚК-дан», «102-ге», «eGov-қа». */
const takesHyphenEnding = (part: string) =>
  /^\d+$/.test(part) ||
  /^[A-Za-z]+$/.test(part) ||
  (part.length >= 2 && part === part.toUpperCase() && /\p{Lu}/u.test(part));

const isCapitalised = (word: string) =>
  word[0] !== word[0]!.toLowerCase() && word.slice(1) === word.slice(1).toLowerCase();
const isAcronym = (word: string) => word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();

const FOLD: Record<string, string> = { ә: "а", ғ: "г", қ: "к", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и", ё: "е" };
/** foldKazakh for one lower-case word, on the hot path: most words have nothing to fold. */
const fold = (lower: string) => lower.replace(/[әғқңөұүһіё]/g, (c) => FOLD[c] ?? c);

function sharedStemWithKazakhEnding(word: string): boolean {
  for (const stem of SHARED_STEMS) {
    if (word.length > stem.length && word.startsWith(stem) && KAZAKH_ENDINGS.has(word.slice(stem.length))) return true;
  }
  return false;
}

/** Evidence one Cyrillic word gives: [kk, ru]. */
function cyrillicWord(original: string, isFirst: boolean): [number, number] {
  const lower = original.toLowerCase();
  const folded = fold(lower);
  if (KAZAKH_WORDS.has(folded)) return [WEIGHT.strong, 0];
  if (RUSSIAN_FUNCTION_WORDS.has(lower)) return [0, WEIGHT.ruFunction];
  if (RUSSIAN_LETTER_WORDS.has(lower)) return [0, WEIGHT.ruLetterWord];
  if (RUSSIAN_CONTENT_WORDS.has(lower)) return [0, WEIGHT.ruContent];
  if (KAZAKH_LETTER.test(lower)) {
    if (isAcronym(original)) return [WEIGHT.acronym, 0];
    if (isCapitalised(original) && !KAZAKH_VERB_ENDINGS.some((e) => lower.endsWith(e))) return [WEIGHT.name, 0];
    return [WEIGHT.strong, 0];
  }
  if (sharedStemWithKazakhEnding(folded)) return [WEIGHT.strong, 0];
  if (isCapitalised(original) && !isFirst) return [0, 0];
  if (RUSSIAN_ONLY_LETTER.test(lower)) return [0, WEIGHT.ruOnlyLetters];
  if (lower.length >= RU_ENDING_MIN_LENGTH && RUSSIAN_ENDINGS.some((e) => lower.endsWith(e)))
    return [0, WEIGHT.ruEnding];
  return [0, 0];
}

/** Evidence one Latin word gives: [kk, ru]. */
function latinWord(original: string): [number, number] {
  const lower = original.toLowerCase();
  if (KAZAKH_LATIN_WORDS.has(lower)) return [WEIGHT.strong, 0];
  if (RUSSIAN_LATIN_WORDS.has(lower)) return [0, WEIGHT.ruFunction];
  if (KAZAKH_LATIN_SHORT.has(lower)) return [WEIGHT.latinShort, 0];
  if (isCapitalised(original)) return [0, 0];
  if (lower.length < 2) return [0, 0];
  if (KAZAKH_LATIN_LETTER.test(lower)) return [WEIGHT.strong, 0];
  // aqsha, joq, qazir; never the qu of English (quote, request)
  if (lower.includes("q") && !lower.includes("qu") && !LATIN_Q_WORDS.has(lower)) return [WEIGHT.strong, 0];
  return [0, 0];
}

/**
 * Weighs the evidence of a text for Kazakh and for Russian. One pass over the
 * whitespace-separated tokens, no backtracking regular expression over the whole text:
 * linear in the length of what a person pastes.
 */
export function guessLanguage(text: string): LanguageGuess {
  let kk = 0;
  let ru = 0;
  // Names alone never decide: «Айгүл Серікқызы» is no sentence in Kazakh.
  let names = 0;
  let first = true;
  const weigh = ([k, r]: [number, number]) => {
    kk += k;
    ru += r;
    if (k === WEIGHT.name) names += WEIGHT.name;
    first = false;
  };
  // Combining marks (Zalgo, stray accents) would split words into letters.
  const clean = COMBINING.test(text) ? text.normalize("NFC").replace(/\p{M}/gu, "") : text;
  for (const token of clean.split(/\s+/)) {
    const parts = token.replace(EDGE_PUNCTUATION, "").split(HYPHEN);
    for (let i = 1; i < parts.length; i++) {
      const ending = parts[i]!.toLowerCase();
      if (takesHyphenEnding(parts[i - 1]!) && /^\p{L}{1,5}$/u.test(ending) && KAZAKH_ENDINGS.has(fold(ending))) {
        weigh([WEIGHT.strong, 0]);
        parts[i] = "";
      }
    }
    for (const part of parts) {
      if (!part || NOISE.test(part)) continue;
      for (const word of part.split(NOT_LETTERS)) {
        if (!word) continue;
        if (CYRILLIC.test(word)) weigh(cyrillicWord(word, first));
        else if (LATIN.test(word)) weigh(latinWord(word));
      }
    }
  }
  return { lang: decide(kk, ru, names), kk, ru };
}

function decide(kk: number, ru: number, names: number): Lang | undefined {
  const [winner, score, other] = kk >= ru ? (["kk", kk, ru] as const) : (["ru", ru, kk] as const);
  const sure = winner === "kk" ? score - names : score;
  if (sure < MIN_SCORE || other > score * MAX_OTHER_SHARE) return undefined;
  return winner;
}

/**
 * The language to offer a person who writes in the bot's other language; undefined when the
 * text is in their language, mixed beyond telling, or says too little (a number, a name).
 */
export function otherLanguageWritten(text: string, current: Lang): Lang | undefined {
  const { lang } = guessLanguage(text);
  return lang && lang !== current ? lang : undefined;
}
