import type { QState } from "../../core/questionnaire/engine.js";
import type { Input } from "../../core/questionnaire/inputs.js";
import { stepDef } from "../../core/questionnaire/steps.js";
import { selectedOf } from "./question.js";
import { behalfT, escapeHtml, label, type T } from "./values.js";

/** What the person answered with a button, as a short label; undefined for navigation. */
export function answeredLabel(personT: T, before: QState, after: QState, input: Input): string | undefined {
  const t = behalfT(personT, before.answers);
  const def = stepDef(before.cursor.step);
  const list =
    def.kind === "single" || def.kind === "multi" ? def.options : def.kind === "text" ? def.quick : undefined;
  switch (input.type) {
    case "choose":
      return list ? escapeHtml(label(t, list, input.option)) : undefined;
    case "none":
      return escapeHtml(t("common:buttons.none"));
    case "done": {
      if (def.kind !== "multi" || !list) return undefined;
      const chosen = selectedOf({ ...after, cursor: before.cursor });
      return escapeHtml(chosen.length ? chosen.map((id) => label(t, list, id)).join(", ") : t("common:buttons.none"));
    }
    case "skip":
      return escapeHtml(t("questionnaire:skipped"));
    default:
      return undefined;
  }
}
