/**
 * "They are calling me right now": a story typed while the fraudster is still on the
 * line. Whatever else the bot says, such a person must first read «hang up», so the
 * story feature and the questionnaire's narrative ask this before anything else.
 *
 * Matched on text folded by foldKazakh (lowercase, Kazakh letters as their Russian
 * look-alikes); every pattern is a plain alternation with bounded gaps, so a long or
 * hostile text is scanned in linear time.
 */
import { foldKazakh, WORD_END, WORD_START } from "../identifiers/text.js";

/** Up to a few words between two parts of a phrase ("звонят мне прямо сейчас"). */
const GAP = "(?:[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]+){0,3}[^\\p{L}\\p{N}]+";

const NOW_RU = "(?:сейчас|щас|прямо сейчас|в данный момент|в эту минуту)";
const CALLING_RU =
  "(?:звон(?:ят|ит)|набира(?:ет|ют)|разговарива(?:ю|ет|ем|ют)|говор(?:ит|ят|ю)|на линии|на проводе|на связи|держ\\p{L}* на (?:линии|связи|телефоне))";
const NOW_KK = "(?:казир|дал казир|осы сат\\p{L}*)";
/** Present continuous only: «шалып тұр», «хабарласып жатыр» (not «шалды», «тұрды»). */
const STILL_KK = "(?:тур|турмын|жатыр|жатырмын|жатырмыз)";
const CALLING_KK = `(?:(?:кон\\p{L}* шалып|хабарласып|звондап|сойлесип) ${STILL_KK}|телефонда|байланыста|трубкада)`;

const PATTERNS = [
  // «мне сейчас звонят», «звонят прямо сейчас», «он сейчас на линии»
  `${NOW_RU}${GAP}${CALLING_RU}`,
  `${CALLING_RU}${GAP}${NOW_RU}`,
  // «мне звонят и просят…» in the present tense, «со мной на связи», «не даёт положить трубку»
  "(?:мне|нам|маме|папе|отцу|матери) звонят",
  "звонят (?:мне|нам)",
  "не (?:да\\p{L}*|позволя\\p{L}*) (?:положить|бросить) трубку",
  "(?:не кладу|держу) трубку",
  "жд\\p{L}* (?:пока|когда) (?:я|назову|скажу|продиктую)",
  // «қазір қоңырау шалып тұр», «қазір телефонда», «тұтқаны қойғызбай тұр»
  `${NOW_KK}${GAP}${CALLING_KK}`,
  `${CALLING_KK}${GAP}${NOW_KK}`,
  `(?:шалып|хабарласып|сойлесип|звондап) ${STILL_KK}`,
  "тутка\\p{L}* (?:койгызба\\p{L}*|коюга бермей\\p{L}*)",
];

const LIVE = new RegExp(PATTERNS.map((p) => `${WORD_START}${p}${WORD_END}`).join("|"), "u");

/** True when the text says the call is going on now. */
export const isLiveCall = (text: string): boolean => LIVE.test(foldKazakh(text));
