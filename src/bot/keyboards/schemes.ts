import { InlineKeyboard } from "grammy";
import type { Catalog, SchemeEntry } from "../../catalog/types.js";
import type { Lang } from "../../core/model.js";
import { menuData } from "../callback-data/menu.js";
import { libraryData } from "../callback-data/schemes.js";

type T = (key: string) => string;

export const LIBRARY_PAGE_SIZE = 7;

const menuButton = (t: T) => InlineKeyboard.text(t("menu:items.home"), menuData.pack({ to: "home" }));

export const libraryPages = (count: number) => Math.max(1, Math.ceil(count / LIBRARY_PAGE_SIZE));

/** One scheme title per row (titles are long), then ‹ › between pages. */
export function libraryListKeyboard(t: T, lang: Lang, schemes: readonly SchemeEntry[], page: number): InlineKeyboard {
  const start = page * LIBRARY_PAGE_SIZE;
  const rows = schemes
    .slice(start, start + LIBRARY_PAGE_SIZE)
    .map((s, k) => [InlineKeyboard.text(s.title[lang], libraryData.pack({ a: "s", n: start + k }))]);
  const nav = [];
  if (page > 0) nav.push(InlineKeyboard.text(t("schemes:buttons.prev"), libraryData.pack({ a: "l", n: page - 1 })));
  if (page < libraryPages(schemes.length) - 1) {
    nav.push(InlineKeyboard.text(t("schemes:buttons.next"), libraryData.pack({ a: "l", n: page + 1 })));
  }
  return InlineKeyboard.from([...rows, ...(nav.length > 0 ? [nav] : []), [menuButton(t)]]);
}

/** Under a scheme's page: the neighbours, the list page it is on, the menu. */
export function schemePageKeyboard(t: T, index: number, total: number): InlineKeyboard {
  const row = [];
  if (index > 0) row.push(InlineKeyboard.text(t("schemes:buttons.prev"), libraryData.pack({ a: "s", n: index - 1 })));
  row.push(
    InlineKeyboard.text(
      t("schemes:buttons.all"),
      libraryData.pack({ a: "l", n: Math.floor(index / LIBRARY_PAGE_SIZE) }),
    ),
  );
  if (index < total - 1) {
    row.push(InlineKeyboard.text(t("schemes:buttons.next"), libraryData.pack({ a: "s", n: index + 1 })));
  }
  return InlineKeyboard.from([row, [menuButton(t)]]);
}

/** «More about this scheme» for a verdict or a recognised story; none for a scheme not in the library. */
export function libraryButton(t: T, catalog: Catalog, schemeId: string) {
  const index = catalog.schemes().findIndex((s) => s.id === schemeId);
  return index === -1
    ? undefined
    : InlineKeyboard.text(t("schemes:buttons.more"), libraryData.pack({ a: "o", n: index }));
}
