/**
 * The words around secrets, for the secret detector (src/core/redact.ts). All are
 * matched on text folded by `foldKazakh` (lowercase; "құпия сөз" is "купия соз"), in
 * Russian, Kazakh, English and Russian typed in Latin letters ("kod", "parol").
 */
import { LETTER, LETTERS } from "../identifiers/text.js";

export type SecretKind = "cvv" | "pin" | "password" | "code" | "card_expiry";

/** What follows a trigger: digits (a code, PIN, CVV), a password, or one word (a code word). */
export type ValueShape = "digits" | "password" | "word";

export interface Trigger {
  kind: Exclude<SecretKind, "card_expiry">;
  shape: ValueShape;
  source: string;
  /**
   * Pieces of folded text one of which every match contains: the pattern is run only on
   * a text holding one (most answers hold none, and twelve patterns a text was the
   * detector's largest cost). A test checks them against every phrasing in the tables.
   */
  needles: readonly string[];
  /** Names a secret only next to a verb of telling, typing or arriving ("the digits"): see told.ts. */
  told?: true;
}

/** Case endings a trigger word may carry: "кода", "кодом", "кодты", "кодымды", "пин-кодым", "кодыңыз". */
const CODE_ENDINGS =
  "(?:а|у|ом|е|ы|ов|ам|ами|ах|ты|ти|тын|ын|ин|ым|ымды|ымен|ыныз|ынызды|ынды|ка|ке|пен|тар|тарды|ды|ди|u|om|a|y)?";

/** "3DS", "3-D Secure", "3D Secure-код": the code of an online card payment. */
const THREE_DS = "3-?d-?s|3-?d[\\s-]?secure|3дс";

