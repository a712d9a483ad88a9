/**
 * The pre-report as JSON for machine intake by police systems.
 *
 * Versioning (`schemaVersion`, "MAJOR.MINOR"): a change that only adds optional fields or
 * new enum values bumps MINOR, and readers of the same MAJOR must ignore fields they do not
 * know. Removing or renaming a field, changing its type or meaning, bumps MAJOR. The JSON
 * Schema printed by `cli report schema` is exact for the version it carries.
 *
 * Conventions: a field that was not asked or was skipped is left out; an empty list means
 * "none". Money is a number in major units with its currency. Identifiers are normalised
 * (E.164 phones, IBAN without spaces, card numbers as digits); the victim's own card appears
 * only as its last 4 digits, full card numbers only for recipients.
 */
import { z } from "zod";
import {
  ALREADY_DONE,
  BANKS,
  BIOMETRICS,
  CARD_DATA,
  CHANNELS,
  CLAIMED_IDENTITIES,
  CODE_SOURCES,
  CURRENCIES,
  type Currency,
  DISCLOSURE_WAYS,
  EVIDENCE_KINDS,
  FILED_FOR,
  IDENTIFIER_KINDS,
  LANGS,
  type Lang,
  LEAK_SOURCES,
  LOAN_STATUSES,
  LOSS_KINDS,
  PERSONAL_DATA,
  REGIONS,
  REMOTE_APPS,
  TECHNIQUES,
  TRANSFER_METHODS,
} from "../model.js";
import type { Answers, Identifier, Money, Transfer } from "./answers.js";
import type { SubmittedReport } from "./report.js";

export const REPORT_SCHEMA_VERSION = "1.2";

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).describe(`${what}; left out when not asked, empty when none`);
const isoTime = z.iso.datetime().describe("ISO-8601 date and time in UTC");
const localDate = z.iso.date().describe("Local date in Kazakhstan, YYYY-MM-DD");
const hhmm = z
  .string()
  .regex(/^\d{2}:\d{2}$/)
  .describe("Local time in Kazakhstan, HH:MM");
const bank = z.enum(BANKS).describe("Bank id");

const moneySchema = z
  .object({
    value: z.number().nonnegative().describe("Amount in major units (tenge, dollars), up to 2 decimals"),
    currency: z.enum(CURRENCIES).describe("ISO 4217 code, or USDT"),
  })
  .describe("An amount of money");

const identifierSchema = z
  .object({
    kind: z.enum(IDENTIFIER_KINDS).describe("What the identifier is"),
    value: z.string().min(1).describe("Normalised: E.164 phone, IBAN without spaces, card digits, link, @username"),
    foreign: z.boolean().optional().describe("A phone number outside Kazakhstan, kept as given"),
  })
  .describe("A normalised identifier");

const contactSchema = z
  .object({
    claimedIdentity: z.enum(CLAIMED_IDENTITIES).optional().describe("Who the person claimed to be"),
    claimedName: z.string().optional().describe("Name, rank or organisation they gave"),
    phones: z.array(identifierSchema).describe("Phone numbers they used"),
    handles: z.array(identifierSchema).describe("Usernames, links and sites they used"),
    showedDocuments: z.enum(["yes", "no", "unsure"]).optional().describe("Whether they showed an ID or document"),
    handedOver: z.boolean().optional().describe("Whether they passed the victim on to another person"),
    callDate: localDate.optional().describe("Local date of their call or message"),
    callTime: hhmm.optional().describe("Local time of their call or message, for the operator's call records"),
  })
  .describe("One person who contacted the victim, in the order they appeared");

