/**
 * The one way staff routes write the audit log: exactly one row per use of a
 * route (see staff-routes.ts). The handler records what it is about to send; a
 * handler that ends without recording (a usage hint, a refusal) still leaves its
 * row, saying so — a forgotten record can never mean a read nobody sees.
 */
import { audit } from "../../db/audit.js";
import { type Db, onRollback } from "../../db/client.js";
import type { BaseContext } from "../context.js";
import { actorOf } from "../filters/roles.js";
import { STAFF_ROUTES, type StaffRouteId } from "../staff-routes.js";

export interface AuditNote {
  reportNumber?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

/**
 * Writes the route's row now (through `db`: the transaction's, when recorded inside one);
 * a second call on the same use is a bug and throws (a rolled-back call does not count).
 */
export type Recorder = (note?: AuditNote, db?: Db) => Promise<void>;

export function audited<C extends BaseContext, A extends unknown[]>(
  route: StaffRouteId,
  handler: (ctx: C, record: Recorder, ...args: A) => Promise<unknown>,
): (ctx: C, ...args: A) => Promise<void> {
  return async (ctx, ...args) => {
    let written = false;
    const record: Recorder = async (note = {}, db = ctx.deps.db) => {
      if (written) throw new Error(`staff route ${route} recorded twice`);
      written = true;
      // Recorded inside a transaction that is rolled back (and run again on PostgreSQL): the row is gone too.
      onRollback(db, () => {
        written = false;
      });
      await audit(db, {
        actor: actorOf(ctx),
        action: STAFF_ROUTES[route].audit,
        reportNumber: note.reportNumber,
        details: { route, ...note.details },
        at: ctx.deps.now(),
      });
    };
    try {
      await handler(ctx, record, ...args);
    } finally {
      if (!written) await record({ details: { outcome: "nothing_sent" } });
    }
  };
}
