/**
 * Regions named the way people write them: in Russian, Kazakh or Latin letters,
 * in any grammatical case («Алматы», «Алматыда», «Almaty», «Караганде»,
 * «Қарағандыда», «Карагандинская обл.»), by an abbreviation (ВКО, СҚО), or by
 * a city or town in it (Семей, Өскемен, Тараз, Теміртау, Екібастұз). Matched on
 * text folded by `foldKazakh`, so a Kazakh word typed on a Russian keyboard matches too.
 * The one reader of places: police filters and roles, and the questionnaire's region,
 * city and story facts (`findPlace`).
 *
 * «Алматы» alone is the city; with «облысы»/«область» after it, or as
 * «Алматинская», it is the oblast around it.
 */
import { REGIONS, type Region } from "../model.js";
import { foldKazakh, LETTERS, WORD_END, WORD_START } from "./text.js";

const ANY = LETTERS;
/** A word that says "oblast" after a name: облысы, область, обл., region. */
const OBLAST = `(?:\\s*(?:облыс${ANY}|област${ANY}|обл\\.?|region|oblast|oblysy))`;

/** Each region's names on folded text (ә→а, қ→к, ө→о, ұ/ү→у, і→и…), most specific first. */
const NAMES: [Region, string][] = [
  ["almaty_region", `алматинск${ANY}${OBLAST}?|алмат[ыа]${ANY}${OBLAST}|almaty${OBLAST}|almaty_region|конаев${ANY}`],
  ["almaty", `алмат[ыаеу]${ANY}|алма-?ат${ANY}|almaty|almata|alma-?ata`],
  ["astana", `астан${ANY}|нур-?султан${ANY}|astana|nur-?sultan`],
  ["shymkent", `шымкент${ANY}|чимкент${ANY}|shymkent|chimkent`],
  // «семейный» is no Semey: the city's own case forms only
  [
    "abai",
    `абай${ANY}${OBLAST}?|абайск${ANY}${OBLAST}?|семе[йи]|семе(?:я|е|ем|йде|йден|йге|йдин)|семипалатинск${ANY}|abai|abay`,
  ],
  ["akmola", `акмол${ANY}${OBLAST}?|кокшетау${ANY}|akmola|aqmola`],
  ["aktobe", `актоб${ANY}${OBLAST}?|актюб${ANY}${OBLAST}?|aktobe|aqtobe`],
  ["atyrau", `атырау${ANY}${OBLAST}?|atyrau`],
  [
    "east_kazakhstan",
    `восточно-?казахстанск${ANY}${OBLAST}?|вко|шыгыс\\s+казакстан${ANY}${OBLAST}?|шко|усть-?каменогорск${ANY}|оскемен${ANY}|east[ _-]?kazakhstan`,
  ],
  ["zhambyl", `жамбыл${ANY}${OBLAST}?|тараз${ANY}|zhambyl|jambyl`],
  ["zhetisu", `жетису${ANY}${OBLAST}?|жетысу${ANY}${OBLAST}?|талдыкорган${ANY}|zhetisu|jetisu`],
  [
    "west_kazakhstan",
    `западно-?казахстанск${ANY}${OBLAST}?|зко|батыс\\s+казакстан${ANY}${OBLAST}?|бко|уральск${ANY}|орал(?:да|дан|га|дын|дагы)?|west[ _-]?kazakhstan`,
  ],
  ["karaganda", `караган${ANY}${OBLAST}?|karaganda|karagandy|qaragandy`],
  ["kostanay", `костана${ANY}${OBLAST}?|kostanay|kostanai|qostanay`],
  ["kyzylorda", `кызылорд${ANY}${OBLAST}?|kyzylorda|qyzylorda`],
  ["mangystau", `манг[иы]ст${ANY}${OBLAST}?|актау${ANY}|mangystau|mangistau`],
  ["pavlodar", `павлодар${ANY}${OBLAST}?|pavlodar`],
  [
    "north_kazakhstan",
    `северо-?казахстанск${ANY}${OBLAST}?|ско|солтустик\\s+казакстан${ANY}${OBLAST}?|петропавл${ANY}|north[ _-]?kazakhstan`,
  ],
  ["turkistan", `туркестан${ANY}${OBLAST}?|туркистан${ANY}${OBLAST}?|turkistan|turkestan`],
  ["ulytau", `улытау${ANY}${OBLAST}?|жезказган${ANY}|ulytau`],
];

/** A city or town named in both languages. */
export interface City {
  ru: string;
  kk: string;
}

/**
 * Cities and towns: [region, Russian name, Kazakh name, names on folded text]. The
 * regions' own names above already lead to their region; this table names the town
 * (kept as the city of a report), and the towns not named above lead to their region too.
 * The three cities of republican significance are regions themselves and not listed.
 */
