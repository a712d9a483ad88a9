/**
 * The catalogue's cross-references, checked after its shape: every id a scheme, technique,
 * action or call check names must exist; built-in schemes, techniques, actions and contacts
 * must be present; patterns must parse; triage bands must ascend. Problems are
 * "<path>: <problem>" lines like the shape's.
 */
import { CHANNELS, CLAIMED_IDENTITIES, SCHEME_IDS, TECHNIQUES } from "../core/model.js";
import { parsePattern } from "../core/recognition/pattern.js";
import { ANSWER_FACTS } from "../core/recognition/signals.js";
import { statesFact, textsIn } from "./facts.js";
import type { CatalogIssue } from "./problems.js";
import {
  type CatalogDocument,
  NOTHING_REQUEST,
  OWN_BANK,
  REQUIRED_ACTIONS,
  REQUIRED_CITATIONS,
  REQUIRED_CONTACTS,
  SLUG,
} from "./schema.js";

/**
 * The built-in schemes and techniques a document lacks. Cheap enough for start-up, where a
 * version stored by an older release (before a built-in id was added) must be told apart.
 */
export function missingBuiltIns(doc: Pick<CatalogDocument, "schemes" | "techniques">): CatalogIssue[] {
  const schemeIds = new Set(doc.schemes.map((s) => s.id));
  return [
    ...SCHEME_IDS.filter((id) => !schemeIds.has(id)).map((id) => ({
      path: ["schemes"],
      message: `built-in scheme "${id}" is missing`,
    })),
    ...TECHNIQUES.filter((id) => !(id in doc.techniques)).map((id) => ({
      path: ["techniques"],
      message: `technique "${id}" is missing`,
    })),
  ];
}

/** Problems a shape check cannot see: ids that point nowhere, duplicates, bad patterns, order. */
export function checkReferences(doc: CatalogDocument): CatalogIssue[] {
  const problems: CatalogIssue[] = [];
  const at = (path: PropertyKey[], message: string) => problems.push({ path, message });
  const known = {
    identities: new Set<string>(CLAIMED_IDENTITIES),
    channels: new Set<string>(CHANNELS),
    techniques: new Set<string>(TECHNIQUES),
    answers: new Set<string>(ANSWER_FACTS),
  };
  const actionIds = new Set(Object.keys(doc.actions));
  const checkActions = (list: readonly string[], path: PropertyKey[]) =>
    list.forEach((id, i) => {
      if (!actionIds.has(id)) at([...path, i], `unknown action "${id}"`);
    });
  const checkPhrases = (table: Partial<Record<"ru" | "kk" | "lat", Record<string, number>>>, path: PropertyKey[]) => {
    for (const lang of ["ru", "kk", "lat"] as const) {
      for (const pattern of Object.keys(table[lang] ?? {})) {
        const parsed = parsePattern(pattern, lang);
        if (!parsed.ok) at([...path, lang, pattern], `bad pattern: ${parsed.error}`);
      }
    }
  };

  const seen = new Map<string, number>();
  doc.schemes.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined) at(["schemes", i, "id"], `duplicate scheme id "${s.id}" (also schemes[${first}])`);
    else seen.set(s.id, i);
    for (const kind of ["identities", "channels", "techniques", "answers"] as const) {
      for (const key of Object.keys(s.signals[kind])) {
        if (!known[kind].has(key))
          at(["schemes", i, "signals", kind, key], `unknown ${kind.replace(/ies$/, "y").replace(/s$/, "")} id`);
      }
    }
    checkPhrases(s.signals.phrases, ["schemes", i, "signals", "phrases"]);
    checkActions(s.urgent_steps, ["schemes", i, "urgent_steps"]);
  });

  for (const [id, t] of Object.entries(doc.techniques)) {
    if (!known.techniques.has(id)) at(["techniques", id], "unknown technique id");
    checkActions(t.actions, ["techniques", id, "actions"]);
    checkPhrases(t.phrases, ["techniques", id, "phrases"]);
  }
  problems.push(...missingBuiltIns(doc));

  for (const [id, a] of Object.entries(doc.actions)) {
    if (!SLUG.test(id)) at(["actions", id], "must be a lowercase id (a-z, 0-9, _)");
    if (a.contact && a.contact !== OWN_BANK && !(a.contact in doc.contacts))
      at(["actions", id, "contact"], `unknown contact "${a.contact}"`);
  }
  for (const id of REQUIRED_ACTIONS) if (!actionIds.has(id)) at(["actions"], `action "${id}" is missing`);
  for (const [id, c] of Object.entries(doc.contacts)) {
    if (!SLUG.test(id)) at(["contacts", id], "must be a lowercase id (a-z, 0-9, _)");
    if (!c.phone && !c.url) at(["contacts", id], "needs a phone or a url");
  }
  for (const id of REQUIRED_CONTACTS) if (!(id in doc.contacts)) at(["contacts"], `contact "${id}" is missing`);

  checkTriage(doc, at);
  checkCalendar(doc, at);
  checkCallCheck(doc, at, known.identities);
  checkActions(doc.dropper_check.actions, ["dropper_check", "actions"]);
  checkFacts(doc, at);

  // Everyday phrases only ever weigh against the schemes.
  const everyday = doc.everyday?.phrases ?? {};
  checkPhrases(everyday, ["everyday", "phrases"]);
  for (const lang of ["ru", "kk", "lat"] as const) {
    for (const [pattern, weight] of Object.entries(everyday[lang] ?? {})) {
      if (weight >= 0) at(["everyday", "phrases", lang, pattern], "must be below 0 (it weighs against every scheme)");
    }
  }
  return problems;
}

type At = (path: PropertyKey[], problem: string) => void;

