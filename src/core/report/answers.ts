import type {
  AlreadyDone,
  Bank,
  Biometrics,
  CardDataElement,
  Channel,
  ClaimedIdentity,
  CodeSource,
  Currency,
  EvidenceKind,
  FiledFor,
  IdentifierKind,
  LeakSource,
  LoanStatus,
  LossKind,
  PersonalDataKind,
  Region,
  RemoteApp,
  TransferMethod,
} from "../model.js";

/** An identifier as the person gave it and in its normalised form (E.164, IBAN without spaces…). */
export interface Identifier {
  kind: IdentifierKind;
  value: string;
  raw: string;
  /** A phone number outside Kazakhstan, kept as given. */
  foreign?: boolean;
}

export interface Money {
  /** Integer minor units (tiyn, cents); exact sums. */
  amountMinor: number;
  currency: Currency;
}

export interface Contact {
  claimedIdentity?: ClaimedIdentity;
  /** Name, rank or organisation the person gave. */
  claimedName?: string;
  phones: Identifier[];
  /** Usernames, links and sites. */
  handles: Identifier[];
  showedDocuments?: "yes" | "no" | "unsure";
  /** Passed the victim on to another "official". */
  handedOver?: boolean;
}

export interface Loan {
  lender?: string;
  amount?: Money;
  date?: string;
  /** Did the person pass biometric identification when it was issued ("no": the lender may be the victim). */
  biometrics?: Biometrics;
}

export interface Transfer {
  amount?: Money;
  /** YYYY-MM-DD */
  date?: string;
  /** HH:MM */
  time?: string;
  method?: TransferMethod;
  recipient?: Identifier;
  /** The name the victim saw for the recipient, or a courier's description. */
  recipientName?: string;
  recipientBank?: Bank;
  ownBank?: Bank;
  /** "sent": the person sent it under deception; "taken": debited without them (an unauthorised operation). */
  lossKind?: LossKind;
}

export interface Evidence {
  fileId: string;
  fileUniqueId: string;
  kind: EvidenceKind;
  mime?: string;
  size?: number;
  name?: string;
  receivedAt: string;
}

/**
 * Everything the questionnaire has learned. An unset field means "not asked or
 * skipped"; an empty list means "none".
 */
export interface Answers {
  filedFor?: FiledFor;
  narrative?: string;
  /** YYYY-MM-DD */
  incidentDate?: string;
  /** HH:MM, or a part of the day: morning, afternoon, evening, night */
  incidentTime?: string;
  channels?: Channel[];
  contacts: Contact[];
  cardData?: CardDataElement[];
  ownCardLast4?: string;
  ownBank?: Bank;
  codesReceived?: CodeSource[];
  codesShared?: CodeSource[];
  apps?: RemoteApp[];
  personalData?: PersonalDataKind[];
  loanStatus?: LoanStatus;
  loans: Loan[];
  transfersMade?: boolean;
  transfers: Transfer[];
  region?: Region;
  city?: string;
  alreadyDone?: AlreadyDone[];
  bankRequestNo?: string;
  statementNo?: string;
  leakSources?: LeakSource[];
  evidence: Evidence[];
  contactConsent?: boolean;
  applicantName?: string;
  applicantPhone?: Identifier;
}

export const emptyAnswers = (): Answers => ({ contacts: [], loans: [], transfers: [], evidence: [] });
