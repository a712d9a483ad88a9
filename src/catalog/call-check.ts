/**
 * The call check as the bot uses it: the catalogue's table (identity → verdict → requests,
 * complete: references.ts checks it) as a lookup, and the verdict for a choice of requests.
 */
import { CALL_VERDICTS, type CallVerdictKind, type ClaimedIdentity } from "../core/model.js";
import { type CatalogDocument, NOTHING_REQUEST } from "./schema.js";
import { text } from "./text.js";
import type { CallCheck } from "./types.js";

const GRAVITY = new Map<CallVerdictKind, number>(CALL_VERDICTS.map((v, i) => [v, i]));
const graver = (a: CallVerdictKind, b: CallVerdictKind) => ((GRAVITY.get(b) ?? 0) > (GRAVITY.get(a) ?? 0) ? b : a);

/** The call check with its table as a lookup: identity → request → verdict (complete: references.ts checks it). */
export function compileCallCheck(doc: CatalogDocument): CallCheck {
  const c = doc.call_check;
  const cells = new Map<string, Map<string, CallVerdictKind>>();
  for (const [identity, row] of Object.entries(c.table)) {
    const byRequest = new Map<string, CallVerdictKind>();
    for (const verdict of CALL_VERDICTS) for (const r of row[verdict] ?? []) byRequest.set(r, verdict);
    cells.set(identity, byRequest);
  }
  const requestIds = new Set(c.requests.map((r) => r.id));
  // A hole can only come from a document that skipped validation: the grave answer is the safe one.
  const cell = (identityId: string, requestId: string): CallVerdictKind =>
    cells.get(identityId)?.get(requestId) ?? "danger";
  return {
    liveCall: text(c.live_call),
    identities: c.identities.map((o) => ({
      id: o.id as ClaimedIdentity,
      label: text(o.label),
      note: o.note ? text(o.note) : undefined,
    })),
    requests: c.requests.map((r) => ({ id: r.id, kind: r.kind, label: text(r.label), why: text(r.why) })),
    verdict: {
      danger: { headline: text(c.verdict.danger.headline), next: text(c.verdict.danger.next) },
      call_back: { headline: text(c.verdict.call_back.headline), next: text(c.verdict.call_back.next) },
    },
    cell,
    // The identity's "nothing" cell is the floor: choosing more can only make it graver.
    verdictFor: (identityId, ids) =>
      [NOTHING_REQUEST, ...ids.filter((id) => requestIds.has(id))].map((id) => cell(identityId, id)).reduce(graver),
  };
}