const transferSchema = z
  .object({
    position: z.number().int().positive().describe("1-based order of the transfer in the report"),
    date: localDate.optional(),
    time: hhmm.optional(),
    dateTime: z.iso.datetime({ offset: true }).optional().describe("date and time together, with offset +05:00"),
    amount: moneySchema.optional(),
    method: z.enum(TRANSFER_METHODS).optional().describe("How the money was sent"),
    recipient: identifierSchema.optional().describe("Where the money went"),
    recipientName: z.string().optional().describe("The recipient's name as the victim saw it"),
    recipientBank: bank.optional().describe("The recipient's bank"),
    ownBank: bank.optional().describe("The victim's bank the money left from"),
    lossKind: z
      .enum(LOSS_KINDS)
      .optional()
      .describe("sent: the victim sent it, deceived; taken: debited without the victim (an unauthorised operation)"),
    receiptId: z.string().optional().describe("Receipt or operation number from the bank's app, as given"),
    crypto: z
      .object({
        network: z.string().optional().describe("Blockchain network, e.g. TRC20, ERC20, BEP20, Bitcoin"),
        exchange: z.string().optional().describe("Exchange or exchanger used, as named"),
        txid: z.string().optional().describe("Transaction hash"),
      })
      .optional()
      .describe("For crypto transfers: network, exchange, transaction hash"),
  })
  .describe("One transfer the victim made, or a debit made without them");

const victimSchema = z
  .object({
    name: z.string().optional().describe("Full name of the victim, as given"),
    iin: z
      .string()
      .regex(/^\d{12}$/)
      .optional()
      .describe("Individual identification number; its check digit was verified"),
    birthDate: localDate.optional().describe("Date of birth as given (the IIN's first six digits agree)"),
    address: z.string().optional().describe("Address as given"),
    phone: identifierSchema.optional().describe("The victim's phone"),
    account: identifierSchema.optional().describe("The victim's own account (IBAN); not secret, banks trace by it"),
    callsReceivedOn: identifierSchema
      .optional()
      .describe("The victim's number that received the fraudsters' calls (operators' records are requested by it)"),
    device: z.string().optional().describe("The phone or computer used (make and model)"),
  })
  .describe("Who suffered: identity and the numbers and device the police ask operators and providers about");

const reasonSchema = z
  .object({
    source: z.enum(["phrase", "identity", "channel", "technique", "answer"]).describe("Kind of signal"),
    value: z.string().describe("The matched phrase or id"),
  })
  .describe("Why a scheme was recognised");

