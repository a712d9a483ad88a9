/**
 * Police tools in the chat: open a report by number (or its QR), its PDF and JSON,
 * the applicant's files and the request to the recipient's bank; the unit of an
 * officer who joined by invite; new-report notices on or off. The role is checked on
 * every command and press, the officer's regions on every report; every read goes
 * through an audited staff route (staff-routes.ts).
 */
import { Composer, InputFile } from "grammy";
import { SECTIONS } from "../../core/questionnaire/steps.js";
import { caseFile } from "../../db/case-file.js";
import { linkedReports } from "../../db/links.js";
import { clearPendingInput, pendingInput, setPendingInput } from "../../db/pending-inputs.js";
import { numberState } from "../../db/police-queries.js";
import { policeProfile, setReportNotices } from "../../db/roles.js";
import { almatyDateTime } from "../../documents/format.js";
import { freezeRequests, reportJsonFile, reportPdf } from "../../services/documents.js";
import { parseReportNumber } from "../../services/report-filter.js";
import { cleanUnit, updatePoliceUnit } from "../../services/staff.js";
import { policeReportData } from "../callback-data/police.js";
import type { AppContext, BaseContext } from "../context.js";
import { actorOf, isPolice, refuse, scopeOf } from "../filters/roles.js";
import { openReportsKeyboard, reportFilesKeyboard } from "../keyboards/police.js";
import { audited, type Recorder } from "../middlewares/audited.js";
import { documentContext, showUploading } from "../render/documents.js";
import { linkedText, reportHeader } from "../render/police.js";
import { openReport, pressedReport, refusal } from "../render/pressed-report.js";
import { regionsText } from "../render/regions.js";
import { reviewSummary } from "../render/summary.js";
import { sendEvidence } from "./police-evidence.js";

const MESSAGE_MAX = 4000;
const UNIT_INPUT = "police_unit";

/** The full report for police, its files, its case line, and the reports linked to it. */
async function showReport(ctx: BaseContext, record: Recorder, reportId: number, via: string): Promise<void> {
  const opened = await openReport(ctx, reportId, via === "qr");
  if (!opened.ok) {
    await ctx.reply(await refusal(ctx, record, opened));
    return;
  }
  const { report } = opened;
  const { db } = ctx.deps;
  const { linked, elsewhere } = await linkedReports(db, reportId, scopeOf(ctx));
  await record({
    reportNumber: report.number,
    details: { via, version: report.version, linked: linked.map((l) => l.number), elsewhere },
  });
  const header = reportHeader(ctx, report, await caseFile(db, reportId));
  const summary = reviewSummary(ctx.t, report.answers, [...SECTIONS]);
  const links = `\n\n${linkedText(ctx, linked, elsewhere)}`;
  const inline = linked.length === 0 ? links : "";
  const freezeRequest = report.answers.transfers.some((t) => t.recipient);
  const files = {
    reply_markup: reportFilesKeyboard(ctx.t, reportId, { evidence: report.answers.evidence.length, freezeRequest }),
  };
  if (header.length + summary.length + inline.length + 2 <= MESSAGE_MAX) {
    await ctx.reply(`${header}\n\n${summary}${inline}`, files);
  } else {
    await ctx.reply(header);
    await ctx.reply(`${summary}${inline}`, files);
  }
  if (linked.length > 0) {
    await ctx.reply(links.trim(), { reply_markup: openReportsKeyboard(linked.slice(0, 10)) });
  }
}

/** A report by its number; a withdrawn or unknown number is said so. */
async function openByNumber(ctx: BaseContext, record: Recorder, number: string): Promise<void> {
  const state = await numberState(ctx.deps.db, number);
  if (state.state === "submitted") return showReport(ctx, record, state.id, "number");
  await record({ reportNumber: number, details: { via: "number", found: state.state } });
  if (state.state === "withdrawn") {
    await ctx.reply(ctx.t("police:open.withdrawn", { number, at: almatyDateTime(state.withdrawnAt) }));
  } else {
    await ctx.reply(ctx.t("police:open.not_found"));
  }
}

/** The QR on a report's paper, opened by police: the report, wherever it was filed. */
export const openByQr = audited("qr", (ctx: BaseContext, record, reportId: number) =>
  showReport(ctx, record, reportId, "qr"),
);

const openCommand = audited("open", async (ctx: BaseContext, record, args: string) => {
  const number = parseReportNumber(args);
  if (!number) return ctx.reply(ctx.t("police:open.usage"));
  await openByNumber(ctx, record, number);
});

const sendFile = (kind: "p" | "j") =>
  audited(
    kind === "p" ? "report.pdf" : "report.json",
    async (ctx: BaseContext, record, reportId: number, lang: "kk" | "ru") => {
      const report = await pressedReport(ctx, record, reportId);
      if (!report) return;
      await record({
        reportNumber: report.number,
        details: { version: report.version, ...(kind === "p" ? { lang } : {}) },
      });
      await showUploading(ctx);
      const docs = documentContext(ctx);
      const file = kind === "p" ? await reportPdf(docs, report, lang) : reportJsonFile(docs, report);
      await ctx.replyWithDocument(new InputFile(file.bytes, file.name));
    },
  );
