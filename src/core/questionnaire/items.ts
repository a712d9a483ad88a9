/** The repeated items of the answers: contacts, loans, transfers, created when first answered. */
import type { Answers, Contact, Loan, Transfer } from "../report/answers.js";
import { shiftItemKeys } from "./pending.js";

export const newContact = (): Contact => ({ phones: [], handles: [] });

function item<T>(list: T[], index: number, make: () => T): T {
  while (list.length <= index) list.push(make());
  return list[index]!;
}

export const contactAt = (a: Answers, i: number): Contact => item(a.contacts, i, newContact);
export const loanAt = (a: Answers, i: number): Loan => item(a.loans, i, () => ({}));
export const transferAt = (a: Answers, i: number): Transfer => item(a.transfers, i, () => ({}));

/** How the notes of each group's steps are keyed ("transfer_amount#1" starts with "transfer"). */
export const GROUP_PREFIX = { contacts: "contact", loans: "loan", transfers: "transfer" } as const;

/** Inserts new items after `i`, moving later items' notes along. */
export function insertItems<T extends Loan | Transfer>(
  a: Answers,
  group: "loans" | "transfers",
  i: number,
  items: T[],
): void {
  if (items.length === 0) return;
  shiftItemKeys(a, GROUP_PREFIX[group], i + 1, items.length);
  (a[group] as T[]).splice(i + 1, 0, ...items);
}
