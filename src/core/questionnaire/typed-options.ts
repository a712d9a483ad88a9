/**
 * Buttons answered by typing: «да», «жоқ», «Шымкент», «каспи», «днём», «айтпады, сайтқа
 * жазды». Each list of options has the words people use for them, in Russian and Kazakh,
 * matched on text folded by `foldKazakh` with any word ending.
 */
import { findBank } from "../identifiers/banks.js";
import { findPlace } from "../identifiers/regions.js";
import { foldKazakh, WORD_END, WORD_START } from "../identifiers/text.js";
import type { OptionList } from "./steps.js";

/** «нет», «жоқ», «-», «не знаю», «білмеймін»: an answer that gives nothing. */
const NOTHING =
  /^(?:нет|не(?:ту|т у меня)?|неа|не было|не помню|не знаю|нету|никак\p{L}*|ничего|жок|жок еди|жок болды|болган жок|билмеймин|есимде жок|ешкандай|ештеме|ештене|ештенке|еш нарсе|no|none|nope|n\/a|-+|—|–|\.+|\?+)$/u;

/** True for an answer that means "nothing" or "don't know": the field is left empty. */
export const isNothing = (text: string): boolean =>
  NOTHING.test(
    foldKazakh(text)
      .trim()
      .replace(/[.!)]+$/u, "")
      .trim(),
  );

const YES = "да|ага|угу|конечно|верно|иа|ия|ие|ээ|болды|бар|иа болды|yes|ok|ок";
const NO = "нет|неа|не было|не был|не была|жок|болган жок|no";
const UNSURE = "не знаю|не уверен\\p{L}*|не помню|возможно|может быть|билмеймин|есимде жок|мумкин|белгисиз";

