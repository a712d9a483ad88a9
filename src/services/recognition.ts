import type { RecognitionInput } from "../core/recognition/recognize.js";
import type { Answers } from "../core/report/answers.js";

/** What recognition looks at in a report: the structured answers and the person's own account. */
export const recognitionInput = (answers: Partial<Answers>): RecognitionInput => ({
  answers,
  ...(answers.narrative ? { text: answers.narrative } : {}),
});
