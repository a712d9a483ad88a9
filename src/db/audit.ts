/**
 * The audit log: every police and admin action — who, in which role, what, on
 * which report, when, with details. Append-only; admins read it with /audit.
 * Citizens' actions are never written here (nothing is stored about them).
 */
import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { jsonText } from "./json-sql.js";
import { auditLog } from "./schema.js";

/** The actions written by the bot and the CLI (catalogue changes come from CatalogStore). */
export const AUDIT_ACTIONS = [
  "report.view",
  "report.pdf",
  "report.json",
  "report.evidence",
  "report.freeze_request",
  "report.notice",
  "case.view",
  "case.status",
  "case.erdr",
  "case.assign",
  "case.note",
  "reports.list",
  "reports.export",
  "identifier.lookup",
  "stats.view",
  "role.grant",
  "role.revoke",
  "role.list",
  "invite.create",
  "invite.accept",
  "police.profile",
  "police.notices",
  "audit.view",
  "audit.export",
  "catalog.view",
  "catalog.list",
  "catalog.export",
  "catalog.rejected",
  "catalog.import",
  "catalog.activate",
  "catalog.rollback",
  "alert.create",
  "alert.send",
  "alert.cancel",
  "backup.create",
  "backup.restore",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface Actor {
  /** Telegram id; null for the CLI and the system. */
  id: number | null;
  role: string;
  /** Who ran the command line: "user@host" of the operating system. */
  operator?: string | undefined;
}

export interface AuditEntry {
  actor: Actor;
  action: AuditAction;
  reportNumber?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
  at: Date;
}

export type AuditRow = typeof auditLog.$inferSelect;

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insert(auditLog)
    .values({
      actorId: entry.actor.id,
      actorRole: entry.actor.role,
      action: entry.action,
      reportNumber: entry.reportNumber ?? null,
      details: entry.details ?? null,
      operator: entry.actor.operator ?? null,
      at: entry.at.toISOString(),
    })
    .run();
}

/** Newest first. */
export async function auditPage(
  db: Db,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const rows = await db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = (await db.select({ n: count() }).from(auditLog).get())?.n ?? 0;
  return { rows, total };
}

/** The whole log, newest first (for the CSV export). */
export function auditAll(db: Db, limit = 100_000): Promise<AuditRow[]> {
  return db.select().from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).all();
}

/** Entries about one report, newest first. */
export function auditOfReport(db: Db, reportNumber: string): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.reportNumber, reportNumber))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .all();
}

/**
 * True when this officer opened the report by the QR code on its paper: holding the
 * document lets them work on it outside their regions (the victim brought it to them).
 */
export async function openedByQr(db: Db, actorId: number, reportNumber: string): Promise<boolean> {
  return (
    (await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.reportNumber, reportNumber),
          eq(auditLog.actorId, actorId),
          eq(auditLog.action, "report.view"),
          eq(jsonText(db, auditLog.details, ["route"]), "qr"),
        ),
      )
      .get()) !== undefined
  );
}
