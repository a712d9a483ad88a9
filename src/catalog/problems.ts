/**
 * What is wrong with a catalogue document, as data: where (the path, the scheme's id, the
 * line of the YAML file) and what (an English message, kept for the command line and the
 * logs, and a code with values that the bot says in the admin's language).
 */
import type { Document, LineCounter, Node } from "yaml";
import { isMap, isPair, isScalar, isSeq } from "yaml";

export interface CatalogIssue {
  path: readonly PropertyKey[];
  /** English, as the command line prints it: «missing», «unknown action "x"». */
  message: string;
  /** Unknown keys of the object at `path` (they, not the object, are where the line is). */
  keys?: readonly string[];
  /** The yaml library's error code, for syntax errors. */
  yaml?: string;
  /** 1-based line in the uploaded file, when known. */
  line?: number;
  /** The id of the scheme the path is in («schemes[3]…»), when it has one. */
  scheme?: string;
}

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

/** "schemes[3].title.kk: missing" — the English line (without the YAML line: the document may have none). */
export const issueText = (issue: CatalogIssue): string => `${formatPath(issue.path)}: ${issue.message}`;

/**
 * The line of the deepest node the path reaches in the YAML document (for a missing field,
 * the object that lacks it; for unknown keys, the first of them).
 */
function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  const at = (n: { range?: [number, number, number] | null } | null | undefined) => {
    if (n?.range) line = counter.linePos(n.range[0]).line;
  };
  at(node as Node);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      at(pair.key as Node);
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      if (!node) break;
      at(node as Node);
    } else break;
  }
  return line;
}

/** Adds the line and the scheme id to each issue, from the parsed YAML document. */
export function locateIssues(issues: readonly CatalogIssue[], doc: Document, counter: LineCounter): CatalogIssue[] {
  const schemes = (doc.toJS() as { schemes?: unknown } | null)?.schemes;
  return issues.map((issue) => {
    const [first, index] = issue.path;
    const scheme =
      first === "schemes" && typeof index === "number" && Array.isArray(schemes)
        ? (schemes[index] as { id?: unknown } | undefined)?.id
        : undefined;
    const path = issue.keys?.length ? [...issue.path, issue.keys[0]!] : issue.path;
    const line = issue.line ?? lineOf(doc, counter, path);
    return {
      ...issue,
      ...(line !== undefined ? { line } : {}),
      ...(typeof scheme === "string" ? { scheme } : {}),
    };
  });
}

export interface ProblemWords {
  /** A key of locales/<lang>/admin.json under catalog.problems. */
  code: string;
  values: Record<string, string>;
}

/**
 * The English messages of schema.ts, references.ts and store.ts as codes with values, so the
 * bot can say them in the admin's language. A message not listed here keeps its English text
 * (code "other"); test/unit/catalog-problems.test.ts checks every message it can provoke.
 */
