/**
 * The catalogue's cross-references, checked after its shape: every id a scheme, technique,
 * action or call check names must exist; built-in schemes, techniques, actions and contacts
 * must be present; patterns must parse; triage bands must ascend. Problems are
 * "<path>: <problem>" lines like the shape's.
 */
import { CHANNELS, CLAIMED_IDENTITIES, SCHEME_IDS, TECHNIQUES } from "../core/model.js";
import { parsePattern } from "../core/recognition/pattern.js";
import { ANSWER_FACTS } from "../core/recognition/signals.js";
import { type CatalogDocument, formatPath, OWN_BANK, REQUIRED_ACTIONS, REQUIRED_CONTACTS, SLUG } from "./schema.js";

type Problems = string[];

/** Problems a shape check cannot see: ids that point nowhere, duplicates, bad patterns, order. */
export function checkReferences(doc: CatalogDocument): Problems {
  const problems: Problems = [];
  const at = (path: PropertyKey[], problem: string) => problems.push(`${formatPath(path)}: ${problem}`);
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
  for (const id of SCHEME_IDS) if (!seen.has(id)) at(["schemes"], `built-in scheme "${id}" is missing`);

  for (const [id, t] of Object.entries(doc.techniques)) {
    if (!known.techniques.has(id)) at(["techniques", id], "unknown technique id");
    checkActions(t.actions, ["techniques", id, "actions"]);
    checkPhrases(t.phrases, ["techniques", id, "phrases"]);
  }
  for (const id of TECHNIQUES) if (!(id in doc.techniques)) at(["techniques"], `technique "${id}" is missing`);

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

  doc.triage.forEach((band, i) => {
    const last = i === doc.triage.length - 1;
    const prev = doc.triage[i - 1]?.until_hours;
    if (last && band.until_hours !== null)
      at(["triage", i, "until_hours"], "the last band must be null (no upper limit)");
    if (!last && band.until_hours === null) at(["triage", i, "until_hours"], "only the last band may be null");
    if (prev != null && band.until_hours !== null && band.until_hours <= prev)
      at(["triage", i, "until_hours"], "must be larger than the band before");
  });

  doc.call_check.identities.forEach((o, i) => {
    if (!known.identities.has(o.id)) at(["call_check", "identities", i, "id"], `unknown identity "${o.id}"`);
  });
  const requestIds = doc.call_check.requests.map((r) => r.id);
  requestIds.forEach((id, i) => {
    if (requestIds.indexOf(id) !== i) at(["call_check", "requests", i, "id"], `duplicate request id "${id}"`);
  });
  if (!doc.call_check.requests.some((r) => r.danger))
    at(["call_check", "requests"], "no request is marked danger: true");
  checkActions(doc.dropper_check.actions, ["dropper_check", "actions"]);
  return problems;
}
