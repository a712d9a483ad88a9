/**
 * The body of the pre-report as blocks. A section with no data at all is left out;
 * inside a section that is shown, a field never asked reads "not stated" and an empty
 * list reads "none" — the same rule everywhere.
 */
import { parseIin } from "../../core/identifiers/iin.js";
import type { Answers, Identifier, Loan, Transfer } from "../../core/report/answers.js";
import { transferTotals } from "../../core/report/json.js";
import type { Recognition, SubmittedReport } from "../../core/report/report.js";
import { formatMoney, maskedCard } from "../format.js";
import type { Wording } from "../wording.js";
import type { Block } from "./blocks.js";

export function reportBody(report: SubmittedReport, w: Wording): Block[] {
  return [
    ...applicant(report, w),
    ...incident(report, w),
    ...contacts(report, w),
    ...disclosed(report, w),
    ...loans(report, w),
    ...transfers(report, w),
    ...schemes(report, w),
    ...steps(report, w),
    ...evidence(report, w),
    { type: "heading", text: w.t("report.section.narrative") },
    { type: "paragraph", text: w.orNotStated(report.answers.narrative) },
    { type: "space", lines: 0.5 },
    { type: "paragraph", text: w.t("report.closing"), small: true },
  ];
}

export const identifierText = (id: Identifier, w: Wording): string =>
  id.kind === "phone" && id.foreign ? `${id.value} (${w.t("report.foreign")})` : id.value;

const ownCard = (last4: string | undefined) => (last4 ? maskedCard(last4) : undefined);

function applicant(report: SubmittedReport, w: Wording): Block[] {
  const a = report.answers;
  const rows: Array<[string, string]> = [
    [w.t("report.field.victim"), a.filedFor ? w.t(`report.filed_for.${a.filedFor}`) : w.notStated],
  ];
  rows.push(...victimRows(a, w));
  if (a.contactConsent) {
    rows.push([w.t("report.field.name"), w.orNotStated(a.applicantName)]);
    rows.push([w.t("report.field.phone"), a.applicantPhone ? identifierText(a.applicantPhone, w) : w.notStated]);
  } else {
    rows.push([w.t("report.field.contact"), w.t("report.no_consent")]);
  }
  return [
    { type: "heading", text: w.t("report.section.applicant") },
    { type: "fields", rows },
  ];
}

/** The victim's identity, numbers and device, each row only when given. */
function victimRows(a: Answers, w: Wording): Array<[string, string]> {
  const v = a.victim;
  const fromIin = v?.iin ? parseIin(v.iin) : undefined;
  const birth = v?.birthDate
    ? w.date(v.birthDate)
    : fromIin?.ok
      ? w.t("report.field.birth_from_iin", { date: w.date(fromIin.value.birthDate) })
      : undefined;
  const rows: Array<[string, string | undefined]> = [
    [w.t("report.field.victim_name"), v?.name],
    [w.t("report.field.victim_iin"), v?.iin],
    [w.t("report.field.victim_birth"), birth],
    [w.t("report.field.victim_address"), v?.address],
    [w.t("report.field.victim_phone"), v?.phone && identifierText(v.phone, w)],
    [w.t("report.field.own_iban"), a.ownIban?.value],
    [w.t("report.field.receiving_phone"), a.receivingPhone && identifierText(a.receivingPhone, w)],
    [w.t("report.field.device"), a.device],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== "");
}

/** The lender as named: a bank from the buttons, or what the person wrote. */
export const lenderName = (l: Loan | undefined, w: Wording): string | undefined =>
  l?.lenderBank ? w.label("banks", l.lenderBank) : l?.lender;

