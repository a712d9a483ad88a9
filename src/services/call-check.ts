/**
 * «Someone is calling me now»: the verdict from who the caller claims to be and what
 * they ask for or talk about (the catalogue's table decides), or from a described or
 * forwarded message. There is no "safe" answer: the mildest one still says to hang up
 * and call back on an official number. The texts are the catalogue's.
 */
import type { CallCheckRequest, Catalog, SchemeEntry, Text } from "../catalog/types.js";
import type { CallVerdictKind, Technique } from "../core/model.js";
import type { Recognition } from "../core/report/report.js";
import { likelyScheme, mentionsRecoveryScam } from "./likely-scheme.js";

export interface CallVerdict {
  kind: CallVerdictKind;
  /**
   * One line on why. Danger: the first chosen request that decides it (else the scheme's
   * first red flag). Call back: what a real one of them never does, else "nothing dangerous yet".
   */
  why: Text | undefined;
  /** The scheme this most likely is (named only with a "hang up" verdict). */
  scheme: SchemeEntry | undefined;
  /** Say that police and banks never charge to return money. */
  recoveryScam: boolean;
}

/** A technique seen in a description is the request of the same kind in the call check. */
const REQUEST_OF_TECHNIQUE: Partial<Record<Technique, string>> = {
  sms_code_disclosed: "code",
  card_data_disclosed: "card_data",
  cvv_disclosed: "card_data",
  remote_access_installed: "install_app",
  loan_in_victim_name: "take_loan",
  transfer_made: "pay_or_transfer",
  cash_handed_over: "cash_courier",
  crypto_purchased: "buy_crypto",
  personal_data_disclosed: "personal_data",
};

/** A described call names no identity the buttons would: it is judged as an unknown caller's. */
const UNKNOWN_CALLER = "other";

const NOTHING = "nothing";

/** The scheme a claimed identity alone points to, when it points clearly. */
function schemeOfIdentity(catalog: Catalog, identity: string | undefined): SchemeEntry | undefined {
  const claimed = catalog.callCheck.identities.find((i) => i.id === identity);
  if (!claimed) return undefined;
  const recognition = catalog.recognize({
    answers: { contacts: [{ claimedIdentity: claimed.id, phones: [], handles: [] }] },
  });
  return likelyScheme(catalog, recognition)?.scheme;
}

/** The first chosen request whose cell alone is danger for this identity. */
const decisive = (catalog: Catalog, identityId: string, chosen: readonly CallCheckRequest[]) =>
  chosen.find((r) => catalog.callCheck.cell(identityId, r.id) === "danger");

/** The verdict from the buttons: the identity's index and the ids of the chosen requests. */
export function buttonVerdict(catalog: Catalog, identityIndex: number, requestIds: readonly string[]): CallVerdict {
  const check = catalog.callCheck;
  const identity = check.identities[identityIndex];
  const identityId = identity?.id ?? UNKNOWN_CALLER;
  const chosen = check.requests.filter((r) => requestIds.includes(r.id));
  const kind = check.verdictFor(identityId, requestIds);
  if (kind === "danger") {
    return {
      kind,
      why: decisive(catalog, identityId, chosen)?.why ?? identity?.note,
      scheme: schemeOfIdentity(catalog, identity?.id),
      recoveryScam: false,
    };
  }
  const nothing = check.requests.find((r) => r.id === NOTHING);
  return { kind, why: identity?.note ?? nothing?.why, scheme: undefined, recoveryScam: false };
}

/** The verdict from a described or forwarded message. */
export function textVerdict(catalog: Catalog, recognition: Recognition): CallVerdict {
  const requestIds = recognition.techniques.flatMap((t) => REQUEST_OF_TECHNIQUE[t] ?? []);
  const requests = catalog.callCheck.requests.filter((r) => requestIds.includes(r.id));
  const likely = likelyScheme(catalog, recognition);
  const dangerous = decisive(catalog, UNKNOWN_CALLER, requests);
  const recoveryScam = mentionsRecoveryScam(recognition);
  if (!likely && !dangerous) return { kind: "call_back", why: undefined, scheme: undefined, recoveryScam };
  return {
    kind: "danger",
    why: dangerous?.why ?? likely?.scheme.redFlags[0],
    scheme: likely?.scheme,
    recoveryScam,
  };
}
