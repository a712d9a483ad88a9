/**
 * Text cut into tokens for the secret detector: words and numbers with where they
 * stand, a trigger glued to its value split in two ("код4821" → "код", "4821"), and
 * digits said as words joined into one number ("четыре восемь два один" → 4821).
 */
import { foldKazakh } from "../identifiers/text.js";
import { DIGIT_WORDS, GLUED_TRIGGER, TENS_WORDS } from "./words.js";

export interface Token {
  start: number;
  end: number;
  /** The token without surrounding punctuation or quotes; digits for spelled numbers. */
  core: string;
  coreStart: number;
  coreEnd: number;
  folded: string;
  /** Follows ":", "—", "=" or opens a quote: what comes next is a value. */
  afterColon: boolean;
  /** Opens with a quote: «Незабудка». */
  quoted: boolean;
  /** Punctuation after the word ends a clause: "пароль, потом…". */
  clauseEnd: boolean;
  /** The punctuation after the core. */
  trail: string;
  /** Digits said as words. */
  spelled?: true;
}

const LEAD = /^[«"'“„([:=]*/u;
const TRAIL = /[.,;:!?»"'”)\]]+$/u;
const GLUED = /^([«"'“„(]*)(\p{L}+(?:-\p{L}+)?)([-:=]?)(?=\d)/u;

/** "код4821" → ["код", "4821"]; anything else as it is. */
function pieces(chunk: string, at: number): [string, number][] {
  const m = GLUED.exec(chunk);
  if (!m || !GLUED_TRIGGER.test(foldKazakh(m[2]!))) return [[chunk, at]];
  const word = m[1]!.length + m[2]!.length + m[3]!.length;
  return [
    [chunk.slice(0, word), at],
    [chunk.slice(word), at + word],
  ];
}

function rawTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let colon = false;
  // "код:4821", "код=4821", "код(4821)": the word and the value are two tokens.
  for (const m of text.matchAll(/\p{L}+(?=[:=(])|\S+/gu)) {
    for (const [chunk, at] of pieces(m[0], m.index)) {
      const lead = LEAD.exec(chunk)![0].length;
      const trail = TRAIL.exec(chunk.slice(lead))?.[0] ?? "";
      const core = chunk.slice(lead, chunk.length - trail.length);
      const quoted = lead > 0 && chunk[lead - 1] !== "(";
      tokens.push({
        start: at,
        end: at + chunk.length,
        core,
        coreStart: at + lead,
        coreEnd: at + lead + core.length,
        folded: foldKazakh(core),
        afterColon: colon || quoted || /^[:=]/.test(chunk),
        quoted,
        clauseEnd: /[.,;!?»"”]/.test(trail),
        trail,
      });
      colon = /[:=—–-]$/u.test(chunk);
    }
  }
  return tokens;
}

/** The digits one number word stands for, and whether it is a tens word waiting for its unit. */
function digitWord(folded: string): { digits: string; tens: boolean } | undefined {
  const digit = DIGIT_WORDS[folded];
  if (digit !== undefined) return { digits: digit, tens: false };
  const tens = TENS_WORDS[folded];
  if (tens === undefined) return undefined;
  return { digits: tens, tens: tens.length === 1 };
}

/** A full stop, a question mark or a closing quote after a number word ends the number; a comma does not. */
const endsNumber = (token: Token) => token.clauseEnd && !/^,*$/.test(token.trail);

/** Runs of number words with at least three digits in all become one token of digits. */
function joinSpelled(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    let digits = "";
    let j = i;
    while (j < tokens.length) {
      const word = digitWord(tokens[j]!.folded);
      if (!word) break;
      const unit = word.tens && !endsNumber(tokens[j]!) ? DIGIT_WORDS[tokens[j + 1]?.folded ?? ""] : undefined;
      if (word.tens && unit !== undefined && unit !== "0") {
        digits += word.digits + unit;
        j += 2;
      } else {
        digits += word.tens ? `${word.digits}0` : word.digits;
        j++;
      }
      if (endsNumber(tokens[j - 1]!)) break;
    }
    if (j - i >= 2 && digits.length >= 3) {
      const first = tokens[i]!;
      const last = tokens[j - 1]!;
      out.push({
        ...first,
        end: last.end,
        core: digits,
        coreEnd: last.coreEnd,
        folded: digits,
        clauseEnd: last.clauseEnd,
        trail: last.trail,
        spelled: true,
      });
      i = j;
    } else {
      out.push(tokens[i]!);
      i++;
    }
  }
  return out;
}

export const tokenize = (text: string): Token[] => joinSpelled(rawTokens(text));

/** The first token that starts at or after `offset` (binary search), or -1. */
export function firstFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}

/** The last token that ends at or before `offset` (binary search), or -1. */
export function lastBefore(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
