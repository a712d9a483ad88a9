/**
 * A person who writes (not forwards) in the other language is asked, once, whether to continue in it
 * («Қазақша жалғастырайық па?» / «Продолжим по-русски?»). What they wrote is handled
 * first, as it came (an answer stays an answer): the question follows it and nothing
 * switches until they say yes. Yes is their language from then on (chat, «/» menu,
 * documents); no is remembered too, and that language is not offered again.
 */
import { Composer } from "grammy";
import { otherLanguageWritten } from "../../core/language/detect.js";
import type { Lang } from "../../core/model.js";
import { activeDraftId } from "../../db/drafts.js";
import { declineLanguage } from "../../db/users.js";
import { MemoryMap } from "../../services/memory-map.js";
import { languageData, languageOfferData } from "../callback-data/menu.js";
import type { AppContext, BaseContext } from "../context.js";
import { languageOfferKeyboard } from "../keyboards/menu.js";
import { chooseLanguage, type PendingLanguages } from "../middlewares/context.js";
import { enterQuestionnaire } from "./report.js";

/** An unanswered offer is not repeated for this long, however much the person writes. */
const OFFER_PAUSE_MS = 30 * 60_000;

const declinedBy = (ctx: BaseContext, pending: PendingLanguages): Lang | undefined =>
  ctx.user?.declinedLanguage ?? (ctx.from ? pending.declined(ctx.from.id) : undefined);

/**
 * `ask` goes before the questionnaire and the features (they handle the message first,
 * then it may ask); `answers` goes after the conversations plugin (yes may re-enter the
 * questionnaire).
 */
export function languageOfferFeature(pending: PendingLanguages): {
  ask: Composer<AppContext>;
  answers: Composer<AppContext>;
} {
  const ask = new Composer<AppContext>();
  const answers = new Composer<AppContext>();
  const offered = new MemoryMap<number, true>(OFFER_PAUSE_MS, 50_000);

  ask.chatType("private").on("message:text", async (ctx, next) => {
    await next();
    const text = ctx.message.text;
    // A forwarded message was written by someone else (often the fraudster); a command is no language.
    if (ctx.message.forward_origin || text.startsWith("/")) return;
    const other = otherLanguageWritten(text, ctx.lang);
    const now = ctx.deps.now();
    if (!other || declinedBy(ctx, pending) === other || offered.get(ctx.from.id, now)) return;
    offered.set(ctx.from.id, true, now);
    const t = ctx.deps.i18n.t;
    await ctx.reply(t(other, "start:offer.question"), {
      reply_markup: languageOfferKeyboard(t, other, ctx.lang),
    });
  });

  answers.chatType("private").callbackQuery(languageOfferData.filter, async (ctx) => {
    const offer = languageOfferData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (!offer) return;
    offered.delete(ctx.from.id);
    if (offer.v === "no") {
      if (ctx.user?.consentAt) {
        await declineLanguage(ctx.deps.db, ctx.from.id, offer.l);
        ctx.user = { ...ctx.user, declinedLanguage: offer.l };
      } else pending.decline(ctx.from.id, offer.l);
      await ctx.reply(ctx.t("start:offer.kept"));
      return;
    }
    if (ctx.lang !== offer.l) await chooseLanguage(ctx, pending, offer.l);
    if (!(await askQuestionAgain(ctx))) await ctx.reply(ctx.t("start:language_set"));
  });
  // A language chosen with «/language» in the middle of the report (start.ts passes it on).
  answers.chatType("private").callbackQuery(languageData.filter, async (ctx) => {
    if (!(await askQuestionAgain(ctx))) await ctx.reply(ctx.t("start:language_set"));
  });
  return { ask, answers };
}

/**
 * In the middle of the report, after the language changed (by the offer or «/language»):
 * says so, then the question they are at, now in their language. False outside a report.
 */
async function askQuestionAgain(ctx: AppContext): Promise<boolean> {
  const draftId = ctx.user?.consentAt && ctx.from ? await activeDraftId(ctx.deps.db, ctx.from.id) : undefined;
  if (draftId === undefined) return false;
  await ctx.reply(ctx.t("start:language_set"));
  await enterQuestionnaire(ctx, draftId);
  return true;
}
