/**
 * What changed between two catalogue versions, for the admin's preview before «Activate»:
 * schemes added, removed and changed (with the changed fields), and the other sections that
 * differ. Key order in the YAML does not count as a change.
 */
import type { SchemeDocument } from "./schema.js";
import type { Catalog } from "./types.js";

export interface SchemeChange {
  id: string;
  /** Field names as in the YAML: title, summary, signals.phrases, urgent_steps, ... */
  fields: string[];
}

export interface CatalogDiff {
  from: string | null;
  to: string;
  added: string[];
  removed: string[];
  changed: SchemeChange[];
  /** Top-level sections other than schemes that differ: techniques, actions, contacts, ... */
  sections: string[];
}

/** JSON with object keys sorted, so two equal documents always print the same. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const SCHEME_FIELDS = [
  "status",
  "title",
  "summary",
  "how_it_goes",
  "red_flags",
  "prevention",
  "urgent_steps",
  "facts",
] as const;
const SIGNAL_FIELDS = ["identities", "channels", "techniques", "answers", "phrases"] as const;
const SECTIONS = [
  "techniques",
  "actions",
  "contacts",
  "facts",
  "bank_contact_fallback",
  "bank_contact_fallback_remote",
  "lender_contact_fallback",
  "triage",
  "calendar",
  "call_check",
  "dropper_check",
  "awareness",
  "everyday",
] as const;

function schemeFields(a: SchemeDocument, b: SchemeDocument): string[] {
  const fields: string[] = SCHEME_FIELDS.filter((f) => stable(a[f]) !== stable(b[f]));
  for (const f of SIGNAL_FIELDS) if (stable(a.signals[f]) !== stable(b.signals[f])) fields.push(`signals.${f}`);
  return fields;
}

export function diffCatalogs(from: Catalog | undefined, to: Catalog): CatalogDiff {
  const before = new Map((from?.document.schemes ?? []).map((s) => [s.id, s]));
  const after = new Map(to.document.schemes.map((s) => [s.id, s]));
  const changed: SchemeChange[] = [];
  for (const [id, s] of after) {
    const old = before.get(id);
    const fields = old ? schemeFields(old, s) : [];
    if (fields.length > 0) changed.push({ id, fields });
  }
  return {
    from: from?.version ?? null,
    to: to.version,
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed,
    sections: from ? SECTIONS.filter((k) => stable(from.document[k]) !== stable(to.document[k])) : [...SECTIONS],
  };
}

/** One line per change, for the CLI and logs. */
export function formatDiff(diff: CatalogDiff): string[] {
  const lines = [`${diff.from ?? "(none)"} → ${diff.to}`];
  for (const id of diff.added) lines.push(`+ ${id}`);
  for (const id of diff.removed) lines.push(`- ${id}`);
  for (const c of diff.changed) lines.push(`~ ${c.id}: ${c.fields.join(", ")}`);
  if (diff.sections.length > 0) lines.push(`~ sections: ${diff.sections.join(", ")}`);
  if (lines.length === 1) lines.push("no changes");
  return lines;
}
