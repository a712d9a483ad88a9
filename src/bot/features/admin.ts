/**
 * Admin tools: roles (/grant, /revoke, /invite, /staff), the audit log (/audit,
 * CSV export) and the scheme catalogue (/catalog; a YAML document uploads a new
 * version, «Activate» makes it live at once). The role is checked on every
 * command and press; every action is in the audit log.
 */
import { Composer, InputFile } from "grammy";
import { CatalogError } from "../../catalog/load.js";
import { CatalogStore } from "../../catalog/store.js";
import { audit, auditAll, auditPage } from "../../db/audit.js";
import { listStaff } from "../../db/roles.js";
import { almatyDateTime, fileDate } from "../../documents/format.js";
import { auditCsv } from "../../services/audit-export.js";
import { grant, invite, isStaffRole, parseGrantArgs, readProfileWords, revoke } from "../../services/staff.js";
import { ignoreStaleEdit } from "../api/expected-errors.js";
import { auditExportData, auditPageData, catalogActivateData } from "../callback-data/admin.js";
import { syncMenuOf } from "../commands.js";
import type { AppContext, BaseContext } from "../context.js";
import { actorOf, isAdmin, refuse } from "../filters/roles.js";
import { activateKeyboard, auditKeyboard } from "../keyboards/admin.js";
import { refreshStaffName } from "../middlewares/staff.js";
import {
  auditText,
  catalogDiffText,
  catalogProblemsText,
  catalogSummary,
  catalogVersionsText,
  grantText,
  staffText,
} from "../render/admin.js";
import { regionsText } from "../render/regions.js";
import { escapeHtml } from "../render/values.js";

export const ADMIN_COMMANDS = ["grant", "revoke", "invite", "staff", "audit", "catalog"] as const;
const AUDIT_PAGE = 15;
/** A catalogue is about 100 KB; anything far bigger is not one. */
const CATALOG_MAX_BYTES = 2 * 1024 * 1024;

const record = (ctx: BaseContext, entry: Omit<Parameters<typeof audit>[1], "actor" | "at">) =>
  audit(ctx.deps.db, { ...entry, actor: actorOf(ctx), at: ctx.deps.now() });

const storeOf = (ctx: BaseContext) => new CatalogStore(ctx.deps.db, ctx.deps.now);

async function sendAuditPage(ctx: BaseContext, page: number, edit: boolean): Promise<void> {
  await record(ctx, { action: "audit.view", details: { page } });
  const { rows, total } = await auditPage(ctx.deps.db, { offset: page * AUDIT_PAGE, limit: AUDIT_PAGE });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE));
  const text = auditText(ctx, rows, page, pages);
  const keyboard = auditKeyboard(ctx.t, page, pages);
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard }).catch(ignoreStaleEdit);
  else await ctx.reply(text, { reply_markup: keyboard });
}

async function sendAuditCsv(ctx: BaseContext): Promise<void> {
  await record(ctx, { action: "audit.export" });
  const rows = await auditAll(ctx.deps.db);
  const csv = auditCsv(rows, (c) => ctx.deps.i18n.plain(ctx.lang, `admin:audit.columns.${c}`));
  await ctx.replyWithDocument(new InputFile(csv, `saqbol_audit_${fileDate(ctx.deps.now())}.csv`), {
    caption: ctx.t("admin:audit.exported", { n: rows.length }),
  });
}

/**
 * Makes a stored version live now: stored as active, then swapped into the running bot.
 * "From" is the version active in the database (the CLI may have switched it meanwhile).
 */
async function switchCatalog(ctx: BaseContext, version: string, how: "activate" | "rollback"): Promise<void> {
  const store = storeOf(ctx);
  const from = (await store.activeVersion()) ?? ctx.deps.catalogs.version;
  try {
    const catalog =
      how === "rollback" ? await store.rollback(version, actorOf(ctx)) : await store.activate(version, actorOf(ctx));
    ctx.deps.catalogs.replace(catalog);
    await ctx.reply(ctx.t("admin:catalog.switched", { from, to: catalog.version }));
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    const reason = error.refusal
      ? ctx.t(`admin:catalog.cannot_because.${error.refusal.reason}`, { version: error.refusal.version })
      : escapeHtml(error.message);
    await ctx.reply(ctx.t("admin:catalog.cannot", { reason, interpolation: { escapeValue: false } }));
  }
}

async function catalogCommand(ctx: BaseContext, args: string): Promise<void> {
  const [sub, version] = args.trim().split(/\s+/);
  const store = storeOf(ctx);
  switch (sub ?? "") {
    case "": {
      await record(ctx, { action: "catalog.view", details: { version: ctx.deps.catalogs.version } });
      await ctx.reply(catalogSummary(ctx, ctx.deps.catalogs.current()));
      return;
    }
    case "list": {
      await record(ctx, { action: "catalog.list" });
      await ctx.reply(catalogVersionsText(ctx, await store.list()));
      return;
    }
    case "export": {
      const catalog = ctx.deps.catalogs.current();
      await record(ctx, { action: "catalog.export", details: { version: catalog.version } });
      await ctx.replyWithDocument(new InputFile(Buffer.from(catalog.yaml, "utf8"), `catalog-${catalog.version}.yaml`));
      return;
    }
    case "rollback":
    case "activate":
      if (version) return switchCatalog(ctx, version, sub === "rollback" ? "rollback" : "activate");
      break;
  }
  await ctx.reply(ctx.t("admin:catalog.usage"));
}

