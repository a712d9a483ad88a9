/**
 * «My reports»: the person's submitted reports and an unfinished draft; for a
 * report, its documents (PDF in either language, JSON, letters) of the current
 * or an earlier version, the urgent checklist, and adding information later.
 * Every press is checked against the person on the server: the report id in a
 * button never decides whose report is shown.
 */
import { Composer, type InlineKeyboard, InputFile } from "grammy";
import { buildChecklist } from "../../core/advice/checklist.js";
import { sumByCurrency } from "../../core/identifiers/money.js";
import type { Money } from "../../core/report/answers.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { caseEventsOf, caseFile } from "../../db/case-file.js";
import { deactivateDrafts } from "../../db/drafts.js";
import { submittedReportsOf, versionsOf } from "../../db/user-reports.js";
import { almatyDate, almatyDateTime, formatMoney } from "../../documents/format.js";
import { reportJsonFile, reportLetters } from "../../services/documents.js";
import { currentDraft } from "../../services/questionnaire.js";
import { loadReport, reportOwner } from "../../services/reports.js";
import { changesOf } from "../../services/versions.js";
import { additionHandler, changesText, startAddition } from "../additions/add-information.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { menuData } from "../callback-data/menu.js";
import { additionData, myReportData } from "../callback-data/my-reports.js";
import type { AppContext, BaseContext } from "../context.js";
import { ensureConsent } from "../filters/consent.js";
import { additionKeyboard, cardKeyboard, listKeyboard, versionsKeyboard } from "../keyboards/my-reports.js";
import { applicantCaseLines } from "../render/case-file.js";
import { documentContext, showUploading } from "../render/documents.js";
import { sendReportFiles } from "../render/report-files.js";
import { showChecklist } from "./checklist.js";
import { enterQuestionnaire } from "./report.js";

const schemeTitle = (ctx: BaseContext, id: string | undefined) =>
  (id && ctx.deps.catalogs.current().scheme(id)?.title[ctx.lang]) || ctx.t("myreports:no_scheme");

/** The person's own submitted report, or undefined for anyone else's, a draft, or a withdrawn one. */
export async function ownReport(ctx: BaseContext, reportId: number | undefined): Promise<SubmittedReport | undefined> {
  if (reportId === undefined || !ctx.from) return undefined;
  const owner = await reportOwner(ctx.deps.db, reportId);
  if (owner?.userId !== ctx.from.id || owner.status !== "submitted") return undefined;
  return await loadReport(ctx.deps.db, reportId);
}

/** Navigation edits the message it came from; anything else (or a failed edit) sends a new one. */
async function show(ctx: AppContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  if (ctx.callbackQuery?.message && "text" in ctx.callbackQuery.message) {
    const edited = await ctx.editMessageText(text, { reply_markup: keyboard }).then(
      () => true,
      () => false,
    );
    if (edited) return;
  }
  await ctx.reply(text, { reply_markup: keyboard });
}

async function showList(ctx: AppContext): Promise<void> {
  if (!ctx.from || !(await ensureConsent(ctx))) return;
  const items = await submittedReportsOf(ctx.deps.db, ctx.from.id);
  const draft = await currentDraft(ctx.deps.db, ctx.from.id);
  const lines = [ctx.t("myreports:list.title")];
  for (const r of items) {
    const item = ctx.t("myreports:list.item", {
      number: r.number,
      date: almatyDate(r.submittedAt),
      scheme: schemeTitle(ctx, r.topScheme),
      version: r.version,
    });
    const police =
      r.caseStatus === "new"
        ? ""
        : `\n${ctx.t("myreports:list.case", { status: ctx.t(`case:statuses.${r.caseStatus}`) })}`;
    lines.push(item + police);
  }
  if (draft) lines.push(ctx.t("myreports:list.draft"));
  if (items.length === 0 && !draft) lines.push(ctx.t("myreports:list.empty"));
  await show(ctx, lines.join("\n\n"), listKeyboard(ctx.t, items, Boolean(draft)));
}

const totals = (amounts: (Money | undefined)[]): string => sumByCurrency(amounts).map(formatMoney).join(" + ");

const hasChecklist = (report: SubmittedReport) => buildChecklist(report.answers).steps.length > 0;

async function cardText(ctx: BaseContext, reportId: number, report: SubmittedReport): Promise<string> {
  const a = report.answers;
  const lines = [
    ctx.t("myreports:card.title", { number: report.number }),
    ctx.t("myreports:card.submitted", { date: almatyDateTime(report.submittedAt) }),
    ctx.t("myreports:card.version", { version: report.version, date: almatyDateTime(report.versionAt) }),
    ctx.t("myreports:card.scheme", { scheme: schemeTitle(ctx, report.recognition?.schemes[0]?.id) }),
  ];
  if (a.transfers.length > 0) {
    const total = totals(a.transfers.map((t) => t.amount));
    lines.push(ctx.t("myreports:card.transfers", { count: a.transfers.length, total: total || "—" }));
  }
  if (a.statementNo) lines.push(ctx.t("myreports:card.statement_no", { value: a.statementNo }));
  if (a.bankRequestNo) lines.push(ctx.t("myreports:card.bank_request_no", { value: a.bankRequestNo }));
  if (a.evidence.length > 0) lines.push(ctx.t("myreports:card.evidence", { count: a.evidence.length }));
  const file = await caseFile(ctx.deps.db, reportId);
  const police = file
    ? `\n\n${applicantCaseLines(ctx.t, file, await caseEventsOf(ctx.deps.db, reportId, ["status"])).join("\n")}`
    : "";
  return `${lines.join("\n")}${police}\n\n${ctx.t("myreports:card.hint")}`;
}

