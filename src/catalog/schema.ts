/**
 * The catalogue document's shape (zod) and its cross-reference rules. The format itself is
 * described at the top of default-catalog.yaml; in short:
 *
 *   version, author, reviewed (YYYY-MM-DD), status (active | draft)
 *   schemes[]            id, status, title, summary, how_it_goes, signals, red_flags[],
 *                        prevention[], urgent_steps[] (action ids)
 *     signals            identities / channels / techniques / answers: id → weight (-1..1)
 *                        phrases: ru / kk / lat: pattern → weight (see core/recognition/pattern.ts)
 *   techniques           technique id → title, advice, actions[], phrases, facts[]
 *   actions              action id → text, contact (a contact id or "own_bank"), facts[]
 *   contacts             contact id → name, phone and/or url, checked_on (date | null), bank
 *   facts                fact id → kind, cite, source, url, checked_on (date | null)
 *   bank_contact_fallback, bank_contact_fallback_remote, lender_contact_fallback
 *                        what to say when a bank or lender has no checked number
 *   triage[]             until_hours or until_business_days (ascending), level, headline, facts[]
 *   calendar             days off in Kazakhstan: moving and fixed holidays, years (decreed days)
 *   call_check           live_call, identities[], requests[] (kind, why), verdict.danger /
 *                        verdict.call_back, table (identity → verdict → request ids), facts[]
 *   dropper_check        questions[], crime, refuse, money_came, actions[], facts[]
 *   awareness            after_report, recovery_scam, facts[]
 *   everyday             phrases: ru / kk / lat: pattern → weight (-1..0) of everyday questions and
 *                        events that are no fraud; each scales every scheme's evidence down
 *
 * Every person-facing text is {kk, ru}, both non-empty. A text that states a legal or numeric
 * fact names its source in `facts`, and only checked facts may be stated (see references.ts).
 * validateCatalog returns problems as "<path>: <problem>" lines, e.g. "schemes[3].summary.kk: empty",
 * and as data (problems.ts).
 */
import { z } from "zod";
import { BANKS, CALL_VERDICTS } from "../core/model.js";
import { type CatalogIssue, formatPath, issueText } from "./problems.js";
import { checkReferences } from "./references.js";

/** Action ids the guidance relies on; a catalogue must keep them. */
export const REQUIRED_ACTIONS = [
  "block_card",
  "call_bank_hold_transfer",
  "call_102",
  "egov_change_password",
  "egov_check_signature_and_loans",
  "egov_stop_credit",
  "operator_call_check_sim",
  "remote_access_disconnect",
  "remote_access_remove_app",
  "change_bank_passwords_other_device",
  "tell_bank_remote_access",
  "loan_notify_lender_in_writing",
  "loan_police_decision",
  "loan_complain_regulator",
  "messenger_recover_account",
  "messenger_enable_2fa",
  "messenger_warn_contacts",
  "courier_call_102_with_description",
  "keep_evidence",
  "beware_recovery_scam",
  "dropper_do_not_transfer",
  "call_bank",
  "bank_say_hold_transfer",
  "bank_say_unauthorised",
  "bank_say_block_card",
  "bank_say_block_access",
  "bank_say_remote_access",
  "lender_say_loan",
  "dispute_unauthorised_operation",
  "reissue_card",
  "remote_access_record_id",
  "remote_access_reset_phone",
  "loan_biometrics_tell",
  "get_erdr_number",
  "sue_dropper",
] as const;

/** The call check's "nothing of this" request: its cell is the verdict when nothing else was chosen. */
export const NOTHING_REQUEST = "nothing";

export const REQUIRED_CONTACTS = ["police", "egov", "regulator"] as const;

/** Facts the documents cite (letters to lenders, the complaint to the prosecutor): checked, with a citation. */
export const REQUIRED_CITATIONS = ["cpc_71", "cpc_200", "cpc_105", "banks_law_34_15"] as const;

/** An action's contact may name the person's own bank instead of a fixed contact. */
export const OWN_BANK = "own_bank";

