/**
 * Every way a staff member gets a person's data out of the bot: commands, buttons,
 * the QR deep link and the answers to their prompts. Each route is handled through
 * `audited(route, …)` (middlewares/audited.ts), which writes exactly one audit row
 * per use — before the data goes out when the handler records it, or after, with
 * what it did, when it did not — so no route can return report data unrecorded.
 * The audit-route test walks this table: a route added here without a test of its
 * own does not compile.
 */
import type { AuditAction } from "../db/audit.js";

export const STAFF_ROUTES = {
  open: { audit: "report.view", trigger: "/open <number>" },
  qr: { audit: "report.view", trigger: "/start v_<number>_<version>_<token> (the QR on a report)" },
  reports: { audit: "reports.list", trigger: "/reports [filter]" },
  "reports.page": { audit: "reports.list", trigger: "◀ ▶ of a /reports list" },
  export: { audit: "reports.export", trigger: "/export <filter>" },
  stats: { audit: "stats.view", trigger: "/stats [filter]" },
  lookup: { audit: "identifier.lookup", trigger: "/lookup <identifier>" },
  "lookup.input": { audit: "identifier.lookup", trigger: "the identifier sent after /lookup" },
  "report.open": { audit: "report.view", trigger: "a report's number button" },
  "report.pdf": { audit: "report.pdf", trigger: "PDF kk / PDF ru under a report" },
  "report.json": { audit: "report.json", trigger: "JSON under a report" },
  "report.evidence": { audit: "report.evidence", trigger: "the applicant's files under a report" },
  "report.freeze": { audit: "report.freeze_request", trigger: "request to the recipient's bank under a report" },
  case: { audit: "case.view", trigger: "/case <number>" },
  "case.open": { audit: "case.view", trigger: "Case file under a report" },
  "case.status": { audit: "case.status", trigger: "a status button of a case file" },
  "case.take": { audit: "case.assign", trigger: "Take the case" },
  "case.release": { audit: "case.assign", trigger: "Release the case" },
  "case.erdr": { audit: "case.erdr", trigger: "the ЕРДР/КУИ number sent after «Enter the number»" },
  "case.note": { audit: "case.note", trigger: "the note sent after «Add a note»" },
} as const satisfies Record<string, { audit: AuditAction; trigger: string }>;

export type StaffRouteId = keyof typeof STAFF_ROUTES;
export const STAFF_ROUTE_IDS = Object.keys(STAFF_ROUTES) as StaffRouteId[];