/** Phrases that name a secret; a value next to one of them is masked. */
export const TRIGGERS: Trigger[] = [
  {
    kind: "cvv",
    shape: "digits",
    source: `(?:cvv|cvc|свв|свс|цвв)2?(?:[-\\s]?(?:код|kod|code)${CODE_ENDINGS})?(?:-?${LETTER}{1,3})?`,
    needles: ["cvv", "cvc", "свв", "свс", "цвв"],
  },
  {
    kind: "cvv",
    shape: "digits",
    source: `(?:три|3|уш|tri|3-х|трехзначн${LETTERS})\\s+(?:цифр${LETTERS}|сан${LETTERS}|cifr${LETTERS})(?:\\s+(?:на\\s+|с\\s+)?(?:оборот${LETTERS}|обратн${LETTERS}(?:\\s+сторон${LETTERS})?|задн${LETTERS}(?:\\s+сторон${LETTERS})?|сзади))?`,
    needles: ["цифр", "сан", "cifr"],
  },
  {
    kind: "cvv",
    shape: "digits",
    source: `(?:арт${LETTERS}|сырт${LETTERS})(?:\\s+жагындагы)?\\s+(?:3|уш)\\s+(?:сан${LETTERS}|цифр${LETTERS})`,
    needles: ["сан", "цифр"],
  },
  {
    kind: "cvv",
    shape: "digits",
    source: `код${LETTERS}\\s+(?:на|с)\\s+(?:оборот${LETTERS}|обратн${LETTERS})(?:\\s+сторон${LETTERS})?`,
    needles: ["код"],
  },
  // The back of the card alone: "на обороте 739", "сзади 739", "артында 739".
  {
    kind: "cvv",
    shape: "digits",
    source: `на\\s+оборот${LETTERS}|с\\s+обратной\\s+сторон${LETTERS}|на\\s+обратной\\s+сторон${LETTERS}|сзади|на\\s+задней\\s+сторон${LETTERS}|артында${LETTERS}|сыртында${LETTERS}`,
    needles: ["оборот", "обратной", "сзади", "задней", "артында", "сыртында"],
  },
  {
    kind: "pin",
    shape: "digits",
    source: `(?:пин|pin)(?:[-\\s]?(?:код|kod|code))?${CODE_ENDINGS}(?:-?(?:ди|ды|ин|ын|ым|ымды))?`,
    needles: ["пин", "pin"],
  },
  {
    kind: "password",
    shape: "word",
    source: `(?:кодов|секретн|контрольн)${LETTERS}\\s+слов${LETTERS}|кодтык\\s+соз${LETTERS}|кодтык\\s+созд${LETTERS}|кил?т\\s+соз${LETTERS}`,
    needles: ["слов", "соз"],
  },
  {
    kind: "code",
    shape: "digits",
    source: `одноразов${LETTERS}\\s+парол${LETTERS}|бир\\s+реттик\\s+парол${LETTERS}`,
    needles: ["парол"],
  },
  {
    kind: "password",
    shape: "password",
    source: `парол${LETTERS}|parol${LETTERS}|password|passwd|купия\\s*соз${LETTERS}`,
    needles: ["парол", "parol", "password", "passwd", "купия"],
  },
  {
    kind: "code",
    shape: "digits",
    source: `(?:смс|sms|эсэмэс)(?:-?${LETTER}{1,4})?[-\\s]?(?:код${CODE_ENDINGS}|kod${LETTERS}|code)|(?:${THREE_DS})(?:-?(?:код${CODE_ENDINGS}|kod|code))?|(?:код|kod)${CODE_ENDINGS}|code|passcode|otp|смс(?:-?${LETTER}{1,4})?|sms|смск[аиу]`,
    needles: ["смс", "sms", "эсэмэс", "код", "kod", "code", "otp", "3d", "3-d", "3дс"],
  },
  {
    kind: "code",
    shape: "digits",
    source: `продиктовал${LETTERS}|диктовал${LETTERS}|prodiktoval${LETTERS}|прочитал${LETTERS}|зачитал${LETTERS}`,
    needles: ["диктовал", "prodiktoval", "прочитал", "зачитал"],
  },
  // «назвала цифры которые пришли 551234», «келген цифрларды айтып бердім 551234».
  {
    kind: "code",
    shape: "digits",
    source: `цифр${LETTERS}|cifr${LETTERS}|цифрлар${LETTERS}|сандар${LETTERS}`,
    needles: ["цифр", "cifr", "сандар"],
    told: true,
  },
];

/** Triggers glued to their value, "код4821", "cvc-739", "смс-код4821": the word part alone, matched whole. */
export const GLUED_TRIGGER = new RegExp(
  `^(?:(?:cvv|cvc|свв)2?(?:-?код)?|(?:пин|pin)(?:-?(?:код|kod|code))?|(?:смс|sms)(?:-?(?:код|kod))?|код${CODE_ENDINGS}|kod|code|otp|парол${LETTERS}|parol${LETTERS}|${THREE_DS})$`,
  "u",
);

/** "Код города 7172", "код заказа 4821": codes that are not secrets. */
export const NOT_SECRET_AFTER = `города|региона|страны|области|ошибки|товара|заказа|заявки|отслеживания|трека|купона|оператора|банка|бик|маршрута|кала|аймак|елдин|кодекс${LETTERS}`;

const words = (list: string) => new Set(list.trim().split(/\s+/));

/** Words that may stand between a trigger and its value: "код БЫЛ 4821", "кодты МАҒАН ЖІБЕРГЕН 4821". */
export const FILLERS = words(`
  был была было были это вот такой такая такие типа из смс sms смски смска пришел пришла пришло пришедший
  который которую которая которые которое что мне я ему ей им их сказала сказал назвала назвал продиктовала продиктовал
  сообщила сообщил ввела ввел дала дал подтверждения подтверждение от банка банк kaspi каспи halyk халык egov
  егов карты карточки с обратной стороны на обороте сзади для входа
  келген келди маган мага бердим айттым айтып жибердим жиберген деген деп мынау мына смс-пен смспен смс-тен смстен
  смс-ке смске банктен растау бир реттик сол менин картанын артындагы койдым едим еди
  byl byla eto iz prishel prishla mne skazala skazal prodiktovala is was my the
  оларга олрга оган сизге сизге келген жиберилди енгиздим жаздым жазып тердим
  цифры цифр цифрами сандарды сандар санды цифрларды цифрлар те эти пришли пришедшие значный значного таңбалы танбалы
  такой: вот:
`);