export const SLUG = /^[a-z][a-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** zod's error callback: "missing" when there is no value at all, the given message otherwise. */
const need =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? "missing" : message;

const nonEmpty = z
  .string({ error: (i) => (i.input === undefined ? "missing" : "must be text") })
  .refine((s) => s.trim().length > 0, "empty");
const text = z.strictObject(
  { kk: nonEmpty, ru: nonEmpty },
  { error: (i) => (i.input === undefined ? "missing" : "must have kk and ru") },
);
const texts = z
  .array(text, { error: (i) => (i.input === undefined ? "missing" : "must be a list") })
  .min(1, "empty list");
const slug = z
  .string({ error: need("must be a lowercase id (a-z, 0-9, _)") })
  .regex(SLUG, "must be a lowercase id (a-z, 0-9, _)");
const ids = z.array(slug, { error: need("must be a list of ids") });
const weight = z
  .number({ error: need("must be a number") })
  .min(-1, "must be between -1 and 1")
  .max(1, "must be between -1 and 1");
const weights = z.record(z.string(), weight, { error: need("must map ids to weights") });
const date = z
  .string({ error: need("must be a date in quotes (YYYY-MM-DD)") })
  .regex(DATE, "must be a date (YYYY-MM-DD)");
const status = z.enum(["active", "draft"], { error: need("must be active or draft") });
/** The sources a text relies on for the legal or numeric facts it states. */
const facts = ids.default([]);

const phrases = z.strictObject({ ru: weights.optional(), kk: weights.optional(), lat: weights.optional() });

const signals = z.strictObject({
  identities: weights.default({}),
  channels: weights.default({}),
  techniques: weights.default({}),
  answers: weights.default({}),
  phrases: phrases.default({}),
});

const scheme = z.strictObject({
  id: slug,
  status: status.default("active"),
  title: text,
  summary: text,
  how_it_goes: text,
  signals,
  red_flags: texts,
  prevention: texts,
  urgent_steps: ids.min(1, "empty list"),
  facts,
});

const technique = z.strictObject({
  title: text,
  advice: text,
  actions: ids.default([]),
  phrases: phrases.default({}),
  facts,
});

const action = z.strictObject({ text, contact: slug.nullish(), facts });

const contact = z.strictObject({
  name: text,
  phone: z
    .string({ error: need("must be text in quotes") })
    .regex(/^\+?[0-9 ()-]{3,20}$/, "not a phone number")
    .nullish(),
  url: z.url({ error: need("not a URL") }).nullish(),
  checked_on: date.nullable(),
  bank: z.enum(BANKS, { error: need("unknown bank id") }).optional(),
});

const fact = z.strictObject({
  kind: z.enum(["seed", "law", "regulator", "official", "news", "saqbol"], {
    error: need("must be seed, law, regulator, official, news or saqbol"),
  }),
  /** How a document cites it, e.g. «ст. 71 УПК РК». */
  cite: text.optional(),
  source: nonEmpty,
  url: z.url({ error: need("not a URL") }).nullish(),
  checked_on: date.nullable(),
});

const triageBand = z.strictObject({
  until_hours: z
    .number({ error: need("must be a number of hours or null") })
    .positive("must be above 0")
    .nullish(),
  until_business_days: z
    .number({ error: need("must be a number of business days or null") })
    .int("must be a whole number")
    .positive("must be above 0")
    .nullish(),
  level: slug,
  headline: text,
  facts,
});

const monthDay = z
  .string({ error: need('must be a month and day in quotes ("MM-DD")') })
  .regex(MONTH_DAY, 'must be a month and day ("MM-DD")');
const dates = z.array(date, { error: need("must be a list of dates") }).default([]);

const calendar = z.strictObject({
  source: nonEmpty,
  url: z.url({ error: need("not a URL") }).nullish(),
  checked_on: date.nullable(),
  moving: z.array(monthDay, { error: need("must be a list") }),
  fixed: z.array(monthDay, { error: need("must be a list") }).default([]),
  years: z.record(
    z.string().regex(/^\d{4}$/, "must be a year"),
    z.strictObject({
      days_off: dates,
      working_days: dates,
      source: nonEmpty,
      url: z.url({ error: need("not a URL") }).nullish(),
    }),
    { error: need("must map years to their days") },
  ),
});

const callCheck = z.strictObject({
  live_call: text,
  identities: z.array(z.strictObject({ id: slug, label: text, note: text.optional() })).min(1, "empty list"),
  requests: z
    .array(
      z.strictObject({
        id: slug,
        kind: z.enum(["ask", "say"], { error: need("must be ask or say") }),
        label: text,
        why: text,
      }),
    )
    .min(1, "empty list"),
  verdict: z.strictObject({
    danger: z.strictObject({ headline: text, next: text }),
    call_back: z.strictObject({ headline: text, next: text }),
  }),
  /** For every identity, every request under exactly one verdict. */
  table: z.record(
    z.string(),
    z.partialRecord(z.enum(CALL_VERDICTS, { error: need("must be danger or call_back") }), ids),
    { error: need("must map identities to verdicts") },
  ),
  facts,
});

const dropperCheck = z.strictObject({
  questions: z.array(z.strictObject({ id: slug, text })).min(1, "empty list"),
  crime: text,
  refuse: text,
  money_came: text,
  actions: ids.default([]),
  facts,
});

export const catalogSchema = z.strictObject({
  version: z
    .string({ error: need('must be text in quotes, e.g. "2026.11.1"') })
    .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/, "letters, digits, dots, dashes; at most 40"),
  author: nonEmpty,
  reviewed: date,
  status,
  schemes: z.array(scheme, { error: need("must be a list") }).min(1, "empty list"),
  techniques: z.record(z.string(), technique, { error: need("must map ids to entries") }),
  actions: z.record(z.string(), action, { error: need("must map ids to entries") }),
  contacts: z.record(z.string(), contact, { error: need("must map ids to entries") }),
  facts: z.record(z.string(), fact, { error: need("must map ids to entries") }),
  bank_contact_fallback: text,
  bank_contact_fallback_remote: text,
  lender_contact_fallback: text,
  triage: z.array(triageBand, { error: need("must be a list") }).min(1, "empty list"),
  calendar,
  call_check: callCheck,
  dropper_check: dropperCheck,
  awareness: z.strictObject({ after_report: text, recovery_scam: text, facts }),
  everyday: z.strictObject({ phrases: phrases.default({}) }).default({ phrases: {} }),
});

