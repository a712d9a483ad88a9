/** Scheme recognition: pure functions over a compiled catalogue (see src/catalog/load.ts). */
export {
  CALIBRATION,
  type CalibrationWeights,
  calibratedScore,
  type EvidenceFigures,
  RECOGNISED_SCORE,
} from "./calibration.js";
export { describeReason, type TechniqueTitles } from "./describe.js";
export { stripKazakhSuffixes } from "./kazakh.js";
export { type PatternHit, PatternMatcher, withinOneEdit } from "./matcher.js";
export { foldWord, normalizeText, type Token, tokenize, transliterate } from "./normalize.js";
export { type ParsedPattern, type PatternResult, parsePattern, type Stem, type StemKind } from "./pattern.js";
export {
  type RecognitionInput,
  type RecognizeOptions,
  recognize,
  type SchemeEvidence,
  type WeighedEvidence,
  weighEvidence,
} from "./recognize.js";
export {
  buildRules,
  PatternError,
  type PhraseOwner,
  type PhraseRule,
  type PhraseTable,
  type RecognitionRules,
  type SchemeRuleInput,
  type SchemeRules,
  type TechniqueRuleInput,
} from "./rules.js";
export { combineWeights, DAMPING } from "./score.js";
export { ANSWER_FACTS, type AnswerSignals, signalsFromAnswers } from "./signals.js";
export { type PatternLang, stemRussian, stemWord } from "./stem.js";
