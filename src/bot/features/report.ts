import { Composer, InlineKeyboard } from "grammy";
import { deleteDraft, setDraftActive } from "../../db/drafts.js";
import { setPendingInput, takePendingInput } from "../../db/pending-inputs.js";
import { currentDraft, startDraft } from "../../services/questionnaire.js";
import { closeAddition } from "../additions/add-information.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { menuData } from "../callback-data/menu.js";
import { draftChoiceData } from "../callback-data/report.js";
import type { AppContext } from "../context.js";
import { ensureConsent } from "../filters/consent.js";
import { showCurrentQuestion } from "../questionnaire/handle.js";
import { formatDate } from "../render/values.js";

/** Enters the questionnaire for a draft (new or existing); an open addition is left first. */
export async function enterQuestionnaire(ctx: AppContext, draftId: number): Promise<void> {
  if (ctx.from) await closeAddition(ctx, ctx.from.id);
  await setDraftActive(ctx.deps.db, draftId, true);
  await showCurrentQuestion(ctx, draftId);
}

/**
 * A story waiting while the person decides between their unfinished report and a
 * new one: the chat's awaited input, so the choice may reach any process, after a
 * restart too. Only after consent (startReport asks for it first).
 */
const WAITING_STORY = "waiting_story";
const STORY_WAIT_MS = 30 * 60_000;

export async function startReport(ctx: AppContext, prefillNarrative?: string): Promise<void> {
  if (!ctx.from || !(await ensureConsent(ctx))) return;
  const existing = await currentDraft(ctx.deps.db, ctx.from.id);
  if (existing) {
    // Never throw away an unfinished report without asking.
    if (prefillNarrative) {
      await setPendingInput(ctx.deps.db, ctx.from.id, WAITING_STORY, ctx.deps.now(), STORY_WAIT_MS, prefillNarrative);
    }
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
    const story = (await takePendingInput(ctx.deps.db, ctx.from.id, WAITING_STORY, ctx.deps.now()))?.payload;
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
