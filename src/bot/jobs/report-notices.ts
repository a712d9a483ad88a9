/**
 * New-report notices: each officer of the report's region (or of all regions) who
 * has not turned them off gets one message — number, region, incident date,
 * scheme, money — with a button to open the report. Each notice is written to the
 * audit log under the officer's id, since it carries report data to them.
 */
import { type Api, InlineKeyboard } from "grammy";
import type { Lang } from "../../core/model.js";
import { audit } from "../../db/audit.js";
import { claimNewReports, lossesOfReports, type NewReport } from "../../db/police-queries.js";
import { officersToNotify } from "../../db/roles.js";
import { getUser } from "../../db/users.js";
import { formatMoney } from "../../documents/format.js";
import { policeReportData } from "../callback-data/police.js";
import type { BotDeps } from "../deps.js";
import { formatDate } from "../render/values.js";

/** Reports older than this when the bot first sees them (a long stop) are not announced. */
const FRESH_MS = 24 * 3600_000;

async function noticeText(deps: BotDeps, lang: Lang, report: NewReport): Promise<string> {
  const t = (key: string, options?: Record<string, unknown>) => deps.i18n.t(lang, key, options);
  const catalog = deps.catalogs.current();
  const money = (await lossesOfReports(deps.db, [report.id]))
    .map((l) => formatMoney({ amountMinor: l.amountMinor, currency: l.currency }))
    .join(" + ");
  const parts = [
    report.region ? t(`common:regions.${report.region}`) : t("police:unknown"),
    formatDate(report.incidentDate ?? undefined),
    report.scheme ? (catalog.scheme(report.scheme)?.title[lang] ?? report.scheme) : undefined,
    money || undefined,
  ].filter(Boolean);
  return `${t("police:notices.new", { number: report.number })}\n${parts.join(" · ")}\n\n${t("police:notices.hint")}`;
}

export async function sendReportNotices(api: Api, deps: BotDeps): Promise<number> {
  let sent = 0;
  for (const report of await claimNewReports(deps.db, deps.now(), FRESH_MS)) {
    for (const officerId of await officersToNotify(deps.db, report.region)) {
      const lang: Lang = (await getUser(deps.db, officerId))?.language ?? "ru";
      await audit(deps.db, {
        actor: { id: officerId, role: "police" },
        action: "report.notice",
        reportNumber: report.number,
        details: { region: report.region },
        at: deps.now(),
      });
      const keyboard = InlineKeyboard.from([
        [
          InlineKeyboard.text(
            deps.i18n.t(lang, "police:notices.open"),
            policeReportData.pack({ a: "o", r: report.id }),
          ),
        ],
      ]);
      try {
        await api.sendMessage(officerId, await noticeText(deps, lang, report), { reply_markup: keyboard });
        sent++;
      } catch (error) {
        deps.logger.warn({ officerId, report: report.number, err: (error as Error).message }, "report notice not sent");
      }
    }
  }
  return sent;
}
