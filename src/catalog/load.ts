/**
 * YAML text → validated document → compiled, frozen Catalog. Compiling (patterns, matcher
 * index) happens once per distinct text: the result is cached, so loading the same version
 * again, or on every update, costs a map lookup.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Bank, SCHEME_IDS, TECHNIQUES, type Technique } from "../core/model.js";
import { recognize } from "../core/recognition/recognize.js";
import { buildRules, type RecognitionRules } from "../core/recognition/rules.js";
import { defaultCatalogPath } from "../paths.js";
import { compileCallCheck } from "./call-check.js";
import { type CatalogIssue, issueText, locateIssues } from "./problems.js";
import { missingBuiltIns } from "./references.js";
import { type CatalogDocument, validateCatalog } from "./schema.js";
import { text } from "./text.js";
import type {
  ActionEntry,
  Catalog,
  ContactEntry,
  FactEntry,
  SchemeEntry,
  TechniqueEntry,
  TriageBand,
} from "./types.js";

export { defaultCatalogPath };

export type LoadResult = { ok: true; catalog: Catalog } | { ok: false; problems: string[]; issues: CatalogIssue[] };

/** Why a stored version cannot be switched to, for the admin's language (admin:catalog.cannot_because). */
export type CatalogRefusal = "already_active" | "not_stored" | "invalid" | "draft";

export class CatalogError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
    readonly refusal?: { reason: CatalogRefusal; version: string },
  ) {
    super(message);
  }
}

const cache = new Map<string, Catalog>();
const MAX_CACHED = 8;

/** The YAML parser loads only when a new text must be read: start-up uses stored documents. */
const requireLazily = createRequire(import.meta.url);
const yaml = () => requireLazily("yaml") as typeof import("yaml");

/**
 * Parses and validates YAML; problems are "<path>: <problem>" lines, and the same as data
 * with the line in the file and the scheme's id (problems.ts).
 */
export function parseCatalog(
  yamlText: string,
): { ok: true; document: CatalogDocument } | { ok: false; problems: string[]; issues: CatalogIssue[] } {
  const { parseDocument, LineCounter } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => `yaml line ${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0]}`),
      issues: doc.errors.map((e) => ({
        path: [],
        message: e.message.split("\n")[0] ?? "",
        yaml: e.code,
        ...(e.linePos?.[0] ? { line: e.linePos[0].line } : {}),
      })),
    };
  }
  const validation = validateCatalog(doc.toJS());
  if (validation.ok) return { ok: true, document: validation.document };
  return { ...validation, issues: locateIssues(validation.issues, doc, lines) };
}

/** Validates and compiles; never throws for a bad document. */
export function loadCatalog(yamlText: string): LoadResult {
  const key = createHash("sha256").update(yamlText).digest("hex");
  const cached = cache.get(key);
  if (cached) return { ok: true, catalog: cached };
  const parsed = parseCatalog(yamlText);
  if (!parsed.ok) return parsed;
  const catalog = compile(parsed.document, yamlText);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, catalog);
  return { ok: true, catalog };
}

/**
 * A version from the database: its document was validated when it was imported
 * and stored as JSON, so start-up compiles it without reading YAML again. Rows
 * stored without a document go through loadCatalog.
 */
export function loadStoredCatalog(yamlText: string, documentJson: string | null): LoadResult {
  if (documentJson === null) return loadCatalog(yamlText);
  const key = createHash("sha256").update(yamlText).digest("hex");
  const cached = cache.get(key);
  if (cached) return { ok: true, catalog: cached };
  const document = JSON.parse(documentJson) as CatalogDocument;
  // A version stored by an older release may lack what the code now requires (a built-in
  // scheme or technique added since): it no longer validates, like a broken upload.
  const issues = missingBuiltIns(document);
  if (issues.length > 0) return { ok: false, problems: issues.map(issueText), issues };
  const catalog = compile(document, yamlText);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, catalog);
  return { ok: true, catalog };
}

/** Like loadCatalog, but a bad document throws CatalogError listing the problems. */
export function loadCatalogOrThrow(yamlText: string, origin = "catalogue"): Catalog {
  const result = loadCatalog(yamlText);
  if (!result.ok) {
    throw new CatalogError(
      `${origin} is invalid: ${result.problems[0]}${result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : ""}`,
      result.problems,
    );
  }
  return result.catalog;
}

export function readDefaultCatalogYaml(path = defaultCatalogPath): string {
  return readFileSync(path, "utf8");
}

