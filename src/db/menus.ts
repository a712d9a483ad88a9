/**
 * Which command menu each chat shows, so the bot sets a staff member's menu when a
 * role is granted or revoked anywhere — in the chat, by invite, or from the CLI.
 */
import { and, eq, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Lang, Role } from "../core/model.js";
import type { Db } from "./client.js";
import { users } from "./schema.js";

export interface MenuTarget {
  id: number;
  role: Role;
  lang: Lang;
}

/** What `menu` should say for a person: "role:lang" for staff, nothing for citizens (the default menu). */
export const menuKey = (role: Role, lang: Lang): string | null => (role === "citizen" ? null : `${role}:${lang}`);

const wanted = sql`CASE WHEN ${users.role} = 'citizen' THEN NULL ELSE ${users.role} || ':' || coalesce(${users.language}, 'ru') END`;

/** People whose chat shows another menu than their role and language call for. */
export function menusOutOfDate(db: Db, limit = 50): MenuTarget[] {
  return db
    .select({ id: users.id, role: users.role, lang: users.language })
    .from(users)
    .where(
      and(
        or(ne(users.role, "citizen"), isNotNull(users.menu)),
        sql`${users.menu} IS NOT ${wanted}`,
        eq(users.blockedBot, false),
      ),
    )
    .limit(limit)
    .all()
    .map((r) => ({ id: r.id, role: r.role, lang: r.lang ?? "ru" }));
}

export function menuTarget(db: Db, id: number): MenuTarget | undefined {
  const row = db.select({ role: users.role, lang: users.language }).from(users).where(eq(users.id, id)).get();
  return row && { id, role: row.role, lang: row.lang ?? "ru" };
}

export function setMenu(db: Db, id: number, menu: string | null): void {
  db.update(users).set({ menu }).where(eq(users.id, id)).run();
}
