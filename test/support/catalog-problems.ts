import { parse, stringify } from "yaml";
import { loadCatalog, readDefaultCatalogYaml } from "../../src/catalog/load.js";

/** The shipped catalogue changed by `change`, loaded: the problems it is refused for (none: it loads). */
// biome-ignore lint/suspicious/noExplicitAny: tests break a parsed document on purpose
export function catalogProblems(change: (doc: any) => void): string[] {
  const doc = parse(readDefaultCatalogYaml());
  change(doc);
  const result = loadCatalog(stringify(doc));
  return result.ok ? [] : result.problems;
}
