/**
 * Who runs the command line, as the audit log records it: the operating-system user
 * and the host («alice@saqbol-1»), since a CLI action has no Telegram id.
 */
import { hostname, userInfo } from "node:os";
import type { Actor } from "../db/audit.js";

function osUser(env: Record<string, string | undefined>): string {
  try {
    return userInfo().username;
  } catch {
    // no passwd entry for the uid (some containers): the environment or the uid will do
    return env.USER || env.LOGNAME || `uid ${process.getuid?.() ?? "?"}`;
  }
}

export function cliActor(env: Record<string, string | undefined> = process.env): Actor {
  return { id: null, role: "cli", operator: `${osUser(env)}@${hostname()}` };
}
