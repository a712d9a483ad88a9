/** Where each multiple-choice question keeps what is ticked, and how a tap changes it. */
import type {
  AlreadyDone,
  CardDataElement,
  Channel,
  CodeSource,
  DisclosureWay,
  LeakSource,
  PersonalDataKind,
  RemoteApp,
} from "../model.js";
import type { Answers } from "../report/answers.js";
import type { StepId } from "./steps.js";

type Selected = { list: string[]; set: (list: string[]) => void };

/** Where each multiple-choice step keeps its selection. */
export function selection(step: StepId, a: Answers): Selected | undefined {
  switch (step) {
    case "channels":
      return { list: a.channels ?? [], set: (l) => (a.channels = l as Channel[]) };
    case "card_data":
      return { list: a.cardData ?? [], set: (l) => (a.cardData = l as CardDataElement[]) };
    case "codes_received":
      return {
        list: a.codesReceived ?? [],
        set: (l) => {
          a.codesReceived = l as CodeSource[];
          if (a.codesShared) a.codesShared = a.codesShared.filter((c) => l.includes(c));
        },
      };
    case "codes_shared":
      return { list: a.codesShared ?? [], set: (l) => (a.codesShared = l as CodeSource[]) };
    case "disclosure_way":
      return { list: a.disclosedVia ?? [], set: (l) => (a.disclosedVia = l as DisclosureWay[]) };
    case "apps":
      return { list: a.apps ?? [], set: (l) => (a.apps = l as RemoteApp[]) };
    case "personal_data":
      return { list: a.personalData ?? [], set: (l) => (a.personalData = l as PersonalDataKind[]) };
    case "already_done":
      return { list: a.alreadyDone ?? [], set: (l) => (a.alreadyDone = l as AlreadyDone[]) };
    case "leak_sources":
      return { list: a.leakSources ?? [], set: (l) => (a.leakSources = l as LeakSource[]) };
    default:
      return undefined;
  }
}

/** "Nothing yet" and "don't know" exclude every other choice, and the other way round. */
export const EXCLUSIVE = new Set(["nothing", "dont_know"]);

export function toggle(list: string[], option: string): string[] {
  if (list.includes(option)) return list.filter((o) => o !== option);
  if (EXCLUSIVE.has(option)) return [option];
  return [...list.filter((o) => !EXCLUSIVE.has(o)), option];
}