export const reportJsonSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION).describe("Version of this format, MAJOR.MINOR"),
    number: z.string().min(1).describe("Reference number that never changes, e.g. SB-2026-000042"),
    version: z.number().int().positive().describe("Version of the report; additions create a new one"),
    status: z.enum(["submitted", "withdrawn"]).describe("Report status"),
    language: z.enum(LANGS).describe("Language the person filled the report in"),
    submittedAt: isoTime.describe("When the first version was submitted, UTC"),
    versionAt: isoTime.describe("When this version was created, UTC"),
    applicant: z
      .object({
        filedFor: z.enum(FILED_FOR).optional().describe("Whom the report is filed for"),
        contactConsent: z.boolean().describe("Whether the person agreed to share name and phone"),
        name: z.string().optional().describe("Applicant's name; only with consent"),
        phone: identifierSchema.optional().describe("Applicant's phone; only with consent"),
      })
      .describe("The person filing the report"),
    victim: victimSchema.optional(),
    incident: z
      .object({
        date: localDate.optional(),
        time: z.string().optional().describe("HH:MM, or morning / afternoon / evening / night"),
        region: z.enum(REGIONS).optional().describe("Oblast or city of republican significance"),
        city: z.string().optional().describe("City or settlement as given"),
        channels: list(z.enum(CHANNELS), "How the fraudsters made contact").optional(),
      })
      .describe("When, where and how it happened"),
    contacts: z.array(contactSchema).describe("The chain of people who contacted the victim"),
    disclosed: z
      .object({
        cardData: list(z.enum(CARD_DATA), "Card data elements passed on (never their values)").optional(),
        ownCardLast4: z
          .string()
          .regex(/^\d{4}$/)
          .optional()
          .describe("Last 4 digits of the victim's card"),
        ownBank: bank.optional().describe("The victim's bank"),
        codesReceived: list(z.enum(CODE_SOURCES), "Sources of codes the victim received").optional(),
        codesShared: list(z.enum(CODE_SOURCES), "Sources of codes the victim passed on").optional(),
        apps: list(z.enum(REMOTE_APPS), "Remote-access apps installed").optional(),
        personalData: list(z.enum(PERSONAL_DATA), "Personal data passed on").optional(),
        via: list(z.enum(DISCLOSURE_WAYS), "How card data or codes were given: told, typed on a page, sent").optional(),
      })
      .describe("What the victim passed on"),
    loans: z
      .object({
        status: z.enum(LOAN_STATUSES).optional().describe("Whether a loan was taken and how"),
        items: z
          .array(
            z
              .object({
                lenderBank: bank.optional().describe("The lender, when it is a bank"),
                lender: z.string().optional().describe("Microfinance organisation or other lender, as written"),
                amount: moneySchema.optional(),
                date: localDate.optional(),
                biometrics: z
                  .enum(BIOMETRICS)
                  .optional()
                  .describe("Whether the victim passed biometric identification when it was issued"),
              })
              .describe("One loan"),
          )
          .describe("Loans taken"),
      })
      .describe("Loans taken in the victim's name or on the fraudsters' instructions"),
    transfers: z
      .object({
        made: z.boolean().optional().describe("Whether the victim made transfers"),
        items: z.array(transferSchema).describe("Transfers in order"),
        totals: z.array(moneySchema).describe("Sum of transfer amounts per currency"),
      })
      .describe("Money the victim sent"),
    recognition: z
      .object({
        catalogVersion: z.string().describe("Version of the scheme catalogue used"),
        schemes: z
          .array(
            z
              .object({
                id: z
                  .string()
                  .regex(/^[a-z][a-z0-9_]*$/)
                  .describe("Scheme id; built-in ids are listed in DOMAIN.md, admins may add more"),
                title: z.string().optional().describe("Scheme title in the report's language"),
                score: z.number().min(0).max(1).describe("Confidence 0..1"),
                reasons: z.array(reasonSchema).describe("Signals that pointed to the scheme"),
              })
              .describe("A recognised scheme"),
          )
          .describe("Recognised schemes, best first"),
        techniques: z.array(z.enum(TECHNIQUES)).describe("Techniques seen in the answers"),
      })
      .nullable()
      .describe("What Saqbol recognised; null when nothing was run"),
    stepsTaken: z
      .object({
        alreadyDone: list(z.enum(ALREADY_DONE), "What the victim had done before the report").optional(),
        bankRequestNo: z.string().optional().describe("Number of the request registered by the bank"),
        statementNo: z.string().optional().describe("Number of a statement already filed with the police"),
        urgentSteps: z
          .array(
            z
              .object({
                step: z.string().describe("Urgent step id"),
                doneAt: isoTime.describe("When it was ticked off"),
              })
              .describe("An urgent step the person ticked off"),
          )
          .describe("Urgent steps ticked off in the bot"),
      })
      .describe("Steps already taken"),
    evidence: z
      .array(
        z
          .object({
            kind: z.enum(EVIDENCE_KINDS).describe("File type"),
            mime: z.string().optional().describe("MIME type"),
            size: z.number().int().nonnegative().optional().describe("Size in bytes"),
            name: z.string().optional().describe("File name"),
            receivedAt: isoTime.describe("When the file was received, UTC"),
            fileId: z.string().describe("Telegram file_id, to download the file"),
            fileUniqueId: z.string().describe("Telegram file_unique_id, stable across bots"),
            sha256: z
              .string()
              .regex(/^[0-9a-f]{64}$/)
              .optional()
              .describe("Hex SHA-256 of the file's bytes, computed when it was received"),
            stored: z.boolean().optional().describe("A copy is kept in Saqbol's storage"),
          })
          .describe("One file"),
      )
      .describe("Screenshots, recordings and documents the person attached"),
    narrative: z.string().optional().describe("The person's own account of events"),
    leakSources: list(z.enum(LEAK_SOURCES), "Where the person had given personal data before").optional(),
  })
  .describe("Saqbol pre-report: facts of a fraud case collected from the victim, not a registered statement");