/** Hour bands first, then business-day bands, each ascending; only the last band is open. */
function checkTriage(doc: CatalogDocument, at: At): void {
  let unit: "hours" | "days" = "hours";
  let prev: number | undefined;
  doc.triage.forEach((band, i) => {
    const last = i === doc.triage.length - 1;
    const hours = band.until_hours ?? undefined;
    const days = band.until_business_days ?? undefined;
    if (hours !== undefined && days !== undefined)
      at(["triage", i], "give until_hours or until_business_days, not both");
    if (last && (hours !== undefined || days !== undefined))
      at(["triage", i, "until_hours"], "the last band must be null (no upper limit)");
    if (!last && hours === undefined && days === undefined)
      at(["triage", i, "until_hours"], "only the last band may be null");
    if (hours !== undefined) {
      if (unit === "days") at(["triage", i, "until_hours"], "hour bands must come before business-day bands");
      else if (prev !== undefined && hours <= prev)
        at(["triage", i, "until_hours"], "must be larger than the band before");
      prev = hours;
    }
    if (days !== undefined) {
      if (unit === "days" && prev !== undefined && days <= prev)
        at(["triage", i, "until_business_days"], "must be larger than the band before");
      unit = "days";
      prev = days;
    }
  });
}

function checkCalendar(doc: CatalogDocument, at: At): void {
  for (const [year, days] of Object.entries(doc.calendar.years)) {
    for (const field of ["days_off", "working_days"] as const) {
      days[field].forEach((d, i) => {
        if (!d.startsWith(`${year}-`) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
          at(["calendar", "years", year, field, i], `must be a real date in ${year}`);
      });
    }
  }
}

/** Every identity has a verdict for every request, exactly once: no cell is left to chance. */
function checkCallCheck(doc: CatalogDocument, at: At, knownIdentities: ReadonlySet<string>): void {
  const check = doc.call_check;
  check.identities.forEach((o, i) => {
    if (!knownIdentities.has(o.id)) at(["call_check", "identities", i, "id"], `unknown identity "${o.id}"`);
  });
  const requestIds = check.requests.map((r) => r.id);
  requestIds.forEach((id, i) => {
    if (requestIds.indexOf(id) !== i) at(["call_check", "requests", i, "id"], `duplicate request id "${id}"`);
  });
  if (!requestIds.includes(NOTHING_REQUEST)) at(["call_check", "requests"], `request "${NOTHING_REQUEST}" is missing`);
  const identityIds = new Set(check.identities.map((o) => o.id));
  for (const id of Object.keys(check.table)) {
    if (!identityIds.has(id)) at(["call_check", "table", id], "not an identity of call_check.identities");
  }
  for (const id of identityIds) {
    const row = check.table[id];
    if (!row) {
      at(["call_check", "table"], `identity "${id}" has no verdicts`);
      continue;
    }
    const seen = new Map<string, string>();
    for (const [verdict, list] of Object.entries(row)) {
      for (const r of list ?? []) {
        if (!requestIds.includes(r)) at(["call_check", "table", id, verdict], `unknown request "${r}"`);
        const before = seen.get(r);
        if (before) at(["call_check", "table", id, verdict], `request "${r}" is also under ${before}`);
        seen.set(r, verdict);
      }
    }
    for (const r of requestIds) if (!seen.has(r)) at(["call_check", "table", id], `no verdict for request "${r}"`);
  }
}

/**
 * A text that states a legal or numeric fact belongs to an entry that lists the facts it
 * relies on; every listed fact exists and has been checked. An unchecked fact can be kept
 * (for an admin to confirm) but no text may state it.
 */
function checkFacts(doc: CatalogDocument, at: At): void {
  const cite = (list: readonly string[], path: PropertyKey[]) =>
    list.forEach((id, i) => {
      const fact = doc.facts[id];
      if (!fact) at([...path, i], `unknown fact "${id}"`);
      else if (fact.checked_on === null) at([...path, i], `fact "${id}" is not checked yet: it cannot be stated`);
    });
  const needSource = (
    entry: { facts?: readonly string[] },
    value: unknown,
    path: PropertyKey[],
    skip: string[] = [],
  ) => {
    cite(entry.facts ?? [], [...path, "facts"]);
    if ((entry.facts ?? []).length > 0) return;
    for (const t of textsIn(value, path, new Set(skip))) {
      for (const lang of ["kk", "ru"] as const) {
        if (statesFact(t.text[lang]))
          at([...t.path, lang], "states a legal or numeric fact: list its source in the entry's facts");
      }
    }
  };
  for (const [i, s] of doc.schemes.entries()) needSource(s, s, ["schemes", i], ["signals"]);
  for (const [id, t] of Object.entries(doc.techniques)) needSource(t, t, ["techniques", id], ["phrases"]);
  for (const [id, a] of Object.entries(doc.actions)) needSource(a, a, ["actions", id]);
  for (const [i, b] of doc.triage.entries()) needSource(b, b, ["triage", i]);
  needSource(doc.call_check, doc.call_check, ["call_check"]);
  needSource(doc.dropper_check, doc.dropper_check, ["dropper_check"]);
  needSource(doc.awareness, doc.awareness, ["awareness"]);
  for (const key of ["bank_contact_fallback", "bank_contact_fallback_remote", "lender_contact_fallback"] as const) {
    needSource({}, doc[key], [key]);
  }
  for (const id of REQUIRED_CITATIONS) {
    const fact = doc.facts[id];
    if (!fact) at(["facts"], `fact "${id}" is missing (the documents cite it)`);
    else if (!fact.cite || fact.checked_on === null)
      at(["facts", id], "the documents cite it: give cite and checked_on");
  }
}