async function download(ctx: BaseContext, fileId: string): Promise<string> {
  const file = await ctx.api.getFile(fileId);
  const { apiRoot, botToken } = ctx.deps.config;
  const response = await fetch(`${apiRoot}/file/bot${botToken}/${file.file_path}`);
  if (!response.ok) throw new Error(`file download failed: ${response.status}`);
  return response.text();
}

const isYaml = (name: string | undefined, mime: string | undefined) =>
  /\.ya?ml$/i.test(name ?? "") || /yaml/i.test(mime ?? "");

async function uploadCatalog(ctx: BaseContext, fileId: string, size: number | undefined): Promise<void> {
  const active = ctx.deps.catalogs.version;
  if ((size ?? 0) > CATALOG_MAX_BYTES) {
    await ctx.reply(catalogProblemsText(ctx, [{ path: [], message: "too big for a catalogue" }], active));
    return;
  }
  const yaml = await download(ctx, fileId);
  const result = await storeOf(ctx).importVersion(yaml, actorOf(ctx));
  if (!result.ok) {
    await record(ctx, {
      action: "catalog.rejected",
      details: { problems: result.problems.length, first: result.problems[0] },
    });
    await ctx.reply(catalogProblemsText(ctx, result.issues, active));
    return;
  }
  const draft = result.catalog.status === "draft";
  await ctx.reply(catalogDiffText(ctx, result.diff, draft), {
    ...(draft ? {} : { reply_markup: activateKeyboard(ctx.t, result.version) }),
  });
}

export function adminFeature(): Composer<AppContext> {
  const composer = new Composer<AppContext>();
  const pm = composer.chatType("private");
  const admin = pm.filter(isAdmin);

  admin.command("grant", async (ctx) => {
    const request = parseGrantArgs(ctx.match);
    if (!request) return ctx.reply(ctx.t("admin:grant.usage"));
    const { adminIds } = ctx.deps.config;
    const result = await grant(ctx.deps.db, actorOf(ctx), request, adminIds, ctx.deps.now());
    if (result.ok && result.change === "granted") await refreshStaffName(ctx, request.id);
    await ctx.reply(grantText(ctx, request, result, await listStaff(ctx.deps.db, adminIds)));
    if (result.ok && result.change !== "unchanged") await syncMenuOf(ctx, request.id);
  });
  admin.command("revoke", async (ctx) => {
    const id = Number(ctx.match.trim());
    if (!/^\d{1,15}$/.test(ctx.match.trim()) || !Number.isSafeInteger(id))
      return ctx.reply(ctx.t("admin:revoke.usage"));
    const result = await revoke(ctx.deps.db, actorOf(ctx), id, ctx.deps.config.adminIds, ctx.deps.now());
    await ctx.reply(ctx.t(`admin:revoke.${result}`, { id }));
    if (result === "revoked") await syncMenuOf(ctx, id);
  });
  admin.command("invite", async (ctx) => {
    const [role = "", rest = ""] = ctx.match.trim().split(/\s+([\s\S]*)/);
    const lowered = role.toLowerCase();
    if (!isStaffRole(lowered)) return ctx.reply(ctx.t("admin:invite.usage"));
    const profile = lowered === "police" ? readProfileWords(rest) : {};
    if (lowered === "police" && !profile.regions && !profile.allRegions) {
      return ctx.reply(`${ctx.t("admin:invite.regions_needed")}\n\n${ctx.t("admin:invite.usage")}`);
    }
    const { token, expiresAt } = await invite(ctx.deps.db, actorOf(ctx), { role: lowered, ...profile }, ctx.deps.now());
    const link = `https://t.me/${ctx.me.username}?start=inv_${token}`;
    const text = ctx.t("admin:invite.created", {
      role: ctx.t(`admin:roles.${lowered}`),
      until: almatyDateTime(expiresAt.toISOString()),
    });
    const regions =
      lowered === "police"
        ? `\n${ctx.t("admin:invite.regions", { regions: regionsText(ctx.t, profile.regions ?? [], profile.allRegions ?? false) })}`
        : "";
    await ctx.reply(`${text}${regions}\n\n<code>${escapeHtml(link)}</code>`, {
      link_preview_options: { is_disabled: true },
    });
  });
  admin.command("staff", async (ctx) => {
    await record(ctx, { action: "role.list" });
    await ctx.reply(staffText(ctx, await listStaff(ctx.deps.db, ctx.deps.config.adminIds)));
  });
  admin.command("audit", async (ctx) => {
    if (ctx.match.trim() === "export") return sendAuditCsv(ctx);
    await sendAuditPage(ctx, 0, false);
  });
  admin.command("catalog", (ctx) => catalogCommand(ctx, ctx.match));

  admin.callbackQuery(auditPageData.filter, async (ctx) => {
    const data = auditPageData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    await ctx.answerCallbackQuery();
    await sendAuditPage(ctx, data.p, true);
  });
  admin.callbackQuery(auditExportData.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    await sendAuditCsv(ctx);
  });
  admin.callbackQuery(catalogActivateData.filter, async (ctx) => {
    const data = catalogActivateData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("common:stale") });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(ignoreStaleEdit);
    await switchCatalog(ctx, data.v, "activate");
  });
  admin.on("message:document", async (ctx, next) => {
    const doc = ctx.message.document;
    if (!isYaml(doc.file_name, doc.mime_type)) return next();
    await uploadCatalog(ctx, doc.file_id, doc.file_size);
  });

  pm.command([...ADMIN_COMMANDS], refuse);
  pm.callbackQuery([auditPageData.filter, auditExportData.filter, catalogActivateData.filter], refuse);
  return composer;
}
