/**
 * The words around secrets, for src/core/redact.ts. All are matched on text folded by
 * `foldKazakh` (lowercase; "құпия сөз" is "купия соз"), in Russian, Kazakh and Russian
 * typed in Latin letters ("kod", "parol").
 */

export type SecretKind = "cvv" | "pin" | "password" | "code";

/** Case endings a trigger word may carry: "кода", "кодом", "кодты", "кодымды", "пин-кодым". */
const CODE_ENDINGS = "(?:а|у|ом|е|ы|ов|ам|ами|ах|ты|ти|тын|ын|ин|ым|ымды|ымен|ыныз|ынды|тар|тарды|ка|ды|ди|u|om|a)?";

/** Phrases that name a secret; a value next to one of them is masked. */
export const SECRET_TRIGGERS: [SecretKind, string][] = [
  ["cvv", `(?:cvv|cvc|свв|свс|цвв)2?(?:[-\\s]?(?:код|kod|code)${CODE_ENDINGS})?(?:-?\\p{L}{1,3})?`],
  [
    "cvv",
    "(?:три|3|уш|tri|3-х|трехзначн\\p{L}*)\\s+(?:цифр\\p{L}*|сан\\p{L}*|cifr\\p{L}*)(?:\\s+(?:на\\s+|с\\s+)?(?:оборот\\p{L}*|обратн\\p{L}*(?:\\s+сторон\\p{L}*)?|задн\\p{L}*(?:\\s+сторон\\p{L}*)?|сзади))?",
  ],
  ["cvv", "(?:арт\\p{L}*|сырт\\p{L}*)(?:\\s+жагындагы)?\\s+(?:3|уш)\\s+(?:сан\\p{L}*|цифр\\p{L}*)"],
  ["cvv", "код\\p{L}*\\s+(?:на|с)\\s+(?:оборот\\p{L}*|обратн\\p{L}*)(?:\\s+сторон\\p{L}*)?"],
  ["pin", `(?:пин|pin)(?:[-\\s]?(?:код|kod|code))?${CODE_ENDINGS}(?:-?(?:ди|ды|ин|ын|ым|ымды))?`],
  [
    "password",
    "парол\\p{L}*|parol\\p{L}*|password|passwd|купия\\s*соз\\p{L}*|кодов\\p{L}*\\s+слов\\p{L}*|одноразов\\p{L}*\\s+парол\\p{L}*",
  ],
  [
    "code",
    `(?:смс|sms|эсэмэс)(?:-?\\p{L}{1,4})?[-\\s]?(?:код${CODE_ENDINGS}|kod\\p{L}*|code)|(?:код|kod)${CODE_ENDINGS}|code|otp|смс(?:-?\\p{L}{1,4})?|sms|смск[аиу]`,
  ],
  ["code", "продиктовал\\p{L}*|диктовал\\p{L}*|prodiktoval\\p{L}*"],
];

/** "Код города 7172", "код заказа 4821": codes that are not secrets. */
export const NOT_SECRET_AFTER =
  "города|региона|страны|области|ошибки|товара|заказа|заявки|отслеживания|трека|купона|оператора|банка|бик|маршрута|кала|аймак|елдин";

/** Words that may stand between a trigger and its value: "код БЫЛ 4821", "кодты МАҒАН ЖІБЕРГЕН 4821". */
export const FILLERS = new Set(
  (
    "был была было были это вот такой такая такие типа из смс sms смски смска пришел пришла пришло пришедший " +
    "который которую которая что мне я ему ей им их сказала сказал назвала назвал продиктовала продиктовал " +
    "сообщила сообщил ввела ввел дала дал подтверждения подтверждение от банка банк kaspi каспи halyk халык egov " +
    "егов карты карточки с обратной стороны на обороте сзади для входа " +
    "келген келди маган мага бердим айттым айтып жибердим жиберген деген деп мынау мына смс-пен смспен смс-тен смстен " +
    "смс-ке смске банктен растау бир реттик сол менин картанын артындагы койдым едим еди " +
    "byl byla eto iz prishel prishla mne skazala skazal prodiktovala is was my the"
  ).split(" "),
);

/** More words a password may follow: the service it belongs to. */
export const PASSWORD_FILLERS = new Set(
  (
    "мой моя мое моё менин от для к в на egov егов е-гов kaspi каспи halyk халык приложения приложение приложении " +
    "почты почта почте аккаунта аккаунт личного кабинета кабинет банка банк whatsapp ватсап ватсапа телеграм " +
    "телеграма telegram instagram инстаграм wifi вайфай gmail mail icloud apple id входа логин и был была " +
    "это такой типа egov-тын егов-тын egovтын e-gov ot dlya wi-fi вай-фай iphone айфон android samsung google " +
    "yandex facebook tiktok vk ok jusan forte homebank onlinebank kolesa olx krisha госуслуг"
  ).split(" "),
);

/** After a value, these let the scan go on to a second value: "4821 и 5532", "4821 және 5532". */
export const CONJUNCTIONS = new Set("и ещё еще потом затем а жане тагы сосын and".split(" "));

/** A number right after these is where the SMS came from, not the code: "код от 1414", "смс с 7111". */
export const SENDER_WORDS = new Set("от с со из from".split(" "));

/** Kazakh ablative endings: "1414-тен" is "from 1414". */
export const ABLATIVE = /^-?(?:тен|тан|ден|дан|нен|нан)$/u;

/** Numbers that are sources of codes, never codes: eGov's SMS gateway, Halyk's contact centre. */
export const SERVICE_NUMBERS = new Set(["1414", "7111"]);

/** A number followed by these counts something: "код из 6 цифр", "3 раза", "5 минут". */
export const COUNT_AFTER =
  /^[\s-]*(?:цифр\p{L}*|сан\p{L}*|символ\p{L}*|значн\p{L}*|раз\p{L}*|рет|мин\p{L}*|сек\p{L}*|час\p{L}*|сагат\p{L}*|кун\p{L}*|дн\p{L}*|год\p{L}*|г\.|жыл\p{L}*|ж\.)(?![\p{L}\p{N}])/u;

/** Words that end the search for a password: a refusal or a plain narrative word. */
export const PASSWORD_STOPS = new Set(
  "не нет жок жоқ да ия иа помню знаю говорила сказала давала айтпадым бермедим айтпадым".split(" "),
);

/** Value lengths in digits. */
export const DIGITS: Record<Exclude<SecretKind, "password">, [number, number]> = {
  cvv: [3, 4],
  pin: [4, 6],
  code: [3, 8],
};
