/**
 * The compiled, read-only catalogue the rest of the bot uses. Field names follow the code's
 * camelCase; the YAML document's names are in schema.ts.
 */
import type { HolidayCalendar } from "../core/advice/business-days.js";
import type { Bank, CallVerdictKind, ClaimedIdentity, Lang, SchemeId, Technique } from "../core/model.js";
import type { RecognitionInput, RecognizeOptions } from "../core/recognition/recognize.js";
import type { RecognitionRules } from "../core/recognition/rules.js";
import type { Recognition } from "../core/report/report.js";
import type { CatalogDocument } from "./schema.js";

/** A text in both languages. */
export type Text = Readonly<Record<Lang, string>>;

export interface ActionEntry {
  readonly id: string;
  readonly text: Text;
  /** A contact id, "own_bank" (the person's bank: see Catalog.bankContact), or undefined. */
  readonly contact: string | undefined;
  /** The facts (ids in Catalog.fact) its text states; all of them checked. */
  readonly facts: readonly string[];
}

export interface FactEntry {
  readonly id: string;
  readonly kind: "seed" | "law" | "regulator" | "official" | "news" | "saqbol";
  /** How a document cites it («ст. 71 УПК РК»), when it is a citation. */
  readonly cite: Text | undefined;
  readonly source: string;
  readonly url: string | undefined;
  /** YYYY-MM-DD, or null when nobody has checked it: then no text may state it. */
  readonly checkedOn: string | null;
}

export interface ContactEntry {
  readonly id: string;
  readonly name: Text;
  readonly phone: string | undefined;
  readonly url: string | undefined;
  /** YYYY-MM-DD, or null when nobody has checked it yet. */
  readonly checkedOn: string | null;
  /** Only a checked contact may be shown as fact. */
  readonly checked: boolean;
  readonly bank: Bank | undefined;
}

export interface SchemeEntry {
  readonly id: SchemeId;
  readonly status: "active" | "draft";
  /** One of the 14 ids in DOMAIN.md. */
  readonly builtIn: boolean;
  readonly title: Text;
  readonly summary: Text;
  readonly howItGoes: Text;
  readonly redFlags: readonly Text[];
  readonly prevention: readonly Text[];
  /** Resolved from the action ids, most urgent first. */
  readonly urgentSteps: readonly ActionEntry[];
}

export interface TechniqueEntry {
  readonly id: Technique;
  readonly title: Text;
  readonly advice: Text;
  readonly actions: readonly ActionEntry[];
}

export interface TriageBand {
  readonly level: string;
  /** Upper bound in hours since the last transfer (exclusive), for the first bands. */
  readonly untilHours: number | undefined;
  /** Upper bound in business days wholly passed since the last transfer's day (exclusive). */
  readonly untilBusinessDays: number | undefined;
  readonly headline: Text;
}

export interface CallCheckRequest {
  readonly id: string;
  /** Something the caller asks the person to do, or something the caller talks about. */
  readonly kind: "ask" | "say";
  readonly label: Text;
  readonly why: Text;
}

export interface CallCheckIdentity {
  readonly id: ClaimedIdentity;
  readonly label: Text;
  /** Said with the mildest verdict: what a real one of them never does by phone. */
  readonly note: Text | undefined;
}

export interface Verdict {
  readonly headline: Text;
  readonly next: Text;
}

export interface CallCheck {
  /** Said first when a story tells of a call going on right now. */
  readonly liveCall: Text;
  readonly identities: readonly CallCheckIdentity[];
  readonly requests: readonly CallCheckRequest[];
  readonly verdict: Readonly<Record<CallVerdictKind, Verdict>>;
  /** The catalogue's table: the verdict for one identity and one request. */
  cell(identityId: string, requestId: string): CallVerdictKind;
  /**
   * The verdict for an identity and the chosen requests: the gravest of their cells and the
   * identity's "nothing of this" cell (so choosing more never makes it milder). Unknown
   * request ids are ignored; an unknown identity counts as danger.
   */
  verdictFor(identityId: string, requestIds: readonly string[]): CallVerdictKind;
}

export interface DropperCheck {
  readonly questions: readonly { readonly id: string; readonly text: Text }[];
  readonly crime: Text;
  readonly refuse: Text;
  readonly moneyCame: Text;
  readonly actions: readonly ActionEntry[];
}

export interface Awareness {
  readonly afterReport: Text;
  readonly recoveryScam: Text;
}

export interface Catalog {
  readonly version: string;
  readonly author: string;
  readonly reviewed: string;
  readonly status: "active" | "draft";
  /** The YAML text it was built from (what `export` returns). */
  readonly yaml: string;
  /** The validated document as written (snake_case), for diffs and admin views. */
  readonly document: CatalogDocument;
  /** Any scheme by id, draft ones included. */
  scheme(id: SchemeId): SchemeEntry | undefined;
  /** Active schemes in catalogue order; drafts too when asked. */
  schemes(options?: { includeDraft?: boolean }): readonly SchemeEntry[];
  technique(id: Technique): TechniqueEntry;
  techniques(): readonly TechniqueEntry[];
  action(id: string): ActionEntry | undefined;
  actions(): readonly ActionEntry[];
  contact(id: string): ContactEntry | undefined;
  contacts(): readonly ContactEntry[];
  /** The contact listed for a bank, checked or not (look at .checked before showing it). */
  bankContact(bank: Bank): ContactEntry | undefined;
  /** Said instead of a bank's number when no checked one is known. */
  readonly bankContactFallback: Text;
  /** The same when a stranger controlled the phone: no "in the bank's app". */
  readonly bankContactFallbackRemote: Text;
  /** Said instead of a lender's number (a microfinance organisation, or a bank with no checked number). */
  readonly lenderContactFallback: Text;
  fact(id: string): FactEntry | undefined;
  facts(): readonly FactEntry[];
  /**
   * The urgency band: the hours since the last transfer decide the first bands, the
   * business days wholly passed since its day the later ones (negative counts as 0).
   */
  triage(since: { hours: number; businessDays: number }): TriageBand;
  readonly triageBands: readonly TriageBand[];
  /** Days off in Kazakhstan, for counting business days. */
  readonly calendar: HolidayCalendar;
  readonly callCheck: CallCheck;
  readonly dropperCheck: DropperCheck;
  readonly awareness: Awareness;
  /** Compiled recognition data (patterns, weights) for core/recognition. */
  readonly rules: RecognitionRules;
  /** recognize() with this catalogue. */
  recognize(input: RecognitionInput, options?: RecognizeOptions): Recognition;
}
