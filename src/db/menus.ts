/**
 * Which command menu each chat shows (bot/commands.ts), so the bot sets a staff member's
 * menu when a role is granted or revoked anywhere — in the chat, by invite, or from the CLI.
 */
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Lang, Role } from "../core/model.js";
import type { Db } from "./client.js";
import { users } from "./schema.js";

export interface MenuTarget {
  id: number;
  role: Role;
  lang: Lang;
}

/** What `menu` says of a chat's own menu: "police:kk"; null while the chat shows the default one. */
export const menuKey = (role: Role, lang: Lang): string => `${role}:${lang}`;

/**
 * Staff whose chat's menu is not the one for their role and stored language, and former
 * staff whose chat still shows staff tools. `except`: admins by ADMIN_IDS, whose role is
 * not stored (the bot sets theirs at start and on their updates).
 */
export async function menusOutOfDate(db: Db, except: readonly number[] = [], limit = 50): Promise<MenuTarget[]> {
  const wanted = sql`${users.role} || ':' || coalesce(${users.language}, 'ru')`;
  const rows = await db
    .select({ id: users.id, role: users.role, lang: users.language })
    .from(users)
    .where(
      and(
        sql`((${users.role} <> 'citizen' AND ${users.menu} IS DISTINCT FROM ${wanted})
          OR (${users.role} = 'citizen' AND (${users.menu} LIKE 'police:%' OR ${users.menu} LIKE 'admin:%')))`,
        eq(users.blockedBot, false),
        except.length > 0 ? notInArray(users.id, [...except]) : undefined,
      ),
    )
    .limit(limit)
    .all();
  return rows.map((r) => ({ id: r.id, role: r.role, lang: r.lang ?? "ru" }));
}

export async function menuTarget(db: Db, id: number): Promise<MenuTarget | undefined> {
  const row = await db.select({ role: users.role, lang: users.language }).from(users).where(eq(users.id, id)).get();
  return row && { id, role: row.role, lang: row.lang ?? "ru" };
}

export async function setMenu(db: Db, id: number, menu: string): Promise<void> {
  await db.update(users).set({ menu }).where(eq(users.id, id)).run();
}
