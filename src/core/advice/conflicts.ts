/**
 * Advice that contradicts itself loses people money: «delete the app» next to «delete
 * nothing», «use the bank's app» on a phone a stranger controls, removing the app before
 * its ID was written down for the police. These are the known contradictions, checked
 * over the texts a checklist actually shows (the catalogue can change them).
 */
import type { Lang } from "../model.js";

export interface ShownStep {
  action: string;
  /** Everything the step shows: its text, what to say, the contact line. */
  text: Readonly<Record<Lang, string>>;
}

interface TextConflict {
  id: string;
  /** Only when a stranger had remote access to the phone. */
  remoteOnly?: boolean;
  /** Shown together with `b`, a contradiction; without `a`, `b` alone is one (under its condition). */
  a?: Readonly<Record<Lang, RegExp>>;
  b: Readonly<Record<Lang, RegExp>>;
}

const TEXT_CONFLICTS: readonly TextConflict[] = [
  {
    id: "delete_app_vs_delete_nothing",
    a: { ru: /ничего не удаляйте/i, kk: /ештеңені өшірмеңіз|ештеңе өшірмеңіз/i },
    b: { ru: /удалите/i, kk: /жойыңыз/i },
  },
  {
    // The bank's app on a controlled phone: "in the app" / "through the app" (not "access to the app").
    id: "bank_app_on_controlled_phone",
    remoteOnly: true,
    b: { ru: /в приложении|через приложение/i, kk: /қосымшасында|қосымша арқылы|қосымшасы арқылы/i },
  },
];

/** Steps that must come in this order when both are shown. */
const ORDER: readonly [before: string, after: string][] = [
  ["remote_access_disconnect", "call_bank"],
  ["remote_access_record_id", "remote_access_remove_app"],
  ["remote_access_record_id", "remote_access_reset_phone"],
  ["call_bank", "dispute_unauthorised_operation"],
];

const LANGS: readonly Lang[] = ["kk", "ru"];

/** The contradictions in a checklist as shown, as "<id> (<lang>)" lines; empty when none. */
export function findConflicts(steps: readonly ShownStep[], context: { remoteAccess: boolean }): string[] {
  const found: string[] = [];
  for (const c of TEXT_CONFLICTS) {
    if (c.remoteOnly && !context.remoteAccess) continue;
    for (const lang of LANGS) {
      const a = c.a ? steps.filter((s) => c.a?.[lang].test(s.text[lang])) : [];
      const b = steps.filter((s) => c.b[lang].test(s.text[lang]));
      if ((!c.a || a.length > 0) && b.length > 0) {
        found.push(`${c.id} (${lang}): ${[...a, ...b].map((s) => s.action).join(", ")}`);
      }
    }
  }
  for (const [before, after] of ORDER) {
    const firstBefore = steps.findIndex((s) => s.action === before);
    const firstAfter = steps.findIndex((s) => s.action === after);
    if (firstBefore !== -1 && firstAfter !== -1 && firstAfter < firstBefore)
      found.push(`order: ${before} before ${after}`);
  }
  return found;
}
