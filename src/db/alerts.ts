/**
 * Alerts to subscribers: an admin's text in kk and ru, then one delivery row per
 * subscriber. A row is claimed (pending → sent) before its message goes out, so
 * nobody gets an alert twice, even when delivery resumes after a restart.
 */
import { and, asc, count, desc, eq, isNotNull } from "drizzle-orm";
import type { Lang } from "../core/model.js";
import type { Db } from "./client.js";
import { alertDeliveries, alerts, users } from "./schema.js";

export type Alert = typeof alerts.$inferSelect;

export function createAlert(db: Db, adminId: number, textKk: string, now: Date): number {
  return db
    .insert(alerts)
    .values({ createdBy: adminId, textKk, textRu: "", createdAt: now.toISOString() })
    .returning({ id: alerts.id })
    .get().id;
}

/** The admin's newest draft (the one waiting for its Russian text or for «Send»). */
export function latestDraft(db: Db, adminId: number): Alert | undefined {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.createdBy, adminId), eq(alerts.status, "draft")))
    .orderBy(desc(alerts.id))
    .get();
}

export function getAlert(db: Db, id: number): Alert | undefined {
  return db.select().from(alerts).where(eq(alerts.id, id)).get();
}

export function setAlertRu(db: Db, id: number, textRu: string): void {
  db.update(alerts).set({ textRu }).where(eq(alerts.id, id)).run();
}

export function cancelAlert(db: Db, id: number): boolean {
  return (
    db
      .update(alerts)
      .set({ status: "cancelled" })
      .where(and(eq(alerts.id, id), eq(alerts.status, "draft")))
      .run().changes > 0
  );
}

/**
 * Draft → sending, with a pending row for every subscriber who agreed and has
 * not blocked the bot, in one transaction. Undefined when the alert was not a
 * complete draft (already sent, cancelled, or a double press).
 */
export function startSending(db: Db, id: number): number | undefined {
  return db.$client.transaction(() => {
    const alert = getAlert(db, id);
    if (alert?.status !== "draft" || !alert.textKk || !alert.textRu) return undefined;
    db.update(alerts).set({ status: "sending" }).where(eq(alerts.id, id)).run();
    const recipients = db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.alertsSubscribed, true), eq(users.blockedBot, false), isNotNull(users.consentAt)))
      .all();
    for (const r of recipients) {
      db.insert(alertDeliveries).values({ alertId: id, userId: r.id }).onConflictDoNothing().run();
    }
    return recipients.length;
  })();
}

export function sendingAlerts(db: Db): Alert[] {
  return db.select().from(alerts).where(eq(alerts.status, "sending")).orderBy(asc(alerts.id)).all();
}

export interface Recipient {
  userId: number;
  language: Lang | null;
  subscribed: boolean;
  blocked: boolean;
}

/** The next pending recipients of an alert, with what decides whether they still get it. */
export function pendingRecipients(db: Db, alertId: number, limit: number): Recipient[] {
  return db
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
    .all()
    .map((r) => ({ ...r, subscribed: r.subscribed === true, blocked: r.blocked === true }));
}

/** Takes the row for sending; false when it was already taken (by a run before a restart, or another run). */
export function claimDelivery(db: Db, alertId: number, userId: number, now: Date): boolean {
  return (
    db
      .update(alertDeliveries)
      .set({ status: "sent", at: now.toISOString() })
      .where(
        and(
          eq(alertDeliveries.alertId, alertId),
          eq(alertDeliveries.userId, userId),
          eq(alertDeliveries.status, "pending"),
        ),
      )
      .run().changes > 0
  );
}

/** Not delivered: the person blocked the bot, unsubscribed meanwhile, or Telegram refused. */
export function markUndelivered(db: Db, alertId: number, userId: number, now: Date): void {
  db.update(alertDeliveries)
    .set({ status: "failed", at: now.toISOString() })
    .where(and(eq(alertDeliveries.alertId, alertId), eq(alertDeliveries.userId, userId)))
    .run();
}

export function deliveryCounts(db: Db, alertId: number): Record<"pending" | "sent" | "failed", number> {
  const rows = db
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
export function finishAlert(db: Db, alertId: number, now: Date): boolean {
  if (deliveryCounts(db, alertId).pending > 0) return false;
  return (
    db
      .update(alerts)
      .set({ status: "sent", sentAt: now.toISOString() })
      .where(and(eq(alerts.id, alertId), eq(alerts.status, "sending")))
      .run().changes > 0
  );
}

export function isSubscribed(db: Db, userId: number): boolean {
  return db.select({ s: users.alertsSubscribed }).from(users).where(eq(users.id, userId)).get()?.s === true;
}