const sendPdf = sendFile("p");
const sendJson = sendFile("j");

const sendReportEvidence = audited("report.evidence", async (ctx: BaseContext, record, reportId: number) => {
  const report = await pressedReport(ctx, record, reportId);
  if (!report) return;
  await record({
    reportNumber: report.number,
    details: { version: report.version, files: report.answers.evidence.length },
  });
  await sendEvidence(ctx, report, reportId);
});

/** The request to each recipient's bank, from the report and its case file, in the language pressed. */
const sendFreezeRequests = audited(
  "report.freeze",
  async (ctx: BaseContext, record, reportId: number, lang: "kk" | "ru") => {
    const report = await pressedReport(ctx, record, reportId);
    if (!report) return;
    const file = await caseFile(ctx.deps.db, reportId);
    await showUploading(ctx);
    const requests = await freezeRequests(documentContext(ctx), report, lang, {
      erdrNumber: file?.erdrNumber ?? null,
      unit: ctx.user?.policeUnit ?? null,
      officer: null,
      date: ctx.deps.now(),
    });
    if (requests.length === 0) {
      await ctx.reply(ctx.t("case:freeze.none"));
      return;
    }
    await record({
      reportNumber: report.number,
      details: { version: report.version, lang, files: requests.map((r) => r.name) },
    });
    for (const request of requests) {
      await ctx.replyWithDocument(new InputFile(request.bytes, request.name), {
        caption: ctx.t("case:freeze.caption", { number: report.number }),
      });
    }
  },
);

const openFromButton = audited("report.open", async (ctx: BaseContext, record, reportId: number) => {
  if (await pressedReport(ctx, record, reportId)) await showReport(ctx, record, reportId, "button");
});

/** After joining by invite: ask the unit if missing, then say what was set (regions come from the admin). */
export async function askPoliceProfile(ctx: BaseContext): Promise<void> {
  const id = ctx.from?.id;
  const profile = id === undefined ? undefined : await policeProfile(ctx.deps.db, id);
  if (!profile || id === undefined) return;
  if (!profile.unit) {
    await setPendingInput(ctx.deps.db, id, UNIT_INPUT, ctx.deps.now(), 24 * 3600_000);
    await ctx.reply(ctx.t("police:profile.ask_unit"));
    return;
  }
  const regions = regionsText(ctx.t, profile.regions, profile.allRegions);
  await ctx.reply(ctx.t("police:profile.saved", { unit: profile.unit, regions }));
  if (!profile.allRegions && profile.regions.length === 0) await ctx.reply(ctx.t("police:profile.no_regions"));
}

export function policeFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");
  const staff = pm.filter(isPolice);

  staff.command("open", (ctx) => openCommand(ctx, ctx.match));
  staff.command("notices", async (ctx) => {
    const word = ctx.match.trim().toLowerCase();
    const on = ["on", "вкл", "қосу"].includes(word)
      ? true
      : ["off", "выкл", "өшіру"].includes(word)
        ? false
        : undefined;
    if (on === undefined) {
      const current = ctx.user?.reportNotices ?? true;
      return ctx.reply(ctx.t(current ? "police:notices.are_on" : "police:notices.are_off"));
    }
    await setReportNotices(ctx.deps.db, ctx.from.id, on);
    await ctx.reply(ctx.t(on ? "police:notices.turned_on" : "police:notices.turned_off"));
  });

  staff.callbackQuery(policeReportData.filter, async (ctx, next) => {
    const data = policeReportData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    const lang = data.l ?? ctx.lang;
    switch (data.a) {
      case "o":
        return openFromButton(ctx, data.r);
      case "p":
        return sendPdf(ctx, data.r, lang);
      case "j":
        return sendJson(ctx, data.r, lang);
      case "e":
        return sendReportEvidence(ctx, data.r);
      case "f":
        return sendFreezeRequests(ctx, data.r, lang);
      case "c":
        // the case file's feature, installed before this one, takes this press
        return next();
    }
  });

  staff.on("message:text", async (ctx, next) => {
    const { db } = ctx.deps;
    if (ctx.message.text.startsWith("/") || (await pendingInput(db, ctx.from.id, ctx.deps.now())) !== UNIT_INPUT) {
      return next();
    }
    await clearPendingInput(db, ctx.from.id);
    const unit = cleanUnit(ctx.message.text);
    if (unit) await updatePoliceUnit(db, actorOf(ctx), unit, ctx.deps.now());
    await askPoliceProfile(ctx);
  });

  pm.command(["open", "notices"], refuse);
  pm.callbackQuery(policeReportData.filter, refuse);
  return composer;
}
