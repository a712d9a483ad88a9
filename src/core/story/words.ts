/**
 * The words that tell what a sentence of a story is about, in Russian and Kazakh,
 * matched on text folded by `foldKazakh` («аударды» is «аударды», «несие» is «несие»).
 */
const word = (source: string, flags = "u") => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);

/** Giving something away: said, dictated, typed, sent. */
export const DISCLOSE = word(
  "сказал|сказала|продиктовал|продиктовала|назвал|назвала|сообщил|сообщила|ввел|ввела|вв[её]л|набрал|набрала|отправил|отправила|скинул|скинула|переслал|переслала|дал|дала|айттым|айтты|айтып|айткыз\\p{L}*|жаздым|жазды|жазып|енгиздим|енгизди|енгизип|жибердим|бердим|терди|тердим",
);
/** What can be given away: card data, codes, passwords, documents. */
export const GIVEN_THING = word(
  "карт\\p{L}*|card|код\\p{L}*|cvv\\p{L}*|cvc|смс|sms|пароль\\p{L}*|данны\\p{L}*|деректер\\p{L}*|иин|жсн|удостоверени\\p{L}*|куалик\\p{L}*|срок\\p{L}*|мерзим\\p{L}*",
);
/** From the victim's own card or account. */
export const FROM_OWN_CARD = word(
  "с карты|с моей карты|со сч[её]та|с моего сч[её]та|картасынан|картамнан|шотынан|шотымнан|с карточки",
);
/** A code from an SMS or a push. */
export const CODE_WORD = word("код\\p{L}*|code|смс-код\\p{L}*|sms-код\\p{L}*|пароль из смс");
/** A loan. */
export const LOAN_WORD = word(
  "кредит\\p{L}*|займ\\p{L}*|заем|микрокредит\\p{L}*|несие\\p{L}*|карыз\\p{L}*|мфо|мку",
  "gu",
);
/** Money leaving: sent, paid, moved, taken. */
export const TRANSFER_WORD = word(
  "перев[её]л\\p{L}*|перевел\\p{L}*|перевод\\p{L}*|отправил\\p{L}*|перечислил\\p{L}*|скинул\\p{L}*|оплатил\\p{L}*|внес\\p{L}*|положил\\p{L}*|снял\\p{L}*|списал\\p{L}*|списан\\p{L}*|ушл\\p{L}*|аудардым|аударды|аударып|аударым\\p{L}*|жибердим|жиберди|салдым|салды|толедим|толеди|шешилип|шешилди|шегерилди|кетти",
  "gu",
);
/** Money the person sent: «я перевела», «аудардым». */
export const SENT_WORD = word(
  "перев[её]л|перевела|перевели мне|отправил|отправила|перечислил\\p{L}*|скинул\\p{L}*|оплатил\\p{L}*|внес\\p{L}*|положил\\p{L}*|аудардым|аудардык|жибердим|салдым|толедим",
);
/** Money taken from the card or account without the person: «списали», «шешіліп кетті». */
export const TAKEN_WORD = word(
  "списал\\p{L}*|списан\\p{L}*|сняли|снято|ушл\\p{L}* без|шешилип|шешилди|шегерилди|кетип калды",
);
/** The loan was taken by them, in the person's name. */
export const WITHOUT_ME = word(
  "на меня|на мо[её] имя|без меня|без моего|атыма|атына|менин атыма|анамнын атына|рэсимдеп алды|рэсимдеди|рэсимделди|оформили|взяли",
);
/** The person took the loan themselves, on instructions. */
export const YOURSELF = word(
  "я оформил\\p{L}*|сам\\p{L}* оформил\\p{L}*|я взял\\p{L}*|взял\\p{L}* кредит|по их указани\\p{L}*|мен рэсимдедим|рэсимдедим|алдым",
);
/** An ID shown or sent. */
export const DOCUMENTS = word(
  "удостоверени\\p{L}*|документ\\p{L}*|куалик\\p{L}*|жеке куалик\\p{L}*|корсетти|паспорт\\p{L}*",
);
/** Where the person lives. */
export const LIVES = word(
  "жив[уеё]\\p{L}*|проживаю|прожива\\p{L}*|из города|в городе|турамын|турады|турамыз|каласында|каласынан",
);
/** A phone's make and model said as the person's device: «телефон Samsung A52», «на моём iPhone 12». */
export const DEVICE =
  /(?<=(?:телефон\p{L}*|смартфон\p{L}*|устройств\p{L}*|құрылғы\p{L}*|мо[йеё]м?|менің|анамның)\s+)(?:iphone|айфон|samsung|самсунг|xiaomi|сяоми|redmi|редми|huawei|хуавей|honor|хонор|realme|oppo|vivo|tecno|infinix|poco|pixel|nokia)(?:\s+(?:galaxy|note|pro|max|plus|mini|[a-z]?\d{1,3}[a-z+]{0,3}))*/iu;
/** How a caller named themselves: «майор Ахметов», «представился Ерланом» is left alone, «Айдос деген». */
export const NAME_PATTERNS: RegExp[] = [
  /(?<![\p{L}])((?:старш\p{L}+\s+)?(?:майор|капитан|лейтенант|подполковник|полковник|следователь|инспектор|тергеуші|подполковник)\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?)/u,
  /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+деген(?![\p{L}])/u,
  /(?<![\p{L}])по имени\s+(\p{Lu}\p{Ll}+)/u,
];
