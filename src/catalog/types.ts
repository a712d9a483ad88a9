/**
 * The compiled, read-only catalogue the rest of the bot uses. Field names follow the code's
 * camelCase; the YAML document's names are in schema.ts.
 */
import type { Bank, ClaimedIdentity, Lang, SchemeId, Technique } from "../core/model.js";
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
  /** Upper bound in hours (exclusive); null for the last, open band. */
  readonly untilHours: number | null;
  readonly headline: Text;
}

export interface CallCheckRequest {
  readonly id: string;
  readonly label: Text;
  readonly danger: boolean;
  readonly why: Text;
}

export interface Verdict {
  readonly headline: Text;
  readonly next: Text;
}

export interface CallCheck {
  readonly identities: readonly { readonly id: ClaimedIdentity; readonly label: Text }[];
  readonly requests: readonly CallCheckRequest[];
  readonly verdict: { readonly danger: Verdict; readonly safe: Verdict };
  /** "danger" if any of the chosen requests is dangerous; unknown ids are ignored. */
  verdictFor(requestIds: readonly string[]): "danger" | "safe";
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
  /** The urgency band for the hours since the last transfer (negative counts as 0). */
  triage(hours: number): TriageBand;
  readonly triageBands: readonly TriageBand[];
  readonly callCheck: CallCheck;
  readonly dropperCheck: DropperCheck;
  readonly awareness: Awareness;
  /** Compiled recognition data (patterns, weights) for core/recognition. */
  readonly rules: RecognitionRules;
  /** recognize() with this catalogue. */
  recognize(input: RecognitionInput, options?: RecognizeOptions): Recognition;
}