/**
 * The words of a pasted SMS between "код" and its value: "Ваш код ДЛЯ ВХОДА В Kaspi.kz: 593184",
 * "Your VERIFICATION code IS 482193", "Кіру коды: 593184". Stepped over like fillers.
 */
export const TEMPLATE_WORDS = words(`
  ваш ваша ваше ваши вашего вашей для входа вход в во на подтверждения подтверждение операции оплаты покупки
  перевода платежа авторизации регистрации доступа восстановления сброса смены изменения верификации
  активации привязки приложение приложения приложении в личный кабинет кабинета mobile мобайл онлайн online
  your is verification confirmation login to for the sign-in access security one-time
  vash vasha dlya vhoda podtverzhdeniya operacii
  сиздин кодыныз кируге кириге арналган жуйесине жуйеге кабинетке операцияны толемди аударымды растауга
  kaspi.kz halyk.kz egov.kz
`);

/**
 * Words before a value that stands before its trigger: "482193 — ВАШ код", "4821 – Kaspi.kz жүйесіне КІРУ коды",
 * "сказала 5512 ИЗ смс".
 */
export const BEFORE_TRIGGER = words(`
  деген деп это был была те эти - — – ваш ваша your is кіру киру кируге жуйесине жуйеге для входа подтверждения
  из с со от iz from
`);

/** More words a password may follow: the service it belongs to. */
export const PASSWORD_FILLERS = words(`
  мой моя мое моё менин от для к в на egov егов е-гов kaspi каспи halyk халык приложения приложение приложении
  почты почта почте аккаунта аккаунт личного кабинета кабинет банка банк whatsapp ватсап ватсапа телеграм
  телеграма telegram instagram инстаграм wifi вайфай gmail mail icloud apple id входа логин и был была
  это такой типа egov-тын егов-тын egovтын e-gov ot dlya wi-fi вай-фай iphone айфон android samsung google
  yandex facebook tiktok vk ok jusan forte homebank onlinebank kolesa olx krisha госуслуг тот же что как у
  карты карточки счета счёта шоттын картанын картамнын туган кунин
`);

/**
 * Names of banks, operators and services: never a password or a code word, whatever
 * stands before them ("пароль от Beeline", "Homebank-тың паролі", "кодовое слово для Freedom").
 */
export const BRANDS = words(`
  kaspi каспи halyk халык homebank хоумбанк freedom фридом jusan жусан forte форте bcc бцк bereke береке
  eurasian евразийский rbk рбк otbasy отбасы altyn алтын vtb втб citi сити nurbank нурбанк
  beeline билайн kcell кселл activ актив tele2 теле2 altel алтел kazakhtelecom казахтелеком
  egov егов e-gov whatsapp ватсап telegram телеграм instagram инстаграм google gmail icloud apple
  olx kolesa krisha wildberries ozon tiktok facebook yandex mail onlinebank kaspi.kz gold голд
  mobile мобайл bank банк
`);

/** Kazakh case endings after a name written with a hyphen: "Kaspi-дің", "Homebank-тың", "Beeline-нан". */
export const NAME_CASE_ENDING =
  /^[\p{L}\d.]+-(?:дын|дин|тын|тин|нын|нин|га|ге|ка|ке|на|не|да|де|та|те|дан|ден|тан|тен|нан|нен|ны|ни|ды|ди|ты|ти|мен|пен|бен|дагы|деги|тагы|теги)$/u;

/** After a value, these let the scan go on to a second value: "4821 и 5532", "4821 және 5532". */
export const CONJUNCTIONS = words("и ещё еще потом затем а жане тагы сосын and");

