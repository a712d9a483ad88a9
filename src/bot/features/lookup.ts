/**
 * "Has this been reported?" for everyone, before consent too: a phone, card,
 * IBAN, wallet, link or username in, only a count of submitted reports and their
 * schemes out — never a report's content or who filed it, and nothing about
 * the asker is kept. Police get the reports themselves with /lookup (audited).
 */
import { Composer } from "grammy";
import { audit } from "../../db/audit.js";
import { type Key, keyCounts, reportsHolding } from "../../db/links.js";
import { clearPendingInput, pendingInput, setPendingInput } from "../../db/pending-inputs.js";
import { almatyDateTime } from "../../documents/format.js";
import { readLookupInput } from "../../services/lookup.js";
import { menuData } from "../callback-data/menu.js";
import type { AppContext, BaseContext } from "../context.js";
import { actorOf, isPolice, refuse } from "../filters/roles.js";
import { backToMenu } from "../keyboards/menu.js";
import { openReportsKeyboard } from "../keyboards/police.js";
import { keyText, schemeName } from "../render/police.js";

const PUBLIC_INPUT = "lookup";
const POLICE_INPUT = "police_lookup";
const SHOWN = 10;

async function publicAnswer(ctx: BaseContext, key: Key): Promise<string> {
  const { reports, schemes } = await keyCounts(ctx.deps.db, key);
  const what = keyText(ctx.t, key);
  if (reports === 0) return ctx.t("lookup:not_found", { what });
  const top = schemes
    .slice(0, 3)
    .map((s) => `${schemeName(ctx, s.id)} (${s.count})`)
    .join(", ");
  return ctx.t("lookup:found", { what, n: reports, schemes: top || ctx.t("police:unknown") });
}

async function answerPublic(ctx: BaseContext, text: string): Promise<void> {
  const input = readLookupInput(text);
  if (!input.ok) {
    await setPendingInput(ctx.deps.db, ctx.from!.id, PUBLIC_INPUT, ctx.deps.now());
    await ctx.reply(ctx.t(`lookup:errors.${input.error}`));
    return;
  }
  const answers = await Promise.all(input.keys.map((key) => publicAnswer(ctx, key)));
  await ctx.reply(`${answers.join("\n\n")}\n\n${ctx.t("lookup:advice")}`, { reply_markup: backToMenu(ctx.t) });
}

async function answerPolice(ctx: BaseContext, text: string): Promise<void> {
  const input = readLookupInput(text);
  if (!input.ok) {
    await ctx.reply(ctx.t(`lookup:errors.${input.error}`));
    return;
  }
  const found = await reportsHolding(ctx.deps.db, input.keys);
  await audit(ctx.deps.db, {
    actor: actorOf(ctx),
    action: "identifier.lookup",
    details: { keys: input.keys, reports: found.map((r) => r.number) },
    at: ctx.deps.now(),
  });
  const what = input.keys.map((k) => keyText(ctx.t, k)).join("; ");
  if (found.length === 0) {
    await ctx.reply(ctx.t("lookup:police.none", { what }));
    return;
  }
  const lines = found
    .slice(0, SHOWN)
    .map((r, i) => `${i + 1}. <b>${r.number}</b> · ${almatyDateTime(r.submittedAt)} · ${schemeName(ctx, r.scheme)}`);
  if (found.length > SHOWN) lines.push(ctx.t("police:more", { n: found.length - SHOWN }));
  await ctx.reply(`${ctx.t("lookup:police.found", { what, n: found.length })}\n${lines.join("\n")}`, {
    reply_markup: openReportsKeyboard(found.slice(0, SHOWN)),
  });
}

export function lookupFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");

  pm.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "lookup") return next();
    await ctx.answerCallbackQuery();
    await setPendingInput(ctx.deps.db, ctx.from.id, PUBLIC_INPUT, ctx.deps.now());
    await ctx.reply(ctx.t("lookup:ask"), { reply_markup: backToMenu(ctx.t) });
  });

  pm.filter(isPolice).command("lookup", async (ctx) => {
    if (ctx.match.trim()) return answerPolice(ctx, ctx.match);
    await setPendingInput(ctx.deps.db, ctx.from.id, POLICE_INPUT, ctx.deps.now());
    await ctx.reply(ctx.t("lookup:police.ask"));
  });
  pm.command("lookup", refuse);

  pm.on("message:text", async (ctx, next) => {
    const { db } = ctx.deps;
    if (ctx.message.text.startsWith("/")) return next();
    const kind = await pendingInput(db, ctx.from.id, ctx.deps.now());
    if (kind !== PUBLIC_INPUT && kind !== POLICE_INPUT) return next();
    await clearPendingInput(db, ctx.from.id);
    if (kind === PUBLIC_INPUT) return answerPublic(ctx, ctx.message.text);
    if (!isPolice(ctx)) return refuse(ctx);
    await answerPolice(ctx, ctx.message.text);
  });
  return composer;
}
