/**
 * The police case file of a report: where the investigation stands. Police move it
 * forward (or back, to correct a mistake); the person who filed the report sees
 * each change in «My reports».
 */
import { parseErdrNumber } from "../report/erdr.js";

/** In the order a case usually goes: registered in ЕРДР, requests sent to banks, money frozen, closed. */
export const CASE_STATUSES = ["new", "registered", "requests_sent", "money_frozen", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const isCaseStatus = (s: string | undefined): s is CaseStatus =>
  (CASE_STATUSES as readonly string[]).includes(s ?? "");

/** What a case-file change records: a status, the ЕРДР/КУИ number, who took the case, or a note. */
export const CASE_EVENT_KINDS = ["status", "erdr", "assignee", "note"] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** A КУИ (КУСП) entry or a local number may carry letters and dashes. */
const ERDR_MAX = 40;

/**
 * The number an officer writes into the case file: an ЕРДР number as its digits
 * (parseErdrNumber, the same reading as the person's), else a КУИ / КУСП entry
 * recorded before registration, cleaned: spaces squeezed, at most 40 characters,
 * and at least five digits (a number, not a word).
 */
export function cleanErdrNumber(text: string): string | undefined {
  const erdr = parseErdrNumber(text);
  if (erdr) return erdr;
  const cleaned = text.replace(/\s+/g, " ").trim();
  if (cleaned.length === 0 || cleaned.length > ERDR_MAX) return undefined;
  if (!/^[\p{L}\d][\p{L}\d ./№#-]*$/u.test(cleaned)) return undefined;
  if ((cleaned.match(/\d/g) ?? []).length < 5) return undefined;
  return cleaned;
}
