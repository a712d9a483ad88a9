import type { Lang, SchemeId, Technique } from "../model.js";
import type { Answers } from "./answers.js";
import type { TechniqueEvidence } from "./technique-evidence.js";

/** Why a scheme was recognised: which answer or phrase pointed to it. */
export interface Reason {
  /** What kind of signal matched. */
  source: "phrase" | "identity" | "channel" | "technique" | "answer";
  /** The matched thing: a phrase as found in the text, an identity id, a channel id, a technique id. */
  value: string;
}

export interface RecognisedScheme {
  id: SchemeId;
  /** 0..1 */
  score: number;
  reasons: Reason[];
}

export interface Recognition {
  catalogVersion: string;
  schemes: RecognisedScheme[];
  techniques: Technique[];
  /**
   * In a submitted report: why each technique is stated (an answer, or a quoted phrase of the
   * story); `techniques` then holds only these. Absent in reports submitted before it existed.
   */
  techniqueEvidence?: TechniqueEvidence[];
}

export interface StepDone {
  step: string;
  doneAt: string;
}

/** A submitted report as documents, JSON and police tools see it. */
export interface SubmittedReport {
  number: string;
  version: number;
  lang: Lang;
  status: "submitted" | "withdrawn";
  /** ISO-8601 UTC */
  submittedAt: string;
  /** ISO-8601 UTC, of this version */
  versionAt: string;
  answers: Answers;
  recognition: Recognition | null;
  stepsDone: StepDone[];
}
