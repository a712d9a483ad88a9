/** To the mobile operator: codes passed on or a "SIM contract" story — check SIM re-issue and forwarding, block changes. */
import type { SubmittedReport } from "../../core/report/report.js";
import type { Block } from "../pdf/blocks.js";
import type { Wording } from "../wording.js";
import { type LetterContent, policeLine, senderPhone } from "./frame.js";

export function operatorLetter(report: SubmittedReport, w: Wording): LetterContent {
  const a = report.answers;
  const operatorPhones = a.contacts
    .filter((c) => c.claimedIdentity === "mobile_operator")
    .flatMap((c) => c.phones.map((p) => p.value));
  const allPhones = [...new Set(a.contacts.flatMap((c) => c.phones.map((p) => p.value)))];
  const body: Block[] = [{ type: "paragraph", text: w.t("letters.operator.intro", { phone: senderPhone(report, w) }) }];
  if (a.codesShared?.length) {
    body.push({
      type: "paragraph",
      text: w.t("letters.operator.codes", { sources: w.labels("code_sources", a.codesShared) }),
    });
  }
  if (operatorPhones.length) {
    body.push({ type: "paragraph", text: w.t("letters.operator.caller", { phones: operatorPhones.join(", ") }) });
  }
  body.push(
    { type: "paragraph", text: w.t("letters.operator.facts", { number: report.number }) },
    policeLine(report, w),
  );
  return {
    title: w.t("letters.operator.title"),
    body,
    requests: [
      w.t("letters.operator.check"),
      w.t("letters.operator.block"),
      ...(allPhones.length ? [w.t("letters.operator.keep", { phones: allPhones.join(", ") })] : []),
    ],
  };
}
