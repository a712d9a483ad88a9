/**
 * The catalogue in use right now. Handlers read `current()` on every update; activating a
 * version calls `replace()`, so the change takes effect without a restart. Only compiled,
 * valid catalogues ever get here.
 */
import type { Catalog } from "./types.js";

export class CatalogHolder {
  private catalog: Catalog;

  constructor(initial: Catalog) {
    this.catalog = initial;
  }

  current(): Catalog {
    return this.catalog;
  }

  get version(): string {
    return this.catalog.version;
  }

  replace(next: Catalog): void {
    this.catalog = next;
  }
}