/** A number right after these is where the SMS came from, not the code: "код от 1414", "смс с 7111". */
export const SENDER_WORDS = words("от с со из from");

/** Kazakh ablative endings: "1414-тен" is "from 1414". */
export const ABLATIVE = /^-?(?:тен|тан|ден|дан|нен|нан)$/u;

/** Numbers that are sources of codes, never codes: eGov's SMS gateway, Halyk's contact centre. */
export const SERVICE_NUMBERS = new Set(["1414", "7111"]);

/** A number followed by these counts something: "код из 6 цифр", "3 раза", "5 минут". */
export const COUNT_AFTER = new RegExp(
  `^[\\s-]*(?:цифр${LETTERS}|сан${LETTERS}|символ${LETTERS}|значн${LETTERS}|знак${LETTERS}|раз${LETTERS}|рет|мин${LETTERS}|сек${LETTERS}|час${LETTERS}|сагат${LETTERS}|кун${LETTERS}|дн${LETTERS}|год${LETTERS}|г\\.|жыл${LETTERS}|ж\\.|таңба${LETTERS}|танба${LETTERS})(?![\\p{L}\\p{N}])`,
  "u",
);

/** Words that end the search for a password or a code word: a refusal, a question, a plain narrative word. */
export const PASSWORD_STOPS = words(`
  не нет жок жоқ да ия иа помню знаю говорила сказала давала айтпадым бермедим ни никому ешкимге
  какое какой какая кандай тоже также
`);

/** "Дата рождения", "туған күнім": a described password whose value is a date. */
export const BIRTHDAY_WORDS = new RegExp(`^(?:рожд${LETTERS}|день|дата|туган|кун${LETTERS}|др)$`, "u");

/** Verb forms (folded) that are a narrative word after "кодовое слово", not the word itself. */
export const VERB_ENDING =
  /(?:л|ла|ли|ло|лся|лась|ть|ться|ет|ит|ют|ят|ем|им|ешь|ишь|дым|дим|тым|тим|ды|ди|ты|ти|ган|ген|кан|кен|мын|мин|сыз|сиз|пты|пти|ады|еди|йды|йди)$/u;

/** Spelled digits: "четыре восемь два один", "төрт сегіз екі бір" (folded). */
export const DIGIT_WORDS: Record<string, string> = {
  ноль: "0",
  нуль: "0",
  нол: "0",
  один: "1",
  одна: "1",
  два: "2",
  две: "2",
  три: "3",
  четыре: "4",
  пять: "5",
  шесть: "6",
  семь: "7",
  восемь: "8",
  девять: "9",
  бир: "1",
  еки: "2",
  уш: "3",
  торт: "4",
  бес: "5",
  алты: "6",
  жети: "7",
  сегиз: "8",
  тогыз: "9",
};

/** Tens and teens said as one word, two digits each: "сорок восемь двадцать один" is 4821. */
export const TENS_WORDS: Record<string, string> = {
  десять: "10",
  одиннадцать: "11",
  двенадцать: "12",
  тринадцать: "13",
  четырнадцать: "14",
  пятнадцать: "15",
  шестнадцать: "16",
  семнадцать: "17",
  восемнадцать: "18",
  девятнадцать: "19",
  двадцать: "2",
  тридцать: "3",
  сорок: "4",
  пятьдесят: "5",
  шестьдесят: "6",
  семьдесят: "7",
  восемьдесят: "8",
  девяносто: "9",
  жиырма: "2",
  отыз: "3",
  кырык: "4",
  елу: "5",
  алпыс: "6",
  жетпис: "7",
  сексен: "8",
  токсан: "9",
};

/** Value lengths in digits. */
export const DIGITS: Record<"cvv" | "pin" | "code", [number, number]> = {
  cvv: [3, 4],
  pin: [4, 6],
  code: [3, 8],
};
