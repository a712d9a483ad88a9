/** A story cut into sentences and lines, each with the identifiers inside it. */
import type { Span } from "../identifiers/extract.js";
import { foldKazakh } from "../identifiers/text.js";
import { findTime } from "../identifiers/time.js";

export interface Sentence {
  text: string;
  start: number;
  /** The identifiers inside it, with places relative to the sentence. */
  spans: Span[];
}

/** Sentences and lines, with where each starts: a stop, "!" or "?" before a space ends one, as does a new line or ";". */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const part = text.slice(start, end);
    if (/[\p{L}\p{N}]/u.test(part)) out.push({ text: part, start, spans: [] });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n" || c === ";") push(i + 1);
    else if ((c === "." || c === "!" || c === "?") && (i + 1 === text.length || /\s/.test(text[i + 1]!))) push(i + 1);
  }
  push(text.length);
  return out;
}

export const has = (re: RegExp, text: string) => re.test(foldKazakh(text));

/** The clock times of a sentence in order (at most a few: a sentence is short). */
export function timesIn(text: string): { time: string; start: number; end: number }[] {
  const out: { time: string; start: number; end: number }[] = [];
  let offset = 0;
  for (let n = 0; n < 6; n++) {
    const found = findTime(text.slice(offset));
    if (!found.ok) break;
    out.push({ time: found.value.time, start: offset + found.value.start, end: offset + found.value.end });
    offset += found.value.end;
  }
  return out;
}
