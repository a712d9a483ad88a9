/**
 * A small Kazakh suffix stripper. Kazakh is agglutinative: "шотқа", "шотыма", "шоттан" all
 * carry the root "шот". The catalogue's Kazakh patterns are written as natural phrases
 * ("қауіпсіз шотқа аударыңыз"); stripping their endings gives roots that then match any
 * inflected form in a text by prefix.
 *
 * It is not a morphological analyser: it removes endings from a closed list, longest first,
 * while a root of at least three letters with a vowel remains. Single-letter endings are left
 * alone because they are too often part of the root (несие, жәрдемақы); the -сыз/-сіз of
 * "қауіпсіз" is kept because it makes a different word, not a form of "қауіп".
 */

const SUFFIXES = [
  // verb: polite imperative and personal endings
  "ыңыздар",
  "іңіздер",
  "ыңыз",
  "іңіз",
  "ңыз",
  "ңіз",
  "мыз",
  "міз",
  "быз",
  "біз",
  "пыз",
  "піз",
  "мын",
  "мін",
  "бын",
  "бін",
  "пын",
  "пін",
  "сың",
  "сің",
  // verb: participles, converbs, intention, conditional, past
  "атын",
  "етін",
  "йтын",
  "йтін",
  "ған",
  "ген",
  "қан",
  "кен",
  "мақ",
  "мек",
  "бақ",
  "бек",
  "пақ",
  "пек",
  "ып",
  "іп",
  "са",
  "се",
  "ды",
  "ді",
  "ты",
  "ті",
  // plural
  "лар",
  "лер",
  "дар",
  "дер",
  "тар",
  "тер",
  // possessive
  "ымыз",
  "іміз",
  "ым",
  "ім",
  "ың",
  "ің",
  "сы",
  "сі",
  // case
  "ның",
  "нің",
  "дың",
  "дің",
  "тың",
  "тің",
  "ға",
  "ге",
  "қа",
  "ке",
  "на",
  "не",
  "да",
  "де",
  "та",
  "те",
  "нда",
  "нде",
  "дан",
  "ден",
  "тан",
  "тен",
  "нан",
  "нен",
  "ны",
  "ні",
  "ын",
  "ін",
  "мен",
  "бен",
  "пен",
  "ша",
  "ше",
].sort((a, b) => b.length - a.length);

/** Words whose own last letters look like an ending (карта is not "кар" + locative -та). */
const WHOLE_ROOTS = new Set([
  "карта",
  "почта",
  "машина",
  "валюта",
  "анкета",
  "ставка",
  "нөмір",
  "мәтін",
  "кеңсе",
  "сайт",
  "акция",
  "биржа",
  "жалған",
]);

const VOWEL = /[аәеёиоөұүыіэюя]/;
const MIN_ROOT = 3;
/**
 * Three-letter endings leave at least four letters: verb stems that end like a plural or a
 * participle (қайтар, жалған) keep their last syllable.
 */
const LONG_ENDING_MIN_ROOT = 4;
const MAX_STRIPS = 4;

/** The verbal noun's -у ("төлеу", "аудару") is dropped only from longer words. */
const VERBAL_NOUN_MIN_ROOT = 4;

function endingOf(root: string): string | undefined {
  const suffix = SUFFIXES.find((s) => {
    if (!root.endsWith(s)) return false;
    const rest = root.slice(0, -s.length);
    return rest.length >= (s.length >= 3 ? LONG_ENDING_MIN_ROOT : MIN_ROOT) && VOWEL.test(rest);
  });
  if (suffix) return suffix;
  const rest = root.slice(0, -1);
  return root.endsWith("у") && rest.length >= VERBAL_NOUN_MIN_ROOT && VOWEL.test(rest) ? "у" : undefined;
}

/** Removes inflectional endings from one lower-case Kazakh word. */
export function stripKazakhSuffixes(word: string): string {
  let root = word.toLowerCase();
  for (let i = 0; i < MAX_STRIPS && !WHOLE_ROOTS.has(root); i++) {
    const suffix = endingOf(root);
    if (!suffix) break;
    root = root.slice(0, -suffix.length);
  }
  return root;
}
