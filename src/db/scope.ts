/**
 * What a staff member may see: everything (admins, officers of all regions), or the
 * reports of their regions and the cases assigned to them. Every police query takes one.
 */
import { eq, inArray, or, type SQL } from "drizzle-orm";
import type { Region } from "../core/model.js";
import { reports } from "./schema.js";

export type Scope = { all: true } | { all: false; regions: readonly Region[]; officerId: number };

/** The SQL condition of a scope on `reports`; undefined when it sees everything. */
export function scopeCondition(scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return or(
    scope.regions.length > 0 ? inArray(reports.region, [...scope.regions]) : undefined,
    eq(reports.assigneeId, scope.officerId),
  );
}
