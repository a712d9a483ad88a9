/**
 * "Has this been reported?" for people who agreed to the notice: a phone, card,
 * IBAN, wallet, link or username in; out, how many people reported it — only
 * from two on — and, to someone with a report of their own, the schemes; never a
 * report's content or who filed it (services/lookup.ts says why). Police get the
 * reports themselves, within their scope, with /lookup (an audited staff route).
 */
import { Composer } from "grammy";
import type { Key } from "../../db/links.js";
import { reportsHolding } from "../../db/links.js";
import { clearPendingInput, pendingInput, setPendingInput } from "../../db/pending-inputs.js";
import { almatyDateTime } from "../../documents/format.js";
import { type PublicAnswer, publicLookup, readLookupInput } from "../../services/lookup.js";
import { menuData } from "../callback-data/menu.js";
import type { AppContext, BaseContext } from "../context.js";
import { ensureConsent } from "../filters/consent.js";
import { isPolice, refuse, scopeOf } from "../filters/roles.js";
import { backToMenu } from "../keyboards/menu.js";
import { openReportsKeyboard } from "../keyboards/police.js";
import { audited, type Recorder } from "../middlewares/audited.js";
import { keyText, schemeName } from "../render/police.js";

const PUBLIC_INPUT = "lookup";
const POLICE_INPUT = "police_lookup";
const SHOWN = 10;

function publicText(ctx: BaseContext, answer: PublicAnswer): string {
  const what = keyText(ctx.t, answer.key);
  if (answer.reporters === 0) return ctx.t("lookup:not_found", { what });
  const found = ctx.t("lookup:found", { what, n: answer.reporters });
  if (answer.schemes.length === 0) return found;
  const top = answer.schemes
    .slice(0, 3)
    .map((s) => `${schemeName(ctx, s.id)} (${s.count})`)
    .join(", ");
  return `${found}\n${ctx.t("lookup:schemes", { schemes: top })}`;
}

async function answerPublic(ctx: BaseContext, text: string): Promise<void> {
  const input = readLookupInput(text);
  if (!input.ok) {
    await setPendingInput(ctx.deps.db, ctx.from!.id, PUBLIC_INPUT, ctx.deps.now());
    await ctx.reply(ctx.t(`lookup:errors.${input.error}`));
    return;
  }
  const result = await publicLookup(ctx.deps.db, ctx.from!.id, input.keys, ctx.deps.now());
  if (!result.ok) {
    await ctx.reply(ctx.t("lookup:limit"), { reply_markup: backToMenu(ctx.t) });
    return;
  }
  const answers = result.answers.map((a) => publicText(ctx, a));
  await ctx.reply(`${answers.join("\n\n")}\n\n${ctx.t("lookup:advice")}`, { reply_markup: backToMenu(ctx.t) });
}

async function answerPolice(ctx: BaseContext, record: Recorder, text: string): Promise<void> {
  const input = readLookupInput(text);
  if (!input.ok) {
    await ctx.reply(ctx.t(`lookup:errors.${input.error}`));
    return;
  }
  const found = await reportsHolding(ctx.deps.db, input.keys, scopeOf(ctx));
  const elsewhere = (await reportsHolding(ctx.deps.db, input.keys, { all: true })).length - found.length;
  await record({ details: { keys: input.keys, reports: found.map((r) => r.number), elsewhere } });
  const what = input.keys.map((k: Key) => keyText(ctx.t, k)).join("; ");
  const more = elsewhere > 0 ? `\n${ctx.t("police:linked.elsewhere", { n: elsewhere })}` : "";
  if (found.length === 0) {
    await ctx.reply(`${ctx.t("lookup:police.none", { what })}${more}`);
    return;
  }
  const lines = found
    .slice(0, SHOWN)
    .map((r, i) => `${i + 1}. <b>${r.number}</b> · ${almatyDateTime(r.submittedAt)} · ${schemeName(ctx, r.scheme)}`);
  if (found.length > SHOWN) lines.push(ctx.t("police:more", { n: found.length - SHOWN }));
  await ctx.reply(`${ctx.t("lookup:police.found", { what, n: found.length })}\n${lines.join("\n")}${more}`, {
    reply_markup: openReportsKeyboard(found.slice(0, SHOWN)),
  });
}

const lookupCommand = audited("lookup", async (ctx: BaseContext, record, args: string) => {
  if (args.trim()) return answerPolice(ctx, record, args);
  await setPendingInput(ctx.deps.db, ctx.from!.id, POLICE_INPUT, ctx.deps.now());
  await ctx.reply(ctx.t("lookup:police.ask"));
});

const lookupInput = audited("lookup.input", (ctx: BaseContext, record, text: string) =>
  answerPolice(ctx, record, text),
);

export function lookupFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");

  pm.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "lookup") return next();
    await ctx.answerCallbackQuery();
    if (!(await ensureConsent(ctx))) return;
    await setPendingInput(ctx.deps.db, ctx.from.id, PUBLIC_INPUT, ctx.deps.now());
    await ctx.reply(ctx.t("lookup:ask"), { reply_markup: backToMenu(ctx.t) });
  });

  pm.filter(isPolice).command("lookup", (ctx) => lookupCommand(ctx, ctx.match));
  pm.command("lookup", refuse);

  pm.on("message:text", async (ctx, next) => {
    const { db } = ctx.deps;
    if (ctx.message.text.startsWith("/")) return next();
    const kind = await pendingInput(db, ctx.from.id, ctx.deps.now());
    if (kind !== PUBLIC_INPUT && kind !== POLICE_INPUT) return next();
    await clearPendingInput(db, ctx.from.id);
    if (kind === PUBLIC_INPUT) {
      if (!ctx.user?.consentAt) return void (await ensureConsent(ctx));
      return answerPublic(ctx, ctx.message.text);
    }
    if (!isPolice(ctx)) return refuse(ctx);
    await lookupInput(ctx, ctx.message.text);
  });
  return composer;
}