export type ReportJson = z.output<typeof reportJsonSchema>;
export type MoneyJson = z.output<typeof moneySchema>;

export const signatureSchema = z
  .discriminatedUnion("alg", [
    z
      .object({
        alg: z.literal("Ed25519").describe("Signature algorithm"),
        keyId: z
          .string()
          .regex(/^[0-9a-f]{16}$/)
          .describe("First 16 hex characters of SHA-256 of the raw 32-byte public key (its fingerprint)"),
        value: z
          .string()
          .regex(/^[A-Za-z0-9_-]{86}$/)
          .describe(
            "Base64url Ed25519 signature over the canonical JSON (sorted keys, no whitespace) of the file without this field",
          ),
      })
      .describe("Signature anyone can check with Saqbol's published public key"),
    z
      .object({
        alg: z.literal("HMAC-SHA256").describe("Signature algorithm of files issued before version 1.1"),
        keyId: z
          .string()
          .regex(/^[0-9a-f]{8}$/)
          .describe("First 8 hex characters of SHA-256 of the key, to see key rotation"),
        value: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .describe("Hex HMAC over the canonical JSON (sorted keys, no whitespace) of the file without this field"),
      })
      .describe("Server signature of older files, checked with the server's secret"),
  ])
  .describe("Signature proving the file was issued by Saqbol and not edited");

export const signedReportJsonSchema = reportJsonSchema
  .extend({ signature: signatureSchema })
  .describe("Saqbol pre-report file, signed");

/** The JSON Schema document of the exported (signed) file. */
export function reportJsonSchemaDocument(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(signedReportJsonSchema, { target: "draft-2020-12" }),
    $id: `https://saqbol.kz/schema/report-${REPORT_SCHEMA_VERSION}.json`,
    title: `Saqbol pre-report ${REPORT_SCHEMA_VERSION}`,
  };
}

export const moneyJson = (money: Money): MoneyJson => ({ value: money.amountMinor / 100, currency: money.currency });

/** Sums per currency, in the order currencies first appear; exact, in minor units. */
export function transferTotals(transfers: readonly Transfer[]): Money[] {
  const sums = new Map<Currency, number>();
  for (const { amount } of transfers) {
    if (amount) sums.set(amount.currency, (sums.get(amount.currency) ?? 0) + amount.amountMinor);
  }
  return [...sums].map(([currency, amountMinor]) => ({ amountMinor, currency }));
}

/** Re-normalises defensively: files must hold one form per identifier whatever the input path. */
export function normaliseIdentifier(id: Identifier): Identifier {
  const compact = id.value.replace(/[\s()-]/g, "");
  switch (id.kind) {
    case "phone": {
      if (id.foreign) return id;
      const digits = compact.replace(/\D/g, "");
      if (/^[78]\d{10}$/.test(digits)) return { ...id, value: `+7${digits.slice(1)}` };
      return { ...id, value: compact };
    }
    case "iban":
      return { ...id, value: compact.toUpperCase() };
    case "card":
      return { ...id, value: compact.replace(/\D/g, "") };
    default:
      return id;
  }
}

const identifierJson = (id: Identifier) => {
  const n = normaliseIdentifier(id);
  return { kind: n.kind, value: n.value, ...(n.foreign ? { foreign: true } : {}) };
};

