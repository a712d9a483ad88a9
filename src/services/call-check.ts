/**
 * «Someone is calling me now»: the verdict from who the caller claims to be and
 * what they ask for, or from a described or forwarded message. Any dangerous
 * request decides at once; the texts are the catalogue's.
 */
import type { CallCheckRequest, Catalog, SchemeEntry, Text } from "../catalog/types.js";
import type { Technique } from "../core/model.js";
import type { Recognition } from "../core/report/report.js";
import { likelyScheme, mentionsRecoveryScam } from "./likely-scheme.js";

export interface CallVerdict {
  kind: "danger" | "safe";
  /** One line on why: the first dangerous request's reason, else the scheme's first red flag. */
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
  transfer_made: "safe_account",
  personal_data_disclosed: "personal_data",
};

const firstDangerous = (requests: readonly CallCheckRequest[]) => requests.find((r) => r.danger);

/** The scheme a claimed identity alone points to, when it points clearly. */
function schemeOfIdentity(catalog: Catalog, identity: string | undefined): SchemeEntry | undefined {
  const claimed = catalog.callCheck.identities.find((i) => i.id === identity);
  if (!claimed) return undefined;
  const recognition = catalog.recognize({
    answers: { contacts: [{ claimedIdentity: claimed.id, phones: [], handles: [] }] },
  });
  return likelyScheme(catalog, recognition)?.scheme;
}

/** The verdict from the buttons: the identity's index and the ids of the chosen requests. */
export function buttonVerdict(catalog: Catalog, identityIndex: number, requestIds: readonly string[]): CallVerdict {
  const check = catalog.callCheck;
  const chosen = check.requests.filter((r) => requestIds.includes(r.id));
  const kind = check.verdictFor(requestIds);
  if (kind === "danger") {
    return {
      kind,
      why: firstDangerous(chosen)?.why,
      scheme: schemeOfIdentity(catalog, check.identities[identityIndex]?.id),
      recoveryScam: false,
    };
  }
  return { kind, why: chosen[0]?.why, scheme: undefined, recoveryScam: false };
}

/** The verdict from a described or forwarded message. */
export function textVerdict(catalog: Catalog, recognition: Recognition): CallVerdict {
  const requestIds = recognition.techniques.flatMap((t) => REQUEST_OF_TECHNIQUE[t] ?? []);
  const requests = catalog.callCheck.requests.filter((r) => requestIds.includes(r.id));
  const likely = likelyScheme(catalog, recognition);
  const dangerous = firstDangerous(requests);
  const recoveryScam = mentionsRecoveryScam(recognition);
  if (!likely && !dangerous) return { kind: "safe", why: undefined, scheme: undefined, recoveryScam };
  return {
    kind: "danger",
    why: dangerous?.why ?? likely?.scheme.redFlags[0],
    scheme: likely?.scheme,
    recoveryScam,
  };
}
