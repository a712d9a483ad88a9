/**
 * Granting and revoking police and admin roles, officers' regions, and invite
 * links — each change written to the audit log in the same transaction. Used by
 * the bot and the CLI.
 */
import { readLeadingRegions } from "../core/identifiers/regions.js";
import { REGIONS, type Region, type Role } from "../core/model.js";
import { type Actor, audit } from "../db/audit.js";
import { type Db, inTransaction } from "../db/client.js";
import { createInvite, type Redeemed, redeemInvite } from "../db/invites.js";
import {
  effectiveRole,
  grantRole,
  type PoliceProfile,
  policeProfile,
  revokeRole,
  type StaffRole,
  setPoliceProfile,
  storedRole,
} from "../db/roles.js";

export const UNIT_MAX = 120;
const STAFF_ROLES: readonly StaffRole[] = ["police", "admin"];

export interface GrantRequest {
  id: number;
  role: StaffRole;
  unit?: string | undefined;
  /** Given regions replace the officer's; none given keeps them. */
  regions?: Region[] | undefined;
  allRegions?: boolean | undefined;
}

export const isStaffRole = (s: string | undefined): s is StaffRole => STAFF_ROLES.includes(s as StaffRole);
export const isRegion = (s: string | undefined): s is Region => (REGIONS as readonly string[]).includes(s ?? "");

export const cleanUnit = (text: string): string | undefined => {
  const unit = text.replace(/\s+/g, " ").trim().slice(0, UNIT_MAX);
  return unit || undefined;
};

/**
 * Regions first (any language or case, "all" for every region), then the unit:
 * «Алматы, Алматы облысы УП Медеуского района» → almaty, almaty_region and the unit.
 */
export function readProfileWords(text: string): Pick<GrantRequest, "unit" | "regions" | "allRegions"> {
  const { regions, all, rest } = readLeadingRegions(text);
  const unit = cleanUnit(rest);
  return {
    ...(unit ? { unit } : {}),
    ...(regions.length ? { regions } : {}),
    ...(all ? { allRegions: true } : {}),
  };
}

/** `<telegram id> police|admin [regions…] [unit…]`; undefined when it does not read. */
export function parseGrantArgs(args: string): GrantRequest | undefined {
  const m = /^\s*(\d{1,15})\s+(\S+)\s*([\s\S]*)$/.exec(args);
  const id = Number(m?.[1]);
  if (!m || !Number.isSafeInteger(id) || id <= 0) return undefined;
  const role = m[2]!.toLowerCase();
  if (!isStaffRole(role)) return undefined;
  return { id, role, ...(role === "police" ? readProfileWords(m[3]!) : {}) };
}

export type GrantResult =
  /** granted: a new role; updated: the same role with a new unit or regions; unchanged: nothing new. */
  | { ok: true; change: "granted" | "updated" | "unchanged"; role: StaffRole; previous: Role }
  /** configured: an admin by ADMIN_IDS; outranked: an admin asked to be made police (revoke first). */
  | { ok: false; reason: "configured" | "outranked"; role: Role };

const changesProfile = (before: Awaited<ReturnType<typeof policeProfile>>, request: GrantRequest): boolean =>
  !before ||
  (request.unit !== undefined && request.unit !== before.unit) ||
  (request.regions !== undefined && request.regions.join() !== before.regions.join()) ||
  (request.allRegions !== undefined && request.allRegions !== before.allRegions);

export function grant(
  db: Db,
  actor: Actor,
  request: GrantRequest,
  adminIds: readonly number[],
  now: Date,
): Promise<GrantResult> {
  return inTransaction(db, async (db): Promise<GrantResult> => {
    const previous = effectiveRole(adminIds, await storedRole(db, request.id), request.id);
    if (adminIds.includes(request.id)) return { ok: false, reason: "configured", role: previous };
    if (previous === "admin" && request.role === "police") return { ok: false, reason: "outranked", role: previous };
    const sameRole = previous === request.role;
    if (sameRole && (request.role === "admin" || !changesProfile(await policeProfile(db, request.id), request))) {
      return { ok: true, change: "unchanged", role: request.role, previous };
    }
    await grantRole(db, request.id, request.role, request, now);
    await audit(db, {
      actor,
      action: "role.grant",
      details: {
        target: request.id,
        role: request.role,
        previous,
        unit: request.unit ?? null,
        regions: request.regions ?? null,
        allRegions: request.allRegions ?? null,
      },
      at: now,
    });
    return { ok: true, change: sameRole ? "updated" : "granted", role: request.role, previous };
  });
}

export type RevokeResult = "revoked" | "not_staff" | "configured";

export async function revoke(
  db: Db,
  actor: Actor,
  id: number,
  adminIds: readonly number[],
  now: Date,
): Promise<RevokeResult> {
  if (adminIds.includes(id)) return "configured";
  return inTransaction(db, async (db): Promise<RevokeResult> => {
    if (!(await revokeRole(db, id, now))) return "not_staff";
    await audit(db, { actor, action: "role.revoke", details: { target: id }, at: now });
    return "revoked";
  });
}

/** A new invite; the token goes into the link only, never into the log. */
export function invite(
  db: Db,
  actor: Actor & { id: number },
  request: Omit<GrantRequest, "id">,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  return inTransaction(db, async (db) => {
    const created = await createInvite(db, { ...request, createdBy: actor.id }, now);
    await audit(db, {
      actor,
      action: "invite.create",
      details: {
        role: request.role,
        unit: request.unit ?? null,
        regions: request.regions ?? [],
        allRegions: request.allRegions ?? false,
        expiresAt: created.expiresAt.toISOString(),
      },
      at: now,
    });
    return created;
  });
}

/** Uses an invite: the role is granted to `userId` with the unit and regions the invite carried. */
export function acceptInvite(db: Db, userId: number, token: string, now: Date): Promise<Redeemed> {
  return inTransaction(db, async (db) => {
    const redeemed = await redeemInvite(db, token, userId, now);
    if (!redeemed.ok) return redeemed;
    const profile: PoliceProfile = {
      ...(redeemed.unit ? { unit: redeemed.unit } : {}),
      regions: redeemed.regions.filter(isRegion),
      allRegions: redeemed.allRegions,
    };
    await grantRole(db, userId, redeemed.role, profile, now);
    await audit(db, {
      actor: { id: userId, role: redeemed.role },
      action: "invite.accept",
      details: { role: redeemed.role, invitedBy: redeemed.createdBy },
      at: now,
    });
    return redeemed;
  });
}

/** An officer names their unit after joining by invite (their regions are set by an admin only). */
export function updatePoliceUnit(db: Db, actor: Actor & { id: number }, unit: string, now: Date): Promise<void> {
  return inTransaction(db, async (db) => {
    await setPoliceProfile(db, actor.id, { unit }, now);
    await audit(db, { actor, action: "police.profile", details: { unit }, at: now });
  });
}