function incident(report: SubmittedReport, w: Wording): Block[] {
  const a = report.answers;
  const region = a.region && w.label("regions", a.region);
  const city = a.city && a.city.trim().toLowerCase() !== region?.toLowerCase() ? a.city.trim() : undefined;
  const where = [region, city].filter(Boolean).join(", ");
  return [
    { type: "heading", text: w.t("report.section.incident") },
    {
      type: "fields",
      rows: [
        [w.t("report.field.when"), w.when(a.incidentDate, a.incidentTime)],
        [w.t("report.field.where"), w.orNotStated(where)],
        [w.t("report.field.how"), w.labels("channels", a.channels)],
      ],
    },
  ];
}

function contacts(report: SubmittedReport, w: Wording): Block[] {
  const list = report.answers.contacts;
  if (list.length === 0) return [];
  const columns = [
    { header: "№", share: 0.35 },
    { header: w.t("report.contacts.identity"), share: 2.1 },
    // wide enough for «+44 … (иностранный)» on one line
    { header: w.t("report.contacts.phones"), share: 2.2 },
    { header: w.t("report.contacts.handles"), share: 2.0 },
    { header: w.t("report.contacts.documents"), share: 0.9 },
    { header: w.t("report.contacts.handed_over"), share: 1 },
  ];
  const rows = list.map((c, i) => [
    String(i + 1),
    // The call's time under who they said they were: the phones' column is the taller one.
    [
      [c.claimedIdentity && w.label("identities", c.claimedIdentity), c.claimedName].filter(Boolean).join(": ") ||
        w.notStated,
      (c.callDate || c.callTime) && w.t("report.contacts.call", { when: w.when(c.callDate, c.callTime) }),
    ]
      .filter(Boolean)
      .join("\n"),
    c.phones.map((p) => identifierText(p, w)).join("\n") || "—",
    c.handles.map((h) => h.value).join("\n") || "—",
    c.showedDocuments ? w.t(`answer.${c.showedDocuments}`) : "—",
    c.handedOver ? (i + 1 < list.length ? `→ №${i + 2}` : `→ ${w.t("report.contacts.someone_else")}`) : "—",
  ]);
  return [
    { type: "heading", text: w.t("report.section.contacts") },
    { type: "table", columns, rows },
  ];
}

function disclosed(report: SubmittedReport, w: Wording): Block[] {
  const a = report.answers;
  const known = [a.cardData, a.codesReceived, a.codesShared, a.apps, a.personalData, a.leakSources, a.ownCardLast4];
  if (known.every((v) => v === undefined)) return [];
  const card = [ownCard(a.ownCardLast4), a.ownBank && w.label("banks", a.ownBank)].filter(Boolean).join(", ");
  const rows: Array<[string, string]> = [
    [w.t("report.field.card_data"), w.labels("card_data", a.cardData)],
    [w.t("report.field.own_card"), w.orNotStated(card)],
    [w.t("report.field.codes_received"), w.labels("code_sources", a.codesReceived)],
    [w.t("report.field.codes_shared"), w.labels("code_sources", a.codesShared)],
    [w.t("report.field.apps"), w.labels("apps", a.apps)],
    [w.t("report.field.personal_data"), w.labels("personal_data", a.personalData)],
    ...(a.disclosedVia
      ? [[w.t("report.field.disclosed_via"), w.labels("disclosure_ways", a.disclosedVia)] as [string, string]]
      : []),
    [w.t("report.field.leak_sources"), w.labels("leak_sources", a.leakSources)],
  ];
  return [
    { type: "heading", text: w.t("report.section.disclosed") },
    { type: "fields", rows },
  ];
}

function loans(report: SubmittedReport, w: Wording): Block[] {
  const a = report.answers;
  if (a.loanStatus === undefined && a.loans.length === 0) return [];
  const blocks: Block[] = [
    { type: "heading", text: w.t("report.section.loans") },
    {
      type: "fields",
      rows: [[w.t("report.field.loan_status"), a.loanStatus ? w.label("loan_statuses", a.loanStatus) : w.notStated]],
    },
  ];
  if (a.loans.length) {
    blocks.push({
      type: "table",
      columns: [
        { header: w.t("report.loans.lender"), share: 3 },
        { header: w.t("report.loans.amount"), share: 1.5, align: "right" },
        { header: w.t("report.loans.date"), share: 1.2 },
        { header: w.t("report.loans.biometrics"), share: 1.2 },
      ],
      rows: a.loans.map((l) => [
        w.orNotStated(lenderName(l, w)),
        w.money(l.amount),
        w.date(l.date),
        l.biometrics ? w.label("biometrics", l.biometrics) : w.notStated,
      ]),
    });
  }
  return blocks;
}

