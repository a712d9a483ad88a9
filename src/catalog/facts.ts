/**
 * Facts a person acts on — a phone number, a legal article, a deadline, a date — must
 * name their source. A text "states a fact" when it holds a digit or cites the law; the
 * catalogue entry it belongs to must then list the facts it relies on, and every one of
 * them must be checked (references.ts refuses the catalogue otherwise). So the bot can
 * only ever say what someone has checked against a named source.
 */

/**
 * A digit, or a citation of the law in Russian or Kazakh (статья, ст., кодекс, закон, заң, УК…).
 * Kazakh articles («232-1-бабы») are caught by their digits: «бап» alone also begins «баптау» (settings).
 */
const LEGAL_WORDS =
  /(?<![\p{L}])(?:ст\.|стать[яиеюй]|кодекс\p{L}*|закон(?:а|е|у|ом|ы|ов)?|заң(?:ы|ына|ының|ның|ға|да|нан|дар\p{L}*)?)(?![\p{L}])/iu;
const LEGAL_CODES = /(?<![\p{L}])(?:УК|УПК|ГК|ҚК|ҚПК|КоАП|АК|ӘҚБтК)(?![\p{L}])/u;

/** A digit, except one inside a name between letters on both sides ("P2P"). */
const DIGIT = /(?<!\p{L})\d|\d(?!\p{L})/u;

export const statesFact = (text: string): boolean =>
  DIGIT.test(text) || LEGAL_WORDS.test(text) || LEGAL_CODES.test(text);

type TextLike = { kk: string; ru: string };
const isText = (v: unknown): v is TextLike =>
  !!v && typeof v === "object" && typeof (v as TextLike).kk === "string" && typeof (v as TextLike).ru === "string";

/** Every {kk, ru} text inside a part of the document, with its path, skipping the given keys. */
export function textsIn(
  value: unknown,
  path: PropertyKey[] = [],
  skip: ReadonlySet<string> = new Set(),
): { path: PropertyKey[]; text: TextLike }[] {
  if (isText(value)) return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => textsIn(v, [...path, i], skip));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => (skip.has(k) ? [] : textsIn(v, [...path, k], skip)));
  }
  return [];
}
