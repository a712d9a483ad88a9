/** What a document is made of, independent of how pdfkit draws it. */
export type Block =
  | { type: "title"; text: string }
  | { type: "heading"; text: string }
  | { type: "subheading"; text: string }
  /** Label and value rows; `indent` (share of the width) moves them right, as a letter's addressee block. */
  | { type: "fields"; rows: Array<[label: string, value: string]>; indent?: number }
  | { type: "paragraph"; text: string; small?: boolean; bold?: boolean }
  | { type: "list"; items: string[] }
  | { type: "table"; columns: TableColumn[]; rows: string[][]; footer?: string[] }
  | { type: "space"; lines?: number };

export interface TableColumn {
  header: string;
  /** Share of the content width; shares are normalised. */
  share: number;
  align?: "left" | "right";
}