/** Words for the options of each list; a list not named here is answered with buttons only. */
// biome-ignore format: tables read better in rows
const WORDS: Partial<Record<OptionList, [string, string][]>> = {
  yes_no: [["no", NO], ["yes", YES]],
  yes_no_unsure: [["unsure", UNSURE], ["no", NO], ["yes", YES]],
  more: [["done", `${NO}|все|всё|больше нет|баска жок|сонымен бари|бари`], ["another", `${YES}|ещ[её]|тагы|еще один|тагы бир`]],
  contact_more: [
    ["done", `${NO}|все|всё|больше никто|баска ешким|ешким`],
    ["passed_on", "передал\\p{L}*|перевел\\p{L}*|соединил\\p{L}*|переключил\\p{L}*|берди|косты|жалгады|жиберди"],
    ["another", `${YES}|ещ[её]|тагы|другой|баска`],
  ],
  loan_statuses: [
    ["without_me", "без меня|сами|без моего|менсиз|озим емес|оздери|мен рауссат"],
    ["on_instructions", "сам\\p{L}*|по их|по указани\\p{L}*|оздерин айтуымен|айтуымен|озим|мен рэсимдедим|рэсимдедим"],
    ["unsure", UNSURE],
    ["no", `${NO}|не оформлял\\p{L}*|рэсимделген жок`],
  ],
  day: [["today", "сегодня|бугин"], ["yesterday", "вчера|кеше"]],
  loss_kinds: [
    ["taken", "списал\\p{L}*|списан\\p{L}*|сняли|без меня|без моего|сами сняли|шешил\\p{L}*|менсиз|озим емес|кетип калды"],
    ["sent", "сам\\p{L}*|я перев\\p{L}*|перевел\\p{L}*|перевела|отправил\\p{L}*|озим|аудардым|жибердим"],
  ],
  biometrics: [["unsure", UNSURE], ["no", `${NO}|не проходил\\p{L}*|откен жок|отпедим`], ["yes", `${YES}|проходил\\p{L}*|откен|оттим`]],
  part_of_day: [
    ["morning", "утр\\p{L}*|с утра|танертен\\p{L}*|тангы|танда"],
    ["afternoon", "дн[её]м|днем|в обед|обед\\p{L}*|после обеда|тусте|тустен кейин|туски|кундиз\\p{L}*"],
    ["evening", "вечер\\p{L}*|кешке|кешки|кешкурым\\p{L}*"],
    ["night", "ноч\\p{L}*|тунде|тунги|тун"],
  ],
  disclosure_ways: [
    ["typed_on_site", "сайт\\p{L}*|страниц\\p{L}*|ссылк\\p{L}*|ввел\\p{L}*|вв[её]л|набрал\\p{L}*|сайтка|бетке|силтеме\\p{L}*|енгиз\\p{L}*|жаздым|жазды|терди|тердим"],
    ["sent_in_message", "сообщени\\p{L}*|переписк\\p{L}*|в чат\\p{L}*|в ватсап|в whatsapp|в телеграм\\p{L}*|отправил\\p{L}*|скинул\\p{L}*|жибердим|жиберди|хабарлама\\p{L}*"],
    ["told_caller", "сказал\\p{L}*|продиктовал\\p{L}*|назвал\\p{L}*|по телефону|сообщил\\p{L}*|айттым|айтты|айтып|телефонмен"],
  ],
  card_data: [
    ["number", "номер\\p{L}*|номир\\p{L}*|весь номер|16 цифр"],
    ["expiry", "срок\\p{L}*|мерзим\\p{L}*|дат\\p{L}*|месяц и год"],
    ["cvv", "cvv\\p{L}*|cvc\\p{L}*|свв|цвв|три цифры|уш сан\\p{L}*|обороте|артындагы"],
    ["pin", "пин\\p{L}*|pin"],
  ],
  code_sources: [
    ["egov_1414", "1414|егов\\p{L}*|egov\\p{L}*|цон|хкко"],
    ["operator", "оператор\\p{L}*|beeline|билайн|kcell|кселл|tele2|теле2|altel"],
    ["messenger", "whatsapp|ватсап\\p{L}*|телеграм\\p{L}*|telegram"],
    ["bank", "банк\\p{L}*|kaspi|каспи\\p{L}*|halyk|халык\\p{L}*|смс|sms|push|пуш"],
  ],
  apps: [
    ["anydesk", "anydesk|any desk|анидеск\\p{L}*|эни ?деск\\p{L}*|энидеск\\p{L}*"],
    ["rustdesk", "rustdesk|раст ?деск\\p{L}*"],
    ["teamviewer", "teamviewer|team viewer|тимвьюер\\p{L}*"],
    ["screen_share", "демонстрац\\p{L}* экран\\p{L}*|показ\\p{L}* экран|экранды корсет\\p{L}*|экранды бол\\p{L}*|screen ?shar\\p{L}*"],
    ["apk", "apk|апк|\\.apk"],
  ],
  personal_data: [
    ["iin", "иин|жсн|iin"],
    ["id_photo", "удостоверени\\p{L}*|паспорт\\p{L}*|куалик\\p{L}*"],
    ["egov_password", "пароль\\p{L}* (?:от )?(?:егов\\p{L}*|egov\\p{L}*)|егов\\p{L}*|egov\\p{L}*"],
    ["selfie_biometrics", "селфи|биометри\\p{L}*|видеоидентификац\\p{L}*"],
  ],
  channels: [
    ["messenger_call", "звон\\p{L}* (?:в|по|через) (?:ватсап\\p{L}*|whatsapp|телеграм\\p{L}*|telegram)|(?:ватсап\\p{L}*|whatsapp|телеграм\\p{L}*|telegram) (?:арқылы )?коныра\\p{L}*"],
    ["video_call", "видеозвон\\p{L}*|видео ?звон\\p{L}*|видеокон\\p{L}*|бейнекон\\p{L}*"],
    ["phone_call", "позвонил\\p{L}*|звонил\\p{L}*|звонок|звонк\\p{L}*|по телефону|коныра\\p{L}*|хабарласты"],
    ["sms", "смс|sms|эсэмэс"],
    ["messenger_message", "написал\\p{L}* в|написал\\p{L}*|в (?:ватсап\\p{L}*|whatsapp|телеграм\\p{L}*|telegram)|(?:ватсап|whatsapp|телеграм|telegram)\\p{L}*"],
    ["social_network", "инстаграм\\p{L}*|instagram|facebook|фейсбук\\p{L}*|вконтакте|tiktok|тикток\\p{L}*"],
    ["marketplace", "olx|олх|крыш\\p{L}*|krisha|kolesa|колес\\p{L}*|market\\.kz|объявлени\\p{L}*|хабарландыру\\p{L}*"],
    ["website_or_ad", "сайт\\p{L}*|реклам\\p{L}*|ссылк\\p{L}*|силтеме\\p{L}*"],
    ["in_person", "лично|встретил\\p{L}*|кездест\\p{L}*"],
  ],
  already_done: [
    ["nothing", "ничего|ештене|ештенке|еш нарсе"],
    ["called_bank", "позвонил\\p{L}* в банк|в банк|банкке|банк\\p{L}*"],
    ["card_blocked", "заблокировал\\p{L}*|блок\\p{L}*|бугатта\\p{L}*"],
    ["called_102", "102|позвонил\\p{L}* в полиц\\p{L}*|полицияга|полицияга коныра\\p{L}*"],
    ["statement_filed", "заявлени\\p{L}*|арыз\\p{L}*|куи|талон\\p{L}*"],
  ],
  methods: [
    ["card_to_card", "на карту|с карты на карту|по карте|картага|картасына|карта\\p{L}*"],
    ["phone_number", "по номеру|на номер|номир\\p{L}*|номер\\p{L}* телефон\\p{L}*|телефон\\p{L}*"],
    ["iban", "iban|иибан|на сч[её]т|сч[её]т\\p{L}*|шот\\p{L}*|реквизит\\p{L}*"],
    ["e_wallet", "кошел[её]к\\p{L}*|qiwi|киви|webmoney|юмани|yoomoney|электрон\\p{L}* кошел\\p{L}*|эмиян\\p{L}*"],
    ["crypto", "крипт\\p{L}*|usdt|биткоин\\p{L}*|bitcoin|btc|binance|бинанс\\p{L}*|tether|тезер"],
    ["cash_courier", "наличн\\p{L}*|курьер\\p{L}*|колма-кол|кольма-кол|налич\\p{L}*|отдал\\p{L}* деньги|бердим"],
    ["atm_deposit", "банкомат\\p{L}*|терминал\\p{L}*"],
  ],
  identities: [
    ["national_bank_or_regulator", "нацбанк\\p{L}*|национальн\\p{L}* банк\\p{L}*|улттык банк\\p{L}*|аррфр|агентств\\p{L}*|реттеу"],
    ["bank", "банк\\p{L}*|служб\\p{L}* безопасност\\p{L}*|кауипсиздик кызмет\\p{L}*|kaspi|каспи|halyk|халык"],
    ["police", "полиц\\p{L}*|следовател\\p{L}*|мвд|иим|тергеуши|майор|капитан|лейтенант"],
    ["knb", "кнб|укк|комитет национальной"],
    ["prosecutor", "прокур\\p{L}*"],
    ["financial_monitoring", "афм|финмониторинг\\p{L}*|финансов\\p{L}* мониторинг\\p{L}*|каржылык мониторинг\\p{L}*"],
    ["mobile_operator", "оператор\\p{L}*|beeline|билайн|kcell|кселл|tele2|теле2|altel|алтел|activ|актив"],
    ["egov_or_service", "егов\\p{L}*|egov\\p{L}*|цон|хкко|почт\\p{L}*|казпочта|поликлиник\\p{L}*|курьер\\p{L}*|енпф|бжзк|налогов\\p{L}*"],
    ["relative_or_friend", "родственни\\p{L}*|друг|подруг\\p{L}*|сын|доч\\p{L}*|брат\\p{L}*|сестр\\p{L}*|туыс\\p{L}*|досым|ини\\p{L}*|апа\\p{L}*|кызым|улым"],
    ["seller", "продав\\p{L}*|сатушы\\p{L}*"],
    ["buyer", "покупател\\p{L}*|сатып алушы\\p{L}*|алушы"],
    ["employer", "работодател\\p{L}*|работ\\p{L}*|жумыс\\p{L}*|hr"],
    ["investment_manager", "инвест\\p{L}*|брокер\\p{L}*|менеджер\\p{L}*|трейд\\p{L}*"],
  ],
};

const compiled = new Map<OptionList, [string, RegExp][]>();
function patterns(list: OptionList): [string, RegExp][] {
  let found = compiled.get(list);
  if (!found) {
    found = (WORDS[list] ?? []).map(([id, words]) => [id, new RegExp(`${WORD_START}(?:${words})${WORD_END}`, "u")]);
    compiled.set(list, found);
  }
  return found;
}

/**
 * The options a typed answer names, in the list's order of precedence. Banks and regions
 * are read by their own finders ("каспиге", "шымкентте"). Empty when nothing matches.
 */
export function optionsInText(list: OptionList, text: string, allowed: readonly string[]): string[] {
  const folded = foldKazakh(text).trim();
  if (!folded) return [];
  if (list === "banks") {
    const bank = findBank(text)?.bank;
    return bank && allowed.includes(bank) ? [bank] : [];
  }
  if (list === "regions") {
    const place = findPlace(text);
    return place && allowed.includes(place.region) ? [place.region] : [];
  }
  // An option's label typed as it is on the button.
  const found: string[] = [];
  for (const [id, re] of patterns(list)) if (re.test(folded) && allowed.includes(id)) found.push(id);
  return found;
}