interface TransferTableOptions {
  /** Mark money taken without the person (letters group by it instead). */
  lossKind: boolean;
  /** A crypto transfer's network, exchange and TXID: the police trace by them, a bank does not. */
  crypto: boolean;
}

/** The transfers as a table. */
export function transferTable(
  list: readonly Transfer[],
  w: Wording,
  options: TransferTableOptions = { lossKind: true, crypto: true },
): Block {
  const crypto = (t: Transfer) => (options.crypto ? t.crypto : undefined);
  const totals = transferTotals(list).map(formatMoney);
  return {
    type: "table",
    columns: [
      {
        header: w.t(list.some((t) => t.receiptId) ? "report.transfers.when_receipt" : "report.transfers.when"),
        // the date and time on one line in letters too
        share: 1.5,
      },
      { header: w.t("report.transfers.amount"), share: 1.3, align: "right" },
      { header: w.t("report.transfers.method"), share: 1.15 },
      { header: w.t("report.transfers.recipient"), share: 1.95 },
      { header: w.t("report.transfers.recipient_bank"), share: 1.05 },
      { header: w.t("report.transfers.own_bank"), share: 1 },
    ],
    // Short details go under the short cells (the receipt under the date, the network under
    // the method), so the recipient's column, the tallest, sets a row's height.
    rows: list.map((t) => [
      [w.when(t.date, t.time), t.receiptId && w.t("report.transfers.receipt", { id: t.receiptId })]
        .filter(Boolean)
        .join("\n"),
      w.money(t.amount),
      [
        t.method ? w.label("methods", t.method) : w.notStated,
        options.lossKind && t.lossKind && `(${w.label("loss_kinds", t.lossKind)})`,
        crypto(t)?.network && w.t("report.transfers.network", { network: t.crypto?.network }),
        crypto(t)?.exchange && w.t("report.transfers.exchange", { exchange: t.crypto?.exchange }),
      ]
        .filter(Boolean)
        .join("\n"),
      [
        t.recipient && identifierText(t.recipient, w),
        t.recipientName,
        crypto(t)?.txid && w.t("report.transfers.txid", { txid: t.crypto?.txid }),
      ]
        .filter(Boolean)
        .join("\n") || w.notStated,
      t.recipientBank ? w.label("banks", t.recipientBank) : w.notStated,
      t.ownBank ? w.label("banks", t.ownBank) : w.notStated,
    ]),
    footer: [w.t("report.transfers.total"), totals.join("\n") || w.notStated, "", "", "", ""],
  };
}

function transfers(report: SubmittedReport, w: Wording): Block[] {
  const a = report.answers;
  if (a.transfersMade === undefined && a.transfers.length === 0) return [];
  const heading: Block = { type: "heading", text: w.t("report.section.transfers") };
  if (a.transfers.length === 0) {
    const text = a.transfersMade ? w.t("report.transfers.made_not_listed") : w.t("report.transfers.none");
    return [heading, { type: "paragraph", text }];
  }
  return [heading, transferTable(a.transfers, w)];
}

