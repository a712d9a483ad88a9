import type { Bot } from "grammy";
import { purgeStaleDrafts } from "../../db/drafts.js";
import { runAlone } from "../../db/job-lock.js";
import { purgeExpiredPendingInputs } from "../../db/pending-inputs.js";
import { purgePreConsentLanguages } from "../../db/pre-consent-languages.js";
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
  const retries = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  /**
   * Runs a job now (alone across instances unless `alone` is false); a stop waits for it.
   * Resolves false when the lock was taken elsewhere and the job did not run.
   */
  const once = async (name: string, job: () => unknown, alone = true, lock = name): Promise<boolean> => {
    if (stopped) return true;
    const done = (async () => {
      try {
        if (alone) return (await runAlone(deps.db, lock, async () => job())).ran;
        await job();
      } catch (error) {
        deps.logger.error({ job: name, err: describeError(error) }, "job failed");
      }
      return true;
    })();
    const settled = done.then(() => undefined);
    running.add(settled);
    const ran = await done;
    running.delete(settled);
    return ran;
  };
  /**
   * `lock` shared with another job (the broadcasts): a run that finds it taken tries again
   * after `busyRetryMs` rather than waiting for its next turn (an hour for the reminders).
   */
  const every = (ms: number, name: string, job: () => unknown, { alone = true, lock = name, busyRetryMs = 0 } = {}) => {
    const run = async () => {
      if ((await once(name, job, alone, lock)) || busyRetryMs === 0 || stopped) return;
      const retry = setTimeout(() => {
        retries.delete(retry);
        void run();
      }, busyRetryMs);
      retry.unref();
      retries.add(retry);
    };
    void run();
    const timer = setInterval(run, ms);
    timer.unref();
    timers.push(timer);
  };
  every(HOUR, "prune-handled-updates", () => inbox.prune());
  every(6 * HOUR, "purge-stale-drafts", async () => {
    const purged = await purgeStaleDrafts(deps.db, DRAFT_RETENTION_DAYS, deps.now());
    const languages = await purgePreConsentLanguages(deps.db, DRAFT_RETENTION_DAYS, deps.now());
    const inputs = await purgeExpiredPendingInputs(deps.db, deps.now());
    if (purged.length + languages + inputs > 0) {
      deps.logger.info({ purged: purged.length, languages, inputs }, "stale drafts purged");
    }
    // Their evidence files go too.
    await deleteEvidence(deps.config.evidence, purged);
  });
  // A broadcast like the alerts: under their lock, so one instance broadcasts at a time at one pace.
  every(HOUR, "draft-reminders", () => remindDrafts(bot, deps), { lock: BROADCAST_LOCK, busyRetryMs: 15_000 });
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
      for (const t of retries) clearTimeout(t);
      await Promise.allSettled([...running]);
    },
  };
}
