/**
 * The same schema for PostgreSQL, table for table and column for column, only
 * for drizzle-kit's migrations in drizzle/pg: queries are built once, from
 * schema.ts, and run on either engine (see client.ts). The storage types are
 * the SQLite ones: every INTEGER is a BIGINT (SQLite's integers are 64-bit;
 * Telegram ids pass 2^31), flags are 0/1 integers, times ISO-8601 text, JSON
 * text. test/unit/schema-dialects.test.ts keeps the two files in step: change
 * both together.
 */
import { sql } from "drizzle-orm";
import { bigint, index, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";

/** ISO-8601 UTC with milliseconds, as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now') writes it. */
export const PG_NOW = sql`(to_char((now() at time zone 'utc'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;
const int = (name: string) => bigint(name, { mode: "number" });
const serialId = () => int("id").primaryKey().generatedByDefaultAsIdentity();
const flag = (name: string) => int(name);
const createdAt = (name = "created_at") => text(name).notNull().default(PG_NOW);
const updatedAt = () => text("updated_at").notNull().default(PG_NOW);
const json = (name: string) => text(name);

export const users = pgTable("users", {
  id: int("id").primaryKey(),
  language: text("language"),
  role: text("role").notNull().default("citizen"),
  consentAt: text("consent_at"),
  policeUnit: text("police_unit"),
  policeRegions: json("police_regions").notNull().default("[]"),
  policeAllRegions: flag("police_all_regions").notNull().default(0),
  reportNotices: flag("report_notices").notNull().default(1),
  staffName: text("staff_name"),
  menu: text("menu"),
  alertsSubscribed: flag("alerts_subscribed").notNull().default(0),
  blockedBot: flag("blocked_bot").notNull().default(0),
  declinedLanguage: text("declined_language"),
  languageOfferedAt: text("language_offered_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const reports = pgTable(
  "reports",
  {
    id: serialId(),
    userId: int("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("draft"),
    number: text("number"),
    version: int("version").notNull().default(0),
    lang: text("lang").notNull(),
    cursor: json("cursor").notNull(),
    rev: int("rev").notNull().default(0),
    active: flag("active").notNull().default(0),
    filedFor: text("filed_for"),
    narrative: text("narrative"),
    incidentDate: text("incident_date"),
    incidentTime: text("incident_time"),
    channels: json("channels").notNull().default("[]"),
    cardData: json("card_data"),
    ownCardLast4: text("own_card_last4"),
    ownBank: text("own_bank"),
    codesReceived: json("codes_received"),
    codesShared: json("codes_shared"),
    apps: json("apps"),
    personalData: json("personal_data"),
    loanStatus: text("loan_status"),
    transfersMade: flag("transfers_made"),
    region: text("region"),
    city: text("city"),
    alreadyDone: json("already_done"),
    bankRequestNo: text("bank_request_no"),
    statementNo: text("statement_no"),
    leakSources: json("leak_sources"),
    applicantName: text("applicant_name"),
    applicantPhone: text("applicant_phone"),
    contactConsent: flag("contact_consent"),
    victim: json("victim"),
    receivingPhone: text("receiving_phone"),
    device: text("device"),
    ownIban: text("own_iban"),
    disclosedVia: json("disclosed_via"),
    pending: json("pending"),
    recognition: json("recognition"),
    catalogVersion: text("catalog_version"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: text("submitted_at"),
    withdrawnAt: text("withdrawn_at"),
    remindedAt: text("reminded_at"),
    erdrNumber: text("erdr_number"),
    caseStatus: text("case_status").notNull().default("new"),
    assigneeId: int("assignee_id"),
    caseUpdatedAt: text("case_updated_at"),
  },
  (t) => [
    uniqueIndex("reports_number_idx").on(t.number),
    // A person's drafts newest first and their submitted reports newest first: with only
    // (user_id, status) SQLite walked every draft in (status, updated_at) order instead.
    index("reports_user_updated_idx").on(t.userId, t.status, t.updatedAt),
    index("reports_user_submitted_idx").on(t.userId, t.status, t.submittedAt),
    index("reports_status_submitted_idx").on(t.status, t.submittedAt),
    index("reports_updated_idx").on(t.status, t.updatedAt),
    index("reports_region_idx").on(t.status, t.region),
    index("reports_incident_idx").on(t.status, t.incidentDate),
  ],
);

const reportId = () =>
  int("report_id")
    .notNull()
    .references(() => reports.id, { onDelete: "cascade" });

export const contacts = pgTable(
  "report_contacts",
  {
    id: serialId(),
    reportId: reportId(),
    position: int("position").notNull(),
    claimedIdentity: text("claimed_identity"),
    claimedName: text("claimed_name"),
    showedDocuments: text("showed_documents"),
    handedOver: flag("handed_over"),
    callDate: text("call_date"),
    callTime: text("call_time"),
  },
  (t) => [uniqueIndex("report_contacts_pos_idx").on(t.reportId, t.position)],
);

export const transfers = pgTable(
  "report_transfers",
  {
    id: serialId(),
    reportId: reportId(),
    position: int("position").notNull(),
    amountMinor: int("amount_minor"),
    currency: text("currency"),
    date: text("date"),
    time: text("time"),
    method: text("method"),
    recipientRaw: text("recipient_raw"),
    recipientKind: text("recipient_kind"),
    recipientValue: text("recipient_value"),
    recipientName: text("recipient_name"),
    recipientBank: text("recipient_bank"),
    ownBank: text("own_bank"),
    lossKind: text("loss_kind"),
    receiptId: text("receipt_id"),
    cryptoNetwork: text("crypto_network"),
    cryptoExchange: text("crypto_exchange"),
    cryptoTxid: text("crypto_txid"),
  },
  (t) => [uniqueIndex("report_transfers_pos_idx").on(t.reportId, t.position)],
);

export const loans = pgTable(
  "report_loans",
  {
    id: serialId(),
    reportId: reportId(),
    position: int("position").notNull(),
    lender: text("lender"),
    lenderBank: text("lender_bank"),
    amountMinor: int("amount_minor"),
    currency: text("currency"),
    date: text("date"),
    biometrics: text("biometrics"),
  },
  (t) => [uniqueIndex("report_loans_pos_idx").on(t.reportId, t.position)],
);

export const identifiers = pgTable(
  "report_identifiers",
  {
    id: serialId(),
    reportId: reportId(),
    field: text("field").notNull(),
    contactPosition: int("contact_position"),
    transferPosition: int("transfer_position"),
    kind: text("kind").notNull(),
    value: text("value").notNull(),
    raw: text("raw").notNull(),
    foreign: flag("foreign").notNull().default(0),
  },
  (t) => [
    index("report_identifiers_value_idx").on(t.kind, t.value),
    index("report_identifiers_report_idx").on(t.reportId),
  ],
);

export const evidence = pgTable(
  "report_evidence",
  {
    id: serialId(),
    reportId: reportId(),
    fileId: text("file_id").notNull(),
    fileUniqueId: text("file_unique_id").notNull(),
    kind: text("kind").notNull(),
    mime: text("mime"),
    size: int("size"),
    name: text("name"),
    receivedAt: text("received_at").notNull(),
    sha256: text("sha256"),
    stored: flag("stored"),
  },
  (t) => [uniqueIndex("report_evidence_file_idx").on(t.reportId, t.fileUniqueId)],
);

export const reportVersions = pgTable(
  "report_versions",
  {
    reportId: reportId(),
    version: int("version").notNull(),
    snapshot: text("snapshot").notNull(),
    canonical: text("canonical").notNull(),
    signature: text("signature").notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] })],
);

export const caseEvents = pgTable(
  "case_events",
  {
    id: serialId(),
    reportId: int("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    value: text("value"),
    actorId: int("actor_id"),
    at: text("at").notNull(),
  },
  (t) => [index("case_events_report_idx").on(t.reportId, t.id)],
);

export const reportNotices = pgTable("report_notices", {
  reportId: int("report_id")
    .primaryKey()
    .references(() => reports.id, { onDelete: "cascade" }),
  noticedAt: text("noticed_at").notNull(),
});

export const withdrawnNumbers = pgTable("withdrawn_numbers", {
  number: text("number").primaryKey(),
  submittedAt: text("submitted_at").notNull(),
  withdrawnAt: text("withdrawn_at").notNull(),
});

export const stepsDone = pgTable(
  "report_steps_done",
  {
    reportId: reportId(),
    step: text("step").notNull(),
    doneAt: text("done_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.step] })],
);

export const counters = pgTable("counters", {
  name: text("name").primaryKey(),
  value: int("value").notNull(),
});

export const pendingInputs = pgTable("pending_inputs", {
  userId: int("user_id").primaryKey(),
  kind: text("kind").notNull(),
  payload: text("payload"),
  expiresAt: text("expires_at").notNull(),
});

export const preConsentLanguages = pgTable("pre_consent_languages", {
  userId: int("user_id").primaryKey(),
  language: text("language"),
  declinedLanguage: text("declined_language"),
  languageOfferedAt: text("language_offered_at"),
  updatedAt: updatedAt(),
});

export const inbox = pgTable(
  "update_inbox",
  {
    updateId: int("update_id").primaryKey(),
    payload: text("payload").notNull(),
    attempts: int("attempts").notNull().default(0),
    receivedAt: createdAt("received_at"),
    chatId: int("chat_id"),
    claimedBy: text("claimed_by"),
    leaseUntil: int("lease_until"),
  },
  (t) => [index("update_inbox_chat_idx").on(t.chatId, t.updateId)],
);

export const floodWindows = pgTable(
  "flood_windows",
  {
    personId: int("person_id").notNull(),
    windowStart: int("window_start").notNull(),
    updates: int("updates").notNull().default(0),
    files: int("files").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.personId, t.windowStart] }), index("flood_windows_start_idx").on(t.windowStart)],
);

export const receivedUpdates = pgTable(
  "received_updates",
  {
    source: text("source").notNull(),
    telegramId: int("telegram_id").notNull(),
    fingerprint: text("fingerprint").notNull(),
    updateId: int("update_id").notNull(),
    receivedAt: createdAt("received_at"),
  },
  (t) => [primaryKey({ columns: [t.source, t.telegramId] }), index("received_updates_at_idx").on(t.receivedAt)],
);

export const handledUpdates = pgTable(
  "handled_updates",
  {
    updateId: int("update_id").primaryKey(),
    handledAt: createdAt("handled_at"),
  },
  (t) => [index("handled_updates_at_idx").on(t.handledAt)],
);

export const catalogVersions = pgTable("catalog_versions", {
  version: text("version").primaryKey(),
  yaml: text("yaml").notNull(),
  document: text("document"),
  author: text("author"),
  uploadedBy: int("uploaded_by"),
  active: flag("active").notNull().default(0),
  createdAt: createdAt(),
  activatedAt: text("activated_at"),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: serialId(),
    actorId: int("actor_id"),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    reportNumber: text("report_number"),
    details: json("details"),
    operator: text("operator"),
    at: createdAt("at"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_report_idx").on(t.reportNumber)],
);

export const invites = pgTable("invites", {
  tokenHash: text("token_hash").primaryKey(),
  role: text("role").notNull(),
  createdBy: int("created_by").notNull(),
  unit: text("unit"),
  regions: json("regions").notNull().default("[]"),
  allRegions: flag("all_regions").notNull().default(0),
  expiresAt: text("expires_at").notNull(),
  usedBy: int("used_by"),
  usedAt: text("used_at"),
  createdAt: createdAt(),
});

export const alerts = pgTable("alerts", {
  id: serialId(),
  createdBy: int("created_by").notNull(),
  textKk: text("text_kk").notNull(),
  textRu: text("text_ru").notNull(),
  status: text("status").notNull().default("draft"),
  createdAt: createdAt(),
  sentAt: text("sent_at"),
});

export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    alertId: int("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    userId: int("user_id").notNull(),
    status: text("status").notNull().default("pending"),
    at: text("at"),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.userId] }), index("alert_deliveries_status_idx").on(t.alertId, t.status)],
);

export const lookupQuota = pgTable("lookup_quota", {
  userId: int("user_id").primaryKey(),
  windowStart: text("window_start").notNull(),
  count: int("count").notNull(),
});
