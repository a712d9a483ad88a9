/**
 * Who is police or admin. Admins listed in ADMIN_IDS are admins by configuration
 * and need no row; everyone else's role is in users.role, read afresh on every
 * update, so a revoke takes effect at once.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Region, Role } from "../core/model.js";
import type { Db } from "./client.js";
import { users } from "./schema.js";

export type StaffRole = Exclude<Role, "citizen">;

export interface PoliceProfile {
  unit?: string | null | undefined;
  region?: Region | null | undefined;
}

export interface StaffMember {
  id: number;
  role: StaffRole;
  unit: string | null;
  region: string | null;
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

/**
 * Grants a role; creates the row when the person has not used the bot yet (a
 * role is not personal data of a victim, and consent is still asked before any).
 * Unit and region are kept when not given again.
 */
export async function grantRole(db: Db, id: number, role: StaffRole, profile: PoliceProfile, now: Date): Promise<void> {
  const at = now.toISOString();
  const police =
    role === "police"
      ? {
          ...(profile.unit !== undefined ? { policeUnit: profile.unit } : {}),
          ...(profile.region !== undefined ? { policeRegion: profile.region } : {}),
        }
      : {};
  await db
    .insert(users)
    .values({ id, role, ...police, updatedAt: at })
    .onConflictDoUpdate({ target: users.id, set: { role, ...police, updatedAt: at } })
    .run();
}

/** Back to citizen; unit and region are forgotten. False when there was no role to revoke. */
export async function revokeRole(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .update(users)
    .set({ role: "citizen", policeUnit: null, policeRegion: null, updatedAt: now.toISOString() })
    .where(and(eq(users.id, id), ne(users.role, "citizen")))
    .run();
  return result.changes > 0;
}

export async function setPoliceProfile(db: Db, id: number, profile: PoliceProfile, now: Date): Promise<void> {
  await db
    .update(users)
    .set({
      ...(profile.unit !== undefined ? { policeUnit: profile.unit } : {}),
      ...(profile.region !== undefined ? { policeRegion: profile.region } : {}),
      updatedAt: now.toISOString(),
    })
    .where(and(eq(users.id, id), eq(users.role, "police")))
    .run();
}

export function policeProfile(db: Db, id: number): Promise<{ unit: string | null; region: string | null } | undefined> {
  return db
    .select({ unit: users.policeUnit, region: users.policeRegion })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, "police")))
    .get();
}

/** Stored police and admins, plus the configured admins. */
export async function listStaff(db: Db, adminIds: readonly number[]): Promise<StaffMember[]> {
  const stored = (
    await db
      .select({ id: users.id, role: users.role, unit: users.policeUnit, region: users.policeRegion })
      .from(users)
      .where(ne(users.role, "citizen"))
      .orderBy(users.role, users.id)
      .all()
  )
    .filter((r) => !adminIds.includes(r.id))
    .map((r) => ({ ...r, role: r.role as StaffRole, configured: false }));
  const configured = adminIds.map((id) => ({
    id,
    role: "admin" as const,
    unit: null,
    region: null,
    configured: true,
  }));
  return [...configured, ...stored];
}