export type CatalogDocument = z.infer<typeof catalogSchema>;
export type SchemeDocument = CatalogDocument["schemes"][number];

export { formatPath };

function issueOf(issue: z.core.$ZodIssue): CatalogIssue {
  if (issue.code === "unrecognized_keys") {
    const message = `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    return { path: issue.path, message, keys: issue.keys };
  }
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message))
    return { path: issue.path, message: "missing" };
  return { path: issue.path, message: issue.message };
}

/** A failure lists each problem twice: as data (issues) and as English lines (problems). */
export type Validation =
  | { ok: true; document: CatalogDocument }
  | { ok: false; problems: string[]; issues: CatalogIssue[] };

/** The failure for these issues, each problem once. */
export function failure(issues: readonly CatalogIssue[]): { ok: false; problems: string[]; issues: CatalogIssue[] } {
  const seen = new Map<string, CatalogIssue>();
  for (const issue of issues) if (!seen.has(issueText(issue))) seen.set(issueText(issue), issue);
  return { ok: false, problems: [...seen.keys()], issues: [...seen.values()] };
}

/** Checks a parsed YAML value; every problem names its place in the document. */
export function validateCatalog(value: unknown): Validation {
  const parsed = catalogSchema.safeParse(value);
  if (!parsed.success) return failure(parsed.error.issues.map(issueOf));
  const issues = checkReferences(parsed.data);
  return issues.length > 0 ? failure(issues) : { ok: true, document: parsed.data };
}
