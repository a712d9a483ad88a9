/**
 * "They are calling me right now": a story typed while the fraudster is still on the
 * line. Whatever else the bot says, such a person must first read «hang up», so the
 * story feature and the questionnaire's narrative ask this before anything else.
 *
 * Matched on text folded by foldKazakh (lowercase, Kazakh letters as their Russian
 * look-alikes); every pattern is a plain alternation with bounded gaps, so a long or
 * hostile text is scanned in linear time.
 */
import { foldKazakh, LETTER_CHARS, LETTERS, WORD_END, WORD_START } from "../identifiers/text.js";
import { toCyrillic } from "../recognition/normalize.js";

/**
 * Up to a few words between two parts of a phrase ("звонят мне прямо сейчас"). Words of
 * letters and digits (not `\p{L}\p{N}`: their complement costs V8 milliseconds to compile).
 */
const GAP = `(?:[^${LETTER_CHARS}\\d]+[${LETTER_CHARS}\\d]+){0,3}[^${LETTER_CHARS}\\d]+`;

const NOW_RU = "(?:сейчас|щас|прямо сейчас|в данный момент|в эту минуту)";
const CALLING_RU = `(?:звон(?:ят|ит)|набира(?:ет|ют)|разговарива(?:ю|ет|ем|ют)|говор(?:ит|ят|ю)|на линии|на проводе|на связи|держ${LETTERS} на (?:линии|связи|телефоне))`;
const NOW_KK = `(?:казир|дал казир|осы сат${LETTERS})`;
/** Present continuous only: «шалып тұр», «хабарласып жатыр» (not «шалды», «тұрды»). */
const STILL_KK = "(?:тур|турмын|жатыр|жатырмын|жатырмыз)";
const CALLING_KK = `(?:(?:кон${LETTERS} шалып|хабарласып|звондап|сойлесип) ${STILL_KK}|телефонда|байланыста|трубкада)`;
/** Present tense of «звонить»: «мне звонит КНБ», «звонят из банка» (not «звонили», «позвонит»). */
const RINGS_RU = "звон(?:ят|ит|ять)";

const PATTERNS = [
  // «мне сейчас звонят», «звонят прямо сейчас», «он сейчас на линии»
  `${NOW_RU}${GAP}${CALLING_RU}`,
  `${CALLING_RU}${GAP}${NOW_RU}`,
  // «звонит» / «звонят» in any order («мне звонит КНБ», «звонят из банка», «маған ҰҚК-дан звонят»):
  // the warning itself says «if the call is still on»; «не даёт положить трубку», «до сих пор на линии»
  RINGS_RU,
  "(?:со мной|с нами|с мамой|с папой) разговарива(?:ет|ют)",
  "звонок (?:ещ[её] )?ид[её]т|ид[её]т звонок",
  "(?:до сих пор|еще|все еще|пока еще) на (?:линии|проводе|связи|телефоне)",
  `не (?:да${LETTERS}|позволя${LETTERS}) (?:положить|бросить) трубку`,
  "(?:не кладу|держу) трубку",
  `жд${LETTERS} (?:пока|когда) (?:я|назову|скажу|продиктую)`,
  // «қазір қоңырау шалып тұр», «қазір телефонда», «тұтқаны қойғызбай тұр»
  `${NOW_KK}${GAP}${CALLING_KK}`,
  `${CALLING_KK}${GAP}${NOW_KK}`,
  `(?:шалып|хабарласып|сойлесип|звондап) ${STILL_KK}`,
  // «қоңырау шалуда», «хабарласуда»: the written present continuous; «телефонда тұр»
  "(?:шалуда|хабарласуда|сойлесуде|звондауда)",
  `(?:телефонда|трубкада|байланыста) ${STILL_KK}`,
  `тутка${LETTERS} (?:койгызба${LETTERS}|коюга бермей${LETTERS})`,
];

// One pair of word boundaries around the whole alternation: each pair costs V8 a compile of `\p{L}`.
const LIVE = new RegExp(`${WORD_START}(?:${PATTERNS.join("|")})${WORD_END}`, "u");

/** Words typed in Latin letters read as Cyrillic; a word-initial "j" is Kazakh Latin ж («jatyr»). */
const latinAsCyrillic = (text: string): string =>
  text.replace(/\p{L}+/gu, (word) => toCyrillic(/^j/i.test(word) ? `zh${word.slice(1)}` : word));

/** True when the text says the call is going on now, typed in Cyrillic or in Latin letters. */
export const isLiveCall = (text: string): boolean =>
  LIVE.test(foldKazakh(text)) || (/[a-z]/i.test(text) && LIVE.test(foldKazakh(latinAsCyrillic(text))));
