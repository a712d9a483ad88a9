/**
 * Granting and revoking police and admin roles, and invite links — each change
 * written to the audit log in the same transaction. Used by the bot and the CLI.
 */
import { REGIONS, type Region } from "../core/model.js";
import { type Actor, audit } from "../db/audit.js";
import { type Db, inTransaction } from "../db/client.js";
import { createInvite, type Redeemed, redeemInvite } from "../db/invites.js";
import { grantRole, type PoliceProfile, revokeRole, type StaffRole, setPoliceProfile } from "../db/roles.js";

export const UNIT_MAX = 120;
const STAFF_ROLES: readonly StaffRole[] = ["police", "admin"];

export interface GrantRequest {
  id: number;
  role: StaffRole;
  unit?: string | undefined;
  region?: Region | undefined;
}

export const isStaffRole = (s: string | undefined): s is StaffRole => STAFF_ROLES.includes(s as StaffRole);
export const isRegion = (s: string | undefined): s is Region => (REGIONS as readonly string[]).includes(s ?? "");

export const cleanUnit = (text: string): string | undefined => {
  const unit = text.replace(/\s+/g, " ").trim().slice(0, UNIT_MAX);
  return unit || undefined;
};

/** Unit words and an optional region id as the last word: "ДП г. Алматы, УПП almaty". */
export function readProfileWords(words: readonly string[]): { unit?: string; region?: Region } {
  const last = words.at(-1)?.toLowerCase();
  const region = isRegion(last) ? last : undefined;
  const unit = cleanUnit((region ? words.slice(0, -1) : words).join(" "));
  return { ...(unit ? { unit } : {}), ...(region ? { region } : {}) };
}

/** `<telegram id> police|admin [unit…] [region id]`; undefined when it does not read. */
export function parseGrantArgs(args: string): GrantRequest | undefined {
  const [idText, role, ...rest] = args.trim().split(/\s+/);
  const id = Number(idText);
  if (!idText || !/^\d{1,15}$/.test(idText) || !Number.isSafeInteger(id) || id <= 0) return undefined;
  const lowered = role?.toLowerCase();
  if (!isStaffRole(lowered)) return undefined;
  return { id, role: lowered, ...(lowered === "police" ? readProfileWords(rest) : {}) };
}

export function grant(db: Db, actor: Actor, request: GrantRequest, now: Date): Promise<void> {
  return inTransaction(db, async () => {
    await grantRole(db, request.id, request.role, { unit: request.unit, region: request.region }, now);
    await audit(db, {
      actor,
      action: "role.grant",
      details: { target: request.id, role: request.role, unit: request.unit ?? null, region: request.region ?? null },
      at: now,
    });
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
  return inTransaction(db, async (): Promise<RevokeResult> => {
    if (!(await revokeRole(db, id, now))) return "not_staff";
    await audit(db, { actor, action: "role.revoke", details: { target: id }, at: now });
    return "revoked";
  });
}

/** A new invite; the token goes into the link only, never into the log. */
export function invite(
  db: Db,
  actor: Actor & { id: number },
  request: { role: StaffRole; unit?: string | undefined; region?: Region | undefined },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  return inTransaction(db, async () => {
    const created = await createInvite(db, { ...request, createdBy: actor.id }, now);
    await audit(db, {
      actor,
      action: "invite.create",
      details: {
        role: request.role,
        unit: request.unit ?? null,
        region: request.region ?? null,
        expiresAt: created.expiresAt.toISOString(),
      },
      at: now,
    });
    return created;
  });
}

/** Uses an invite: the role is granted to `userId` with the unit and region the invite carried. */
export function acceptInvite(db: Db, userId: number, token: string, now: Date): Promise<Redeemed> {
  return inTransaction(db, async () => {
    const redeemed = await redeemInvite(db, token, userId, now);
    if (!redeemed.ok) return redeemed;
    const profile: PoliceProfile = {
      ...(redeemed.unit ? { unit: redeemed.unit } : {}),
      ...(isRegion(redeemed.region ?? undefined) ? { region: redeemed.region as Region } : {}),
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

/** An officer names their unit or region after joining by invite. */
export function updatePoliceProfile(
  db: Db,
  actor: Actor & { id: number },
  profile: PoliceProfile,
  now: Date,
): Promise<void> {
  return inTransaction(db, async () => {
    await setPoliceProfile(db, actor.id, profile, now);
    await audit(db, { actor, action: "police.profile", details: { ...profile }, at: now });
  });
}