export function toReportJson(
  report: SubmittedReport,
  options: { schemeTitle?: (id: string, lang: Lang) => string } = {},
): ReportJson {
  const a = report.answers;
  const consent = a.contactConsent === true;
  const last4 = a.ownCardLast4?.replace(/\D/g, "") ?? "";
  return withoutUndefined({
    schemaVersion: REPORT_SCHEMA_VERSION,
    number: report.number,
    version: report.version,
    status: report.status,
    language: report.lang,
    submittedAt: report.submittedAt,
    versionAt: report.versionAt,
    applicant: {
      filedFor: a.filedFor,
      contactConsent: consent,
      name: consent ? a.applicantName : undefined,
      phone: consent && a.applicantPhone ? identifierJson(a.applicantPhone) : undefined,
    },
    victim: victimJson(a),
    incident: { date: a.incidentDate, time: a.incidentTime, region: a.region, city: a.city, channels: a.channels },
    contacts: a.contacts.map((c) => ({
      claimedIdentity: c.claimedIdentity,
      claimedName: c.claimedName,
      phones: c.phones.map(identifierJson),
      handles: c.handles.map(identifierJson),
      showedDocuments: c.showedDocuments,
      handedOver: c.handedOver,
      callDate: c.callDate,
      callTime: c.callTime,
    })),
    disclosed: {
      cardData: a.cardData,
      ownCardLast4: last4.length >= 4 ? last4.slice(-4) : undefined,
      ownBank: a.ownBank,
      codesReceived: a.codesReceived,
      codesShared: a.codesShared,
      apps: a.apps,
      personalData: a.personalData,
      via: a.disclosedVia,
    },
    loans: {
      status: a.loanStatus,
      items: a.loans.map((l) => ({
        lenderBank: l.lenderBank,
        lender: l.lender,
        amount: l.amount && moneyJson(l.amount),
        date: l.date,
        biometrics: l.biometrics,
      })),
    },
    transfers: {
      made: a.transfersMade,
      items: a.transfers.map((t, i) => ({
        position: i + 1,
        date: t.date,
        time: t.time,
        dateTime: t.date && t.time ? `${t.date}T${t.time}:00+05:00` : undefined,
        amount: t.amount && moneyJson(t.amount),
        method: t.method,
        recipient: t.recipient && identifierJson(t.recipient),
        recipientName: t.recipientName,
        recipientBank: t.recipientBank,
        ownBank: t.ownBank,
        lossKind: t.lossKind,
        receiptId: t.receiptId,
        crypto: t.crypto && { network: t.crypto.network, exchange: t.crypto.exchange, txid: t.crypto.txid },
      })),
      totals: transferTotals(a.transfers).map(moneyJson),
    },
    recognition: report.recognition && {
      catalogVersion: report.recognition.catalogVersion,
      schemes: report.recognition.schemes.map((s) => ({
        id: s.id,
        title: options.schemeTitle?.(s.id, report.lang),
        score: s.score,
        reasons: s.reasons.map((r) => ({ source: r.source, value: r.value })),
      })),
      techniques: report.recognition.techniques,
    },
    stepsTaken: {
      alreadyDone: a.alreadyDone,
      bankRequestNo: a.bankRequestNo,
      statementNo: a.statementNo,
      urgentSteps: report.stepsDone.map((s) => ({ step: s.step, doneAt: s.doneAt })),
    },
    evidence: a.evidence.map((e) => ({
      kind: e.kind,
      mime: e.mime,
      size: e.size,
      name: e.name,
      receivedAt: e.receivedAt,
      fileId: e.fileId,
      fileUniqueId: e.fileUniqueId,
      sha256: e.sha256,
      stored: e.stored,
    })),
    narrative: a.narrative,
    leakSources: a.leakSources,
  });
}

/** The victim's identity and numbers; left out when nothing of it was given. */
function victimJson(a: Answers): ReportJson["victim"] {
  const v = a.victim;
  const out = {
    name: v?.name,
    iin: v?.iin,
    birthDate: v?.birthDate,
    address: v?.address,
    phone: v?.phone && identifierJson(v.phone),
    account: a.ownIban && identifierJson(a.ownIban),
    callsReceivedOn: a.receivingPhone && identifierJson(a.receivingPhone),
    device: a.device,
  };
  return Object.values(out).some((x) => x !== undefined) ? out : undefined;
}

/** Drops undefined fields so the object equals its own JSON round trip. */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  ) as T;
}