/** The recognised schemes, or "scheme not determined" when none reached the score to be named. */
function schemes(report: SubmittedReport, w: Wording): Block[] {
  const r = report.recognition;
  if (!r) return [];
  const blocks: Block[] = [{ type: "heading", text: w.t("report.section.schemes") }];
  if (r.schemes.length === 0) blocks.push({ type: "paragraph", text: w.t("report.schemes.not_determined") });
  for (const s of r.schemes) {
    const percent = Math.round(s.score * 100);
    blocks.push({ type: "subheading", text: `${w.schemeTitle(s.id)} (${w.t("report.schemes.score", { percent })})` });
    if (s.reasons.length) blocks.push({ type: "list", items: s.reasons.map((reason) => w.reason(reason)) });
  }
  blocks.push({ type: "fields", rows: [[w.t("report.schemes.techniques"), techniquesWithEvidence(r, w)]] });
  blocks.push({ type: "paragraph", text: w.t("report.schemes.catalog", { version: r.catalogVersion }), small: true });
  return blocks;
}

/** Each technique with its ground: "from the answers" or the person's own words, quoted. */
function techniquesWithEvidence(r: Recognition, w: Wording): string {
  // Reports submitted before techniques carried evidence are shown as they were frozen.
  if (!r.techniqueEvidence) return w.labels("techniques", r.techniques);
  if (r.techniqueEvidence.length === 0) return w.t("none");
  return r.techniqueEvidence
    .map((e) =>
      e.source === "answer"
        ? w.t("report.schemes.from_answers", { technique: w.label("techniques", e.id) })
        : w.t("report.schemes.from_story", { technique: w.label("techniques", e.id), quote: e.quote ?? "" }),
    )
    .join("\n");
}

function steps(report: SubmittedReport, w: Wording): Block[] {
  const a = report.answers;
  if (!a.alreadyDone && !a.bankRequestNo && !a.statementNo && report.stepsDone.length === 0) return [];
  const rows: Array<[string, string]> = [
    [w.t("report.field.already_done"), w.labels("already_done", a.alreadyDone)],
    [w.t("report.field.bank_request_no"), w.orNotStated(a.bankRequestNo)],
    [w.t("report.field.statement_no"), w.orNotStated(a.statementNo)],
  ];
  if (report.stepsDone.length) {
    const done = report.stepsDone.map((s) => `${stepTitle(report, s.step, w)} — ${w.moment(s.doneAt)}`).join("\n");
    rows.push([w.t("report.field.urgent_steps"), done]);
  }
  return [
    { type: "heading", text: w.t("report.section.steps") },
    { type: "fields", rows },
  ];
}

/** A ticked-off step: "call_bank:kaspi" is the call to Kaspi, "reissue_card:loan2" concerns the second loan's lender. */
function stepTitle(report: SubmittedReport, key: string, w: Wording): string {
  const [action = key, institution] = key.split(":");
  if (!institution) return w.step(action);
  const loan = /^loan(\d+)$/.exec(institution);
  const name = loan
    ? w.orNotStated(report.answers.loans[Number(loan[1]) - 1]?.lender)
    : institution === "own"
      ? w.t("report.steps.own_bank")
      : w.label("banks", institution);
  return action === "call_bank" ? w.t("report.steps.call_bank", { name }) : `${w.step(action)} (${name})`;
}

function evidence(report: SubmittedReport, w: Wording): Block[] {
  const files = report.answers.evidence;
  if (files.length === 0) return [];
  // One line per file: its SHA-256 lets anyone prove a copy is the file the person sent.
  const items = files.map((e, i) =>
    [
      `${i + 1}) ${w.label("evidence_kinds", e.kind)}`,
      e.name,
      e.mime,
      e.size !== undefined ? w.kb(e.size) : undefined,
      w.t("report.evidence.received", { time: w.moment(e.receivedAt) }),
      e.sha256 ? w.t("report.evidence.sha256", { hash: e.sha256 }) : undefined,
    ]
      .filter(Boolean)
      .join(", "),
  );
  const stored = files.some((e) => e.stored);
  return [
    { type: "heading", text: w.t("report.section.evidence") },
    ...items.map((text): Block => ({ type: "paragraph", text })),
    { type: "paragraph", text: w.t(stored ? "report.evidence.note_stored" : "report.evidence.note"), small: true },
  ];
}
