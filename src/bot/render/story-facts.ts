/**
 * The facts read from a story, one numbered line each, in the person's language:
 * what they confirm with one tap at the story check.
 */
import type { StoryFact } from "../../core/report/answers.js";
import { contactLine } from "./summary.js";
import { escapeHtml, formatDate, ident, label, labels, lenderText, money, type T, transferLine } from "./values.js";

export function factLine(t: T, fact: StoryFact): string {
  const f = (key: string, value: string | undefined) => `${t(`questionnaire:facts.${key}`)}: ${value ?? "—"}`;
  switch (fact.kind) {
    case "when": {
      const time = fact.time ?? (fact.part ? label(t, "part_of_day", fact.part) : undefined);
      return f("when", [formatDate(fact.date), time].filter(Boolean).join(", "));
    }
    case "channels":
      return f("channels", labels(t, "channels", fact.channels));
    case "contact":
      return `${t("questionnaire:facts.contact")} ${contactLine(t, fact.contact, 0).replace(/^0\. /, "")}`;
    case "card_data":
      return f("card_data", labels(t, "card_data", fact.elements));
    case "own_bank":
      return f("own_bank", label(t, "banks", fact.bank));
    case "codes":
      return fact.shared.length
        ? f("codes_shared", labels(t, "code_sources", fact.shared))
        : f("codes_received", labels(t, "code_sources", fact.received));
    case "disclosed_via":
      return f("disclosed_via", labels(t, "disclosure_ways", fact.ways));
    case "apps":
      return f("apps", labels(t, "apps", fact.apps));
    case "personal_data":
      return f("personal_data", labels(t, "personal_data", fact.kinds));
    case "loan": {
      const what = [lenderText(t, fact.loan), money(fact.loan.amount)].filter(Boolean).join(", ");
      const status = fact.status ? ` (${label(t, "loan_statuses", fact.status)})` : "";
      return `${f("loan", what)}${status}`;
    }
    case "transfer":
      return f("transfer", transferLine(t, fact.transfer));
    case "place":
      return f(
        "place",
        [label(t, "regions", fact.region), fact.city && escapeHtml(fact.city)].filter(Boolean).join(", "),
      );
    case "receiving_phone":
      return f("receiving_phone", ident(fact.phone));
    case "device":
      return f("device", escapeHtml(fact.device));
  }
}

/** The story check: every fact numbered, the unticked ones struck through. */
export function factsText(t: T, facts: readonly StoryFact[], unticked: readonly number[]): string {
  return facts
    .map((fact, i) => {
      const line = `${i + 1}. ${factLine(t, fact)}`;
      return unticked.includes(i) ? `<s>${line}</s>` : line;
    })
    .join("\n");
}
