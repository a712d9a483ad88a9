/**
 * The questionnaire's working notes kept with the draft (never in a report): steps
 * answered in passing, and values read from one answer for another question.
 */
import { withFields } from "../json.js";
import type { Answers, Pending } from "../report/answers.js";

function notes(a: Answers): Pending {
  a.pending ??= {};
  return a.pending;
}

/** The step (key from `stepKey`) was answered with another answer: not asked going forward. */
export function markAnswered(a: Answers, key: string): void {
  const p = notes(a);
  if (!p.answered?.includes(key)) p.answered = [...(p.answered ?? []), key];
}

export function unmarkAnswered(a: Answers, key: string): void {
  if (!a.pending?.answered) return;
  a.pending.answered = a.pending.answered.filter((k) => k !== key);
  if (a.pending.answered.length === 0) delete a.pending.answered;
}

/** A value read for another question, offered there to confirm with one tap. */
export function setHint(a: Answers, key: string, value: string | undefined): void {
  if (value === undefined) {
    if (a.pending?.hints) {
      delete a.pending.hints[key];
      if (Object.keys(a.pending.hints).length === 0) delete a.pending.hints;
    }
    return;
  }
  const p = notes(a);
  p.hints = withFields(p.hints, { [key]: value });
}

export const hintAt = (a: Answers, key: string): string | undefined => a.pending?.hints?.[key];

/** Item keys shift when an item is removed or inserted: "transfer_amount#3" → "#2". */
export function shiftItemKeys(a: Answers, prefix: "contact" | "loan" | "transfer", from: number, by: number): void {
  const shift = (key: string): string | undefined => {
    const m = /^([a-z_]+)#(\d+)$/.exec(key);
    if (!m || !m[1]!.startsWith(prefix)) return key;
    const n = Number(m[2]);
    if (n < from) return key;
    if (by < 0 && n < from - by) return undefined;
    return `${m[1]}#${n + by}`;
  };
  const p = a.pending;
  if (!p) return;
  if (p.answered) p.answered = p.answered.flatMap((k) => shift(k) ?? []);
  if (p.hints) {
    p.hints = Object.fromEntries(
      Object.entries(p.hints).flatMap(([k, v]) => {
        const moved = shift(k);
        return moved ? [[moved, v] as const] : [];
      }),
    );
  }
}
