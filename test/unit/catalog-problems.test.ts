import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { BaseContext } from "../../src/bot/context.js";
import { catalogProblemLine } from "../../src/bot/render/admin.js";
import { loadCatalog, readDefaultCatalogYaml } from "../../src/catalog/load.js";
import { type CatalogIssue, problemWords } from "../../src/catalog/problems.js";
import { validateCatalog } from "../../src/catalog/schema.js";
import { CatalogStore } from "../../src/catalog/store.js";
import { LANGS, type Lang } from "../../src/core/model.js";
import { createI18n } from "../../src/i18n.js";
import { testDb } from "../support/database.js";

// biome-ignore lint/suspicious/noExplicitAny: tests break a parsed document on purpose
type Doc = any;
const i18n = createI18n();
const yamlText = readDefaultCatalogYaml();

function issuesOf(text: string): CatalogIssue[] {
  const result = loadCatalog(text);
  if (result.ok) throw new Error("the document was accepted");
  return result.issues;
}
const parsed = parse(yamlText);
/** The document changed, checked as data (no YAML round trip: the lines are tested below). */
const issuesAfter = (change: (doc: Doc) => void, name = ""): CatalogIssue[] => {
  const doc = structuredClone(parsed);
  change(doc);
  const result = validateCatalog(doc);
  if (result.ok) throw new Error(`the document was accepted (${name})`);
  return result.issues;
};
const say = (lang: Lang, issue: CatalogIssue) =>
  catalogProblemLine(
    { t: (key: string, options?: Record<string, unknown>) => i18n.t(lang, key, options) } as unknown as BaseContext,
    issue,
  );
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

/** One document change per message the validators can give. */
const BREAKAGES: Record<string, (d: Doc) => void> = {
  missing: (d) => delete d.schemes[3].summary.kk,
  empty: (d) => (d.actions.block_card.text.kk = " "),
  empty_list: (d) => (d.schemes[0].red_flags = []),
  text: (d) => (d.schemes[0].title.ru = 5),
  kk_and_ru: (d) => (d.schemes[0].title = "text"),
  list: (d) => (d.triage = "soon"),
  list_of_ids: (d) => (d.schemes[0].urgent_steps = "call"),
  slug: (d) => (d.schemes[0].id = "Bank Security"),
  number: (d) => (d.schemes[0].signals.identities.bank = "high"),
  weight: (d) => (d.schemes[0].signals.identities.bank = 3),
  weights: (d) => (d.schemes[0].signals.identities = [1]),
  entries: (d) => (d.actions = [1]),
  date: (d) => (d.reviewed = "yesterday"),
  status: (d) => (d.status = "live"),
  phone: (d) => (d.contacts.police.phone = "call us"),
  url: (d) => (d.contacts.egov.url = "not a url"),
  bank: (d) => (d.contacts.halyk.bank = "piggy"),
  hours: (d) => (d.triage[0].until_hours = "soon"),
  positive: (d) => (d.triage[0].until_hours = -1),
  text_in_quotes: (d) => (d.version = 2026),
  version: (d) => (d.version = "2026 autumn!"),
  unknown_fields: (d) => (d.schemes[0].colour = "red"),
  duplicate_scheme: (d) => (d.schemes[5].id = "bank_security"),
  unknown_identity_id: (d) => (d.schemes[0].signals.identities.banker = 0.5),
  unknown_channel_id: (d) => (d.schemes[0].signals.channels.pigeon = 0.5),
  unknown_technique_id: (d) => (d.schemes[1].signals.techniques.magic = 0.5),
  unknown_answer_id: (d) => (d.schemes[1].signals.answers["codesShared:pigeon"] = 0.5),
  bad_pattern: (d) => (d.schemes[0].signals.phrases.ru["~3"] = 0.5),
  unknown_action: (d) => d.schemes[4].urgent_steps.push("pray"),
  unknown_contact: (d) => (d.actions.call_102.contact = "batman"),
  unknown_identity: (d) => (d.call_check.identities[0].id = "alien"),
  missing_scheme: (d) => d.schemes.splice(1, 1),
  missing_technique: (d) => delete d.techniques.cvv_disclosed,
  missing_action: (d) => delete d.actions.keep_evidence,
  missing_contact: (d) => delete d.contacts.regulator,
  phone_or_url: (d) => delete d.contacts.police.phone,
  last_band_null: (d) => (d.triage.at(-1).until_hours = 1000),
  only_last_null: (d) => (d.triage[0].until_hours = null),
  band_order: (d) => (d.triage[1].until_hours = 1),
  duplicate_request: (d) => (d.call_check.requests[1].id = d.call_check.requests[0].id),
  list_of_dates: (d) => (d.calendar.years["2026"].days_off = "May"),
  business_days: (d) => (d.triage.at(-2).until_business_days = "soon"),
  whole_number: (d) => (d.triage.at(-2).until_business_days = 2.5),
  ask_or_say: (d) => (d.call_check.requests[0].kind = "tell"),
  verdicts: (d) => (d.call_check.table = [1]),
  source_kind: (d) => (d.facts.cpc_71.kind = "blog"),
  years: (d) => (d.calendar.years = "many"),
  month_day: (d) => (d.calendar.moving = ["March"]),
  real_date: (d) => (d.calendar.years["2026"].days_off = ["2025-06-06"]),
  triage_both: (d) => (d.triage[0].until_business_days = 1),
  triage_order: (d) => d.triage.unshift({ ...d.triage.at(-2) }),
  not_call_identity: (d) => (d.call_check.table.alien = d.call_check.table.bank),
  fact_source: (d) => (d.schemes[0].summary.ru = "Звонят 5 раз в день."),
  fact_cite: (d) => delete d.facts.cpc_71.cite,
  missing_fact: (d) => delete d.facts.cpc_71,
  fact_unchecked: (d) => (d.facts.cpc_71.checked_on = null),
  unknown_fact: (d) => {
    d.triage[0].facts = [...(d.triage[0].facts ?? []), "nope"];
  },
  identity_no_verdicts: (d) => delete d.call_check.table.police,
  no_verdict: (d) => {
    d.call_check.table.bank = { danger: [], call_back: ["nothing"] };
  },
  missing_request: (d) =>
    (d.call_check.requests = d.call_check.requests.filter((r: { id: string }) => r.id !== "nothing")),
  request_twice: (d) => {
    d.call_check.table.police = { ...d.call_check.table.bank, call_back: ["code", "nothing"] };
  },
  unknown_request: (d) => {
    d.call_check.table.knb = { ...d.call_check.table.bank, danger: [...d.call_check.table.bank.danger, "pray"] };
  },
};

