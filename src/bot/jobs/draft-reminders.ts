import { and, eq, isNull, lt } from "drizzle-orm";
import { type Bot, GrammyError, InlineKeyboard } from "grammy";
import { reports, users } from "../../db/schema.js";
import { markBlocked } from "../../db/users.js";
import { menuData } from "../callback-data/menu.js";
import type { AppContext } from "../context.js";
import type { BotDeps } from "../deps.js";
import { Pacer } from "./pace.js";

const DAY = 24 * 3600_000;

/** A draft left for a day is offered back once: «continue your report?» (paced: a broadcast). */
export async function remindDrafts(bot: Bot<AppContext>, deps: BotDeps): Promise<number> {
  const { db, i18n } = deps;
  const before = new Date(deps.now().getTime() - DAY).toISOString();
  const due = db
    .select({ id: reports.id, userId: reports.userId, lang: users.language })
    .from(reports)
    .innerJoin(users, eq(users.id, reports.userId))
    .where(
      and(
        eq(reports.status, "draft"),
        lt(reports.updatedAt, before),
        isNull(reports.remindedAt),
        eq(users.blockedBot, false),
      ),
    )
    .limit(200)
    .all();
  let sent = 0;
  const pacer = new Pacer();
  for (const d of due) {
    const lang = d.lang ?? "ru";
    db.update(reports).set({ remindedAt: deps.now().toISOString() }).where(eq(reports.id, d.id)).run();
    const keyboard = InlineKeyboard.from([
      [InlineKeyboard.text(i18n.t(lang, "questionnaire:draft.continue"), menuData.pack({ to: "continue" }))],
    ]);
    const done = await pacer.turn();
    try {
      await bot.api.sendMessage(d.userId, i18n.t(lang, "questionnaire:draft.reminder"), { reply_markup: keyboard });
      sent++;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) markBlocked(db, d.userId, true);
      else throw error;
    } finally {
      done();
    }
  }
  return sent;
}
