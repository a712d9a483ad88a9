/**
 * Alerts to subscribers: an admin's text in kk and ru, then one delivery row per
 * subscriber. A row is claimed (pending → sent) before its message goes out, so
 * nobody gets an alert twice, even when delivery resumes after a restart.
 */
import { and, asc, count, desc, eq, isNotNull, max } from "drizzle-orm";
import type { Lang } from "../core/model.js";
import { type Db, inTransaction } from "./client.js";
import { alertDeliveries, alerts, users } from "./schema.js";

export type Alert = typeof alerts.$inferSelect;

export async function createAlert(db: Db, adminId: number, textKk: string, now: Date): Promise<number> {
  const row = await db
    .insert(alerts)
    .values({ createdBy: adminId, textKk, textRu: "", createdAt: now.toISOString() })
    .returning({ id: alerts.id })
    .get();
  return row.id;
}

/** The admin's newest draft (the one waiting for its Russian text or for «Send»). */
export function latestDraft(db: Db, adminId: number): Promise<Alert | undefined> {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.createdBy, adminId), eq(alerts.status, "draft")))
    .orderBy(desc(alerts.id))
    .get();
}

export function getAlert(db: Db, id: number): Promise<Alert | undefined> {
  return db.select().from(alerts).where(eq(alerts.id, id)).get();
}

export async function setAlertRu(db: Db, id: number, textRu: string): Promise<void> {
  await db.update(alerts).set({ textRu }).where(eq(alerts.id, id)).run();
}

export async function cancelAlert(db: Db, id: number): Promise<boolean> {
  const result = await db
    .update(alerts)
    .set({ status: "cancelled" })
    .where(and(eq(alerts.id, id), eq(alerts.status, "draft")))
    .run();
  return result.changes > 0;
}

/**
 * Draft → sending, with a pending row for every subscriber who agreed and has
 * not blocked the bot, in one transaction. Undefined when the alert was not a
 * complete draft (already sent, cancelled, or a double press).
 */
export function startSending(db: Db, id: number): Promise<number | undefined> {
  return inTransaction(db, async (db) => {
    const alert = await getAlert(db, id);
    if (alert?.status !== "draft" || !alert.textKk || !alert.textRu) return undefined;
    await db.update(alerts).set({ status: "sending" }).where(eq(alerts.id, id)).run();
    const recipients = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.alertsSubscribed, true), eq(users.blockedBot, false), isNotNull(users.consentAt)))
      .all();
    for (const r of recipients) {
      await db.insert(alertDeliveries).values({ alertId: id, userId: r.id }).onConflictDoNothing().run();
    }
    return recipients.length;
  });
}

export function sendingAlerts(db: Db): Promise<Alert[]> {
  return db.select().from(alerts).where(eq(alerts.status, "sending")).orderBy(asc(alerts.id)).all();
}

export interface Recipient {
  userId: number;
  language: Lang | null;
  subscribed: boolean;
  blocked: boolean;
}

/** The next pending recipients of an alert, with what decides whether they still get it. */
export async function pendingRecipients(db: Db, alertId: number, limit: number): Promise<Recipient[]> {
  const rows = await db
    .select({
      userId: alertDeliveries.userId,
      language: users.language,
      subscribed: users.alertsSubscribed,
      blocked: users.blockedBot,
    })
    .from(alertDeliveries)
    .leftJoin(users, eq(users.id, alertDeliveries.userId))
    .where(and(eq(alertDeliveries.alertId, alertId), eq(alertDeliveries.status, "pending")))
    .orderBy(asc(alertDeliveries.userId))
    .limit(limit)
    .all();
  return rows.map((r) => ({ ...r, subscribed: r.subscribed === true, blocked: r.blocked === true }));
}

/** Takes the row for sending; false when it was already taken (by a run before a restart, or another run). */
export async function claimDelivery(db: Db, alertId: number, userId: number, now: Date): Promise<boolean> {
  const result = await db
    .update(alertDeliveries)
    .set({ status: "sent", at: now.toISOString() })
    .where(
      and(
        eq(alertDeliveries.alertId, alertId),
        eq(alertDeliveries.userId, userId),
        eq(alertDeliveries.status, "pending"),
      ),
    )
    .run();
  return result.changes > 0;
}

/** When the alert's last message was claimed for sending (by any instance), or undefined. */
export async function lastSentAt(db: Db, alertId: number): Promise<string | undefined> {
  const row = await db
    .select({ at: max(alertDeliveries.at) })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.alertId, alertId), eq(alertDeliveries.status, "sent")))
    .get();
  return row?.at ?? undefined;
}

/** Not delivered: the person blocked the bot, unsubscribed meanwhile, or Telegram refused. */
export async function markUndelivered(db: Db, alertId: number, userId: number, now: Date): Promise<void> {
  await db
    .update(alertDeliveries)
    .set({ status: "failed", at: now.toISOString() })
    .where(and(eq(alertDeliveries.alertId, alertId), eq(alertDeliveries.userId, userId)))
    .run();
}

export async function deliveryCounts(db: Db, alertId: number): Promise<Record<"pending" | "sent" | "failed", number>> {
  const rows = await db
    .select({ status: alertDeliveries.status, n: count() })
    .from(alertDeliveries)
    .where(eq(alertDeliveries.alertId, alertId))
    .groupBy(alertDeliveries.status)
    .all();
  const out = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** Sending → sent once no row is pending; true for the run that finished it. */
export async function finishAlert(db: Db, alertId: number, now: Date): Promise<boolean> {
  if ((await deliveryCounts(db, alertId)).pending > 0) return false;
  const result = await db
    .update(alerts)
    .set({ status: "sent", sentAt: now.toISOString() })
    .where(and(eq(alerts.id, alertId), eq(alerts.status, "sending")))
    .run();
  return result.changes > 0;
}

export async function isSubscribed(db: Db, userId: number): Promise<boolean> {
  return (await db.select({ s: users.alertsSubscribed }).from(users).where(eq(users.id, userId)).get())?.s === true;
}
