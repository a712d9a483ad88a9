import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { LANGS, type Lang } from "../../core/model.js";
import { optionsFor } from "../../core/questionnaire/answer.js";
import { stepDef } from "../../core/questionnaire/steps.js";
import type { ReportListItem, VersionListItem } from "../../db/user-reports.js";
import { CHANGES } from "../../services/versions.js";
import { pdfData } from "../callback-data/documents.js";
import { menuData } from "../callback-data/menu.js";
import { additionControlData, additionData, myReportData } from "../callback-data/my-reports.js";
import { questionData } from "../callback-data/questionnaire.js";
import type { Shown } from "../render/question.js";
import { label, type T } from "../render/values.js";

const home = (t: T) => InlineKeyboard.text(t("menu:items.home"), menuData.pack({ to: "home" }));
const toList = (t: T) => InlineKeyboard.text(t("myreports:buttons.list"), myReportData.pack({ a: "list" }));

export function listKeyboard(t: T, items: ReportListItem[], hasDraft: boolean): InlineKeyboard {
  const rows: InlineKeyboardButton[][] = items.map((r) => [
    InlineKeyboard.text(`📄 ${r.number}`, myReportData.pack({ a: "open", r: r.id })),
  ]);
  if (hasDraft) rows.push([InlineKeyboard.text(t("myreports:buttons.continue"), myReportData.pack({ a: "draft" }))]);
  if (items.length === 0 && !hasDraft) {
    rows.push([InlineKeyboard.text(t("menu:items.report"), menuData.pack({ to: "report" }))]);
  }
  rows.push([home(t)]);
  return InlineKeyboard.from(rows);
}

export function cardKeyboard(
  t: T,
  report: { id: number; version: number },
  options: { checklist: boolean },
): InlineKeyboard {
  const r = report.id;
  const pdfs = LANGS.map((l: Lang) =>
    InlineKeyboard.text(`📄 ${t(`report:pdf_in.${l}`)}`, pdfData.pack({ r, v: report.version, l })),
  );
  const rows: InlineKeyboardButton[][] = [
    pdfs,
    [
      InlineKeyboard.text(t("myreports:buttons.json"), myReportData.pack({ a: "json", r })),
      InlineKeyboard.text(t("myreports:buttons.letters"), myReportData.pack({ a: "letters", r })),
    ],
  ];
  if (report.version > 1) {
    rows.push([InlineKeyboard.text(t("myreports:buttons.versions"), myReportData.pack({ a: "versions", r }))]);
  }
  rows.push([InlineKeyboard.text(t("myreports:buttons.add"), myReportData.pack({ a: "add", r }))]);
  if (options.checklist) {
    rows.push([InlineKeyboard.text(t("myreports:buttons.checklist"), myReportData.pack({ a: "checklist", r }))]);
  }
  rows.push([toList(t)]);
  return InlineKeyboard.from(rows);
}

export function versionsKeyboard(
  t: T,
  reportId: number,
  versions: VersionListItem[],
  localDate: (iso: string) => string,
): InlineKeyboard {
  const rows = versions.map((v) => [
    InlineKeyboard.text(
      t("myreports:versions.button", { version: v.version, date: localDate(v.createdAt) }),
      myReportData.pack({ a: "version", r: reportId, v: v.version }),
    ),
  ]);
  rows.push([InlineKeyboard.text(t("myreports:buttons.back"), myReportData.pack({ a: "open", r: reportId }))]);
  return InlineKeyboard.from(rows);
}

export function additionKeyboard(t: T, reportId: number): InlineKeyboard {
  const rows = CHANGES.map((k) => [
    InlineKeyboard.text(t(`myreports:add.buttons.${k}`), additionData.pack({ k, r: reportId })),
  ]);
  rows.push([InlineKeyboard.text(t("myreports:buttons.back"), myReportData.pack({ a: "open", r: reportId }))]);
  return InlineKeyboard.from(rows);
}

export function controlKeyboard(t: T, actions: ("cancel" | "done")[]): InlineKeyboard {
  return InlineKeyboard.from([
    actions.map((a) => InlineKeyboard.text(t(`myreports:add.buttons.${a}`), additionControlData.pack({ a }))),
  ]);
}

/**
 * A transfer question while adding a transfer: the questionnaire's options and
 * «Skip» (revision-checked like the questionnaire's buttons), and «Cancel».
 */
export function transferQuestionKeyboard(t: T, shown: Shown): InlineKeyboard {
  const { step, item } = shown.cursor;
  const def = stepDef(step);
  const list = def.kind === "single" ? def.options : def.kind === "text" ? def.quick : undefined;
  const columns = def.kind === "single" ? (def.columns ?? 1) : 3;
  const pack = (a: "c" | "s", o?: number) => questionData.pack({ a, s: step, i: item, o, r: shown.rev });
  const keyboard = new InlineKeyboard();
  if (list) {
    optionsFor(step, shown.answers).forEach((id, o) => {
      keyboard.text(label(t, list, id), pack("c", o));
      if ((o + 1) % columns === 0) keyboard.row();
    });
    keyboard.row();
  }
  if (def.skippable) keyboard.text(t("common:buttons.skip"), pack("s"));
  keyboard.text(t("myreports:add.buttons.cancel"), additionControlData.pack({ a: "cancel" }));
  return keyboard;
}
