import { and, desc, eq } from "drizzle-orm";
import { Composer, InlineKeyboard, type MiddlewareFn } from "grammy";
import type { Db } from "../../db/client.js";
import { activeDraftId, deleteDraft, setDraftActive } from "../../db/drafts.js";
import { wasUpdateHandled } from "../../db/handled-updates.js";
import { reports } from "../../db/schema.js";
import { MemoryMap } from "../../services/memory-map.js";
import { currentDraft, startDraft } from "../../services/questionnaire.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { menuData } from "../callback-data/menu.js";
import { draftChoiceData } from "../callback-data/report.js";
import type { AppContext } from "../context.js";
import { QUESTIONNAIRE } from "../conversations/questionnaire.js";
import { isQuestionnaireUpdate } from "../conversations/questionnaire-input.js";
import { ensureConsent } from "../filters/consent.js";
import { formatDate } from "../render/values.js";

/** Enters the questionnaire for a draft (new or existing); any other conversation is left first. */
export async function enterQuestionnaire(ctx: AppContext, draftId: number): Promise<void> {
  await ctx.conversation.exitAll();
  await setDraftActive(ctx.deps.db, draftId, true);
  await ctx.conversation.enter(QUESTIONNAIRE, draftId, false);
}

/**
 * After a conversation run has handled its answer (one per run), or after a restart
 * lost its state, the next answer of a person who is in the questionnaire
 * enters it again and is handled there.
 */
export function resumeQuestionnaire(): MiddlewareFn<AppContext> {
  return async (ctx, next) => {
    if (!ctx.from || ctx.chat?.type !== "private" || !isQuestionnaireUpdate(ctx)) return next();
    let draftId = await activeDraftId(ctx.deps.db, ctx.from.id);
    // A Submit replayed after a crash finds its draft submitted already; the
    // questionnaire then sends the documents again (see conversations/questionnaire).
    if (draftId === undefined && (await wasUpdateHandled(ctx.deps.db, ctx.update.update_id))) {
      draftId = await lastSubmittedInQuestionnaire(ctx.deps.db, ctx.from.id);
    }
    if (draftId === undefined) return next();
    await ctx.conversation.enter(QUESTIONNAIRE, draftId, true);
  };
}

/** A report submitted from the questionnaire keeps its «in the questionnaire» mark. */
async function lastSubmittedInQuestionnaire(db: Db, userId: number): Promise<number | undefined> {
  const row = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.userId, userId), eq(reports.status, "submitted"), eq(reports.active, true)))
    .orderBy(desc(reports.submittedAt))
    .get();
  return row?.id;
}

/** A story waiting while the person decides between their unfinished report and a new one (memory only). */
const waitingStories = new MemoryMap<number, string>(30 * 60_000);

export async function startReport(ctx: AppContext, prefillNarrative?: string): Promise<void> {
  if (!ctx.from || !(await ensureConsent(ctx))) return;
  const existing = await currentDraft(ctx.deps.db, ctx.from.id);
  if (existing) {
    // Never throw away an unfinished report without asking.
    if (prefillNarrative) waitingStories.set(ctx.from.id, prefillNarrative, ctx.deps.now());
    const keyboard = InlineKeyboard.from([
      [InlineKeyboard.text(ctx.t("questionnaire:draft.continue"), draftChoiceData.pack({ v: "continue" }))],
      [
        InlineKeyboard.text(
          ctx.t(prefillNarrative ? "questionnaire:draft.new_with_story" : "questionnaire:draft.new"),
          draftChoiceData.pack({ v: "new" }),
        ),
      ],
    ]);
    const date = formatDate(existing.answers.incidentDate);
    await ctx.reply(ctx.t("questionnaire:draft.found", { context: date ? "dated" : undefined, date }), {
      reply_markup: keyboard,
    });
    return;
  }
  const draft = await startDraft(
    ctx.deps.db,
    ctx.from.id,
    ctx.lang,
    prefillNarrative ? { narrative: prefillNarrative } : {},
    ctx.deps.now(),
  );
  await enterQuestionnaire(ctx, draft.id);
}

async function continueReport(ctx: AppContext): Promise<void> {
  if (!ctx.from || !(await ensureConsent(ctx))) return;
  const existing = await currentDraft(ctx.deps.db, ctx.from.id);
  if (!existing) return startReport(ctx);
  await enterQuestionnaire(ctx, existing.id);
}

export function reportFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");
  pm.command("report", (ctx) => startReport(ctx));
  pm.callbackQuery(menuData.filter, async (ctx, next) => {
    const to = menuData.unpack(ctx.callbackQuery.data)?.to;
    if (to !== "report" && to !== "continue") return next();
    await ctx.answerCallbackQuery();
    return to === "report" ? startReport(ctx) : continueReport(ctx);
  });
  pm.callbackQuery(draftChoiceData.filter, async (ctx) => {
    const choice = draftChoiceData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
    if (!choice || !(await ensureConsent(ctx))) return;
    const existing = await currentDraft(ctx.deps.db, ctx.from.id);
    const story = waitingStories.get(ctx.from.id, ctx.deps.now());
    waitingStories.delete(ctx.from.id);
    if (choice.v === "continue" && existing) return enterQuestionnaire(ctx, existing.id);
    if (existing) await deleteDraft(ctx.deps.db, existing.id);
    const draft = await startDraft(
      ctx.deps.db,
      ctx.from.id,
      ctx.lang,
      story ? { narrative: story } : {},
      ctx.deps.now(),
    );
    await enterQuestionnaire(ctx, draft.id);
  });
  return composer;
}
