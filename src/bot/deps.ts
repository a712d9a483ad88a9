import type { CatalogHolder } from "../catalog/holder.js";
import type { Config } from "../config.js";
import type { ReportKeys } from "../core/report/signature.js";
import type { Db } from "../db/client.js";
import type { I18n } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { DocumentWorkers } from "../services/document-workers.js";

/** Everything the bot needs from the outside, passed in so tests can build a bot on a throwaway database. */
export interface BotDeps {
  config: Config;
  db: Db;
  i18n: I18n;
  catalogs: CatalogHolder;
  logger: Logger;
  /** The keys that sign reports and QR tokens. */
  keys: ReportKeys;
  /** The worker threads that make PDFs, letters and exports. */
  documents: DocumentWorkers;
  metrics: Metrics;
  /** The clock, replaceable in tests. */
  now: () => Date;
}
