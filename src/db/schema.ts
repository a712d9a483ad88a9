/**
 * The whole database schema. Migrations in drizzle/ are generated from this file
 * with `npm run db:generate`; never edit a generated migration by hand.
 *
 * Times are stored as ISO-8601 UTC strings; money as integer minor units (tiyn,
 * cents) so sums are exact.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CASE_EVENT_KINDS, CASE_STATUSES } from "../core/case/status.js";
import type { Region } from "../core/model.js";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const createdAt = (name = "created_at") => text(name).notNull().default(now);
const updatedAt = () => text("updated_at").notNull().default(now);
const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: false }),
  language: text("language", { enum: ["kk", "ru"] }),
  role: text("role", { enum: ["citizen", "police", "admin"] })
    .notNull()
    .default("citizen"),
  consentAt: text("consent_at"),
  policeUnit: text("police_unit"),
  /** The regions whose reports a police officer sees and exports. */
  policeRegions: json<Region[]>("police_regions").notNull().default(sql`'[]'`),
  /** A national unit: sees every region. */
  policeAllRegions: integer("police_all_regions", { mode: "boolean" }).notNull().default(false),
  /** Officers are told of each new report in their regions unless they turned it off. */
  reportNotices: integer("report_notices", { mode: "boolean" }).notNull().default(true),
  /** A staff member's name in Telegram, for /staff (never kept for citizens). */
  staffName: text("staff_name"),
  /** The command menu this person's chat shows now, "role:lang"; null for the default one. */
  menu: text("menu"),
  alertsSubscribed: integer("alerts_subscribed", { mode: "boolean" }).notNull().default(false),
  blockedBot: integer("blocked_bot", { mode: "boolean" }).notNull().default(false),
  /** The language the person said no to when the bot offered it (they write it, but keep theirs). */
  declinedLanguage: text("declined_language", { enum: ["kk", "ru"] }),
  /** When the other language was last offered (not again for a while, whichever instance sees the next message). */
  languageOfferedAt: text("language_offered_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One row per report; the draft and the submitted report are the same row. */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["draft", "submitted", "withdrawn"] })
      .notNull()
      .default("draft"),
    number: text("number"),
    version: integer("version").notNull().default(0),
    lang: text("lang", { enum: ["kk", "ru"] }).notNull(),
    /** Where the questionnaire stands: the step and the index of the repeated item. */
    cursor: json<{ step: string; item?: number; editing?: string }>("cursor").notNull(),
    /** Bumped whenever the current question changes: buttons of older questions are stale. */
    rev: integer("rev").notNull().default(0),
    /** The person is in the questionnaire now (entered, not left): their messages are answers. */
    active: integer("active", { mode: "boolean" }).notNull().default(false),
    filedFor: text("filed_for", { enum: ["self", "parent", "relative", "other"] }),
    narrative: text("narrative"),
    incidentDate: text("incident_date"),
    incidentTime: text("incident_time"),
    channels: json<string[]>("channels").notNull().default(sql`'[]'`),
    cardData: json<string[]>("card_data"),
    ownCardLast4: text("own_card_last4"),
    ownBank: text("own_bank"),
    codesReceived: json<string[]>("codes_received"),
    codesShared: json<string[]>("codes_shared"),
    apps: json<string[]>("apps"),
    personalData: json<string[]>("personal_data"),
    loanStatus: text("loan_status"),
    transfersMade: integer("transfers_made", { mode: "boolean" }),
    region: text("region"),
    city: text("city"),
    alreadyDone: json<string[]>("already_done"),
    bankRequestNo: text("bank_request_no"),
    statementNo: text("statement_no"),
    leakSources: json<string[]>("leak_sources"),
    applicantName: text("applicant_name"),
    applicantPhone: text("applicant_phone"),
    contactConsent: integer("contact_consent", { mode: "boolean" }),
    /** The victim's identity when given: name, IIN, date of birth, address, phone. */
    victim: json<unknown>("victim"),
    /** The victim's number that received the calls (operators' records are asked by it). */
    receivingPhone: text("receiving_phone"),
    device: text("device"),
    /** The victim's own account; an IBAN is not secret. */
    ownIban: text("own_iban"),
    disclosedVia: json<string[]>("disclosed_via"),
    /** The questionnaire's working notes (story facts to confirm, hints); dropped at submission. */
    pending: json<unknown>("pending"),
    /** Recognised schemes with reasons, fixed at submission with the catalogue version used. */
    recognition: json<unknown>("recognition"),
    catalogVersion: text("catalog_version"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: text("submitted_at"),
    withdrawnAt: text("withdrawn_at"),
    /** When the person was reminded of an unfinished draft (once). */
    remindedAt: text("reminded_at"),
    /** The report's registration number in ЕРДР, once the police registered it (given by the person or an officer). */
    erdrNumber: text("erdr_number"),
    /** The rest of the case file, kept by police; not part of the signed report. */
    caseStatus: text("case_status", { enum: CASE_STATUSES }).notNull().default("new"),
    /** The officer who took the case (Telegram id). */
    assigneeId: integer("assignee_id"),
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

export const contacts = sqliteTable(
  "report_contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    claimedIdentity: text("claimed_identity"),
    claimedName: text("claimed_name"),
    showedDocuments: text("showed_documents", { enum: ["yes", "no", "unsure"] }),
    handedOver: integer("handed_over", { mode: "boolean" }),
    callDate: text("call_date"),
    callTime: text("call_time"),
  },
  (t) => [uniqueIndex("report_contacts_pos_idx").on(t.reportId, t.position)],
);

export const transfers = sqliteTable(
  "report_transfers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    amountMinor: integer("amount_minor"),
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
    /** sent (by the person, deceived) or taken (without them: an unauthorised operation). */
    lossKind: text("loss_kind", { enum: ["sent", "taken"] }),
    receiptId: text("receipt_id"),
    cryptoNetwork: text("crypto_network"),
    cryptoExchange: text("crypto_exchange"),
    cryptoTxid: text("crypto_txid"),
  },
  (t) => [uniqueIndex("report_transfers_pos_idx").on(t.reportId, t.position)],
);

