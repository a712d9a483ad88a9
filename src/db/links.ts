/**
 * Reports joined by what they hold: the same caller phone, recipient card, IBAN,
 * phone-number transfer, wallet, link or username (report_identifiers, indexed
 * on kind + value). Only submitted reports count. Free-text "other" values and
 * masked cards ("•••• 6781": only four digits known) never link reports.
 */
import { and, asc, countDistinct, desc, eq, ne, not, or, type SQL, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { CARD_MASK } from "../core/identifiers/card.js";
import type { IdentifierKind } from "../core/model.js";
import type { Db } from "./client.js";
import { jsonText } from "./json-sql.js";
import { identifiers, reports } from "./schema.js";
import { type Scope, scopeCondition } from "./scope.js";

export interface Key {
  kind: IdentifierKind;
  value: string;
}

export interface LinkedReport {
  id: number;
  number: string;
  submittedAt: string;
  /** What the two reports share, each once. */
  shared: Key[];
}

export interface HoldingReport {
  id: number;
  number: string;
  submittedAt: string;
  scheme: string | null;
}

/** The top recognised scheme of a report, as SQL (JSON is read differently by each engine). */
export const topScheme = (db: Db): SQL<string | null> => jsonText(db, reports.recognition, ["schemes", 0, "id"]);

/** True for keys that may link reports. */
export const isLinkable = (k: Key): boolean => k.kind !== "other" && !k.value.startsWith(CARD_MASK);

const linkable = (t: { kind: SQLiteColumn; value: SQLiteColumn }) =>
  and(ne(t.kind, "other"), not(sql`${t.value} LIKE ${`${CARD_MASK}%`}`));

const keyKey = (k: Key) => `${k.kind}\u0000${k.value}`;

/**
 * The other submitted reports sharing an identifier with this one, most shared first,
 * then newest; those outside the scope are only counted.
 */
export async function linkedReports(
  db: Db,
  reportId: number,
  scope: Scope,
): Promise<{ linked: LinkedReport[]; elsewhere: number }> {
  const mine = alias(identifiers, "mine");
  const rows = await db
    .select({
      id: reports.id,
      number: reports.number,
      submittedAt: reports.submittedAt,
      kind: mine.kind,
      value: mine.value,
      visible: sql<number>`${scopeCondition(scope) ?? sql`1`}`,
    })
    .from(mine)
    .innerJoin(
      identifiers,
      and(eq(identifiers.kind, mine.kind), eq(identifiers.value, mine.value), ne(identifiers.reportId, mine.reportId)),
    )
    .innerJoin(reports, and(eq(reports.id, identifiers.reportId), eq(reports.status, "submitted")))
    .where(and(eq(mine.reportId, reportId), linkable(mine)))
    .all();
  const byReport = new Map<number, LinkedReport & { seen: Set<string> }>();
  const elsewhere = new Set<number>();
  for (const r of rows) {
    if (!r.number || !r.submittedAt) continue;
    if (!r.visible) {
      elsewhere.add(r.id);
      continue;
    }
    const entry = byReport.get(r.id) ?? {
      id: r.id,
      number: r.number,
      submittedAt: r.submittedAt,
      shared: [],
      seen: new Set<string>(),
    };
    const key = { kind: r.kind, value: r.value };
    if (!entry.seen.has(keyKey(key))) {
      entry.seen.add(keyKey(key));
      entry.shared.push(key);
    }
    byReport.set(r.id, entry);
  }
  const linked = [...byReport.values()]
    .map(({ seen: _, ...report }) => report)
    .sort((a, b) => b.shared.length - a.shared.length || b.submittedAt.localeCompare(a.submittedAt));
  return { linked, elsewhere: elsewhere.size };
}

const anyKey = (keys: readonly Key[]) =>
  or(...keys.map((k) => and(eq(identifiers.kind, k.kind), eq(identifiers.value, k.value))));

/** Submitted reports within the scope that hold any of the keys, newest first. */
export async function reportsHolding(
  db: Db,
  keys: readonly Key[],
  scope: Scope,
  limit = 200,
): Promise<HoldingReport[]> {
  const usable = keys.filter(isLinkable);
  if (usable.length === 0) return [];
  return db
    .selectDistinct({
      id: reports.id,
      number: sql<string>`${reports.number}`,
      submittedAt: sql<string>`${reports.submittedAt}`,
      scheme: topScheme(db),
    })
    .from(identifiers)
    .innerJoin(reports, and(eq(reports.id, identifiers.reportId), eq(reports.status, "submitted")))
    .where(and(anyKey(usable), scopeCondition(scope)))
    .orderBy(desc(reports.submittedAt))
    .limit(limit)
    .all();
}

/**
 * For anyone's "has this been reported?": how many people filed submitted reports
 * holding the key (reports of the same person count once), and the top schemes of
 * those reports with counts.
 */
export async function keyCounts(
  db: Db,
  key: Key,
): Promise<{ reporters: number; schemes: { id: string; count: number }[] }> {
  if (!isLinkable(key)) return { reporters: 0, schemes: [] };
  const holding = await db
    .selectDistinct({ id: reports.id, userId: reports.userId, scheme: topScheme(db) })
    .from(identifiers)
    .innerJoin(reports, and(eq(reports.id, identifiers.reportId), eq(reports.status, "submitted")))
    .where(and(eq(identifiers.kind, key.kind), eq(identifiers.value, key.value)))
    .all();
  const schemes = new Map<string, number>();
  for (const h of holding) if (h.scheme) schemes.set(h.scheme, (schemes.get(h.scheme) ?? 0) + 1);
  return {
    reporters: new Set(holding.map((h) => h.userId)).size,
    schemes: [...schemes.entries()]
      .map(([id, n]) => ({ id, count: n }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
  };
}

export interface RecurringRecipient extends Key {
  reports: number;
}

/**
 * Recipients (cards, IBANs, phones, wallets…) that received money in two or more
 * submitted reports: likely droppers. `where` narrows the reports (a police filter).
 */
export function recurringRecipients(db: Db, limit = 10, where?: SQL): Promise<RecurringRecipient[]> {
  const reportsCount = countDistinct(identifiers.reportId);
  return db
    .select({ kind: identifiers.kind, value: identifiers.value, reports: reportsCount })
    .from(identifiers)
    .innerJoin(reports, and(eq(reports.id, identifiers.reportId), eq(reports.status, "submitted")))
    .where(and(eq(identifiers.field, "recipient"), linkable(identifiers), where))
    .groupBy(identifiers.kind, identifiers.value)
    .having(sql`${reportsCount} >= 2`)
    .orderBy(desc(reportsCount), asc(identifiers.value))
    .limit(limit)
    .all();
}
