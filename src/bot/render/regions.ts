/** An officer's regions as a short line: «Алматы, Карагандинская обл.», «все регионы», or «регион не задан». */
import type { Region } from "../../core/model.js";
import { label, type T } from "./values.js";

export function regionsText(t: T, regions: readonly Region[], all: boolean): string {
  if (all) return t("staff:regions.all");
  return regions.length ? regions.map((r) => label(t, "regions", r)).join(", ") : t("staff:regions.none");
}