const MESSAGES: readonly [RegExp, string, ...string[]][] = [
  [/^missing$/, "missing"],
  [/^empty$/, "empty"],
  [/^empty list$/, "empty_list"],
  [/^must be text$/, "text"],
  [/^must be text in quotes(?:, e\.g\. "(.*)")?$/, "text_in_quotes"],
  [/^must have kk and ru$/, "kk_and_ru"],
  [/^must be a list$/, "list"],
  [/^must be a list of ids$/, "list_of_ids"],
  [/^must be a lowercase id/, "slug"],
  [/^must be a number$/, "number"],
  [/^must be between -1 and 1$/, "weight"],
  [/^must map ids to weights$/, "weights"],
  [/^must map ids to entries$/, "entries"],
  [/^must be a date/, "date"],
  [/^must be active or draft$/, "status"],
  [/^not a phone number$/, "phone"],
  [/^not a URL$/, "url"],
  [/^unknown bank id$/, "bank"],
  [/^must be a number of hours or null$/, "hours"],
  [/^must be above 0$/, "positive"],
  [/^letters, digits, dots, dashes; at most 40$/, "version"],
  [/^unknown fields? (.+)$/, "unknown_fields", "fields"],
  [/^duplicate scheme id "(.+)" \(also schemes\[(\d+)\]\)$/, "duplicate_scheme", "id", "index"],
  [/^unknown identity id$/, "unknown_identity_id"],
  [/^unknown channel id$/, "unknown_channel_id"],
  [/^unknown technique id$/, "unknown_technique_id"],
  [/^unknown answer id$/, "unknown_answer_id"],
  [/^bad pattern: (.+)$/, "bad_pattern", "detail"],
  [/^unknown action "(.+)"$/, "unknown_action", "id"],
  [/^unknown contact "(.+)"$/, "unknown_contact", "id"],
  [/^unknown identity "(.+)"$/, "unknown_identity", "id"],
  [/^built-in scheme "(.+)" is missing$/, "missing_scheme", "id"],
  [/^technique "(.+)" is missing$/, "missing_technique", "id"],
  [/^action "(.+)" is missing$/, "missing_action", "id"],
  [/^contact "(.+)" is missing$/, "missing_contact", "id"],
  [/^needs a phone or a url$/, "phone_or_url"],
  [/^the last band must be null/, "last_band_null"],
  [/^only the last band may be null$/, "only_last_null"],
  [/^must be larger than the band before$/, "band_order"],
  [/^duplicate request id "(.+)"$/, "duplicate_request", "id"],
  [/^"(.+)" is already stored/, "version_stored", "version"],
  [/^too big for a catalogue$/, "too_big"],
  [/^must be a list of dates$/, "list_of_dates"],
  [/^must be a number of business days or null$/, "business_days"],
  [/^must be ask or say$/, "ask_or_say"],
  [/^must be danger or call_back$/, "verdict"],
  [/^must be seed, law, regulator, official, news or saqbol$/, "source_kind"],
  [/^must map identities to verdicts$/, "verdicts"],
  [/^must map years to their days$/, "years"],
  [/^must be a month and day/, "month_day"],
  [/^must be a year$/, "year"],
  [/^must be a whole number$/, "whole_number"],
  [/^must be a real date in (\d+)$/, "real_date", "year"],
  [/^give until_hours or until_business_days, not both$/, "triage_both"],
  [/^hour bands must come before business-day bands$/, "triage_order"],
  [/^not an identity of call_check\.identities$/, "not_call_identity"],
  [/^states a legal or numeric fact: list its source/, "fact_source"],
  [/^the documents cite it: give cite and checked_on$/, "fact_cite"],
  [/^fact "(.+)" is missing \(the documents cite it\)$/, "missing_fact", "id"],
  [/^fact "(.+)" is not checked yet/, "fact_unchecked", "id"],
  [/^unknown fact "(.+)"$/, "unknown_fact", "id"],
  [/^identity "(.+)" has no verdicts$/, "identity_no_verdicts", "id"],
  [/^no verdict for request "(.+)"$/, "no_verdict", "id"],
  [/^request "(.+)" is missing$/, "missing_request", "id"],
  [/^request "(.+)" is also under (.+)$/, "request_twice", "id", "other"],
  [/^unknown request "(.+)"$/, "unknown_request", "id"],
];

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: "yaml_duplicate_key",
  BAD_INDENT: "yaml_indent",
  TAB_AS_INDENT: "yaml_indent",
  MISSING_CHAR: "yaml_missing_char",
};

export function problemWords(issue: CatalogIssue): ProblemWords {
  if (issue.yaml !== undefined) return { code: YAML_CODES[issue.yaml] ?? "yaml_syntax", values: {} };
  for (const [pattern, code, ...names] of MESSAGES) {
    const m = pattern.exec(issue.message);
    if (m) return { code, values: Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? ""])) };
  }
  return { code: "other", values: { detail: issue.message } };
}
