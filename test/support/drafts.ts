/**
 * Getting a person to a given point of the questionnaire, and reading their
 * draft from the database as the test's ground truth.
 */
import type { Update } from "grammy/types";
import type { Lang } from "../../src/core/model.js";
import type { UserHandle } from "../emulator/index.js";
import { rows } from "./db-reader.js";
import { type Harness, nextQuestion } from "./harness.js";
import { play } from "./questionnaire-driver.js";
import { label, scenarios } from "./scenarios.js";
import { consentedUser } from "./users.js";

/** A consented person whose questionnaire stands at the story (free text) question. */
export async function atNarrative(h: Harness, id: number, lang: Lang): Promise<UserHandle> {
  const u = await consentedUser(h, id, lang);
  u.press(label(lang, "menu:items.report"));
  await nextQuestion(u);
  await play(u, [
    { press: label(lang, "questionnaire:steps.urgent.continue") },
    { press: label(lang, "common:filed_for.self") },
  ]);
  return u;
}

/** A story that tells no fact to confirm (no call, sum, number or date): the date question comes next. */
export const STORY = {
  ru: "Сказали из банка, что карта заблокирована, и попросили перевести деньги на безопасный счёт.",
  kk: "Банктен хабарласып, карта бұғатталды деді, ақшаны қауіпсіз шотқа аударуды сұрады.",
};

/** Continues from the story question to the channels (multiple choice) question. */
export async function toChannels(u: UserHandle, lang: Lang): Promise<void> {
  await play(u, [{ type: STORY[lang] }, { press: label(lang, "common:day.yesterday") }, { type: "19:30" }]);
}

export interface DraftRow {
  id: number;
  narrative: string | null;
  channels: string;
  cursor: string;
  rev: number;
  updated_at: string;
}

/** The person's newest report row (draft or submitted); what the questionnaire stored. */
export const draftOf = async (h: Harness, userId: number): Promise<DraftRow | undefined> =>
  (
    await rows<DraftRow>(
      h,
      "SELECT id, narrative, channels, cursor, rev, updated_at FROM reports WHERE user_id = ? ORDER BY id DESC LIMIT 1",
      userId,
    )
  )[0];

/** How many getUpdates answers carried this update to the bot. */
export const deliveries = (h: Harness, updateId: number): number =>
  h.emulator
    .callsOf("getUpdates")
    .filter((c) => c.outcome === "ok" && (c.result as Update[] | undefined)?.some((u) => u.update_id === updateId))
    .length;

/**
 * A consented person whose questionnaire stands at the question `step` asks
 * (its text contains that step's question), reached by playing the first
 * scenario's answers.
 */
export async function atStep(h: Harness, id: number, lang: Lang, step: string): Promise<UserHandle> {
  const u = await consentedUser(h, id, lang);
  u.press(label(lang, "menu:items.report"));
  let shown = await nextQuestion(u);
  const question = label(lang, `questionnaire:steps.${step}.q`)
    .replace(/<\/?b>/g, "")
    .slice(0, 40);
  for (const move of scenarios[0]!.script(lang)) {
    if (shown.text.includes(question)) return u;
    shown = await play(u, [move]);
  }
  throw new Error(`the first scenario never reached the ${step} question`);
}
