/**
 * The words that tell what a sentence of a story is about, in Russian and Kazakh,
 * matched on text folded by `foldKazakh` («аударды» is «аударды», «несие» is «несие»).
 */
import { LETTER, LETTERS } from "../identifiers/text.js";

const word = (source: string, flags = "u") => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);

/** Giving something away: said, dictated, typed, sent. */
export const DISCLOSE = word(
  `сказал|сказала|продиктовал|продиктовала|назвал|назвала|сообщил|сообщила|ввел|ввела|вв[её]л|набрал|набрала|отправил|отправила|скинул|скинула|переслал|переслала|дал|дала|айттым|айтты|айтып|айткыз${LETTERS}|жаздым|жазды|жазып|енгиздим|енгизди|енгизип|жибердим|бердим|терди|тердим`,
);
/** What can be given away: card data, codes, passwords, documents. */
export const GIVEN_THING = word(
  `карт${LETTERS}|card|код${LETTERS}|cvv${LETTERS}|cvc|смс|sms|пароль${LETTERS}|данны${LETTERS}|деректер${LETTERS}|иин|жсн|удостоверени${LETTERS}|куалик${LETTERS}|срок${LETTERS}|мерзим${LETTERS}`,
);
/** From the victim's own card or account. */
export const FROM_OWN_CARD = word(
  "с карты|с моей карты|со сч[её]та|с моего сч[её]та|картасынан|картамнан|шотынан|шотымнан|с карточки",
);
/** A code from an SMS or a push. */
export const CODE_WORD = word(`код${LETTERS}|code|смс-код${LETTERS}|sms-код${LETTERS}|пароль из смс`);
/** A loan. */
export const LOAN_WORD = word(
  `кредит${LETTERS}|займ${LETTERS}|заем|микрокредит${LETTERS}|несие${LETTERS}|карыз${LETTERS}|мфо|мку`,
  "gu",
);
/** Money leaving: sent, paid, moved, taken. */
export const TRANSFER_WORD = word(
  `перев[её]л${LETTERS}|перевел${LETTERS}|перевод${LETTERS}|отправил${LETTERS}|перечислил${LETTERS}|скинул${LETTERS}|оплатил${LETTERS}|внес${LETTERS}|положил${LETTERS}|снял${LETTERS}|списал${LETTERS}|списан${LETTERS}|ушл${LETTERS}|аудардым|аударды|аударып|аударым${LETTERS}|жибердим|жиберди|салдым|салды|толедим|толеди|шешилип|шешилди|шегерилди|кетти`,
  "gu",
);
/** Money the person sent: «я перевела», «аудардым». */
export const SENT_WORD = word(
  `перев[её]л|перевела|перевели мне|отправил|отправила|перечислил${LETTERS}|скинул${LETTERS}|оплатил${LETTERS}|внес${LETTERS}|положил${LETTERS}|аудардым|аудардык|жибердим|салдым|толедим`,
);
/** Money taken from the card or account without the person: «списали», «шешіліп кетті». */
export const TAKEN_WORD = word(
  `списал${LETTERS}|списан${LETTERS}|сняли|снято|ушл${LETTERS} без|шешилип|шешилди|шегерилди|кетип калды`,
);
/** The loan was taken by them, in the person's name. */
export const WITHOUT_ME = word(
  "на меня|на мо[её] имя|без меня|без моего|атыма|атына|менин атыма|анамнын атына|рэсимдеп алды|рэсимдеди|рэсимделди|оформили|взяли",
);
/** The person took the loan themselves, on instructions. */
export const YOURSELF = word(
  `я оформил${LETTERS}|сам${LETTERS} оформил${LETTERS}|я взял${LETTERS}|взял${LETTERS} кредит|по их указани${LETTERS}|мен рэсимдедим|рэсимдедим|алдым`,
);
/** An ID shown or sent. */
export const DOCUMENTS = word(
  `удостоверени${LETTERS}|документ${LETTERS}|куалик${LETTERS}|жеке куалик${LETTERS}|корсетти|паспорт${LETTERS}`,
);
/** Where the person lives. */
export const LIVES = word(
  `жив[уеё]${LETTERS}|проживаю|прожива${LETTERS}|из города|в городе|турамын|турады|турамыз|каласында|каласынан`,
);
/** A phone's make and model said as the person's device: «телефон Samsung A52», «на моём iPhone 12». */
export const DEVICE = new RegExp(
  `(?<=(?:телефон${LETTERS}|смартфон${LETTERS}|устройств${LETTERS}|құрылғы${LETTERS}|мо[йеё]м?|менің|анамның)\\s+)(?:iphone|айфон|samsung|самсунг|xiaomi|сяоми|redmi|редми|huawei|хуавей|honor|хонор|realme|oppo|vivo|tecno|infinix|poco|pixel|nokia)(?:\\s+(?:galaxy|note|pro|max|plus|mini|[a-z]?\\d{1,3}[a-z+]{0,3}))*`,
  "iu",
);
/** How a caller named themselves: «майор Ахметов», «представился Ерланом» is left alone, «Айдос деген». */
export const NAME_PATTERNS: RegExp[] = [
  new RegExp(
    `(?<![\\p{L}])((?:старш${LETTER}+\\s+)?(?:майор|капитан|лейтенант|подполковник|полковник|следователь|инспектор|тергеуші|подполковник)\\s+\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\.)?)`,
    "u",
  ),
  /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+деген(?![\p{L}])/u,
  /(?<![\p{L}])по имени\s+(\p{Lu}\p{Ll}+)/u,
];