async function showVersions(ctx: AppContext, reportId: number, report: SubmittedReport): Promise<void> {
  const versions = await versionsOf(ctx.deps.db, reportId);
  const lines = versions.map((v) =>
    ctx.t("myreports:versions.item", {
      version: v.version,
      date: almatyDateTime(v.createdAt),
      change: changesText(ctx.t, changesOf(v.note)),
    }),
  );
  const text = `${ctx.t("myreports:versions.title", { number: report.number })}\n\n${lines.join("\n")}`;
  await show(ctx, text, versionsKeyboard(ctx.t, reportId, versions, almatyDate));
}

async function sendJson(ctx: AppContext, report: SubmittedReport): Promise<void> {
  const json = reportJsonFile(documentContext(ctx), report);
  await ctx.replyWithDocument(new InputFile(json.bytes, json.name), { caption: ctx.t("report:files.json") });
}

async function sendLetters(ctx: AppContext, report: SubmittedReport): Promise<void> {
  await showUploading(ctx);
  const letters = await reportLetters(documentContext(ctx), report, ctx.lang, ctx.deps.now());
  if (letters.length === 0) {
    await ctx.reply(ctx.t("myreports:letters_none"));
    return;
  }
  for (const letter of letters) {
    await ctx.replyWithDocument(new InputFile(letter.bytes, letter.name), {
      caption: ctx.t(`report:files.${letter.kind}`),
    });
  }
}

async function continueDraft(ctx: AppContext): Promise<void> {
  if (!ctx.from || !(await ensureConsent(ctx))) return;
  const draft = await currentDraft(ctx.deps.db, ctx.from.id);
  if (!draft) return showList(ctx);
  await enterQuestionnaire(ctx, draft.id);
}

export function myReportsFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  // An open addition takes the person's next message or button first.
  composer.use(additionHandler);
  const pm = composer.chatType("private");

  pm.command("myreports", (ctx) => showList(ctx));
  pm.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "my_reports") return next();
    await ctx.answerCallbackQuery();
    await showList(ctx);
  });

  pm.callbackQuery(myReportData.filter, async (ctx) => {
    const data = myReportData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    if (data.a === "list" || data.a === "draft") {
      await ctx.answerCallbackQuery();
      return data.a === "list" ? showList(ctx) : continueDraft(ctx);
    }
    const report = await ownReport(ctx, data.r);
    if (!report || data.r === undefined) return ctx.answerCallbackQuery({ text: ctx.t("myreports:not_found") });
    const r = data.r;
    switch (data.a) {
      case "open":
        await ctx.answerCallbackQuery();
        return show(
          ctx,
          await cardText(ctx, r, report),
          cardKeyboard(
            ctx.t,
            { id: r, version: report.version },
            {
              checklist: hasChecklist(report),
            },
          ),
        );
      case "json":
        await ctx.answerCallbackQuery();
        return sendJson(ctx, report);
      case "letters":
        await ctx.answerCallbackQuery();
        return sendLetters(ctx, report);
      case "versions":
        await ctx.answerCallbackQuery();
        return showVersions(ctx, r, report);
      case "version": {
        if (!(await versionsOf(ctx.deps.db, r)).some((v) => v.version === data.v)) {
          return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
        }
        await ctx.answerCallbackQuery();
        await showUploading(ctx);
        return sendReportFiles(ctx, r, { letters: false, ...(data.v !== undefined ? { version: data.v } : {}) });
      }
      case "add":
        await ctx.answerCallbackQuery();
        return show(ctx, ctx.t("myreports:add.title", { number: report.number }), additionKeyboard(ctx.t, r));
      case "checklist":
        if (!hasChecklist(report)) return ctx.answerCallbackQuery({ text: ctx.t("myreports:checklist_none") });
        await ctx.answerCallbackQuery();
        return showChecklist(ctx, r);
    }
  });

  pm.callbackQuery(additionData.filter, async (ctx) => {
    const data = additionData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    if (!(await ownReport(ctx, data.r))) return ctx.answerCallbackQuery({ text: ctx.t("myreports:not_found") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
    // Whatever the person was doing (the questionnaire, another addition) stops here; its data stays.
    await deactivateDrafts(ctx.deps.db, ctx.from.id);
    await startAddition(ctx, data.r, data.k);
  });
  return composer;
}
