/**
 * What a recognition result means for a person who typed or forwarded something:
 * the scheme it most likely is (only when the score is convincing), and whether
 * the re-victimisation warning must be said.
 */
import type { Catalog, SchemeEntry } from "../catalog/types.js";
import type { RecognisedScheme, Recognition } from "../core/report/report.js";

/** Below this the bot says it is not sure rather than naming a scheme. */
export const LIKELY_SCORE = 0.5;
const RECOVERY_SCAM = "recovery_scam";

export interface Likely {
  scheme: SchemeEntry;
  match: RecognisedScheme;
}

export function likelyScheme(catalog: Catalog, recognition: Recognition): Likely | undefined {
  const top = recognition.schemes[0];
  if (!top || top.score < LIKELY_SCORE) return undefined;
  const scheme = catalog.scheme(top.id);
  return scheme?.status === "active" ? { scheme, match: top } : undefined;
}

/** "We will return your money" offers are the next fraud: say so whenever one is recognised. */
export const mentionsRecoveryScam = (recognition: Recognition): boolean =>
  recognition.schemes.some((s) => s.id === RECOVERY_SCAM && s.score >= LIKELY_SCORE);
