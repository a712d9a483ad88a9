import type { Catalog } from "../catalog/types.js";
import type { RecognitionInput } from "../core/recognition/recognize.js";
import type { Answers } from "../core/report/answers.js";
import type { Recognition } from "../core/report/report.js";
import { techniqueEvidence } from "../core/report/technique-evidence.js";

/** What recognition looks at in a report: the structured answers and the person's own account. */
export const recognitionInput = (answers: Partial<Answers>): RecognitionInput => ({
  answers,
  ...(answers.narrative ? { text: answers.narrative } : {}),
});

/**
 * The recognition fixed in a submitted report: schemes as recognised, techniques only with
 * evidence (an answer, or a quoted phrase of the story), and no scheme reason that points
 * to a technique the report does not state.
 */
export function recogniseReport(catalog: Catalog, answers: Answers): Recognition {
  const recognition = catalog.recognize(recognitionInput(answers));
  const evidence = techniqueEvidence(recognition.techniques, answers, catalog.rules);
  const stated = new Set<string>(evidence.map((e) => e.id));
  return {
    ...recognition,
    schemes: recognition.schemes.map((s) => ({
      ...s,
      reasons: s.reasons.filter((r) => r.source !== "technique" || stated.has(r.value)),
    })),
    techniques: evidence.map((e) => e.id),
    techniqueEvidence: evidence,
  };
}
