/**
 * To a bank: a fraud notice with only what concerns that bank — the transfers that left
 * from it, the data of its own card (a CVV is named only in the letter of the card it
 * belonged to) — and the right request for each kind of loss: money sent under deception
 * is to be held along the chain; money taken without the person is an unauthorised
 * operation to dispute, with the card reissued.
 */
import type { Bank } from "../../core/model.js";
import type { Transfer } from "../../core/report/answers.js";
import type { SubmittedReport } from "../../core/report/report.js";
import { maskedCard } from "../format.js";
import type { Block } from "../pdf/blocks.js";
import { transferTable } from "../pdf/report-content.js";
import type { Wording } from "../wording.js";
import { type LetterContent, policeLine } from "./frame.js";

/** The bank a transfer left from: the one named for it, else the person's own bank, else unknown. */
export const transferBank = (t: Transfer, ownBank: Bank | undefined): Bank | undefined => t.ownBank ?? ownBank;

export function bankLetter(report: SubmittedReport, w: Wording, bank: Bank | undefined): LetterContent {
  const a = report.answers;
  const ours = a.transfers.filter((t) => t.method !== "cash_courier" && transferBank(t, a.ownBank) === bank);
  const sent = ours.filter((t) => t.lossKind !== "taken");
  const taken = ours.filter((t) => t.lossKind === "taken");
  // The card, its data and the bank's own codes belong to the letter of the card's bank only.
  const cardBank = a.ownBank === bank;
  const card = cardBank && a.ownCardLast4 ? maskedCard(a.ownCardLast4) : undefined;
  const disclosed = cardBank
    ? [
        ...(a.cardData ?? []).map((id) => w.label("card_data", id)),
        ...((a.codesShared ?? []).includes("bank")
          ? [w.t("letters.bank.codes", { sources: w.label("code_sources", "bank") })]
          : []),
        ...(a.personalData ?? []).map((id) => w.label("personal_data", id)),
      ]
    : [];
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
  const table = (list: Transfer[]) => transferTable(list, w, { lossKind: false, crypto: false });
  if (taken.length) body.push({ type: "paragraph", text: w.t("letters.bank.taken") }, table(taken));
  if (sent.length) body.push({ type: "paragraph", text: w.t("letters.bank.transfers") }, table(sent));
  body.push(policeLine(report, w));
  const holdUnlisted = a.transfersMade === true && a.transfers.length === 0 && cardBank;
  return {
    title: w.t(taken.length ? "letters.bank.title_unauthorised" : "letters.bank.title"),
    addressee: bank && w.label("banks", bank),
    extraRows: card ? [[w.t("letters.card"), card]] : [],
    body,
    requests: [
      w.t("letters.bank.register"),
      ...(taken.length ? [w.t("letters.bank.dispute")] : []),
      ...(sent.length || holdUnlisted ? [w.t("letters.bank.hold")] : []),
      ...blockRequest(
        w,
        card,
        taken.length > 0 || (cardBank && (a.cardData ?? []).length > 0),
        (a.apps ?? []).length > 0,
      ),
    ],
  };
}

/** Block (and reissue) what the fraudsters could use at this bank: its card, or at least the app. */
function blockRequest(w: Wording, card: string | undefined, cardUsed: boolean, remoteAccess: boolean): string[] {
  if (card) return [w.t("letters.bank.block_card", { card })];
  if (cardUsed) return [w.t("letters.bank.block_cards")];
  if (remoteAccess) return [w.t("letters.bank.block_app")];
  return [];
}