export const loans = sqliteTable(
  "report_loans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    lender: text("lender"),
    lenderBank: text("lender_bank"),
    amountMinor: integer("amount_minor"),
    currency: text("currency"),
    date: text("date"),
    /** Whether the person passed biometric identification for it: yes, no, unsure. */
    biometrics: text("biometrics", { enum: ["yes", "no", "unsure"] }),
  },
  (t) => [uniqueIndex("report_loans_pos_idx").on(t.reportId, t.position)],
);

/**
 * Every identifier a report holds, normalised, so reports can be linked and
 * looked up: caller phones, usernames, links, recipient cards, IBANs, wallets.
 */
export const identifiers = sqliteTable(
  "report_identifiers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    /** Where the report holds it: a contact's phones or handles, or a transfer's recipient. */
    field: text("field", { enum: ["contact_phone", "contact_handle", "recipient"] }).notNull(),
    contactPosition: integer("contact_position"),
    transferPosition: integer("transfer_position"),
    kind: text("kind", { enum: ["phone", "card", "iban", "wallet", "link", "username", "other"] }).notNull(),
    value: text("value").notNull(),
    raw: text("raw").notNull(),
    foreign: integer("foreign", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("report_identifiers_value_idx").on(t.kind, t.value),
    index("report_identifiers_report_idx").on(t.reportId),
  ],
);

export const evidence = sqliteTable(
  "report_evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    fileId: text("file_id").notNull(),
    fileUniqueId: text("file_unique_id").notNull(),
    kind: text("kind", { enum: ["photo", "document", "voice", "audio", "video", "video_note"] }).notNull(),
    mime: text("mime"),
    size: integer("size"),
    name: text("name"),
    receivedAt: text("received_at").notNull(),
    /** Hex SHA-256 of the bytes, computed when the file was received. */
    sha256: text("sha256"),
    /** The copy in the bot's own storage exists. */
    stored: integer("stored", { mode: "boolean" }),
  },
  (t) => [uniqueIndex("report_evidence_file_idx").on(t.reportId, t.fileUniqueId)],
);

