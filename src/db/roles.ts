/**
 * Who is police or admin, and which regions an officer works in. Admins listed in
 * ADMIN_IDS are admins by configuration and need no row; everyone else's role is
 * in users.role, read afresh on every update, so a revoke takes effect at once.
 */
import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Region, Role } from "../core/model.js";
import type { Db } from "./client.js";
import { jsonArrayHas } from "./json-sql.js";
import { users } from "./schema.js";

export type StaffRole = Exclude<Role, "citizen">;

export interface PoliceProfile {
  unit?: string | null | undefined;
  /** Replaces the officer's regions when given. */
  regions?: Region[] | undefined;
  allRegions?: boolean | undefined;
}

export interface StaffMember {
  id: number;
  role: StaffRole;
  name: string | null;
  unit: string | null;
  regions: Region[];
  allRegions: boolean;
  /** Listed in ADMIN_IDS (not stored, cannot be revoked here). */
  configured: boolean;
}

/** The role that counts now: ADMIN_IDS first, then the stored one. */
export function effectiveRole(adminIds: readonly number[], stored: Role | undefined, id: number): Role {
  if (adminIds.includes(id)) return "admin";
  return stored ?? "citizen";
}

export async function storedRole(db: Db, id: number): Promise<Role | undefined> {
  return (await db.select({ role: users.role }).from(users).where(eq(users.id, id)).get())?.role;
}

const profileFields = (profile: PoliceProfile) => ({
  ...(profile.unit !== undefined ? { policeUnit: profile.unit } : {}),
  ...(profile.regions !== undefined ? { policeRegions: profile.regions } : {}),
  ...(profile.allRegions !== undefined ? { policeAllRegions: profile.allRegions } : {}),
});

/**
 * Grants a role; creates the row when the person has not used the bot yet (a
 * role is not personal data of a victim, and consent is still asked before any).
 * Unit and regions are kept when not given again.
 */
export async function grantRole(db: Db, id: number, role: StaffRole, profile: PoliceProfile, now: Date): Promise<void> {
  const at = now.toISOString();
  const police = role === "police" ? profileFields(profile) : {};
  await db
    .insert(users)
    .values({ id, role, ...police, updatedAt: at })
    .onConflictDoUpdate({ target: users.id, set: { role, ...police, updatedAt: at } })
    .run();
}

/** Back to citizen; unit, regions and name are forgotten. False when there was no role to revoke. */
export async function revokeRole(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .update(users)
    .set({
      role: "citizen",
      policeUnit: null,
      policeRegions: [],
      policeAllRegions: false,
      staffName: null,
      updatedAt: now.toISOString(),
    })
    .where(and(eq(users.id, id), ne(users.role, "citizen")))
    .run();
  return result.changes > 0;
}

export async function setPoliceProfile(db: Db, id: number, profile: PoliceProfile, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ ...profileFields(profile), updatedAt: now.toISOString() })
    .where(and(eq(users.id, id), eq(users.role, "police")))
    .run();
}

export function policeProfile(
  db: Db,
  id: number,
): Promise<{ unit: string | null; regions: Region[]; allRegions: boolean } | undefined> {
  return db
    .select({ unit: users.policeUnit, regions: users.policeRegions, allRegions: users.policeAllRegions })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, "police")))
    .get();
}

/** A staff member's Telegram name, kept for /staff; written only when it changed. */
export async function rememberStaffName(db: Db, id: number, name: string): Promise<void> {
  await db
    .update(users)
    .set({ staffName: name })
    .where(and(eq(users.id, id), ne(users.role, "citizen"), sql`${users.staffName} IS DISTINCT FROM ${name}`))
    .run();
}

/** An officer turns new-report notices on or off. */
export async function setReportNotices(db: Db, id: number, on: boolean): Promise<void> {
  await db.update(users).set({ reportNotices: on }).where(eq(users.id, id)).run();
}

/** Stored police and admins, plus the configured admins (with their name when they have a row). */
export async function listStaff(db: Db, adminIds: readonly number[]): Promise<StaffMember[]> {
  const rows = await db
    .select({
      id: users.id,
      role: users.role,
      name: users.staffName,
      unit: users.policeUnit,
      regions: users.policeRegions,
      allRegions: users.policeAllRegions,
    })
    .from(users)
    .where(ne(users.role, "citizen"))
    .orderBy(users.role, users.id)
    .all();
  const stored = rows
    .filter((r) => !adminIds.includes(r.id))
    .map((r) => ({ ...r, role: r.role as StaffRole, configured: false }));
  const configured = adminIds.map((id) => ({
    id,
    role: "admin" as const,
    name: rows.find((r) => r.id === id)?.name ?? null,
    unit: null,
    regions: [],
    allRegions: true,
    configured: true,
  }));
  return [...configured, ...stored];
}

/** Officers to tell of a new report in `region`: police of that region or of all regions, notices on, bot not blocked. */
export async function officersToNotify(db: Db, region: Region | null): Promise<number[]> {
  const inRegion = region
    ? or(eq(users.policeAllRegions, true), jsonArrayHas(db, users.policeRegions, region))
    : eq(users.policeAllRegions, true);
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "police"), eq(users.reportNotices, true), eq(users.blockedBot, false), inRegion))
    .orderBy(users.id)
    .all();
  return rows.map((r) => r.id);
}

/** The names staff members have in Telegram, by id (for case histories). */
export async function staffNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.staffName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]))
    .all();
  return new Map(rows.filter((r) => r.name).map((r) => [r.id, r.name!] as const));
}
