/**
 * The case file an investigator keeps on a report: /case <number> or «Case file»
 * under a report shows it; buttons set the status, take or release the case, and
 * ask for the ЕРДР/КУИ number or a note, which the next message gives. The person
 * who filed the report is told when the status or the number changes. Every read
 * and change is an audited staff route, checked against the officer's scope.
 */
import { Composer, GrammyError } from "grammy";
import { CASE_STATUSES, cleanErdrNumber } from "../../core/case/status.js";
import { type CaseFile, caseEventsOf, caseFile } from "../../db/case-file.js";
import { inTransaction } from "../../db/client.js";
import { CASE_INPUTS, clearPendingInput, pendingInput, setPendingInput } from "../../db/pending-inputs.js";
import { numberState } from "../../db/police-queries.js";
import { staffNames } from "../../db/roles.js";
import { applyCaseAction, type CaseAction, concernsApplicant, NOTE_MAX } from "../../services/case-file.js";
import { parseReportNumber } from "../../services/report-filter.js";
import { caseData, policeReportData } from "../callback-data/police.js";
import type { AppContext, BaseContext } from "../context.js";
import { actorOf, isPolice, refuse, roleOf } from "../filters/roles.js";
import { caseKeyboard } from "../keyboards/police.js";
import { audited, type Recorder } from "../middlewares/audited.js";
import { caseText } from "../render/case-file.js";
import { openReport, pressedReport } from "../render/pressed-report.js";
import type { StaffRouteId } from "../staff-routes.js";

const INPUT_TTL_MS = 30 * 60_000;

const actor = (ctx: BaseContext) => ({ id: actorOf(ctx).id, admin: roleOf(ctx) === "admin" });

async function sendCase(ctx: BaseContext, file: CaseFile, edit: boolean): Promise<void> {
  const events = await caseEventsOf(ctx.deps.db, file.reportId);
  const ids = [...events.map((e) => e.actorId), ...events.map((e) => (e.kind === "assignee" ? Number(e.value) : null))];
  const names = await staffNames(
    ctx.deps.db,
    ids.filter((id): id is number => id !== null && Number.isSafeInteger(id)),
  );
  const text = caseText(ctx, file, events, names);
  const mine = file.assigneeId === ctx.from?.id;
  const keyboard = caseKeyboard(ctx.t, file.reportId, {
    status: file.status,
    mine,
    assigned: file.assigneeId !== null,
  });
  if (edit) {
    // a press that changed nothing leaves the same text: "not modified" is an answer, not a failure
    const edited = await ctx.editMessageText(text, { reply_markup: keyboard }).then(
      () => true,
      (error: unknown) => error instanceof GrammyError && error.description.includes("message is not modified"),
    );
    if (edited) return;
  }
  await ctx.reply(text, { reply_markup: keyboard });
}

/** Shows a case file the officer may see; the record names the report. */
async function showCase(ctx: BaseContext, record: Recorder, reportId: number, edit: boolean): Promise<void> {
  const file = await caseFile(ctx.deps.db, reportId);
  if (!file) return;
  await record({ reportNumber: file.number, details: { status: file.status, erdr: file.erdrNumber } });
  await sendCase(ctx, file, edit);
}

const caseCommand = audited("case", async (ctx: BaseContext, record, args: string) => {
  const number = parseReportNumber(args);
  if (!number) return ctx.reply(ctx.t("case:usage"));
  const state = await numberState(ctx.deps.db, number);
  const opened = state.state === "submitted" ? await openReport(ctx, state.id) : undefined;
  if (opened?.ok !== true || state.state !== "submitted") {
    const outcome = opened && !opened.ok ? opened.reason : state.state;
    await record({ reportNumber: number, details: { outcome } });
    return ctx.reply(ctx.t(outcome === "out_of_scope" ? "case:out_of_scope" : "police:open.not_found"));
  }
  await showCase(ctx, record, state.id, false);
});

const caseButton = audited("case.open", async (ctx: BaseContext, record, reportId: number) => {
  if (await pressedReport(ctx, record, reportId)) await showCase(ctx, record, reportId, false);
});

/** Tells the person who filed the report that the police changed its status or number (best effort). */
async function tellApplicant(ctx: BaseContext, file: CaseFile, action: CaseAction): Promise<void> {
  const lang = file.ownerLang;
  const what =
    action.kind === "status"
      ? ctx.deps.i18n.t(lang, "case:applicant.status", {
          status: ctx.deps.i18n.t(lang, `case:statuses.${file.status}`),
        })
      : ctx.deps.i18n.t(lang, "case:applicant.erdr", { number: file.erdrNumber ?? "" });
  const text = `${ctx.deps.i18n.t(lang, "case:applicant.title", { number: file.number })}\n${what}\n\n${ctx.deps.i18n.t(lang, "case:applicant.hint")}`;
  await ctx.api.sendMessage(file.ownerId, text).catch((error: unknown) => {
    ctx.log.warn({ report: file.number, err: (error as Error).message }, "case notice not delivered");
  });
}