/** Frozen, signed versions of a submitted report; version 1 is the submission. */
export const reportVersions = sqliteTable(
  "report_versions",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** The SubmittedReport of this version, for re-rendering its documents. */
    snapshot: text("snapshot").notNull(),
    /** The canonical police JSON that the signature covers. */
    canonical: text("canonical").notNull(),
    signature: text("signature").notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] })],
);

/** Every change of a report's case file, oldest first: the history police and the person see. */
export const caseEvents = sqliteTable(
  "case_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CASE_EVENT_KINDS }).notNull(),
    /** The new status, number or assignee id, or the note's text; null when cleared. */
    value: text("value"),
    actorId: integer("actor_id"),
    at: text("at").notNull(),
  },
  (t) => [index("case_events_report_idx").on(t.reportId, t.id)],
);

/** Reports whose officers were told of them (new-report notices), so each is announced once. */
export const reportNotices = sqliteTable("report_notices", {
  reportId: integer("report_id")
    .primaryKey({ autoIncrement: false })
    .references(() => reports.id, { onDelete: "cascade" }),
  noticedAt: text("noticed_at").notNull(),
});

/** Numbers of withdrawn reports, so a QR still verifies as "withdrawn by the applicant". */
export const withdrawnNumbers = sqliteTable("withdrawn_numbers", {
  number: text("number").primaryKey(),
  submittedAt: text("submitted_at").notNull(),
  withdrawnAt: text("withdrawn_at").notNull(),
});

/** Urgent steps the person ticked off after the questionnaire. */
export const stepsDone = sqliteTable(
  "report_steps_done",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    step: text("step").notNull(),
    doneAt: text("done_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.step] })],
);

export const counters = sqliteTable("counters", {
  name: text("name").primaryKey(),
  value: integer("value").notNull(),
});

/**
 * What the bot is waiting for from a person outside the questionnaire (e.g. a
 * number to look up, a story held while they choose between drafts): one row per
 * chat (private chats: the person's id), the newest request replacing an older
 * one. Cards typed then are someone else's and are kept whole.
 */
export const pendingInputs = sqliteTable("pending_inputs", {
  userId: integer("user_id").primaryKey({ autoIncrement: false }),
  kind: text("kind").notNull(),
  /** What the awaited answer goes with (a story waiting for «continue or new»); null for most kinds. */
  payload: text("payload"),
  expiresAt: text("expires_at").notNull(),
});

/**
 * A language chosen, or an offered one declined, and when the other language was
 * last offered, before consent (after it, users holds them). A language code and a
 * time keyed by a Telegram id say nothing about the person, so they may be kept
 * before they agree; they move to users at consent.
 */
export const preConsentLanguages = sqliteTable("pre_consent_languages", {
  userId: integer("user_id").primaryKey({ autoIncrement: false }),
  language: text("language", { enum: ["kk", "ru"] }),
  declinedLanguage: text("declined_language", { enum: ["kk", "ru"] }),
  languageOfferedAt: text("language_offered_at"),
  updatedAt: updatedAt(),
});

/**
 * Updates received but not yet fully handled: replayed after a restart. `update_id`
 * is the id the bot handles the update under (Telegram's, unless another source
 * used it before: see received_updates); `attempts` counts replays that started
 * handling it after a crash.
 */
export const inbox = sqliteTable(
  "update_inbox",
  {
    updateId: integer("update_id").primaryKey({ autoIncrement: false }),
    payload: text("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    receivedAt: createdAt("received_at"),
    /** The chat whose updates are handled one at a time, in update_id order (null: any time). */
    chatId: integer("chat_id"),
    /** The instance handling the update now, until `lease_until` (ms since the epoch): then another may take it over. */
    claimedBy: text("claimed_by"),
    leaseUntil: integer("lease_until"),
  },
  (t) => [index("update_inbox_chat_idx").on(t.chatId, t.updateId)],
);

/**
 * How many updates (and files) a person sent in a window of flood control, counted
 * by every instance together; a window's row is dropped once the window is over.
 */
export const floodWindows = sqliteTable(
  "flood_windows",
  {
    personId: integer("person_id").notNull(),
    /** Start of the window, ms since the epoch (windows are aligned, the same in every instance). */
    windowStart: integer("window_start").notNull(),
    updates: integer("updates").notNull().default(0),
    files: integer("files").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.personId, t.windowStart] }), index("flood_windows_start_idx").on(t.windowStart)],
);

