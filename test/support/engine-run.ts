/** Drives the questionnaire engine in unit tests: a fresh state, and inputs applied one by one. */
import { advance, type QState } from "../../src/core/questionnaire/engine.js";
import { firstCursor } from "../../src/core/questionnaire/flow.js";
import type { Input } from "../../src/core/questionnaire/inputs.js";
import { emptyAnswers } from "../../src/core/report/answers.js";

export const startState = (): QState => ({ answers: emptyAnswers(), cursor: firstCursor() });

/** Applies each input at `now`; an invalid one fails the test with the step it was given at. */
export function runInputs(now: Date, state: QState, inputs: readonly Input[]): QState {
  let s = state;
  for (const input of inputs) {
    const out = advance(s, input, { now });
    if (out.kind === "invalid") throw new Error(`invalid at ${s.cursor.step}: ${out.error}`);
    s = out.state;
  }
  return s;
}
