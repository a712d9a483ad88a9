/**
 * One-time invite links for police (or admins): `/start inv_<token>`. Only the
 * SHA-256 of the token is stored, so the database alone cannot be used to join;
 * a link works once and for 24 hours.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Region } from "../core/model.js";
import { type Db, inTransaction } from "./client.js";
import type { StaffRole } from "./roles.js";
import { invites } from "./schema.js";

export const INVITE_PREFIX = "inv_";
export const INVITE_TTL_MS = 24 * 3600_000;
/** 18 random bytes: 24 base64url characters, 144 bits. */
const TOKEN_BYTES = 18;
const TOKEN = /^[A-Za-z0-9_-]{24}$/;

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export interface NewInvite {
  role: StaffRole;
  createdBy: number;
  unit?: string | undefined;
  regions?: Region[] | undefined;
  allRegions?: boolean | undefined;
}

export async function createInvite(db: Db, invite: NewInvite, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await db
    .insert(invites)
    .values({
      tokenHash: hashOf(token),
      role: invite.role,
      createdBy: invite.createdBy,
      unit: invite.unit ?? null,
      regions: invite.regions ?? [],
      allRegions: invite.allRegions ?? false,
      expiresAt: expiresAt.toISOString(),
      createdAt: now.toISOString(),
    })
    .run();
  return { token, expiresAt };
}

/** The token of a `/start` payload, or undefined when the payload is not an invite (a bad token redeems as unknown). */
export const inviteToken = (payload: string): string | undefined =>
  payload.startsWith(INVITE_PREFIX) ? payload.slice(INVITE_PREFIX.length) : undefined;

export type Redeemed =
  | {
      ok: true;
      role: StaffRole;
      unit: string | null;
      regions: Region[];
      allRegions: boolean;
      createdBy: number;
    }
  | { ok: false; reason: "unknown" | "used" | "expired" };

/** Uses the invite for `userId`; a second use, or a use after expiry, fails. */
export function redeemInvite(db: Db, token: string, userId: number, now: Date): Promise<Redeemed> {
  return inTransaction(db, async (db): Promise<Redeemed> => {
    if (!TOKEN.test(token)) return { ok: false, reason: "unknown" };
    const hash = hashOf(token);
    const row = await db.select().from(invites).where(eq(invites.tokenHash, hash)).get();
    if (!row) return { ok: false, reason: "unknown" };
    if (row.usedBy !== null) return { ok: false, reason: "used" };
    if (row.expiresAt <= now.toISOString()) return { ok: false, reason: "expired" };
    const claimed = await db
      .update(invites)
      .set({ usedBy: userId, usedAt: now.toISOString() })
      .where(and(eq(invites.tokenHash, hash), isNull(invites.usedBy)))
      .run();
    if (claimed.changes === 0) return { ok: false, reason: "used" };
    return {
      ok: true,
      role: row.role,
      unit: row.unit,
      regions: row.regions,
      allRegions: row.allRegions,
      createdBy: row.createdBy,
    };
  });
}
