/**
 * The case file as police read it (status, number, who has it, the history with
 * notes) and as the person who filed the report sees it in «My reports» (status and
 * number changes with their dates; police notes never).
 */
import type { CaseEvent, CaseFile } from "../../db/case-file.js";
import { almatyDateTime } from "../../documents/format.js";
import type { BaseContext } from "../context.js";
import { escapeHtml, type T } from "./values.js";

const HISTORY_SHOWN = 15;

function eventText(t: T, e: CaseEvent, names: Map<number, string>): string {
  switch (e.kind) {
    case "status":
      return t("case:history.status", { status: t(`case:statuses.${e.value}`) });
    case "erdr":
      return t("case:history.erdr", { number: e.value ?? "" });
    case "assignee":
      return e.value === null
        ? t("case:history.released")
        : t("case:history.assigned", { name: names.get(Number(e.value)) ?? e.value });
    case "note":
      return `📝 ${escapeHtml(e.value ?? "")}`;
  }
}

export function caseText(
  ctx: BaseContext,
  file: CaseFile,
  events: readonly CaseEvent[],
  names: Map<number, string>,
): string {
  const who = (id: number | null) => (id === null ? "" : ` · ${escapeHtml(names.get(id) ?? String(id))}`);
  const shown = events.slice(-HISTORY_SHOWN);
  const history = shown.length
    ? shown.map((e) => `• ${almatyDateTime(e.at)} — ${eventText(ctx.t, e, names)}${who(e.actorId)}`).join("\n")
    : ctx.t("case:history.empty");
  return [
    ctx.t("case:title", { number: file.number }),
    ctx.t("case:status", { status: ctx.t(`case:statuses.${file.status}`) }),
    ctx.t("case:erdr", { number: file.erdrNumber ?? ctx.t("case:not_set") }),
    ctx.t("case:assignee", {
      name: file.assigneeId === null ? ctx.t("case:nobody") : (file.assigneeName ?? String(file.assigneeId)),
    }),
    "",
    `<b>${ctx.t("case:history.title")}</b>`,
    history,
  ].join("\n");
}

/** For «My reports»: where the police case stands, and when it changed. */
export function applicantCaseLines(t: T, file: CaseFile, events: readonly CaseEvent[]): string[] {
  const lines = [t("myreports:case.status", { status: t(`case:statuses.${file.status}`) })];
  if (file.erdrNumber) lines.push(t("myreports:case.erdr", { number: file.erdrNumber }));
  for (const e of events.filter((e) => e.kind === "status").slice(-5)) {
    lines.push(t("myreports:case.change", { at: almatyDateTime(e.at), status: t(`case:statuses.${e.value}`) }));
  }
  return lines;
}
