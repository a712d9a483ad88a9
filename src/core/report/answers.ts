import { copyJson } from "../json.js";
import type {
  AlreadyDone,
  Bank,
  Biometrics,
  CardDataElement,
  Channel,
  ClaimedIdentity,
  CodeSource,
  Currency,
  DisclosureWay,
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
  /** When this person called or wrote: YYYY-MM-DD and HH:MM (operators' records are searched by it). */
  callDate?: string;
  callTime?: string;
}

export interface Loan {
  /** A lender chosen from the bank buttons or named as a bank. */
  lenderBank?: Bank;
  /** Any other lender (an MFO) as the person wrote it. */
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
  /** Receipt or operation number from the bank's app. */
  receiptId?: string;
  /** For crypto: the network, the exchange and the transaction hash. */
  crypto?: CryptoDetails;
}

export interface CryptoDetails {
  /** "TRC20", "ERC20", "BEP20", "Bitcoin"… */
  network?: string;
  /** "Binance", "Bybit"…, or what the person named. */
  exchange?: string;
  txid?: string;
}

/** Who suffered, when that is not (only) the applicant: what the police need to identify them. */
export interface Victim {
  name?: string;
  /** 12 digits, check digit verified. */
  iin?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  address?: string;
  phone?: Identifier;
}

export interface Evidence {
  fileId: string;
  fileUniqueId: string;
  kind: EvidenceKind;
  mime?: string;
  size?: number;
  name?: string;
  receivedAt: string;
  /** Hex SHA-256 of the file's bytes, computed when it was received. */
  sha256?: string;
  /** The file was copied into the bot's storage (it survives the loss of the Telegram file id). */
  stored?: boolean;
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
  victim?: Victim;
  /** The victim's phone number that received the calls: operators' call records are asked by it. */
  receivingPhone?: Identifier;
  /** The phone or computer used (make and model), for the provider's connection records. */
  device?: string;
  /** The victim's own account; an IBAN is not secret and banks trace by it. */
  ownIban?: Identifier;
  disclosedVia?: DisclosureWay[];
  /** The questionnaire's working state; never part of a report (dropped at submission). */
  pending?: Pending;
}

/**
 * What the questionnaire holds besides answers: facts read from the story that wait for
 * the person's confirmation, values read from one answer for another question, and the
 * questions already answered on the way (not asked again going forward).
 */
export interface Pending {
  /** Facts found in the story, offered for one-tap confirmation. */
  facts?: StoryFact[];
  /** Positions in `facts` the person unticked. */
  unticked?: number[];
  /** The story check was answered (confirmed or declined). */
  checked?: boolean;
  /** Step keys ("incident_time", "transfer_amount#1") answered in passing: skipped going forward. */
  answered?: string[];
  /** A value read from one answer for another question ("transfer_recipient_bank#0" → "kaspi"). */
  hints?: Record<string, string>;
}

/** One fact understood from the story; applying it fills the answers named in `keys`. */
export type StoryFact =
  | { kind: "when"; date?: string; time?: string; part?: string }
  | { kind: "channels"; channels: Channel[] }
  | { kind: "contact"; contact: Contact }
  | { kind: "card_data"; elements: CardDataElement[] }
  | { kind: "own_bank"; bank: Bank }
  | { kind: "codes"; received: CodeSource[]; shared: CodeSource[] }
  | { kind: "disclosed_via"; ways: DisclosureWay[] }
  | { kind: "apps"; apps: RemoteApp[] }
  | { kind: "personal_data"; kinds: PersonalDataKind[] }
  | { kind: "loan"; loan: Loan; status?: LoanStatus }
  | { kind: "transfer"; transfer: Transfer }
  | { kind: "place"; region: Region; city?: string }
  | { kind: "receiving_phone"; phone: Identifier }
  | { kind: "device"; device: string };

export const emptyAnswers = (): Answers => ({ contacts: [], loans: [], transfers: [], evidence: [] });

/** A deep copy to change (answers are plain JSON; every answer copies them at least twice). */
export const copyAnswers = (a: Answers): Answers => copyJson(a);
