/**
 * Staff command menus follow role changes made anywhere (the CLI included): a chat
 * whose menu does not match its role and language gets the right one (bot/commands.ts).
 * A chat that cannot be set (the person never opened the bot) is tried once per run of
 * the process; their next update sets it (keepChatMenu).
 */
import type { Api } from "grammy";
import { menuKey, menusOutOfDate, setMenu } from "../../db/menus.js";
import { getUser } from "../../db/users.js";
import { setChatMenu } from "../commands.js";
import type { BotDeps } from "../deps.js";

export function menuSync(api: Api, deps: BotDeps): { run(): Promise<void>; adminsAtStart(): Promise<void> } {
  const tried = new Set<string>();
  return {
    async run() {
      for (const target of await menusOutOfDate(deps.db, deps.config.adminIds)) {
        const key = menuKey(target.role, target.lang);
        if (tried.has(`${target.id}:${key}`)) continue;
        tried.add(`${target.id}:${key}`);
        try {
          await setChatMenu(api, deps.i18n, target.id, target.lang, target.role);
          await setMenu(deps.db, target.id, key);
        } catch (error) {
          deps.logger.info({ userId: target.id, err: (error as Error).message }, "staff menu not set");
        }
      }
    },
    /** Admins by ADMIN_IDS have the role without a grant: their menus are set at every start. */
    async adminsAtStart() {
      for (const id of deps.config.adminIds) {
        try {
          await setChatMenu(api, deps.i18n, id, (await getUser(deps.db, id))?.language ?? "ru", "admin");
        } catch (error) {
          deps.logger.info({ userId: id, err: (error as Error).message }, "admin menu not set");
        }
      }
    },
  };
}
