import { InlineKeyboard } from "grammy";
import { REGIONS, type Region } from "../../core/model.js";
import { REPORT_STATUSES } from "../../db/police-queries.js";
import { type FilterSpec, packDay } from "../../services/report-filter.js";
import { policeRegionData, policeReportData, reportsPageData } from "../callback-data/police.js";
import { label, type T } from "../render/values.js";

/** PDF in either language and the signed JSON of a report, and its evidence files if there are any. */
export function reportFilesKeyboard(t: T, reportId: number, evidenceCount = 0): InlineKeyboard {
  const rows = [
    [
      InlineKeyboard.text(t("police:buttons.pdf_kk"), policeReportData.pack({ a: "p", r: reportId, l: "kk" })),
      InlineKeyboard.text(t("police:buttons.pdf_ru"), policeReportData.pack({ a: "p", r: reportId, l: "ru" })),
      InlineKeyboard.text(t("police:buttons.json"), policeReportData.pack({ a: "j", r: reportId })),
    ],
  ];
  if (evidenceCount > 0) {
    rows.push([
      InlineKeyboard.text(
        t("police:buttons.evidence", { count: evidenceCount }),
        policeReportData.pack({ a: "e", r: reportId }),
      ),
    ]);
  }
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

/** The filter of a /reports list packed into its page buttons. */
export function packPage(spec: FilterSpec, schemeIndex: number | undefined, page: number): string {
  const region = spec.region ? REGIONS.indexOf(spec.region) : -1;
  const status = spec.status ? REPORT_STATUSES.indexOf(spec.status) : -1;
  return reportsPageData.pack({
    f: packDay(spec.fromDay),
    t: packDay(spec.toDay),
    g: region >= 0 ? region : undefined,
    s: schemeIndex,
    st: status >= 0 ? status : undefined,
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

export function regionKeyboard(t: T): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  REGIONS.forEach((r: Region, i) => {
    keyboard.text(label(t, "regions", r), policeRegionData.pack({ r }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}
