import { type Bot, GrammyError, InlineKeyboard } from "grammy";
import { claimReminder, remindersDue } from "../../db/drafts.js";
import { markBlocked } from "../../db/users.js";
import { menuData } from "../callback-data/menu.js";
import type { AppContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { broadcastPacer } from "./pace.js";

const DAY = 24 * 3600_000;

/**
 * A draft left for a day is offered back once: «continue your report?» (paced: a
 * broadcast). Each reminder is claimed before it is sent, so of several instances
 * running this job at once exactly one sends it.
 */
export async function remindDrafts(bot: Bot<AppContext>, deps: BotDeps): Promise<number> {
  const { db, i18n } = deps;
  const due = await remindersDue(db, new Date(deps.now().getTime() - DAY), 200);
  let sent = 0;
  // The alerts' pacer: both together stay under Telegram's limit for messages nobody asked for.
  const pacer = broadcastPacer(deps);
  for (const d of due) {
    const lang = d.lang ?? "ru";
    const keyboard = InlineKeyboard.from([
      [InlineKeyboard.text(i18n.t(lang, "questionnaire:draft.continue"), menuData.pack({ to: "continue" }))],
    ]);
    // The turn comes before the claim: a claimed reminder goes out at once.
    const done = await pacer.turn();
    try {
      if (!(await claimReminder(db, d.id, deps.now()))) continue;
      await bot.api.sendMessage(d.userId, i18n.t(lang, "questionnaire:draft.reminder"), { reply_markup: keyboard });
      sent++;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) await markBlocked(db, d.userId, true);
      else throw error;
    } finally {
      done();
    }
  }
  return sent;
}
