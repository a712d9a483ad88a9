/** To the person's bank: a fraud notice, a request to register it, hold the transfers and block the card. */
import type { Bank } from "../../core/model.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { NBSP } from "../format.js";
import type { Block } from "../pdf/blocks.js";
import { transferTable } from "../pdf/report-content.js";
import type { Wording } from "../wording.js";
import { type LetterContent, policeLine } from "./frame.js";

export function bankLetter(report: SubmittedReport, w: Wording, bank: Bank | undefined): LetterContent {
  const a = report.answers;
  // transfers from another named bank belong in that bank's letter
  const transfers = a.transfers.filter((t) => !bank || !t.ownBank || t.ownBank === bank);
  const card =
    a.ownCardLast4 && (!bank || !a.ownBank || a.ownBank === bank) ? `••••${NBSP}${a.ownCardLast4}` : undefined;
  const disclosed = [
    ...(a.cardData ?? []).map((id) => w.label("card_data", id)),
    ...((a.codesShared ?? []).length
      ? [w.t("letters.bank.codes", { sources: w.labels("code_sources", a.codesShared) })]
      : []),
    ...(a.personalData ?? []).map((id) => w.label("personal_data", id)),
  ];
  const body: Block[] = [
    {
      type: "paragraph",
      text: a.incidentDate
        ? w.t("letters.bank.intro", { date: w.date(a.incidentDate), number: report.number })
        : w.t("letters.bank.intro_no_date", { number: report.number }),
    },
  ];
  if (disclosed.length)
    body.push({ type: "paragraph", text: w.t("letters.bank.disclosed", { items: disclosed.join(", ") }) });
  if (a.apps?.length)
    body.push({ type: "paragraph", text: w.t("letters.bank.remote_access", { apps: w.labels("apps", a.apps) }) });
  if (transfers.length) {
    body.push({ type: "paragraph", text: w.t("letters.bank.transfers") }, transferTable(transfers, w));
  }
  body.push(policeLine(report, w));
  return {
    title: w.t("letters.bank.title"),
    addressee: bank && w.label("banks", bank),
    extraRows: card ? [[w.t("letters.card"), card]] : [],
    body,
    requests: [
      w.t("letters.bank.register"),
      ...(transfers.length || a.transfersMade ? [w.t("letters.bank.hold")] : []),
      card ? w.t("letters.bank.block_card", { card }) : w.t("letters.bank.block_cards"),
    ],
  };
}