/**
 * Every update received in the last day, by where it came from (the bot's id) and a
 * fingerprint of its content, so a redelivery is recognised and a source whose ids
 * start again (another bot, a new Bot API server) is not taken for one.
 */
export const receivedUpdates = sqliteTable(
  "received_updates",
  {
    source: text("source").notNull(),
    telegramId: integer("telegram_id").notNull(),
    fingerprint: text("fingerprint").notNull(),
    /** The id the update is handled under (update_inbox, handled_updates). */
    updateId: integer("update_id").notNull(),
    receivedAt: createdAt("received_at"),
  },
  (t) => [primaryKey({ columns: [t.source, t.telegramId] }), index("received_updates_at_idx").on(t.receivedAt)],
);

/** Ids (as handled) of handled updates, kept for a day, so a replayed update is applied once. */
export const handledUpdates = sqliteTable(
  "handled_updates",
  {
    updateId: integer("update_id").primaryKey({ autoIncrement: false }),
    handledAt: createdAt("handled_at"),
  },
  (t) => [index("handled_updates_at_idx").on(t.handledAt)],
);

export const catalogVersions = sqliteTable("catalog_versions", {
  version: text("version").primaryKey(),
  yaml: text("yaml").notNull(),
  /** The validated document as JSON, so start-up does not parse YAML. */
  document: text("document"),
  author: text("author"),
  uploadedBy: integer("uploaded_by"),
  active: integer("active", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  activatedAt: text("activated_at"),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id"),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    reportNumber: text("report_number"),
    details: json<Record<string, unknown>>("details"),
    /** Who ran the command line: the operating-system user and host ("alice@host"). */
    operator: text("operator"),
    at: createdAt("at"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_report_idx").on(t.reportNumber)],
);

export const invites = sqliteTable("invites", {
  tokenHash: text("token_hash").primaryKey(),
  role: text("role", { enum: ["police", "admin"] }).notNull(),
  createdBy: integer("created_by").notNull(),
  unit: text("unit"),
  regions: json<Region[]>("regions").notNull().default(sql`'[]'`),
  allRegions: integer("all_regions", { mode: "boolean" }).notNull().default(false),
  expiresAt: text("expires_at").notNull(),
  usedBy: integer("used_by"),
  usedAt: text("used_at"),
  createdAt: createdAt(),
});

export const alerts = sqliteTable("alerts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  createdBy: integer("created_by").notNull(),
  textKk: text("text_kk").notNull(),
  textRu: text("text_ru").notNull(),
  status: text("status", { enum: ["draft", "sending", "sent", "cancelled"] })
    .notNull()
    .default("draft"),
  createdAt: createdAt(),
  sentAt: text("sent_at"),
});

export const alertDeliveries = sqliteTable(
  "alert_deliveries",
  {
    alertId: integer("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    userId: integer("user_id").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    at: text("at"),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.userId] }), index("alert_deliveries_status_idx").on(t.alertId, t.status)],
);

/**
 * How many "has this been reported?" checks a person made in the current window:
 * the limit holds across restarts and instances. Deleted with the person's data.
 */
export const lookupQuota = sqliteTable("lookup_quota", {
  userId: integer("user_id").primaryKey({ autoIncrement: false }),
  windowStart: text("window_start").notNull(),
  count: integer("count").notNull(),
});
