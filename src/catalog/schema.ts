/**
 * The catalogue document's shape (zod) and its cross-reference rules. The format itself is
 * described at the top of default-catalog.yaml; in short:
 *
 *   version, author, reviewed (YYYY-MM-DD), status (active | draft)
 *   schemes[]            id, status, title, summary, how_it_goes, signals, red_flags[],
 *                        prevention[], urgent_steps[] (action ids)
 *     signals            identities / channels / techniques / answers: id → weight (-1..1)
 *                        phrases: ru / kk / lat: pattern → weight (see core/recognition/pattern.ts)
 *   techniques           technique id → title, advice, actions[], phrases
 *   actions              action id → text, contact (a contact id or "own_bank")
 *   contacts             contact id → name, phone and/or url, checked_on (date | null), bank
 *   bank_contact_fallback  what to say when the person's bank has no checked number
 *   triage[]             until_hours (ascending, the last null), level, headline
 *   call_check           identities[], requests[] (danger, why), verdict.danger / verdict.safe
 *   dropper_check        questions[], crime, refuse, money_came, actions[]
 *   awareness            after_report, recovery_scam
 *
 * Every person-facing text is {kk, ru}, both non-empty. validateCatalog returns problems as
 * "<path>: <problem>" lines, e.g. "schemes[3].summary.kk: empty".
 */
import { z } from "zod";
import { BANKS } from "../core/model.js";
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
] as const;

export const REQUIRED_CONTACTS = ["police", "egov", "regulator"] as const;

/** An action's contact may name the person's own bank instead of a fixed contact. */
export const OWN_BANK = "own_bank";

export const SLUG = /^[a-z][a-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
});

const technique = z.strictObject({
  title: text,
  advice: text,
  actions: ids.default([]),
  phrases: phrases.default({}),
});

const action = z.strictObject({ text, contact: slug.nullish() });

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

const triageBand = z.strictObject({
  until_hours: z
    .number({ error: need("must be a number of hours or null") })
    .positive("must be above 0")
    .nullable(),
  level: slug,
  headline: text,
});

const option = z.strictObject({ id: slug, label: text });

const callCheck = z.strictObject({
  identities: z.array(option).min(1, "empty list"),
  requests: z
    .array(
      z.strictObject({ id: slug, label: text, danger: z.boolean({ error: need("must be true or false") }), why: text }),
    )
    .min(1, "empty list"),
  verdict: z.strictObject({
    danger: z.strictObject({ headline: text, next: text }),
    safe: z.strictObject({ headline: text, next: text }),
  }),
});

const dropperCheck = z.strictObject({
  questions: z.array(z.strictObject({ id: slug, text })).min(1, "empty list"),
  crime: text,
  refuse: text,
  money_came: text,
  actions: ids.default([]),
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
  bank_contact_fallback: text,
  triage: z.array(triageBand, { error: need("must be a list") }).min(1, "empty list"),
  call_check: callCheck,
  dropper_check: dropperCheck,
  awareness: z.strictObject({ after_report: text, recovery_scam: text }),
});

export type CatalogDocument = z.infer<typeof catalogSchema>;
export type SchemeDocument = CatalogDocument["schemes"][number];

/** ["schemes", 3, "title", "kk"] → "schemes[3].title.kk"; keys with spaces are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(document)";
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return "missing";
  return issue.message;
}

export type Validation = { ok: true; document: CatalogDocument } | { ok: false; problems: string[] };

/** Checks a parsed YAML value; every problem names its place in the document. */
export function validateCatalog(value: unknown): Validation {
  const parsed = catalogSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${issueMessage(i)}`);
    return { ok: false, problems: [...new Set(problems)] };
  }
  const problems = checkReferences(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: parsed.data };
}
