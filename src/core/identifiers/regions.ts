/**
 * Regions named the way people write them: in Russian, Kazakh or Latin letters,
 * in any grammatical case («Алматы», «Алматыда», «Almaty», «Караганде»,
 * «Қарағандыда», «Карагандинская обл.»), by an abbreviation (ВКО, СҚО), or by
 * the region's main city (Семей, Өскемен, Тараз). Matched on text folded by
 * `foldKazakh`, so a Kazakh word typed on a Russian keyboard matches too.
 *
 * «Алматы» alone is the city; with «облысы»/«область» after it, or as
 * «Алматинская», it is the oblast around it.
 */
import { REGIONS, type Region } from "../model.js";
import { foldKazakh, WORD_END, WORD_START } from "./text.js";

const ANY = "\\p{L}*";
/** A word that says "oblast" after a name: облысы, область, обл., region. */
const OBLAST = `(?:\\s*(?:облыс${ANY}|област${ANY}|обл\\.?|region|oblast|oblysy))`;

/** Each region's names on folded text (ә→а, қ→к, ө→о, ұ/ү→у, і→и…), most specific first. */
const NAMES: [Region, string][] = [
  ["almaty_region", `алматинск${ANY}${OBLAST}?|алмат[ыа]${ANY}${OBLAST}|almaty${OBLAST}|almaty_region|конаев${ANY}`],
  ["almaty", `алмат[ыа]${ANY}|алма-?ат${ANY}|almaty|almata|alma-?ata`],
  ["astana", `астан${ANY}|нур-?султан${ANY}|astana|nur-?sultan`],
  ["shymkent", `шымкент${ANY}|чимкент${ANY}|shymkent|chimkent`],
  ["abai", `абай${ANY}${OBLAST}?|абайск${ANY}${OBLAST}?|семе[йи]${ANY}|abai|abay`],
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
    `западно-?казахстанск${ANY}${OBLAST}?|зко|батыс\\s+казакстан${ANY}${OBLAST}?|бко|уральск${ANY}|орал${ANY}|west[ _-]?kazakhstan`,
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

/** «Область Абай», «Область Жетісу»: the newer oblasts are named with the word first. */
const OBLAST_FIRST = "(?:област\\p{L}*\\s+)?";

const PATTERN = new RegExp(
  `${WORD_START}${OBLAST_FIRST}(?:${NAMES.map(([, names], i) => `(?<r${i}>${names})`).join("|")})${WORD_END}`,
  "giu",
);

export interface RegionMention {
  region: Region;
  start: number;
  end: number;
}

/** Every region named in the text, in order; a name is taken once, the longest reading first. */
export function findRegions(text: string): RegionMention[] {
  const found: RegionMention[] = [];
  for (const m of foldKazakh(text).matchAll(PATTERN)) {
    const i = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
    const region = i === undefined ? undefined : NAMES[Number(i.slice(1))]?.[0];
    if (region) found.push({ region, start: m.index, end: m.index + m[0].length });
  }
  return found;
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