// biome-ignore format: a table reads better in rows
const TOWNS: [Region, string, string, string][] = [
  ["karaganda", "Караганда", "Қарағанды", `караганд${ANY}`],
  ["karaganda", "Темиртау", "Теміртау", `темиртау${ANY}`],
  ["karaganda", "Балхаш", "Балқаш", `балхаш${ANY}|балкаш${ANY}`],
  ["karaganda", "Шахтинск", "Шахтинск", `шахтинск${ANY}`],
  ["karaganda", "Сарань", "Саран", "сарань|сарани|саранда|сараннан|саранга"],
  ["ulytau", "Жезказган", "Жезқазған", `жезказган${ANY}`],
  ["ulytau", "Сатпаев", "Сәтбаев", `сатпаев${ANY}|сатбаев${ANY}`],
  ["aktobe", "Актобе", "Ақтөбе", `актобе${ANY}|актюбинск|актюбинске`],
  ["atyrau", "Атырау", "Атырау", `атырау${ANY}`],
  ["west_kazakhstan", "Уральск", "Орал", `уральск${ANY}|орал(?:да|дан|га|дын|дагы)?`],
  ["west_kazakhstan", "Аксай", "Ақсай", `аксай${ANY}`],
  ["mangystau", "Актау", "Ақтау", `актау${ANY}`],
  ["mangystau", "Жанаозен", "Жаңаөзен", `жанаозен${ANY}`],
  ["kostanay", "Костанай", "Қостанай", `костанай${ANY}|кустанай${ANY}`],
  ["kostanay", "Рудный", "Рудный", "рудный|рудном|рудного|рудныйда|рудныйдан"],
  ["kostanay", "Лисаковск", "Лисаковск", `лисаковск${ANY}`],
  ["kostanay", "Аркалык", "Арқалық", `аркалык${ANY}`],
  ["pavlodar", "Павлодар", "Павлодар", "павлодар|павлодаре|павлодара|павлодарда|павлодардан|павлодарга"],
  ["pavlodar", "Экибастуз", "Екібастұз", `экибастуз${ANY}|екибастуз${ANY}`],
  ["north_kazakhstan", "Петропавловск", "Петропавл", `петропавл${ANY}`],
  ["akmola", "Кокшетау", "Көкшетау", `кокшетау${ANY}|кокчетав${ANY}`],
  ["akmola", "Степногорск", "Степногорск", `степногорск${ANY}`],
  ["akmola", "Щучинск", "Щучинск", `щучинск${ANY}`],
  ["akmola", "Косшы", "Қосшы", `косшы${ANY}`],
  ["east_kazakhstan", "Усть-Каменогорск", "Өскемен", `усть-?каменогорск${ANY}|оскемен${ANY}`],
  ["east_kazakhstan", "Риддер", "Риддер", `риддер${ANY}`],
  ["abai", "Семей", "Семей", `семе[йи]|семе(?:я|е|ем|йде|йден|йге|йдин)|семипалатинск${ANY}`],
  ["abai", "Аягоз", "Аягөз", `аягоз${ANY}`],
  ["abai", "Курчатов", "Курчатов", `курчатов${ANY}`],
  ["zhetisu", "Талдыкорган", "Талдықорған", `талдыкорган${ANY}`],
  ["zhetisu", "Текели", "Текелі", `текели${ANY}`],
  ["zhetisu", "Жаркент", "Жаркент", `жаркент${ANY}`],
  ["zhambyl", "Тараз", "Тараз", `тараз${ANY}`],
  ["kyzylorda", "Кызылорда", "Қызылорда", `кызылорд${ANY}`],
  ["kyzylorda", "Байконур", "Байқоңыр", `байконур${ANY}|байконыр${ANY}`],
  ["kyzylorda", "Аральск", "Арал", `аральск${ANY}`],
  ["turkistan", "Туркестан", "Түркістан", `туркестан${ANY}|туркистан${ANY}`],
  ["turkistan", "Кентау", "Кентау", `кентау${ANY}`],
  ["turkistan", "Сарыагаш", "Сарыағаш", `сарыагаш${ANY}`],
  ["turkistan", "Арыс", "Арыс", "арыс|арыси|арысе|арыста|арыска"],
  ["turkistan", "Жетысай", "Жетісай", `жетысай${ANY}|жетисай${ANY}`],
  ["almaty_region", "Конаев", "Қонаев", `конаев${ANY}|капшагай${ANY}|капчагай${ANY}`],
  ["almaty_region", "Талгар", "Талғар", `талгар${ANY}`],
  ["almaty_region", "Каскелен", "Қаскелең", `каскелен${ANY}`],
];

const townPatterns = TOWNS.map(([region, ru, kk, names]) => ({
  region,
  city: { ru, kk },
  whole: new RegExp(`^(?:${names})$`, "u"),
}));

