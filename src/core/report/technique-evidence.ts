/**
 * A technique goes into the police documents only with its evidence: an answer of the
 * questionnaire, or a phrase quoted from the person's own story. A phrase is not enough
 * when the questionnaire asked the very question and the person said no (the «код от
 * 1414» story that speaks of a SIM card's «срок» did not disclose card data if the card
 * question was answered «none»). Recognition finds the techniques; this decides which
 * of them a report states, and on what grounds.
 */

import { TECHNIQUES, type Technique } from "../model.js";
import { tokenize } from "../recognition/normalize.js";
import { fragment, isNegated } from "../recognition/recognize.js";
import type { RecognitionRules } from "../recognition/rules.js";
import { signalsFromAnswers } from "../recognition/signals.js";
import type { Answers } from "./answers.js";

export interface TechniqueEvidence {
  id: Technique;
  /** From the questionnaire's answers, or a phrase of the person's story (quoted as written). */
  source: "answer" | "phrase";
  quote?: string;
}

/** The questionnaire asked and the answer was no: a phrase cannot say otherwise. */
function answeredNo(id: Technique, a: Partial<Answers>): boolean {
  const none = (list: readonly unknown[] | undefined) => list !== undefined && list.length === 0;
  const transfers = a.transfers ?? [];
  switch (id) {
    case "card_data_disclosed":
      return none(a.cardData);
    case "cvv_disclosed":
      return a.cardData !== undefined && !a.cardData.includes("cvv");
    case "sms_code_disclosed":
      return none(a.codesReceived) || none(a.codesShared);
    case "remote_access_installed":
      return none(a.apps);
    case "personal_data_disclosed":
      return none(a.personalData);
    case "loan_in_victim_name":
      return a.loanStatus === "no";
    case "transfer_made":
    case "crypto_purchased":
      return a.transfersMade === false;
    case "cash_handed_over":
      return (
        a.transfersMade === false ||
        (transfers.length > 0 && transfers.every((t) => t.method && t.method !== "cash_courier"))
      );
    case "apk_installed":
      return a.apps !== undefined && !a.apps.includes("apk");
    case "spoofed_number":
    case "account_frozen":
      return false;
  }
}

/**
 * The techniques among `found` that have evidence, each with its first piece of evidence
 * (an answer before a phrase), in the catalogue's technique order.
 */
export function techniqueEvidence(
  found: readonly Technique[],
  a: Partial<Answers>,
  rules: RecognitionRules,
): TechniqueEvidence[] {
  const fromAnswers = new Set(signalsFromAnswers(a).techniques);
  const quotes = new Map<Technique, string>();
  const text = (a.narrative ?? "").normalize("NFC");
  if (text) {
    const tokens = tokenize(text);
    for (const hit of rules.matcher.match(tokens)) {
      const rule = rules.phrases[hit.pattern];
      if (rule?.owner.kind !== "technique" || rule.weight <= 0 || isNegated(tokens, hit)) continue;
      if (!quotes.has(rule.owner.id)) quotes.set(rule.owner.id, fragment(text, tokens, hit));
    }
  }
  const wanted = new Set(found);
  const out: TechniqueEvidence[] = [];
  for (const id of TECHNIQUES) {
    if (!wanted.has(id)) continue;
    if (fromAnswers.has(id)) out.push({ id, source: "answer" });
    else if (quotes.get(id) && !answeredNo(id, a)) out.push({ id, source: "phrase", quote: quotes.get(id) });
  }
  return out;
}
