import { InlineKeyboard } from "grammy";
import type { Catalog } from "../../catalog/types.js";
import type { CallVerdictKind, Lang } from "../../core/model.js";
import { callCheckData, hasBit, MAX_REQUESTS } from "../callback-data/check.js";
import { menuData } from "../callback-data/menu.js";
import { libraryButton } from "./schemes.js";

type T = (key: string) => string;

const menuButton = (t: T) => InlineKeyboard.text(t("menu:items.home"), menuData.pack({ to: "home" }));
const again = (t: T) => InlineKeyboard.text(t("check:buttons.again"), callCheckData.pack({ s: "who" }));

/** Who do they say they are: two short labels per row, then "describe in text". */
export function identityKeyboard(t: T, lang: Lang, catalog: Catalog): InlineKeyboard {
  const buttons = catalog.callCheck.identities.map((identity, i) =>
    InlineKeyboard.text(identity.label[lang], callCheckData.pack({ s: "ask", i, m: 0 })),
  );
  const rows: ReturnType<typeof InlineKeyboard.text>[][] = [];
  for (let k = 0; k < buttons.length; k += 2) rows.push(buttons.slice(k, k + 2));
  rows.push([InlineKeyboard.text(t("check:buttons.text"), callCheckData.pack({ s: "txt" }))]);
  return InlineKeyboard.from(rows);
}

/**
 * What do they ask for or talk about: one request per row (one that does not decide alone
 * toggles with ✅), then "that's all".
 */
export function requestKeyboard(t: T, lang: Lang, catalog: Catalog, i: number, m: number): InlineKeyboard {
  const rows = catalog.callCheck.requests
    .slice(0, MAX_REQUESTS)
    .map((request, r) => [
      InlineKeyboard.text(
        `${hasBit(m, r) ? "✅ " : ""}${request.label[lang]}`,
        callCheckData.pack({ s: "pick", i, m, r }),
      ),
    ]);
  rows.push([
    InlineKeyboard.text(t("check:buttons.back"), callCheckData.pack({ s: "who" })),
    InlineKeyboard.text(t("check:buttons.end"), callCheckData.pack({ s: "end", i, m })),
  ]);
  return InlineKeyboard.from(rows);
}

export function verdictKeyboard(
  t: T,
  catalog: Catalog,
  verdict: { kind: CallVerdictKind; schemeId: string | undefined },
): InlineKeyboard {
  const more = verdict.schemeId ? libraryButton(t, catalog, verdict.schemeId) : undefined;
  const rows = [
    ...(more ? [[more]] : []),
    [InlineKeyboard.text(t("check:buttons.already"), menuData.pack({ to: "report" }))],
    [again(t)],
    [menuButton(t)],
  ];
  return InlineKeyboard.from(rows);
}

/** After a described call the bot could not place: the buttons, the library, the menu. */
export function unsureKeyboard(t: T): InlineKeyboard {
  return InlineKeyboard.from([
    [InlineKeyboard.text(t("check:buttons.by_buttons"), callCheckData.pack({ s: "who" }))],
    [InlineKeyboard.text(t("menu:items.schemes"), menuData.pack({ to: "schemes" }))],
    [menuButton(t)],
  ]);
}
