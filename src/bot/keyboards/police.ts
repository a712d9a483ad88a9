import { InlineKeyboard } from "grammy";
import { CASE_STATUSES, type CaseStatus } from "../../core/case/status.js";
import { BANKS, LANGS, REGIONS } from "../../core/model.js";
import { REPORT_STATUSES } from "../../db/police-queries.js";
import { type FilterSpec, packDay } from "../../services/report-filter.js";
import { caseData, policeReportData, reportsPageData, toBase36 } from "../callback-data/police.js";
import type { T } from "../render/values.js";

/**
 * Under a report: PDF in either language and the signed JSON; the applicant's files;
 * the request to the recipient's bank in either language (when money went to a known
 * recipient); the case file.
 */
export function reportFilesKeyboard(
  t: T,
  reportId: number,
  options: { evidence: number; freezeRequest: boolean },
): InlineKeyboard {
  const pack = (a: "p" | "j" | "e" | "f" | "c", l?: "kk" | "ru") => policeReportData.pack({ a, r: reportId, l });
  const rows = [
    [
      InlineKeyboard.text(t("police:buttons.pdf_kk"), pack("p", "kk")),
      InlineKeyboard.text(t("police:buttons.pdf_ru"), pack("p", "ru")),
      InlineKeyboard.text(t("police:buttons.json"), pack("j")),
    ],
  ];
  if (options.evidence > 0) {
    rows.push([InlineKeyboard.text(t("police:buttons.evidence", { count: options.evidence }), pack("e"))]);
  }
  if (options.freezeRequest) {
    rows.push(LANGS.map((l) => InlineKeyboard.text(t(`case:buttons.freeze_${l}`), pack("f", l))));
  }
  rows.push([InlineKeyboard.text(t("case:buttons.open"), pack("c"))]);
  return InlineKeyboard.from(rows);
}

/** One «open» button per report, two to a row. */
export function openReportsKeyboard(list: readonly { id: number; number: string }[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  list.forEach((r, i) => {
    keyboard.text(r.number, policeReportData.pack({ a: "o", r: r.id }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

const indexIn = (list: readonly string[], value: string | undefined) => {
  const i = value === undefined ? -1 : list.indexOf(value);
  return i >= 0 ? i : undefined;
};

/** The filter of a /reports list packed into its page buttons. */
export function packPage(spec: FilterSpec, schemeIndex: number | undefined, page: number): string {
  return reportsPageData.pack({
    f: packDay(spec.fromDay),
    t: packDay(spec.toDay),
    g: indexIn(REGIONS, spec.region),
    s: schemeIndex,
    st: indexIn(REPORT_STATUSES, spec.status),
    b: indexIn(BANKS, spec.bank),
    lo: toBase36(spec.minAmount),
    hi: toBase36(spec.maxAmount),
    m: spec.mine ? "1" : undefined,
    p: page,
  });
}

/** The reports of one page, then «◀ ▶» when there is more than one page. */
export function reportsPageKeyboard(
  list: readonly { id: number; number: string }[],
  nav: { spec: FilterSpec; schemeIndex: number | undefined; page: number; pages: number },
): InlineKeyboard {
  const keyboard = openReportsKeyboard(list);
  if (nav.pages <= 1) return keyboard;
  keyboard.row();
  if (nav.page > 0) keyboard.text("◀", packPage(nav.spec, nav.schemeIndex, nav.page - 1));
  keyboard.text(`${nav.page + 1} / ${nav.pages}`, packPage(nav.spec, nav.schemeIndex, nav.page));
  if (nav.page + 1 < nav.pages) keyboard.text("▶", packPage(nav.spec, nav.schemeIndex, nav.page + 1));
  return keyboard;
}

/**
 * The case file's buttons: every other status (the current one is not offered), the
 * number, a note, taking or releasing the case.
 */
export function caseKeyboard(
  t: T,
  reportId: number,
  state: { status: CaseStatus; mine: boolean; assigned: boolean },
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  CASE_STATUSES.forEach((status, v) => {
    if (status === state.status) return;
    keyboard.text(t(`case:set_status.${status}`), caseData.pack({ a: "s", r: reportId, v }));
    keyboard.row();
  });
  keyboard.text(t("case:buttons.erdr"), caseData.pack({ a: "e", r: reportId }));
  keyboard.text(t("case:buttons.note"), caseData.pack({ a: "n", r: reportId }));
  keyboard.row();
  if (state.mine) keyboard.text(t("case:buttons.release"), caseData.pack({ a: "u", r: reportId }));
  else
    keyboard.text(
      t(state.assigned ? "case:buttons.take_over" : "case:buttons.take"),
      caseData.pack({ a: "m", r: reportId }),
    );
  return keyboard;
}
