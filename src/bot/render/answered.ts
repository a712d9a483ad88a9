import { hasAnswer } from "../../core/questionnaire/clear.js";
import type { QState } from "../../core/questionnaire/engine.js";
import type { Input } from "../../core/questionnaire/inputs.js";
import { stepDef } from "../../core/questionnaire/steps.js";
import { suggestionFor } from "../../core/questionnaire/suggestions.js";
import { selectedOf } from "./question.js";
import { behalfT, currentValue, escapeHtml, label, money, type T } from "./values.js";

/** What the person answered with a button, as a short label; undefined for navigation. */
export function answeredLabel(personT: T, before: QState, after: QState, input: Input): string | undefined {
  const t = behalfT(personT, before.answers);
  const def = stepDef(before.cursor.step);
  const list =
    def.kind === "single" || def.kind === "multi" ? def.options : def.kind === "text" ? def.quick : undefined;
  if (def.kind === "facts") {
    if (input.type === "done") return escapeHtml(t("questionnaire:facts.confirmed"));
    if (input.type === "none") return escapeHtml(t("questionnaire:facts.declined"));
    return undefined;
  }
  if (def.kind === "menu") return undefined;
  switch (input.type) {
    case "choose":
      return list ? escapeHtml(label(t, list, input.option)) : undefined;
    case "accept": {
      const s = suggestionFor(before.answers, before.cursor);
      return s && list ? escapeHtml(label(t, list, s.option)) : undefined;
    }
    case "none":
      return escapeHtml(t("common:buttons.none"));
    case "done": {
      if (def.kind !== "multi" || !list) return undefined;
      const chosen = selectedOf({ ...after, cursor: before.cursor });
      return escapeHtml(chosen.length ? chosen.map((id) => label(t, list, id)).join(", ") : t("common:buttons.none"));
    }
    case "skip": {
      // The button read «Keep as it is» (editing, or an answer saved): nothing was erased.
      const kept = before.cursor.editing || hasAnswer(before.answers, before.cursor);
      return escapeHtml(t(kept ? "questionnaire:kept" : "questionnaire:skipped"));
    }
    default:
      return undefined;
  }
}

/**
 * What a typed answer was read as, shown above the next question ("✓ Recorded: …"),
 * so a misread is seen at once. Several sums typed at once are named as the rows they became.
 */
export function typedEcho(personT: T, before: QState, after: QState, input: Input): string | undefined {
  if (input.type !== "text") return undefined;
  const t = behalfT(personT, before.answers);
  const { step, item = 0 } = before.cursor;
  if (stepDef(step).kind !== "text" || step === "narrative") return undefined;
  const group = step === "transfer_amount" ? "transfers" : step === "loan_amount" ? "loans" : undefined;
  if (group) {
    const added = after.answers[group].length - before.answers[group].length;
    if (added > 0) {
      const sums = after.answers[group]
        .slice(item, item + added + 1)
        .map((x) => money(x.amount))
        .filter(Boolean)
        .join(", ");
      return t(`questionnaire:echo.${group}`, { count: added + 1, sums, interpolation: { escapeValue: false } });
    }
  }
  const value = currentValue(t, step, after.answers, item);
  return t("questionnaire:echo.value", {
    value: value ?? t("questionnaire:skipped"),
    interpolation: { escapeValue: false },
  });
}
