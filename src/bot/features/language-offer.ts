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
import { declinePreConsentLanguage, markPreConsentOffer, preConsentLanguage } from "../../db/pre-consent-languages.js";
import { declineLanguage, markLanguageOffered } from "../../db/users.js";
import { languageData, languageOfferData } from "../callback-data/menu.js";
import type { AppContext, BaseContext } from "../context.js";
import { languageOfferKeyboard } from "../keyboards/menu.js";
import { chooseLanguage } from "../middlewares/context.js";
import { enterQuestionnaire } from "./report.js";

/** An unanswered offer is not repeated for this long, however much the person writes. */
const OFFER_PAUSE_MS = 30 * 60_000;

/**
 * What the person said no to, and when the other language was last offered: on their row
 * after consent, as a bare language record before it (db/pre-consent-languages.ts).
 */
async function offerState(ctx: BaseContext): Promise<{ declined?: Lang; offeredAt?: string }> {
  const row = ctx.user?.consentAt
    ? ctx.user
    : ctx.from
      ? await preConsentLanguage(ctx.deps.db, ctx.from.id)
      : undefined;
  return {
    ...(row?.declinedLanguage ? { declined: row.declinedLanguage } : {}),
    ...(row?.languageOfferedAt ? { offeredAt: row.languageOfferedAt } : {}),
  };
}

async function markOffered(ctx: BaseContext, at: Date | null): Promise<void> {
  if (!ctx.from) return;
  const iso = at?.toISOString() ?? null;
  if (ctx.user?.consentAt) await markLanguageOffered(ctx.deps.db, ctx.from.id, iso);
  else await markPreConsentOffer(ctx.deps.db, ctx.from.id, iso, ctx.deps.now());
}

/**
 * `ask` goes before the questionnaire and the features (they handle the message first,
 * then it may ask); `answers` goes after the questionnaire (yes may re-enter the
 * questionnaire).
 */
export function languageOfferFeature(): {
  ask: Composer<AppContext>;
  answers: Composer<AppContext>;
} {
  const ask = new Composer<AppContext>();
  const answers = new Composer<AppContext>();

  ask.chatType("private").on("message:text", async (ctx, next) => {
    await next();
    const text = ctx.message.text;
    // A forwarded message was written by someone else (often the fraudster); a command is no language.
    if (ctx.message.forward_origin || text.startsWith("/")) return;
    const other = otherLanguageWritten(text, ctx.lang);
    const now = ctx.deps.now();
    if (!other) return;
    const { declined, offeredAt } = await offerState(ctx);
    if (declined === other || (offeredAt && now.getTime() - Date.parse(offeredAt) < OFFER_PAUSE_MS)) return;
    await markOffered(ctx, now);
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
    await markOffered(ctx, null);
    if (offer.v === "no") {
      if (ctx.user?.consentAt) {
        await declineLanguage(ctx.deps.db, ctx.from.id, offer.l);
        ctx.user = { ...ctx.user, declinedLanguage: offer.l };
      } else await declinePreConsentLanguage(ctx.deps.db, ctx.from.id, offer.l, ctx.deps.now());
      await ctx.reply(ctx.t("start:offer.kept"));
      return;
    }
    if (ctx.lang !== offer.l) await chooseLanguage(ctx, offer.l);
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