describe("catalogue problems in the admin's language", () => {
  it("gives every problem the validators know a text in Kazakh and in Russian", async () => {
    for (const [code, breakIt] of Object.entries(BREAKAGES)) {
      const codes = issuesAfter(breakIt, code).map((i) => problemWords(i).code);
      expect(codes, code).toContain(code);
      expect(codes, code).not.toContain("other");
    }
    const known = new Set([
      ...Object.keys(BREAKAGES),
      "version_stored",
      "too_big",
      "yaml_duplicate_key",
      "yaml_indent",
      "yaml_missing_char",
      "yaml_syntax",
      "other",
    ]);
    for (const code of known) expect(i18n.exists(`admin:catalog.problems.${code}`), code).toBe(true);
  });

  it("names the scheme by its id, the field and the line of the file", async () => {
    const broken = yamlText.replace(/(- id: law_enforcement\n(?:.*\n)*?\s+title:\n\s+kk: )"[^"]*"/, '$1""');
    const [issue] = issuesOf(broken);
    expect(issue).toMatchObject({ path: ["schemes", 1, "title", "kk"], scheme: "law_enforcement", message: "empty" });
    const line = lineOf(broken, 'kk: ""');
    expect(issue?.line).toBe(line);
    expect(say("ru", issue!)).toBe(
      `Схема <code>law_enforcement</code>, поле <code>title.kk</code>, строка ${line}: пусто`,
    );
    expect(say("kk", issue!)).toBe(
      `<code>law_enforcement</code> схемасы, <code>title.kk</code> өрісі, ${line}-жол: бос`,
    );
  });

  it("points at an unknown field's own line, and at the object that lacks a missing one", async () => {
    const unknown = yamlText.replace("    status: active\n", "    status: active\n    colour: red\n");
    const [field] = issuesOf(unknown);
    expect(field?.line).toBe(lineOf(unknown, "colour: red"));
    // quotes are escaped for Telegram's HTML, which shows them as quotes
    expect(say("ru", field!)).toContain("неизвестное поле: &quot;colour&quot;");
    const missing = yamlText.replace(/\n {4}urgent_steps: \[block_card[^\n]*/, "");
    const [gone] = issuesOf(missing);
    expect(gone).toMatchObject({ scheme: "bank_security", message: "missing" });
    expect(gone?.line).toBe(lineOf(missing, "- id: bank_security"));
  });

  it("says what is wrong with the YAML itself, with its line", async () => {
    const [syntax] = issuesOf('version: "1"\nversion: "2"\n');
    expect(syntax).toMatchObject({ line: 2, yaml: "DUPLICATE_KEY" });
    expect(say("ru", syntax!)).toBe("Файл, строка 2: ключ повторяется");
    expect(say("kk", syntax!)).toBe("Файл, 2-жол: кілт қайталанады");
  });

  it("says in both languages that a version is already stored, never in English", async () => {
    const db = await testDb();
    const store = new CatalogStore(db);
    await store.ensureDefault();
    const again = await store.importVersion(yamlText, { id: 1, role: "admin" });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    for (const lang of LANGS) expect(say(lang, again.issues[0]!)).not.toMatch(/already|stored/);
    expect(say("ru", again.issues[0]!)).toContain("уже загружена");
  });
});
