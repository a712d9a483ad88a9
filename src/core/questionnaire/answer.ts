/**
 * Applying one answer to the answers so far. Pure: takes a copy, returns the new
 * answers or an error code for a kind re-ask. Free text is cleaned of secrets
 * here too, whatever the caller did before.
 */
import { withFields } from "../json.js";
import { type Answers, copyAnswers, type Evidence } from "../report/answers.js";
import { applyText } from "./answer-text.js";
import { typedMulti, typedSingle } from "./answer-typed.js";
import { type AnswerContext, type Applied, answered, invalid } from "./applied.js";
import { applyQuick, chooseSingle } from "./choose.js";
import { editMenuOptions } from "./edit-menu.js";
import type { Input } from "./inputs.js";
import { GROUP_PREFIX } from "./items.js";
import { shiftItemKeys } from "./pending.js";
import { selection, toggle } from "./selection.js";
import { type Cursor, OPTIONS, type OptionList, type StepId, stepDef } from "./steps.js";
import { confirmFacts, declineFacts } from "./story-check.js";
import { acceptSuggestion, suggestionFor } from "./suggestions.js";

export { MAX_SHORT_TEXT, MAX_TEXT } from "./answer-text.js";
export type { AnswerContext, Applied } from "./applied.js";
export { chooseSingle } from "./choose.js";
export { selection } from "./selection.js";
export const MAX_EVIDENCE = 50;

/** The options a step offers now; some depend on earlier answers or on where in the review menu one is. */
export function optionsFor(step: StepId, a: Answers, at?: Cursor): readonly string[] {
  const d = stepDef(step);
  if (d.kind === "facts") return (a.pending?.facts ?? []).map((_, i) => String(i));
  if (d.kind === "menu") return at ? editMenuOptions(a, at) : [];
  if (d.kind !== "single" && d.kind !== "multi") return d.kind === "text" && d.quick ? OPTIONS[d.quick] : [];
  if (step === "codes_shared") return a.codesReceived ?? [];
  return OPTIONS[d.options as OptionList];
}

/** Applies a choice, toggle, none, done, text or file at the cursor. */
export function applyInput(answers: Answers, at: Cursor, input: Input, ctx: AnswerContext): Applied {
  const a = copyAnswers(answers);
  const d = stepDef(at.step);
  const i = at.item ?? 0;

  if (input.type === "choose" || input.type === "toggle") {
    if (!optionsFor(at.step, a, at).includes(input.option)) return invalid("unknown_option");
  }

  switch (d.kind) {
    case "info":
      return input.type === "continue" ? answered(a) : invalid("choose_button");
    case "single":
      if (input.type === "text") return typedSingle(a, at, input.text, ctx.lang);
      if (input.type === "accept") return acceptHint(a, at);
      if (input.type !== "choose") return invalid("choose_button");
      return chooseSingle(a, at.step, i, input.option);
    case "multi":
      return multi(a, at, input);
    case "facts":
      if (input.type === "toggle") {
        const n = Number(input.option);
        const off = new Set(a.pending?.unticked ?? []);
        if (off.has(n)) off.delete(n);
        else off.add(n);
        a.pending = withFields(a.pending, { unticked: [...off].sort((x, y) => x - y) });
        return { kind: "updated", answers: a };
      }
      if (input.type === "done") return answered(confirmFacts(a));
      if (input.type === "none") return answered(declineFacts(a));
      return invalid("choose_button");
    case "text": {
      if (input.type === "choose") return applyQuick(a, at.step, i, input.option, ctx);
      if (input.type === "accept") return acceptHint(a, at);
      if (input.type !== "text") return invalid("send_text");
      const result = applyText(a, at.step, i, input.text, ctx);
      return result.ok ? answered(result.value) : invalid(result.error);
    }
    case "files": {
      if (input.type === "done") return answered(a);
      if (input.type !== "file") return invalid("send_file");
      const added = addEvidence(a, input.file);
      return added ? { kind: "updated", answers: added } : invalid("too_many_files");
    }
    case "menu":
    case "review":
      return invalid("choose_button");
  }
}

function multi(a: Answers, at: Cursor, input: Input): Applied {
  const d = stepDef(at.step);
  const sel = selection(at.step, a)!;
  switch (input.type) {
    case "toggle":
      sel.set(toggle(sel.list, input.option));
      return { kind: "updated", answers: a };
    case "none":
      if (d.kind !== "multi" || !d.none) return invalid("choose_button");
      sel.set([]);
      return answered(a);
    case "done":
      sel.set(sel.list);
      return answered(a);
    case "text":
      return typedMulti(a, at, input.text);
    default:
      return invalid("choose_button");
  }
}

/** The one-tap "yes, that's right" under a question that shows a value read elsewhere. */
function acceptHint(a: Answers, at: Cursor): Applied {
  const suggestion = suggestionFor(a, at);
  if (!suggestion) return invalid("choose_button");
  return answered(acceptSuggestion(a, at, suggestion));
}

/** Keeps a file as evidence (once per file); undefined when the limit is reached. */
export function addEvidence(answers: Answers, file: Evidence): Answers | undefined {
  if (answers.evidence.some((e) => e.fileUniqueId === file.fileUniqueId)) return answers;
  if (answers.evidence.length >= MAX_EVIDENCE) return undefined;
  return { ...answers, evidence: [...answers.evidence, file] };
}

/** Removes the contact, loan or transfer at the cursor (offered while editing from the review). */
export function removeItem(answers: Answers, at: Cursor): Answers | undefined {
  const group = stepDef(at.step).repeated;
  const i = at.item ?? 0;
  if (!group) return undefined;
  const a = copyAnswers(answers);
  const list: unknown[] = a[group];
  if (i >= list.length) return undefined;
  list.splice(i, 1);
  shiftItemKeys(a, GROUP_PREFIX[group], i + 1, -1);
  if (group === "transfers" && list.length === 0) a.transfersMade = false;
  if (group === "loans" && list.length === 0) a.loanStatus = "no";
  return a;
}
