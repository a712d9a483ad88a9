/**
 * Delivering alerts: each subscriber's row is claimed before their message goes
 * out, at our own pace (≤ 25 messages a second), in their language, with an
 * «Unsubscribe» button. A run picks up whatever is still pending, so delivery
 * resumes after a restart; people who blocked the bot are marked and skipped.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, GrammyError, type InlineKeyboard } from "grammy";
import type { Lang } from "../../core/model.js";
import {
  type Alert,
  claimDelivery,
  deliveryCounts,
  finishAlert,
  lastSentAt,
  markUndelivered,
  pendingRecipients,
  type Recipient,
  sendingAlerts,
} from "../../db/alerts.js";
import { runAlone } from "../../db/job-lock.js";
import { getUser, markBlocked } from "../../db/users.js";
import type { I18n } from "../../i18n.js";
import { botApiClient } from "../api/http-client.js";
import type { BotDeps } from "../deps.js";
import { alertKeyboard } from "../keyboards/alerts.js";
import { BROADCAST_LOCK, BROADCAST_PER_SECOND, broadcastPacer, Pacer } from "./pace.js";

export const ALERTS_PER_SECOND = BROADCAST_PER_SECOND;
const BATCH = 100;

const isOpen = (deps: BotDeps) => deps.db.$engine.isOpen();

export const alertText = (lang: Lang, alert: Pick<Alert, "textKk" | "textRu">) =>
  lang === "kk" ? alert.textKk : alert.textRu;

/** The alert as a subscriber sees it. */
export function alertMessage(i18n: I18n, lang: Lang, alert: Pick<Alert, "textKk" | "textRu">): string {
  return i18n.t(lang, "alerts:message", { text: alertText(lang, alert) });
}

/**
 * Its own API client: a 429 (nothing was sent) and a 5xx are retried, but a
 * network error is not — the message may have gone out, and nobody gets an
 * alert twice.
 */
function deliveryApi(deps: BotDeps): Api {
  const api = new Api(deps.config.botToken, botApiClient(deps.config.apiRoot));
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  return api;
}

class Deliverer {
  private running: Promise<number> | undefined;
  private again = false;
  private readonly api: Api;
  private readonly pacer: Pacer;

  constructor(
    private readonly deps: BotDeps,
    perSecond: number,
  ) {
    this.api = deliveryApi(deps);
    this.pacer = perSecond === BROADCAST_PER_SECOND ? broadcastPacer(deps) : new Pacer(perSecond);
  }

  /** Starts a run, or asks the current one to look again when it ends. */
  kick(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let sent = 0;
      try {
        // One broadcaster across instances: its pace is the pace of all (the others skip; the next tick retries).
        await runAlone(this.deps.db, BROADCAST_LOCK, async () => {
          do {
            this.again = false;
            sent += await this.deliverAll();
          } while (this.again && isOpen(this.deps));
        });
      } catch (error) {
        // The database closed under a stopping bot, most likely; what is pending stays pending.
        this.deps.logger.warn({ err: (error as Error).message }, "alert delivery stopped");
      } finally {
        this.running = undefined;
      }
      return sent;
    })();
    return this.running;
  }

  private async deliverAll(): Promise<number> {
    const { db } = this.deps;
    let sent = 0;
    // Another instance, or this one before a restart, may have sent a moment ago: its pace goes on.
    const [first] = await sendingAlerts(db);
    if (first) this.pacer.after(Date.parse((await lastSentAt(db, first.id)) ?? ""));
    for (;;) {
      if (!isOpen(this.deps)) return sent;
      const [alert] = await sendingAlerts(db);
      if (!alert) return sent;
      // Built before any row is claimed: a claimed row's message goes out at once.
      const keyboards = this.keyboards(alert);
      const batch = await pendingRecipients(db, alert.id, BATCH);
      if (batch.length === 0) {
        if (await finishAlert(db, alert.id, this.deps.now())) await this.reportToAuthor(alert);
        continue;
      }
      for (const recipient of batch) {
        if (!isOpen(this.deps)) return sent;
        const now = this.deps.now();
        if (!recipient.subscribed || recipient.blocked) {
          await markUndelivered(db, alert.id, recipient.userId, now);
          continue;
        }
        // The turn comes before the claim: a claimed row goes out at once (a stop between would strand it).
        const done = await this.pacer.turn();
        try {
          if (!isOpen(this.deps)) return sent;
          if (!(await claimDelivery(db, alert.id, recipient.userId, this.deps.now()))) continue;
          if (await this.send(alert, recipient, keyboards[recipient.language ?? "ru"])) sent++;
        } finally {
          done();
        }
      }
    }
  }

  /** The buttons under an alert in each language: the scheme's page when it names one, «Unsubscribe». */
  private keyboards(alert: Alert): Record<Lang, InlineKeyboard> {
    const { i18n } = this.deps;
    const catalog = this.deps.catalogs.current();
    const build = (lang: Lang) =>
      alertKeyboard((key) => i18n.t(lang, key), catalog, { id: alert.id, text: alertText(lang, alert) }, true);
    return { kk: build("kk"), ru: build("ru") };
  }

  private async send(alert: Alert, r: Recipient, keyboard: InlineKeyboard): Promise<boolean> {
    const lang = r.language ?? "ru";
    const { i18n, db } = this.deps;
    try {
      await this.api.sendMessage(r.userId, alertMessage(i18n, lang, alert), {
        parse_mode: "HTML",
        reply_markup: keyboard,
      });
      return true;
    } catch (error) {
      if (!isOpen(this.deps)) return false;
      await markUndelivered(db, alert.id, r.userId, this.deps.now());
      if (error instanceof GrammyError && error.error_code === 403) await markBlocked(db, r.userId, true);
      else
        this.deps.logger.warn(
          { alertId: alert.id, userId: r.userId, err: (error as Error).message },
          "alert not delivered",
        );
      return false;
    }
  }

  private async reportToAuthor(alert: Alert): Promise<void> {
    const { db, i18n, logger } = this.deps;
    const counts = await deliveryCounts(db, alert.id);
    logger.info({ alertId: alert.id, sent: counts.sent, failed: counts.failed }, "alert delivered");
    const lang = (await getUser(db, alert.createdBy))?.language ?? "ru";
    const text = i18n.t(lang, "alerts:admin.finished", { id: alert.id, sent: counts.sent, failed: counts.failed });
    try {
      await this.api.sendMessage(alert.createdBy, text, { parse_mode: "HTML" });
    } catch (error) {
      logger.warn({ alertId: alert.id, err: (error as Error).message }, "alert report not sent to its author");
    }
  }
}

const deliverers = new WeakMap<BotDeps, Deliverer>();

/**
 * Delivers every alert that is being sent; resolves with the number of messages
 * sent by this run. Safe to call at any time and from several places (the job,
 * the admin's «Send»): one run per bot at a time, and rows are claimed one by one.
 */
export function deliverAlerts(deps: BotDeps, options: { perSecond?: number } = {}): Promise<number> {
  let deliverer = deliverers.get(deps);
  if (!deliverer) {
    deliverer = new Deliverer(deps, options.perSecond ?? ALERTS_PER_SECOND);
    deliverers.set(deps, deliverer);
  }
  return deliverer.kick();
}
