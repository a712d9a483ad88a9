import type { Bank } from "../model.js";
import { foldKazakh, LETTERS, WORD_END, WORD_START } from "./text.js";

/**
 * How people name the banks, in Russian, Kazakh and Latin letters, matched on text
 * folded by `foldKazakh`. A word ending may follow ("каспиге", "халыкка"). Names that
 * are also given names (Алтын, Береке) count only next to the word "bank".
 */
const BANK_NAMES: [Bank, string][] = [
  ["kaspi", "kaspi|каспи"],
  ["halyk", `halyk|халык|народн${LETTERS} банк`],
  ["forte", "forte|форте"],
  ["bcc", "bcc|бцк|center ?credit|центр ?кредит"],
  ["jusan", "jusan|жусан"],
  ["bereke", "bereke bank|береке банк"],
  ["freedom", "freedom|фридом"],
  ["home_credit", "home ?credit|хоум ?кредит"],
  ["eurasian", "eurasian|евразийск|еуразия"],
  ["rbk", "rbk|рбк"],
  ["otbasy", "otbasy|отбасы банк"],
  ["altyn", "altyn ?bank|алтын ?банк"],
  ["vtb", "vtb|втб"],
  ["citi", "citi ?bank|сити ?банк"],
];

const PATTERNS = BANK_NAMES.map(
  ([bank, names]) => [bank, new RegExp(`${WORD_START}(?:${names})${LETTERS}${WORD_END}`, "iu")] as const,
);

const GLOBAL_PATTERNS = PATTERNS.map(([bank, re]) => [bank, new RegExp(re.source, "giu")] as const);

export interface BankMention {
  bank: Bank;
  start: number;
  end: number;
}

/** Every bank named in the text, in reading order, with where each name stands. */
export function findBanks(text: string): BankMention[] {
  const folded = foldKazakh(text);
  const found: BankMention[] = [];
  for (const [bank, pattern] of GLOBAL_PATTERNS) {
    for (const m of folded.matchAll(pattern)) found.push({ bank, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The first bank named in the text, with where its name stands. */
export function findBank(text: string): BankMention | undefined {
  const folded = foldKazakh(text);
  let best: BankMention | undefined;
  for (const [bank, pattern] of PATTERNS) {
    const m = pattern.exec(folded);
    if (m && (!best || m.index < best.start)) best = { bank, start: m.index, end: m.index + m[0].length };
  }
  return best;
}
