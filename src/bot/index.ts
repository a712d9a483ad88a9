/**
 * createBot(deps): the plugins, the error boundary and every feature, in order.
 * The process wiring (polling, webhook, shutdown) lives in app.ts.
 */
import { sequentialize } from "@grammyjs/runner";
import { type Api, Bot, type Transformer } from "grammy";
import type { Metrics } from "../metrics.js";
import { botApiClient } from "./api/http-client.js";
import { apiMetrics } from "./api/metrics.js";
import { retryTransformer } from "./api/retry.js";
import type { TelegramHealth } from "./api/telegram-health.js";
import { keepChatMenu } from "./commands.js";
import type { AppContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { adminFeature } from "./features/admin.js";
import { alertsFeature } from "./features/alerts.js";
import { caseFileFeature } from "./features/case-file.js";
import { checkFeature } from "./features/check.js";
import { checklistFeature } from "./features/checklist.js";
import { deepLinkHandlers } from "./features/deep-links.js";
import { dropperFeature } from "./features/dropper.js";
import { erdrFeature } from "./features/erdr.js";
import { languageOfferFeature } from "./features/language-offer.js";
import { lookupFeature } from "./features/lookup.js";
import { myReportsFeature } from "./features/my-reports.js";
import { policeFeature } from "./features/police.js";
import { policeListsFeature } from "./features/police-lists.js";
import { privacyFeature } from "./features/privacy.js";
import { reportFeature } from "./features/report.js";
import { reportFilesFeature } from "./features/report-files.js";
import { schemesFeature } from "./features/schemes.js";
import { startFeature } from "./features/start.js";
import { storyFeature } from "./features/story.js";
import { submission } from "./features/submission.js";
import { unhandledFeature } from "./features/unhandled.js";
import { contextMiddleware } from "./middlewares/context.js";
import { errorHandler } from "./middlewares/errors.js";
import { floodNotice } from "./middlewares/flood-notice.js";
import { leaveDialogsOnNavigation } from "./middlewares/interrupt.js";
import { observeUpdates } from "./middlewares/observe.js";
import { privateOnly } from "./middlewares/private-only.js";
import { redactionNotice } from "./middlewares/redaction-notice.js";
import { staffPresence } from "./middlewares/staff.js";
import { questionnaireHandler } from "./questionnaire/handle.js";

export interface BotOptions {
  /**
   * Extra API transformers, outermost, on the bot's API (the benchmark answers
   * calls locally with one).
   */
  transformers?: Transformer[];
  /** Told of every call's outcome: outages are logged at once and readiness follows them. */
  health?: TelegramHealth;
  /** How long one Bot API call may take before it counts as failed (long polls get their own). */
  callTimeoutSeconds?: number;
}

/** Every message is HTML unless a call says otherwise; texts escape what people typed. */
const htmlByDefault: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown>;
  if ((method === "sendMessage" || method === "editMessageText") && p && !("parse_mode" in p)) {
    return prev(method, { parse_mode: "HTML", ...payload } as typeof payload, signal);
  }
  if ((method === "sendDocument" || method === "sendPhoto") && p && "caption" in p && !("parse_mode" in p)) {
    return prev(method, { parse_mode: "HTML", ...payload } as typeof payload, signal);
  }
  return prev(method, payload, signal);
};

/**
 * The bot's own API: HTML by default; 429 (Telegram's "too many", with the wait it
 * asks for), 5xx and network errors retried after pauses of a few seconds at most,
 * each outcome reported (api/retry.ts). Answers to people are not paced: they
 * go out as fast as Telegram takes them, and a person's messages stay in order
 * because their updates are handled one at a time (sequentialize) and each handler
 * awaits its replies. Only broadcasts (alerts, reminders) are paced (jobs/pace.ts).
 */
function installTransformers(api: Api, metrics: Metrics, health: TelegramHealth | undefined): void {
  // Innermost first: every attempt is counted, retries included.
  api.config.use(apiMetrics(metrics));
  api.config.use(htmlByDefault);
  api.config.use(retryTransformer(health ? { health } : {}));
}

export function createBot(deps: BotDeps, options: BotOptions = {}): Bot<AppContext> {
  const { config } = deps;
  const bot = new Bot<AppContext>(config.botToken, {
    client: botApiClient(config.apiRoot, options.callTimeoutSeconds ?? 40),
  });
  installTransformers(bot.api, deps.metrics, options.health);
  const extra = options.transformers ?? [];
  bot.api.config.use(...extra);

  // Outermost: the update's id on every log line, its count and time. Everything else, context
  // loading and flood control included, is under the error boundary.
  bot.use(observeUpdates(deps.metrics));
  const guarded = bot.errorBoundary(errorHandler(deps));
  guarded.use(privateOnly(deps.logger));
  guarded.use(contextMiddleware(deps));
  // Flood control itself is in delivery (it queues files, so it sits before the handlers); here the word to the person.
  guarded.use(floodNotice);
  guarded.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  guarded.use(redactionNotice);
  guarded.use(staffPresence());
  guarded.use(keepChatMenu());
  const languageOffer = languageOfferFeature();
  // Before the questionnaire and the features: what the person wrote is handled first.
  guarded.use(languageOffer.ask);
  guarded.use(leaveDialogsOnNavigation);
  guarded.use(startFeature(deepLinkHandlers));
  // A person in the questionnaire (an active draft in the database): their answer, on any instance.
  guarded.use(questionnaireHandler(submission));
  guarded.use(languageOffer.answers);
  guarded.use(reportFeature());
  guarded.use(checklistFeature());
  guarded.use(erdrFeature());
  guarded.use(reportFilesFeature());
  guarded.use(myReportsFeature());
  guarded.use(privacyFeature());
  guarded.use(checkFeature());
  guarded.use(schemesFeature());
  guarded.use(alertsFeature());
  guarded.use(dropperFeature());
  guarded.use(lookupFeature());
  // Before the police feature: it takes the «Case file» press under a report.
  guarded.use(caseFileFeature());
  guarded.use(policeFeature());
  guarded.use(policeListsFeature());
  guarded.use(adminFeature());
  // Free text nobody else took: recognise the story. Last but one.
  guarded.use(storyFeature());
  guarded.use(unhandledFeature());
  return bot;
}