/** Applies a change and records it in one transaction, then shows the case and tells the applicant. */
async function change(
  ctx: BaseContext,
  record: Recorder,
  reportId: number,
  action: CaseAction,
  edit: boolean,
): Promise<void> {
  const opened = await openReport(ctx, reportId);
  if (!opened.ok) {
    const text = ctx.t(opened.reason === "out_of_scope" ? "case:out_of_scope" : "police:open.not_found");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
    else await ctx.reply(text);
    return;
  }
  const result = await inTransaction(ctx.deps.db, async (db) => {
    const applied = await applyCaseAction(db, actor(ctx), reportId, action, ctx.deps.now());
    if (applied.ok) {
      await record(
        {
          reportNumber: applied.after.number,
          details: { ...action, changed: applied.changed, from: applied.before.status, to: applied.after.status },
        },
        db,
      );
    }
    return applied;
  });
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery(result.ok ? {} : { text: ctx.t("case:not_yours") });
  }
  if (!result.ok) return;
  await sendCase(ctx, result.after, edit);
  if (result.changed && concernsApplicant(action)) await tellApplicant(ctx, result.after, action);
}

const pressed = (route: StaffRouteId) =>
  audited(route, (ctx: BaseContext, record, reportId: number, action: CaseAction) =>
    change(ctx, record, reportId, action, true),
  );
const setStatus = pressed("case.status");
const take = pressed("case.take");
const release = pressed("case.release");

const typedErdr = audited("case.erdr", async (ctx: BaseContext, record, reportId: number, text: string) => {
  const number = cleanErdrNumber(text);
  if (!number) {
    await setPendingInput(ctx.deps.db, ctx.from!.id, `${CASE_INPUTS.erdr}${reportId}`, ctx.deps.now(), INPUT_TTL_MS);
    return ctx.reply(ctx.t("case:ask_erdr_again"));
  }
  await change(ctx, record, reportId, { kind: "erdr", number }, false);
});

const typedNote = audited("case.note", async (ctx: BaseContext, record, reportId: number, text: string) => {
  const note = text.trim().slice(0, NOTE_MAX);
  if (note) await change(ctx, record, reportId, { kind: "note", text: note }, false);
});

/** «Enter the number» / «Add a note»: the next message is the answer (only for a report the officer may see). */
async function askFor(ctx: BaseContext, kind: "erdr" | "note", reportId: number): Promise<void> {
  const opened = await openReport(ctx, reportId);
  if (!opened.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t("case:out_of_scope") }));
  await ctx.answerCallbackQuery();
  await setPendingInput(ctx.deps.db, ctx.from!.id, `${CASE_INPUTS[kind]}${reportId}`, ctx.deps.now(), INPUT_TTL_MS);
  await ctx.reply(ctx.t(kind === "erdr" ? "case:ask_erdr" : "case:ask_note", { number: opened.report.number }));
}

/** «The next message is the number / the note of report N», from the pending input. */
function pendingCase(kind: string | undefined): { input: "erdr" | "note"; reportId: number } | undefined {
  for (const input of ["erdr", "note"] as const) {
    const id = kind?.startsWith(CASE_INPUTS[input]) ? kind.slice(CASE_INPUTS[input].length) : undefined;
    if (id && /^\d{1,10}$/.test(id)) return { input, reportId: Number(id) };
  }
  return undefined;
}

export function caseFileFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");
  const staff = pm.filter(isPolice);

  staff.command("case", (ctx) => caseCommand(ctx, ctx.match));
  staff.callbackQuery(policeReportData.filter, async (ctx, next) => {
    const data = policeReportData.unpack(ctx.callbackQuery.data);
    if (data?.a !== "c") return next();
    await caseButton(ctx, data.r);
  });
  staff.callbackQuery(caseData.filter, async (ctx) => {
    const data = caseData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    switch (data.a) {
      case "e":
        return askFor(ctx, "erdr", data.r);
      case "n":
        return askFor(ctx, "note", data.r);
      case "m":
        return take(ctx, data.r, { kind: "take" });
      case "u":
        return release(ctx, data.r, { kind: "release" });
      case "s": {
        const status = data.v === undefined ? undefined : CASE_STATUSES[data.v];
        if (!status) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
        return setStatus(ctx, data.r, { kind: "status", status });
      }
    }
  });
  staff.on("message:text", async (ctx, next) => {
    if (ctx.message.text.startsWith("/")) return next();
    const pending = pendingCase(await pendingInput(ctx.deps.db, ctx.from.id, ctx.deps.now()));
    if (!pending) return next();
    await clearPendingInput(ctx.deps.db, ctx.from.id);
    if (pending.input === "erdr") return typedErdr(ctx, pending.reportId, ctx.message.text);
    await typedNote(ctx, pending.reportId, ctx.message.text);
  });

  pm.command("case", refuse);
  pm.callbackQuery(caseData.filter, refuse);
  return composer;
}
