/**
 * How evidence becomes a score in 0..1.
 *
 * Each matched signal (a claimed identity, a channel, a technique, an answer fact, a phrase)
 * carries a weight from the catalogue in -1..1. Positive weights are sorted, strongest first,
 * and combined as a damped "noisy OR":
 *
 *     positive = 1 − ∏ᵢ (1 − wᵢ · DAMPING^i)        (i = 0 for the strongest)
 *
 * so the strongest signal sets the level and each further one adds less: one clear phrase
 * (0.9) outweighs a pile of weak hints (three at 0.4 give 0.62). Negative weights are
 * counter-evidence and scale the result down:
 *
 *     score = positive · ∏ⱼ (1 + wⱼ)                 (wⱼ < 0)
 *
 * The result is deterministic and does not depend on the order signals were found in.
 */
export const DAMPING = 0.5;

export function combineWeights(weights: readonly number[]): number {
  const positive = weights.filter((w) => w > 0).sort((a, b) => b - a);
  let miss = 1;
  positive.forEach((w, i) => {
    miss *= 1 - Math.min(w, 1) * DAMPING ** i;
  });
  let score = 1 - miss;
  for (const w of weights) if (w < 0) score *= 1 + Math.max(w, -1);
  return Math.min(1, Math.max(0, score));
}
