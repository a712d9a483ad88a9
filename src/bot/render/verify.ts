/**
 * The answer to a report's QR for anyone who is not police: genuine, and the facts
 * to compare with the paper (money, transfers, incident date, the recipients' code,
 * the signing key's fingerprint) — taken from the signed version the QR names.
 */
import { checkFacts } from "../../core/report/facts.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { publicKeyFingerprint } from "../../core/report/signature.js";
import { almatyDateTime } from "../../documents/format.js";
import type { BaseContext } from "../context.js";
import { formatDate, money } from "./values.js";

export function verifiedText(ctx: BaseContext, report: SubmittedReport, currentVersion: number): string {
  const facts = checkFacts(report);
  const total = facts.totals.map((m) => money(m)).join(" + ");
  return [
    ctx.t("verify:valid", { number: report.number, at: almatyDateTime(report.submittedAt), version: report.version }),
    "",
    ctx.t("verify:compare"),
    ctx.t("verify:total", { total: total || ctx.t("verify:nothing") }),
    ctx.t("verify:transfers", { n: facts.transfers }),
    ctx.t("verify:incident", { date: formatDate(facts.incidentDate) ?? ctx.t("verify:not_stated") }),
    ctx.t("verify:recipients", { digest: facts.recipientsDigest ?? ctx.t("verify:nothing") }),
    ctx.t("verify:key", { key: publicKeyFingerprint(ctx.deps.keys.publicKey) }),
    ...(currentVersion > report.version ? ["", ctx.t("verify:newer_exists", { current: currentVersion })] : []),
  ].join("\n");
}