/** «Область Абай», «Область Жетісу»: the newer oblasts are named with the word first. */
const OBLAST_FIRST = `(?:област${ANY}\\s+)?`;

// The regions' names first (an oblast before its centre), then the towns they do not name.
const PATTERN = new RegExp(
  `${WORD_START}${OBLAST_FIRST}(?:${[
    ...NAMES.map(([, names], i) => `(?<r${i}>${names})`),
    ...TOWNS.map(([, , , names], i) => `(?<t${i}>${names})`),
  ].join("|")})${WORD_END}`,
  "gu", // no "i": the text is folded (lowercased) first
);

/** The oblast itself, not its centre: «облысы», «область», «обл.», or an adjective («Карагандинская»). */
const OBLAST_NAMED = new RegExp(
  `(?:облыс|област|обл\\.?|region|oblast|oblysy)${LETTERS}$|(?:ск|зк|шк)(?:ая|ой|ую|ий|ого|ому|ом|ое)$`,
  "u",
);

export interface RegionMention {
  region: Region;
  /** The city or town named, when the name is one (not the oblast, not Almaty, Astana or Shymkent). */
  city?: City;
  /** The name stands alone (no «облысы», no adjective): «Абай», «Жамбыл» may be a person or a street. */
  bare: boolean;
  start: number;
  end: number;
}

function mention(key: string, named: string, start: number): RegionMention | undefined {
  const end = start + named.length;
  const bare = !OBLAST_NAMED.test(named) && !named.startsWith("област");
  if (key.startsWith("t")) {
    const town = townPatterns[Number(key.slice(1))];
    return town && { region: town.region, city: town.city, bare, start, end };
  }
  const region = NAMES[Number(key.slice(1))]?.[0];
  if (!region) return undefined;
  const city = bare ? townPatterns.find((t) => t.region === region && t.whole.test(named))?.city : undefined;
  return { region, ...(city ? { city } : {}), bare, start, end };
}

/** Every region named in the text, in order; a name is taken once, the longest reading first. */
export function findRegions(text: string): RegionMention[] {
  const found: RegionMention[] = [];
  for (const m of foldKazakh(text).matchAll(PATTERN)) {
    const key = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    const at = key === undefined ? undefined : mention(key, m[0].toLowerCase(), m.index);
    if (at) found.push(at);
  }
  return found;
}

/** Oblasts that share their name with a poet, a people's hero or a district: in free text only with «облысы». */
const NAMESAKES = new Set<Region>(["abai", "zhambyl", "zhetisu"]);

/** The place a free text names (a story, an address, an answer): the first region or town mentioned. */
export function findPlace(text: string): { region: Region; city?: City } | undefined {
  const place = findRegions(text).find((m) => !(m.bare && !m.city && NAMESAKES.has(m.region)));
  return place && { region: place.region, ...(place.city ? { city: place.city } : {}) };
}

/** The region a whole short text names («Алматыда», «almaty_region»), or undefined. */
export function readRegion(text: string): Region | undefined {
  const trimmed = text.trim();
  if ((REGIONS as readonly string[]).includes(trimmed.toLowerCase())) return trimmed.toLowerCase() as Region;
  const [only, ...more] = findRegions(trimmed);
  return only && more.length === 0 && only.start === 0 && only.end === trimmed.length ? only.region : undefined;
}

/** Words that mean "every region" where regions are given. */
const ALL = /^(?:all|\*|все|всех|вся|барлық|барлык|бәрі|бари)$/iu;
/** What may stand between two regions in a list: spaces, commas, "and". */
const BETWEEN = /^[\s,;]*(?:(?:и|және|and)[\s,;]+)?$/iu;

export interface LeadingRegions {
  regions: Region[];
  all: boolean;
  /** The text after the regions. */
  rest: string;
}

/**
 * Regions at the start of a text, as long as they run («almaty, Қарағанды облысы УП №2»
 * → almaty and karaganda, then "УП №2"); "all" / «все» / «барлық» means every region.
 */
export function readLeadingRegions(text: string): LeadingRegions {
  const regions: Region[] = [];
  let all = false;
  let at = 0;
  const allWord = /^[\s,;]*(\S+)/u;
  for (;;) {
    const word = allWord.exec(text.slice(at));
    if (word && ALL.test(word[1]!)) {
      all = true;
      at += word[0].length;
      continue;
    }
    const next = findRegions(text.slice(at))[0];
    if (!next || !BETWEEN.test(text.slice(at, at + next.start))) break;
    if (!regions.includes(next.region)) regions.push(next.region);
    at += next.end;
  }
  return {
    regions,
    all,
    rest: text
      .slice(at)
      .replace(/^[\s,;]+/, "")
      .trim(),
  };
}
