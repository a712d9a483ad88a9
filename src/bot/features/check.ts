/**
 * «Someone is calling me now»: who do they say they are → what do they ask for
 * → verdict, in at most four taps; or the call described or forwarded in text.
 * Works before consent and stores nothing about the call: its state travels in
 * the buttons, and a described call is only recognised, never kept.
 */
import { Composer } from "grammy";
import { NOTHING_REQUEST } from "../../catalog/schema.js";
import type { CallCheckRequest } from "../../catalog/types.js";
import { setPendingInput, takePendingInput } from "../../db/pending-inputs.js";
import { buttonVerdict, type CallVerdict, textVerdict } from "../../services/call-check.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { callCheckData, hasBit, MAX_REQUESTS, withBit } from "../callback-data/check.js";
import { menuData } from "../callback-data/menu.js";
import type { AppContext, BaseContext } from "../context.js";
import { identityKeyboard, requestKeyboard, unsureKeyboard, verdictKeyboard } from "../keyboards/check.js";
import { escapeHtml } from "../render/values.js";

const AWAITED = "call_check";

/** The text of a verdict: the headline first, then one line of why, then what to do. */
export function verdictText(ctx: BaseContext, verdict: CallVerdict): string {
  const { lang } = ctx;
  const catalog = ctx.deps.catalogs.current();
  const words = catalog.callCheck.verdict[verdict.kind];
  const mark = verdict.kind === "danger" ? "⛔" : "☎️";
  return [
    `${mark} <b>${escapeHtml(words.headline[lang])}</b>`,
    verdict.scheme ? ctx.t("check:looks_like", { title: verdict.scheme.title[lang] }) : undefined,
    verdict.why ? escapeHtml(verdict.why[lang]) : undefined,
    `👉 ${escapeHtml(words.next[lang])}`,
    verdict.recoveryScam ? `⚠️ <b>${escapeHtml(catalog.awareness.recoveryScam[lang])}</b>` : undefined,
  ]
    .filter(Boolean)
    .join("\n\n");
}

const chosenIds = (requests: readonly CallCheckRequest[], mask: number) =>
  requests.slice(0, MAX_REQUESTS).flatMap((r, k) => (hasBit(mask, k) ? [r.id] : []));

async function askWho(ctx: BaseContext, edit: boolean): Promise<void> {
  const catalog = ctx.deps.catalogs.current();
  const text = ctx.t("check:who");
  const reply_markup = identityKeyboard(ctx.t, ctx.lang, catalog);
  if (edit) {
    const edited = await ctx.editMessageText(text, { reply_markup }).catch(ignoreStaleEdit);
    if (edited) return;
  }
  await ctx.reply(text, { reply_markup });
}

async function showVerdict(ctx: BaseContext, verdict: CallVerdict): Promise<void> {
  const text = verdictText(ctx, verdict);
  const reply_markup = verdictKeyboard(ctx.t, ctx.deps.catalogs.current(), {
    kind: verdict.kind,
    schemeId: verdict.scheme?.id,
  });
  const edited = await ctx.editMessageText(text, { reply_markup }).catch(ignoreStaleEdit);
  if (!edited) await ctx.reply(text, { reply_markup });
}

export function checkFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");

  pm.command("check", (ctx) => askWho(ctx, false));
  pm.callbackQuery(menuData.filter, async (ctx, next) => {
    if (menuData.unpack(ctx.callbackQuery.data)?.to !== "check") return next();
    await ctx.answerCallbackQuery();
    await askWho(ctx, false);
  });

  pm.callbackQuery(callCheckData.filter, async (ctx) => {
    const data = callCheckData.unpack(ctx.callbackQuery.data);
    const catalog = ctx.deps.catalogs.current();
    const { identities, requests } = catalog.callCheck;
    const identity = data?.i === undefined ? undefined : identities[data.i];
    const needsIdentity = data && data.s !== "who" && data.s !== "txt";
    const request = data?.r === undefined ? undefined : requests[data.r];
    if (!data || (needsIdentity && !identity) || (data.s === "pick" && !request)) {
      return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    }
    await ctx.answerCallbackQuery();
    const i = data.i ?? 0;
    const m = data.m ?? 0;
    switch (data.s) {
      case "who":
        return askWho(ctx, true);
      case "txt":
        // Before consent too: the row says only «the next text is a call to check», nothing about the person.
        await setPendingInput(ctx.deps.db, ctx.from.id, AWAITED, ctx.deps.now());
        return void (await ctx.reply(ctx.t("check:text.prompt")));
      case "ask":
        return void (await ctx
          .editMessageText(ctx.t("check:what", { who: identity!.label[ctx.lang] }), {
            reply_markup: requestKeyboard(ctx.t, ctx.lang, catalog, i, m),
          })
          .catch(ignoreStaleEdit));
      case "pick": {
        // A request that is danger for this caller decides at once: the person is still on the phone.
        // "Nothing of this" ends the list too.
        if (request!.id === NOTHING_REQUEST || catalog.callCheck.cell(identity!.id, request!.id) === "danger") {
          return showVerdict(ctx, buttonVerdict(catalog, i, [...chosenIds(requests, m), request!.id]));
        }
        const next = withBit(m, data.r!);
        return void (await ctx
          .editMessageReplyMarkup({ reply_markup: requestKeyboard(ctx.t, ctx.lang, catalog, i, next) })
          .catch(ignoreStaleEdit));
      }
      case "end":
        return showVerdict(ctx, buttonVerdict(catalog, i, chosenIds(requests, m)));
    }
  });

  // The described or forwarded call, only right after «describe in text».
  pm.on("message", async (ctx, next) => {
    const text = ctx.message.text ?? ctx.message.caption;
    if (!text || text.startsWith("/")) return next();
    if (!(await takePendingInput(ctx.deps.db, ctx.from.id, AWAITED, ctx.deps.now()))) return next();
    const catalog = ctx.deps.catalogs.current();
    const verdict = textVerdict(catalog, catalog.recognize({ text }));
    if (verdict.kind === "call_back") {
      // Not placed is not "safe": the mildest verdict still says to hang up and call back.
      const body = `🤔 ${ctx.t("check:text.unsure")}\n\n${verdictText(ctx, verdict)}`;
      return void (await ctx.reply(body, { reply_markup: unsureKeyboard(ctx.t) }));
    }
    await ctx.reply(verdictText(ctx, verdict), {
      reply_markup: verdictKeyboard(ctx.t, catalog, { kind: verdict.kind, schemeId: verdict.scheme?.id }),
    });
  });
  return composer;
}
