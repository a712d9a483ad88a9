/**
 * Buttons answered by typing: «да», «жоқ», «Шымкент», «каспи», «днём», «айтпады, сайтқа
 * жазды». Each list of options has the words people use for them, in Russian and Kazakh,
 * matched on text folded by `foldKazakh` with any word ending.
 */
import { findBank } from "../identifiers/banks.js";
import { findPlace } from "../identifiers/regions.js";
import { foldKazakh, LETTERS, WORD_END, WORD_START } from "../identifiers/text.js";
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
const UNSURE = `не знаю|не уверен${LETTERS}|не помню|возможно|может быть|билмеймин|есимде жок|мумкин|белгисиз`;

/** Words for the options of each list; a list not named here is answered with buttons only. */
// biome-ignore format: tables read better in rows
const WORDS: Partial<Record<OptionList, [string, string][]>> = {
  yes_no: [["no", NO], ["yes", YES]],
  yes_no_unsure: [["unsure", UNSURE], ["no", NO], ["yes", YES]],
  more: [["done", `${NO}|все|всё|больше нет|баска жок|сонымен бари|бари`], ["another", `${YES}|ещ[её]|тагы|еще один|тагы бир`]],
  contact_more: [
    ["done", `${NO}|все|всё|больше никто|баска ешким|ешким`],
    ["passed_on", `передал${LETTERS}|перевел${LETTERS}|соединил${LETTERS}|переключил${LETTERS}|берди|косты|жалгады|жиберди`],
    ["another", `${YES}|ещ[её]|тагы|другой|баска`],
  ],
  loan_statuses: [
    ["without_me", "без меня|сами|без моего|менсиз|озим емес|оздери|мен рауссат"],
    ["on_instructions", `сам${LETTERS}|по их|по указани${LETTERS}|оздерин айтуымен|айтуымен|озим|мен рэсимдедим|рэсимдедим`],
    ["unsure", UNSURE],
    ["no", `${NO}|не оформлял${LETTERS}|рэсимделген жок`],
  ],
  day: [["today", "сегодня|бугин"], ["yesterday", "вчера|кеше"]],
  loss_kinds: [
    ["taken", `списал${LETTERS}|списан${LETTERS}|сняли|без меня|без моего|сами сняли|шешил${LETTERS}|менсиз|озим емес|кетип калды`],
    ["sent", `сам${LETTERS}|я перев${LETTERS}|перевел${LETTERS}|перевела|отправил${LETTERS}|озим|аудардым|жибердим`],
  ],
  biometrics: [["unsure", UNSURE], ["no", `${NO}|не проходил${LETTERS}|откен жок|отпедим`], ["yes", `${YES}|проходил${LETTERS}|откен|оттим`]],
  part_of_day: [
    ["morning", `утр${LETTERS}|с утра|танертен${LETTERS}|тангы|танда`],
    ["afternoon", `дн[её]м|днем|в обед|обед${LETTERS}|после обеда|тусте|тустен кейин|туски|кундиз${LETTERS}`],
    ["evening", `вечер${LETTERS}|кешке|кешки|кешкурым${LETTERS}`],
    ["night", `ноч${LETTERS}|тунде|тунги|тун`],
  ],
  disclosure_ways: [
    ["typed_on_site", `сайт${LETTERS}|страниц${LETTERS}|ссылк${LETTERS}|ввел${LETTERS}|вв[её]л|набрал${LETTERS}|сайтка|бетке|силтеме${LETTERS}|енгиз${LETTERS}|жаздым|жазды|терди|тердим`],
    ["sent_in_message", `сообщени${LETTERS}|переписк${LETTERS}|в чат${LETTERS}|в ватсап|в whatsapp|в телеграм${LETTERS}|отправил${LETTERS}|скинул${LETTERS}|жибердим|жиберди|хабарлама${LETTERS}`],
    ["told_caller", `сказал${LETTERS}|продиктовал${LETTERS}|назвал${LETTERS}|по телефону|сообщил${LETTERS}|айттым|айтты|айтып|телефонмен`],
  ],
  card_data: [
    ["number", `номер${LETTERS}|номир${LETTERS}|весь номер|16 цифр`],
    ["expiry", `срок${LETTERS}|мерзим${LETTERS}|дат${LETTERS}|месяц и год`],
    ["cvv", `cvv${LETTERS}|cvc${LETTERS}|свв|цвв|три цифры|уш сан${LETTERS}|обороте|артындагы`],
    ["pin", `пин${LETTERS}|pin`],
  ],
  code_sources: [
    ["egov_1414", `1414|егов${LETTERS}|egov${LETTERS}|цон|хкко`],
    ["operator", `оператор${LETTERS}|beeline|билайн|kcell|кселл|tele2|теле2|altel`],
    ["messenger", `whatsapp|ватсап${LETTERS}|телеграм${LETTERS}|telegram`],
    ["bank", `банк${LETTERS}|kaspi|каспи${LETTERS}|halyk|халык${LETTERS}|смс|sms|push|пуш`],
  ],
  apps: [
    ["anydesk", `anydesk|any desk|анидеск${LETTERS}|эни ?деск${LETTERS}|энидеск${LETTERS}`],
    ["rustdesk", `rustdesk|раст ?деск${LETTERS}`],
    ["teamviewer", `teamviewer|team viewer|тимвьюер${LETTERS}`],
    ["screen_share", `демонстрац${LETTERS} экран${LETTERS}|показ${LETTERS} экран|экранды корсет${LETTERS}|экранды бол${LETTERS}|screen ?shar${LETTERS}`],
    ["apk", "apk|апк|\\.apk"],
  ],
  personal_data: [
    ["iin", "иин|жсн|iin"],
    ["id_photo", `удостоверени${LETTERS}|паспорт${LETTERS}|куалик${LETTERS}`],
    ["egov_password", `пароль${LETTERS} (?:от )?(?:егов${LETTERS}|egov${LETTERS})|егов${LETTERS}|egov${LETTERS}`],
    ["selfie_biometrics", `селфи|биометри${LETTERS}|видеоидентификац${LETTERS}`],
  ],
  channels: [
    ["messenger_call", `звон${LETTERS} (?:в|по|через) (?:ватсап${LETTERS}|whatsapp|телеграм${LETTERS}|telegram)|(?:ватсап${LETTERS}|whatsapp|телеграм${LETTERS}|telegram) (?:арқылы )?коныра${LETTERS}`],
    ["video_call", `видеозвон${LETTERS}|видео ?звон${LETTERS}|видеокон${LETTERS}|бейнекон${LETTERS}`],
    ["phone_call", `позвонил${LETTERS}|звонил${LETTERS}|звонок|звонк${LETTERS}|по телефону|коныра${LETTERS}|хабарласты`],
    ["sms", "смс|sms|эсэмэс"],
    ["messenger_message", `написал${LETTERS} в|написал${LETTERS}|в (?:ватсап${LETTERS}|whatsapp|телеграм${LETTERS}|telegram)|(?:ватсап|whatsapp|телеграм|telegram)${LETTERS}`],
    ["social_network", `инстаграм${LETTERS}|instagram|facebook|фейсбук${LETTERS}|вконтакте|tiktok|тикток${LETTERS}`],
    ["marketplace", `olx|олх|крыш${LETTERS}|krisha|kolesa|колес${LETTERS}|market\\.kz|объявлени${LETTERS}|хабарландыру${LETTERS}`],
    ["website_or_ad", `сайт${LETTERS}|реклам${LETTERS}|ссылк${LETTERS}|силтеме${LETTERS}`],
    ["in_person", `лично|встретил${LETTERS}|кездест${LETTERS}`],
  ],
  already_done: [
    ["nothing", "ничего|ештене|ештенке|еш нарсе"],
    ["called_bank", `позвонил${LETTERS} в банк|в банк|банкке|банк${LETTERS}`],
    ["card_blocked", `заблокировал${LETTERS}|блок${LETTERS}|бугатта${LETTERS}`],
    ["called_102", `102|позвонил${LETTERS} в полиц${LETTERS}|полицияга|полицияга коныра${LETTERS}`],
    ["statement_filed", `заявлени${LETTERS}|арыз${LETTERS}|куи|талон${LETTERS}`],
  ],
  methods: [
    ["card_to_card", `на карту|с карты на карту|по карте|картага|картасына|карта${LETTERS}`],
    ["phone_number", `по номеру|на номер|номир${LETTERS}|номер${LETTERS} телефон${LETTERS}|телефон${LETTERS}`],
    ["iban", `iban|иибан|на сч[её]т|сч[её]т${LETTERS}|шот${LETTERS}|реквизит${LETTERS}`],
    ["e_wallet", `кошел[её]к${LETTERS}|qiwi|киви|webmoney|юмани|yoomoney|электрон${LETTERS} кошел${LETTERS}|эмиян${LETTERS}`],
    ["crypto", `крипт${LETTERS}|usdt|биткоин${LETTERS}|bitcoin|btc|binance|бинанс${LETTERS}|tether|тезер`],
    ["cash_courier", `наличн${LETTERS}|курьер${LETTERS}|колма-кол|кольма-кол|налич${LETTERS}|отдал${LETTERS} деньги|бердим`],
    ["atm_deposit", `банкомат${LETTERS}|терминал${LETTERS}`],
  ],
  identities: [
    ["national_bank_or_regulator", `нацбанк${LETTERS}|национальн${LETTERS} банк${LETTERS}|улттык банк${LETTERS}|аррфр|агентств${LETTERS}|реттеу`],
    ["bank", `банк${LETTERS}|служб${LETTERS} безопасност${LETTERS}|кауипсиздик кызмет${LETTERS}|kaspi|каспи|halyk|халык`],
    ["police", `полиц${LETTERS}|следовател${LETTERS}|мвд|иим|тергеуши|майор|капитан|лейтенант`],
    ["knb", "кнб|укк|комитет национальной"],
    ["prosecutor", `прокур${LETTERS}`],
    ["financial_monitoring", `афм|финмониторинг${LETTERS}|финансов${LETTERS} мониторинг${LETTERS}|каржылык мониторинг${LETTERS}`],
    ["mobile_operator", `оператор${LETTERS}|beeline|билайн|kcell|кселл|tele2|теле2|altel|алтел|activ|актив`],
    ["egov_or_service", `егов${LETTERS}|egov${LETTERS}|цон|хкко|почт${LETTERS}|казпочта|поликлиник${LETTERS}|курьер${LETTERS}|енпф|бжзк|налогов${LETTERS}`],
    ["relative_or_friend", `родственни${LETTERS}|друг|подруг${LETTERS}|сын|доч${LETTERS}|брат${LETTERS}|сестр${LETTERS}|туыс${LETTERS}|досым|ини${LETTERS}|апа${LETTERS}|кызым|улым`],
    ["seller", `продав${LETTERS}|сатушы${LETTERS}`],
    ["buyer", `покупател${LETTERS}|сатып алушы${LETTERS}|алушы`],
    ["employer", `работодател${LETTERS}|работ${LETTERS}|жумыс${LETTERS}|hr`],
    ["investment_manager", `инвест${LETTERS}|брокер${LETTERS}|менеджер${LETTERS}|трейд${LETTERS}`],
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
