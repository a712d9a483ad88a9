/**
 * The shared vocabulary of the domain. Every list here is a closed set of ids; the
 * texts people see for them live in locales/ (and, for schemes and techniques, in
 * the catalogue).
 */

export const LANGS = ["kk", "ru"] as const;
export type Lang = (typeof LANGS)[number];
export const otherLang = (lang: Lang): Lang => (lang === "kk" ? "ru" : "kk");

/** A contract (DOMAIN.md): the catalogue, the report JSON and the CLI use exactly these. */
export const SCHEME_IDS = [
  "bank_security",
  "law_enforcement",
  "gov_or_operator_code",
  "marketplace_seller",
  "marketplace_buyer",
  "investment",
  "relative_in_trouble",
  "fake_job",
  "dropper_recruitment",
  "prize_or_payout",
  "recovery_scam",
  "romance",
  "account_takeover",
  "phishing_link",
  "malicious_app",
  "fake_charity",
  "crypto_p2p",
  "mistaken_transfer",
] as const;
export type BuiltInSchemeId = (typeof SCHEME_IDS)[number];
/** Admins may add schemes beyond the built-in ones, so a scheme id is any slug. */
export type SchemeId = string;

export const TECHNIQUES = [
  "card_data_disclosed",
  "cvv_disclosed",
  "sms_code_disclosed",
  "remote_access_installed",
  "loan_in_victim_name",
  "transfer_made",
  "cash_handed_over",
  "crypto_purchased",
  "spoofed_number",
  "personal_data_disclosed",
  "apk_installed",
  "account_frozen",
] as const;
export type Technique = (typeof TECHNIQUES)[number];

export const CHANNELS = [
  "phone_call",
  "messenger_call",
  "video_call",
  "sms",
  "messenger_message",
  "social_network",
  "marketplace",
  "website_or_ad",
  "in_person",
  "i_contacted_them",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CLAIMED_IDENTITIES = [
  "bank",
  "national_bank_or_regulator",
  "police",
  "knb",
  "prosecutor",
  "financial_monitoring",
  "mobile_operator",
  "egov_or_service",
  "relative_or_friend",
  "seller",
  "buyer",
  "employer",
  "investment_manager",
  "other",
] as const;
export type ClaimedIdentity = (typeof CLAIMED_IDENTITIES)[number];

export const CARD_DATA = ["number", "expiry", "cvv", "pin"] as const;
export type CardDataElement = (typeof CARD_DATA)[number];

export const CODE_SOURCES = ["bank", "egov_1414", "operator", "messenger", "other"] as const;
export type CodeSource = (typeof CODE_SOURCES)[number];

export const REMOTE_APPS = ["anydesk", "rustdesk", "teamviewer", "screen_share", "apk", "other"] as const;
export type RemoteApp = (typeof REMOTE_APPS)[number];

/** How card data or codes reached the fraudsters: said aloud, typed on a page, or sent in a chat. */
export const DISCLOSURE_WAYS = ["told_caller", "typed_on_site", "sent_in_message"] as const;
export type DisclosureWay = (typeof DISCLOSURE_WAYS)[number];

export const PERSONAL_DATA = ["iin", "id_photo", "egov_password", "selfie_biometrics", "other"] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA)[number];

export const LOAN_STATUSES = ["no", "on_instructions", "without_me", "unsure"] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export const TRANSFER_METHODS = [
  "card_to_card",
  "phone_number",
  "iban",
  "e_wallet",
  "crypto",
  "cash_courier",
  "atm_deposit",
  "other",
] as const;
export type TransferMethod = (typeof TRANSFER_METHODS)[number];

/**
 * Two kinds of loss, two kinds of advice: money the person sent themselves under
 * deception (reported as fraud, held along the chain) and money taken from their
 * card or account without their action (an unauthorised operation: disputed in
 * writing, card reissued).
 */
export const LOSS_KINDS = ["sent", "taken"] as const;
export type LossKind = (typeof LOSS_KINDS)[number];

/** Whether the person passed biometric identification (face) when a loan was issued. */
export const BIOMETRICS = ["yes", "no", "unsure"] as const;
export type Biometrics = (typeof BIOMETRICS)[number];

/**
 * What the call check can answer, mildest first. There is no "safe": the mildest
 * answer still says to hang up and call back on an official number.
 */
export const CALL_VERDICTS = ["call_back", "danger"] as const;
export type CallVerdictKind = (typeof CALL_VERDICTS)[number];

export const CURRENCIES = ["KZT", "USD", "EUR", "RUB", "USDT"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** The 17 oblasts and the 3 cities of republican significance (DOMAIN.md). */
export const REGIONS = [
  "astana",
  "almaty",
  "shymkent",
  "abai",
  "akmola",
  "aktobe",
  "almaty_region",
  "atyrau",
  "east_kazakhstan",
  "zhambyl",
  "zhetisu",
  "west_kazakhstan",
  "karaganda",
  "kostanay",
  "kyzylorda",
  "mangystau",
  "pavlodar",
  "north_kazakhstan",
  "turkistan",
  "ulytau",
] as const;
export type Region = (typeof REGIONS)[number];
export const CITY_REGIONS: readonly Region[] = ["astana", "almaty", "shymkent"];

export const BANKS = [
  "kaspi",
  "halyk",
  "forte",
  "bcc",
  "jusan",
  "bereke",
  "freedom",
  "home_credit",
  "eurasian",
  "rbk",
  "otbasy",
  "altyn",
  "vtb",
  "citi",
  "other",
] as const;
export type Bank = (typeof BANKS)[number];

export const ALREADY_DONE = ["called_bank", "card_blocked", "called_102", "statement_filed", "nothing"] as const;
export type AlreadyDone = (typeof ALREADY_DONE)[number];

export const LEAK_SOURCES = [
  "egov",
  "marketplace",
  "social_network",
  "delivery_service",
  "bank_or_mfo",
  "lost_documents",
  "other",
  "dont_know",
] as const;
export type LeakSource = (typeof LEAK_SOURCES)[number];

export const FILED_FOR = ["self", "parent", "relative", "other"] as const;
export type FiledFor = (typeof FILED_FOR)[number];

export const IDENTIFIER_KINDS = ["phone", "card", "iban", "wallet", "link", "username", "other"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const EVIDENCE_KINDS = ["photo", "document", "voice", "audio", "video", "video_note"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const ROLES = ["citizen", "police", "admin"] as const;
export type Role = (typeof ROLES)[number];
