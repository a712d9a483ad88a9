/**
 * What a recognition result means for a person who typed or forwarded something:
 * the scheme it most likely is (recognition names only schemes whose score reaches
 * RECOGNISED_SCORE, so an empty result is "no known scheme"), and whether the
 * re-victimisation warning must be said.
 */
import type { Catalog, SchemeEntry } from "../catalog/types.js";
import { RECOGNISED_SCORE } from "../core/recognition/calibration.js";
import type { RecognisedScheme, Recognition } from "../core/report/report.js";

const RECOVERY_SCAM = "recovery_scam";

export interface Likely {
  scheme: SchemeEntry;
  match: RecognisedScheme;
}

export function likelyScheme(catalog: Catalog, recognition: Recognition): Likely | undefined {
  const top = recognition.schemes[0];
  if (!top || top.score < RECOGNISED_SCORE) return undefined;
  const scheme = catalog.scheme(top.id);
  return scheme?.status === "active" ? { scheme, match: top } : undefined;
}

/** "We will return your money" offers are the next fraud: say so whenever one is recognised. */
export const mentionsRecoveryScam = (recognition: Recognition): boolean =>
  recognition.schemes.some((s) => s.id === RECOVERY_SCAM && s.score >= RECOGNISED_SCORE);
