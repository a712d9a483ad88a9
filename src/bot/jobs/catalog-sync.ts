/**
 * A catalogue activated from the command line (or by another instance) reaches the
 * running bot: the active version in the database is compared with the one in use
 * every few seconds, and a change is loaded and swapped in.
 */
import { CatalogStore } from "../../catalog/store.js";
import type { BotDeps } from "../deps.js";

export async function syncCatalog(deps: BotDeps): Promise<boolean> {
  const store = new CatalogStore(deps.db, deps.now);
  const active = await store.activeVersion();
  if (active === undefined || active === deps.catalogs.version) return false;
  const catalog = await store.loadActive();
  if (!catalog) {
    deps.logger.warn({ active }, "active catalogue no longer validates; keeping the one in use");
    return false;
  }
  const from = deps.catalogs.version;
  deps.catalogs.replace(catalog);
  deps.logger.info({ from, to: catalog.version }, "catalogue switched by another process");
  return true;
}
