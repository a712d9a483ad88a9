/**
 * «назвала цифры которые пришли 551234», «келген цифрларды айтып бердім 551234»: a code
 * named only as "the digits" or "the numbers". Such a word names a secret only where a
 * verb of telling, typing or arriving stands in the same clause, and not where the digits
 * belong to a card, a phone or an account («цифры карты получателя», «картаның сандары»,
 * «последние 4 цифры»). Reads a bounded window of tokens around the word.
 */
import type { Token } from "./tokens.js";

/** Said, dictated, typed, sent, came (folded stems, ru and kk). */
const TOLD =
  /^(?:назвал|сказал|продиктовал|диктовал|сообщил|вв[её]л|дал[аи]?$|отправил|переслал|прислал|пришл|пришедш|озвучил|прочитал|зачитал|говорил|nazval|skazal|prodiktoval|айт|бер(?:д|г|ип)|жибер|келг|келд|енгиз|жазд|жазып|терд|тердим|окыд|окып)/u;

/** What the digits may belong to, named after them: «цифры карты», «цифры номера». */
const OBJECT_AFTER = /^(?:карт|карточ|номер|номир|сч[её]т|шот|телефон|паспорт|иин|получател|алушы|сумм|iban)/u;

/** Whose digits, named before them: «картаның сандары», «последние 4 цифры». */
const OWNER_BEFORE = /(?:нын|нин|дын|дин|тын|тин)$|^(?:последн|первы|сонгы|алгашкы)/u;

const REACH = 5;

/** Whether the digits word at token `at` names the digits of a code that was told, typed or came. */
export function toldDigits(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (next && !tokens[at]!.clauseEnd && OBJECT_AFTER.test(next.folded)) return false;
  for (let i = at - 1; i >= 0 && i >= at - 2 && !tokens[i]!.clauseEnd; i--) {
    if (OWNER_BEFORE.test(tokens[i]!.folded)) return false;
  }
  for (let i = at - 1; i >= 0 && i >= at - REACH && !tokens[i]!.clauseEnd; i--) {
    if (TOLD.test(tokens[i]!.folded)) return true;
  }
  for (let i = at; i < tokens.length && i <= at + REACH; i++) {
    if (i > at && TOLD.test(tokens[i]!.folded)) return true;
    if (tokens[i]!.clauseEnd) break;
  }
  return false;
}
