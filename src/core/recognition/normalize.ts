/**
 * Text normalisation shared by the catalogue's patterns and the texts people type, so both
 * land in the same folded alphabet: "Қауіпсіз шотқа", "kauipsiz shotka", "безопастный счёт",
 * "bezopasnyi schet" all become comparable.
 *
 * Folding is deliberately lossy. It merges the spellings people actually produce — Kazakh
 * letters typed as their Russian look-alikes, unstressed о/а and е/и confusions, doubled
 * letters, ь/ъ dropped, щ/сч/ш — at the price of a few accidental merges, which multi-word
 * patterns make harmless.
 */

/** One word of a text: its folded form and where it sits in the original string. */
export interface Token {
  norm: string;
  start: number;
  end: number;
}

const KAZAKH_AND_PHONETIC: Record<string, string> = {
  ә: "а",
  ғ: "г",
  қ: "к",
  ң: "н",
  ө: "а",
  ұ: "у",
  ү: "у",
  һ: "х",
  і: "и",
  ё: "и",
  е: "и",
  э: "и",
  ы: "и",
  й: "и",
  о: "а",
  щ: "ш",
  ь: "",
  ъ: "",
};

/** Latin letters that look like Cyrillic ones, used when a Cyrillic word has a Latin letter in it. */
const LOOK_ALIKES: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
  m: "м",
  t: "т",
  h: "н",
  b: "в",
  i: "і",
};

/**
 * Kazakh Latin (2018 with acutes, 2021 with umlauts) and other diacritics people type, as the
 * plain Latin letters the transliteration below knows: "qaıtaryńyz" reads as "qaytarynyz".
 */
const LATIN_DIACRITICS: Record<string, string> = {
  ä: "a",
  á: "a",
  ö: "o",
  ó: "o",
  ü: "u",
  ú: "u",
  ū: "u",
  ý: "u",
  ğ: "g",
  ǵ: "g",
  ñ: "n",
  ń: "n",
  ş: "sh",
  ç: "ch",
  ı: "y",
  į: "i",
  í: "i",
  é: "e",
};

/** Russian typed in Latin letters, longest first. */
const TRANSLIT: ReadonlyArray<readonly [string, string]> = [
  ["shch", "щ"],
  ["sch", "щ"],
  ["zh", "ж"],
  ["kh", "х"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["ts", "ц"],
  ["tz", "ц"],
  ["wh", "в"],
  ["ph", "ф"],
  ["ck", "к"],
  ["yu", "ю"],
  ["iu", "ю"],
  ["ju", "ю"],
  ["ya", "я"],
  ["ia", "я"],
  ["ja", "я"],
  ["yo", "е"],
  ["jo", "е"],
  ["ye", "е"],
  ["yi", "ый"],
  ["iy", "ий"],
  ["ee", "и"],
  ["oo", "у"],
  ["a", "а"],
  ["b", "б"],
  ["c", "к"],
  ["d", "д"],
  ["e", "е"],
  ["f", "ф"],
  ["g", "г"],
  ["h", "х"],
  ["i", "и"],
  ["j", "ж"],
  ["k", "к"],
  ["l", "л"],
  ["m", "м"],
  ["n", "н"],
  ["o", "о"],
  ["p", "п"],
  ["q", "к"],
  ["r", "р"],
  ["s", "с"],
  ["t", "т"],
  ["u", "у"],
  ["v", "в"],
  ["w", "в"],
  ["x", "кс"],
  ["y", "ы"],
  ["z", "з"],
  ["'", ""],
];

const HAS_LATIN = /[a-z]/;
const HAS_CYRILLIC = /[а-яёәғқңөұүһі]/;

/** Russian typed in Latin letters → Cyrillic (before folding). */
export function transliterate(word: string): string {
  let out = "";
  let i = 0;
  outer: while (i < word.length) {
    for (const [from, to] of TRANSLIT) {
      if (word.startsWith(from, i)) {
        out += to;
        i += from.length;
        continue outer;
      }
    }
    out += word[i];
    i += 1;
  }
  return out;
}

/**
 * Lower-cased word → Cyrillic without folding: Latin words are transliterated, Latin
 * look-alikes inside Cyrillic words are swapped back, Kazakh Latin diacritics mapped.
 */
export function toCyrillic(word: string): string {
  let lower = word.toLowerCase();
  if (/[äáöóüúūýğǵñńşçıįíé]/.test(lower)) {
    // Marks like these are Kazakh Latin, where "j" is ж (not the "j" of Russian "ju" = ю).
    lower = [...lower].map((c) => LATIN_DIACRITICS[c] ?? (c === "j" ? "zh" : c)).join("");
  }
  if (!HAS_LATIN.test(lower)) return lower;
  if (HAS_CYRILLIC.test(lower)) lower = [...lower].map((c) => LOOK_ALIKES[c] ?? c).join("");
  return HAS_LATIN.test(lower) ? transliterate(lower) : lower;
}

/** Cyrillic word → the folded alphabet (see the file comment). */
export function foldCyrillic(word: string): string {
  // сч and тс are sounds people spell several ways (щ/ш, ц); fold them before letters merge.
  const joined = word.replace(/сч/g, "ш").replace(/тс/g, "ц").replace(/тьс/g, "ц");
  let out = "";
  let last = "";
  for (const c of joined) {
    const m = KAZAKH_AND_PHONETIC[c] ?? c;
    for (const d of m) {
      if (d !== last) out += d;
      last = d;
    }
  }
  return out;
}

/** Any single word as typed → its folded form. Numbers stay as they are ("1414", "500"). */
export function foldWord(word: string): string {
  return /^\p{N}+$/u.test(word) ? word : foldCyrillic(toCyrillic(word));
}

// Letters and digits form words; a switch between letters and digits also splits ("cvv2", "100мың"),
// except a digit between one or two letters on each side: "p2p", "р2р" are one word.
export const WORD = /\p{L}{1,2}\p{N}\p{L}{1,2}(?![\p{L}\p{N}])|\p{L}+|\p{N}+/gu;

/** Splits a text into folded tokens with their offsets in the original. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.normalize("NFC").matchAll(WORD)) {
    const norm = foldWord(m[0]);
    if (norm.length === 0) continue;
    const start = m.index ?? 0;
    tokens.push({ norm, start, end: start + m[0].length });
  }
  return tokens;
}

/** Convenience for tests and callers that only need the folded words. */
export function normalizeText(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(" ");
}
