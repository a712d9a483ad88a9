/**
 * The printed report: one row per figure with its median, its p99 and the
 * target it is held to (missed targets marked), grouped by piece.
 */

export interface Target {
  /** "max": the figure must stay at or under `limit`; "min": at or over it. */
  kind: "max" | "min";
  limit: number;
  /** Which column the target holds (default the median). */
  on?: "median" | "p99";
}

export interface Row {
  label: string;
  unit: string;
  median: number;
  /** The worse tail: 99th percentile of the samples (for rates, the slowest 1%). */
  p99?: number;
  target?: Target;
  note?: string;
}

export interface Section {
  title: string;
  rows: Row[];
}

export function missed(row: Row): boolean {
  if (!row.target) return false;
  const value = row.target.on === "p99" ? row.p99 : row.median;
  if (value === undefined || Number.isNaN(value)) return true;
  return row.target.kind === "max" ? value > row.target.limit : value < row.target.limit;
}

export function format(value: number | undefined): string {
  if (value === undefined) return "";
  if (Number.isNaN(value)) return "n/a";
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

const targetText = (row: Row) => {
  if (!row.target) return "";
  const column = row.target.on === "p99" ? "p99 " : "";
  const limit = `${column}${row.target.kind === "max" ? "≤" : "≥"} ${format(row.target.limit)}`;
  return missed(row) ? `${limit}  MISSED` : `${limit}  ok`;
};

export function renderTable(sections: Section[]): string {
  const header = ["figure", "unit", "median", "p99", "target", "note"];
  const lines: string[][] = [];
  const sectionAt = new Map<number, string>();
  for (const s of sections) {
    sectionAt.set(lines.length, s.title);
    for (const r of s.rows) {
      lines.push([r.label, r.unit, format(r.median), format(r.p99), targetText(r), r.note ?? ""]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const pad = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = "-".repeat(widths.reduce((a, w) => a + w + 2, -2));
  const out = [pad(header), rule];
  lines.forEach((line, i) => {
    const title = sectionAt.get(i);
    if (title) out.push(`${i === 0 ? "" : "\n"}[${title}]`);
    out.push(pad(line));
  });
  return out.join("\n");
}
