import type { Bot } from "grammy";
import { purgeIdleConversations } from "../../db/conversation-storage.js";
import { purgeStaleDrafts } from "../../db/drafts.js";
import { runAlone } from "../../db/job-lock.js";
import { describeError } from "../../errors.js";
import { deleteEvidence } from "../../services/evidence-store.js";
import type { AppContext } from "../context.js";
import type { UpdateInbox } from "../delivery/inbox.js";
import type { BotDeps } from "../deps.js";
import { deliverAlerts } from "./alerts.js";
import { syncCatalog } from "./catalog-sync.js";
import { remindDrafts } from "./draft-reminders.js";
import { menuSync } from "./menus.js";
import { BROADCAST_LOCK } from "./pace.js";
import { sendReportNotices } from "./report-notices.js";

export interface Jobs {
  /** No job starts any more; resolves once the ones running have ended. */
  stop(): Promise<void>;
}

const HOUR = 3600_000;
export const DRAFT_RETENTION_DAYS = 30;

/**
 * Periodic housekeeping; each job runs once at start and then on its interval, and never throws.
 * A job runs in one instance at a time (runAlone: on PostgreSQL the others skip that turn),
 * except those that keep this instance's own state (`alone: false`).
 */
export function startJobs(bot: Bot<AppContext>, deps: BotDeps, inbox: UpdateInbox): Jobs {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  /** Runs a job now (alone across instances unless `alone` is false); a stop waits for it. */
  const once = async (name: string, job: () => unknown, alone = true, lock = name) => {
    if (stopped) return;
    const done = (async () => {
      try {
        if (alone) await runAlone(deps.db, lock, async () => job());
        else await job();
      } catch (error) {
        deps.logger.error({ job: name, err: describeError(error) }, "job failed");
      }
    })();
    running.add(done);
    await done;
    running.delete(done);
  };
  const every = (ms: number, name: string, job: () => unknown, { alone = true, lock = name } = {}) => {
    const run = () => once(name, job, alone, lock);
    void run();
    const timer = setInterval(run, ms);
    timer.unref();
    timers.push(timer);
  };
  every(HOUR, "prune-handled-updates", () => inbox.prune());
  every(6 * HOUR, "purge-stale-drafts", async () => {
    const purged = await purgeStaleDrafts(deps.db, DRAFT_RETENTION_DAYS, deps.now());
    const conversations = await purgeIdleConversations(deps.db, DRAFT_RETENTION_DAYS, deps.now());
    if (purged.length + conversations > 0) {
      deps.logger.info({ purged: purged.length, conversations }, "stale drafts purged");
    }
    // Their evidence files go too.
    await deleteEvidence(deps.config.evidence, purged);
  });
  // A broadcast like the alerts: under their lock, so one instance broadcasts at a time at one pace.
  every(HOUR, "draft-reminders", () => remindDrafts(bot, deps), { lock: BROADCAST_LOCK });
  // Delivery starts at once when an admin presses Send; this picks up what a restart interrupted.
  // The deliverer takes its lock itself (a Send pressed on any instance goes through it too).
  every(10_000, "alert-delivery", () => deliverAlerts(deps), { alone: false });
  // A catalogue switched by the CLI or another instance reaches this bot within seconds: every instance.
  every(2_000, "catalog-sync", () => syncCatalog(deps), { alone: false });
  every(5_000, "report-notices", () => sendReportNotices(bot.api, deps));
  const menus = menuSync(bot.api, deps);
  void once("staff-menus-at-start", () => menus.adminsAtStart());
  every(10_000, "staff-menus", () => menus.run());
  return {
    stop: async () => {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
}
