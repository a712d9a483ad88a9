/**
 * Every function that reads text a stranger can type, and inputs built to make a
 * careless parser slow: long runs of what each parser looks for, almost matching.
 * Used by the linear-time test (test/unit/parsers-linear.test.ts).
 */

import * as admin from "../../src/bot/callback-data/admin.js";
import * as alerts from "../../src/bot/callback-data/alerts.js";
import * as check from "../../src/bot/callback-data/check.js";
import type { callbackCodec } from "../../src/bot/callback-data/codec.js";
import * as documents from "../../src/bot/callback-data/documents.js";
import * as dropper from "../../src/bot/callback-data/dropper.js";
import * as menu from "../../src/bot/callback-data/menu.js";
import * as myReports from "../../src/bot/callback-data/my-reports.js";
import * as police from "../../src/bot/callback-data/police.js";
import * as privacy from "../../src/bot/callback-data/privacy.js";
import * as questionnaire from "../../src/bot/callback-data/questionnaire.js";
import * as report from "../../src/bot/callback-data/report.js";
import * as schemes from "../../src/bot/callback-data/schemes.js";
import * as story from "../../src/bot/callback-data/story.js";
import { sanitizeUpdate } from "../../src/bot/delivery/sanitize.js";
import { loadDefaultCatalog } from "../../src/catalog/load.js";
import { readAmounts } from "../../src/core/identifiers/amount-reader.js";
import { findBank } from "../../src/core/identifiers/banks.js";
import { parseCard, parseMaskedCard } from "../../src/core/identifiers/card.js";
import { parseDate, parseDateTime, parsePartOfDay, parseTime } from "../../src/core/identifiers/dates.js";
import { findIdentifiers } from "../../src/core/identifiers/detect.js";
import { phonesAndCards } from "../../src/core/identifiers/digit-runs.js";
import { parseHandle, parseLink, parseUsername } from "../../src/core/identifiers/handle.js";
import { parseIban } from "../../src/core/identifiers/iban.js";
import { parseIin } from "../../src/core/identifiers/iin.js";
import { parseAmount } from "../../src/core/identifiers/money.js";
import { parsePhone, parseShortNumber } from "../../src/core/identifiers/phone.js";
import { foldKazakh } from "../../src/core/identifiers/text.js";
import { parseDevice } from "../../src/core/identifiers/victim.js";
import { parseWallet } from "../../src/core/identifiers/wallet.js";
import { applyInput } from "../../src/core/questionnaire/answer.js";
import { cleanText, parseLast4, parsers } from "../../src/core/questionnaire/parsers.js";
import { STEP_IDS, stepDef } from "../../src/core/questionnaire/steps.js";
import { tokenize } from "../../src/core/recognition/normalize.js";
import { protectText } from "../../src/core/redact.js";
import { emptyAnswers } from "../../src/core/report/answers.js";
import { parseVerifyPayload } from "../../src/core/report/signature.js";
import { extractFacts } from "../../src/core/story/facts.js";
import { readLookupInput } from "../../src/services/lookup.js";

export const SIZE = 64 * 1024;

const fill = (unit: string, size = SIZE) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/**
 * Repeated units, each the start of something some parser reads: digit groups (phones,
 * cards, sums), masked cards, IBAN and wallet starts, links and e-mails, the words of
 * secrets, number words, dates and times, and invisible characters.
 */
// biome-ignore format: a list reads better in rows
const UNITS = [
  "1 ", "1-", "1.", "1(", "+7 ", "7", "4400 4301 2345 6789 ", "**** 1234 ", "•", "KZ12", "a.", "@a", "a@a.", "1A",
  "код ", "код 1 ", "код1", "пароль ", "пароль a1 ", "кодовое слово ", "cvv ", "сто два ", "1 000 000 ", "12 марта ",
  "кеше ", "в 14:30 ", "14 30 ", "\u202e1", "::", "назвала цифры 1 ", "цифры ",
  "перевела 1 на 4400 4301 2345 6789 и ", "на ", "полтос ", "20 косарей ", "сотка ",
];

const NOW = new Date("2026-06-15T08:00:00Z");

/** A mix of every unit, seeded, so the test sees the same bytes every run. */
function mixed(seed: number, size = SIZE): string {
  let state = seed >>> 0;
  let out = "";
  while (out.length < size) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out += UNITS[state % UNITS.length];
  }
  return out.slice(0, size);
}

export function adversarialInputs(size = SIZE): [string, string][] {
  return [
    ...UNITS.map((unit): [string, string] => [JSON.stringify(unit), fill(unit, size)]),
    ["mixed #1", mixed(1, size)],
    ["mixed #2", mixed(2, size)],
  ];
}

const catalog = loadDefaultCatalog();
const codecs = [
  admin,
  alerts,
  check,
  documents,
  dropper,
  menu,
  myReports,
  police,
  privacy,
  questionnaire,
  report,
  schemes,
  story,
].flatMap((module) =>
  Object.entries(module).filter((entry): entry is [string, ReturnType<typeof callbackCodec>] => {
    const value = entry[1] as { unpack?: unknown };
    return typeof value === "object" && value !== null && typeof value.unpack === "function";
  }),
);

const message = (text: string) =>
  ({
    update_id: 1,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 1, type: "private", first_name: "a" },
      from: { id: 1, is_bot: false, first_name: "a" },
      text,
    },
  }) as unknown as Parameters<typeof sanitizeUpdate>[0];

/** Every reader of untrusted text, by name (wrappers that only pass the text on are left out). */
export const PARSERS: [string, (text: string) => unknown][] = [
  ["parseCard", parseCard],
  ["parseMaskedCard", parseMaskedCard],
  ["parsePhone", parsePhone],
  ["parseShortNumber", parseShortNumber],
  ["parseIban", parseIban],
  ["parseIin", parseIin],
  ["parseHandle", parseHandle],
  ["parseUsername", parseUsername],
  ["parseLink", parseLink],
  ["parseWallet", parseWallet],
  ["parseAmount", parseAmount],
  ["readAmounts", (t) => readAmounts(foldKazakh(t))],
  ["parseDate", (t) => parseDate(t, NOW)],
  ["parseDateTime", (t) => parseDateTime(t, NOW)],
  ["parseTime", parseTime],
  ["parsePartOfDay", parsePartOfDay],
  ["findBank", findBank],
  ["phonesAndCards", phonesAndCards],
  ["findIdentifiers", findIdentifiers],
  ["parseDevice", parseDevice],
  ["extractFacts (the story's pre-fill: sums, roles of numbers, device)", (t) => extractFacts(t, NOW, emptyAnswers())],
  ["readLookupInput (parseIdentifier)", readLookupInput],
  ["protectText (the secret detector)", (t) => protectText(t)],
  // The sanitiser cleans captions and file names with the same detector as texts.
  ["cleanText", cleanText],
  ["parseLast4", parseLast4],
  ["parsers.phones", (t) => parsers.phones(t)],
  ["parsers.handles", (t) => parsers.handles(t)],
  ["recognition tokenize", tokenize],
  ["recognize (default catalogue)", (t) => catalog.recognize({ text: t })],
  ["parseVerifyPayload", parseVerifyPayload],
  ["callback codecs", (t) => codecs.map(([, codec]) => codec.unpack(t))],
  ["sanitizeUpdate", (t) => sanitizeUpdate(message(t))],
  [
    "questionnaire answers (every text step)",
    (t) =>
      STEP_IDS.filter((step) => stepDef(step).kind === "text").map((step) =>
        applyInput(emptyAnswers(), { step }, { type: "text", text: t }, { now: NOW }),
      ),
  ],
];