/** The catalogue shipped in the repository (or another file), compiled. */
export function loadDefaultCatalog(path = defaultCatalogPath): Catalog {
  return loadCatalogOrThrow(readDefaultCatalogYaml(path), path);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function compile(doc: CatalogDocument, yamlText: string): Catalog {
  const actions = new Map<string, ActionEntry>(
    Object.entries(doc.actions).map(([id, a]) => [
      id,
      { id, text: text(a.text), contact: a.contact ?? undefined, facts: a.facts },
    ]),
  );
  const resolve = (ids: readonly string[]) => ids.map((id) => actions.get(id)).filter((a): a is ActionEntry => !!a);
  const contacts = new Map<string, ContactEntry>(
    Object.entries(doc.contacts).map(([id, c]) => [
      id,
      {
        id,
        name: text(c.name),
        phone: c.phone ?? undefined,
        url: c.url ?? undefined,
        checkedOn: c.checked_on,
        checked: c.checked_on !== null,
        bank: c.bank,
      },
    ]),
  );
  const builtIn = new Set<string>(SCHEME_IDS);
  const schemes: SchemeEntry[] = doc.schemes.map((s) => ({
    id: s.id,
    status: s.status,
    builtIn: builtIn.has(s.id),
    title: text(s.title),
    summary: text(s.summary),
    howItGoes: text(s.how_it_goes),
    redFlags: s.red_flags.map(text),
    prevention: s.prevention.map(text),
    urgentSteps: resolve(s.urgent_steps),
  }));
  const schemeById = new Map(schemes.map((s) => [s.id, s]));
  const techniques = new Map<Technique, TechniqueEntry>(
    TECHNIQUES.map((id) => {
      const t = doc.techniques[id];
      if (!t) throw new CatalogError(`technique ${id} is missing`);
      return [id, { id, title: text(t.title), advice: text(t.advice), actions: resolve(t.actions) }];
    }),
  );
  const triageBands: TriageBand[] = doc.triage.map((b) => ({
    level: b.level,
    untilHours: b.until_hours ?? undefined,
    untilBusinessDays: b.until_business_days ?? undefined,
    headline: text(b.headline),
  }));
  const facts = new Map<string, FactEntry>(
    Object.entries(doc.facts).map(([id, f]) => [
      id,
      {
        id,
        kind: f.kind,
        cite: f.cite ? text(f.cite) : undefined,
        source: f.source,
        url: f.url ?? undefined,
        checkedOn: f.checked_on,
      },
    ]),
  );
  const active = doc.schemes.filter((s) => s.status === "active");
  // Compiling the patterns is the costly part; it happens on the first recognition, not at start-up.
  let compiled: RecognitionRules | undefined;
  const rules = () =>
    (compiled ??= buildRules(
      doc.version,
      active.map((s) => ({ id: s.id, ...s.signals })),
      TECHNIQUES.map((id) => ({ id, phrases: doc.techniques[id]?.phrases })),
      // Documents stored before the section existed have none.
      doc.everyday?.phrases,
    ));

  const catalog: Catalog = {
    version: doc.version,
    author: doc.author,
    reviewed: doc.reviewed,
    status: doc.status,
    yaml: yamlText,
    document: deepFreeze(doc),
    scheme: (id) => schemeById.get(id),
    schemes: (options) => (options?.includeDraft ? schemes : schemes.filter((s) => s.status === "active")),
    technique: (id) => techniques.get(id) as TechniqueEntry,
    techniques: () => [...techniques.values()],
    action: (id) => actions.get(id),
    actions: () => [...actions.values()],
    contact: (id) => contacts.get(id),
    contacts: () => [...contacts.values()],
    bankContact: (bank: Bank) => [...contacts.values()].find((c) => c.bank === bank),
    bankContactFallback: text(doc.bank_contact_fallback),
    bankContactFallbackRemote: text(doc.bank_contact_fallback_remote),
    lenderContactFallback: text(doc.lender_contact_fallback),
    fact: (id) => facts.get(id),
    facts: () => [...facts.values()],
    triage: ({ hours, businessDays }) => {
      const h = Math.max(0, hours);
      const d = Math.max(0, businessDays);
      return (
        triageBands.find(
          (b) =>
            (b.untilHours !== undefined && h < b.untilHours) ||
            (b.untilBusinessDays !== undefined && d < b.untilBusinessDays),
        ) ?? (triageBands.at(-1) as TriageBand)
      );
    },
    triageBands,
    calendar: {
      moving: doc.calendar.moving,
      fixed: doc.calendar.fixed,
      years: Object.fromEntries(
        Object.entries(doc.calendar.years).map(([year, y]) => [
          year,
          { daysOff: y.days_off, workingDays: y.working_days },
        ]),
      ),
    },
    callCheck: compileCallCheck(doc),
    dropperCheck: {
      questions: doc.dropper_check.questions.map((q) => ({ id: q.id, text: text(q.text) })),
      crime: text(doc.dropper_check.crime),
      refuse: text(doc.dropper_check.refuse),
      moneyCame: text(doc.dropper_check.money_came),
      actions: resolve(doc.dropper_check.actions),
    },
    awareness: { afterReport: text(doc.awareness.after_report), recoveryScam: text(doc.awareness.recovery_scam) },
    get rules() {
      return rules();
    },
    recognize: (input, options) => recognize(input, rules(), options),
  };
  // The rules hold a class instance with internal maps; freeze the data around it, not inside it.
  for (const part of [schemes, triageBands, [...actions.values()], [...contacts.values()], [...techniques.values()]])
    deepFreeze(part);
  deepFreeze(catalog.callCheck);
  deepFreeze(catalog.calendar);
  deepFreeze([...facts.values()]);
  deepFreeze(catalog.dropperCheck);
  deepFreeze(catalog.awareness);
  return Object.freeze(catalog);
}
