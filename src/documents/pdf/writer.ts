/**
 * Draws blocks on A4 pages with pdfkit: wraps, breaks pages before a row or a heading
 * would be cut, repeats table headers on a new page, and numbers the pages at the end.
 */
import PDFDocument from "pdfkit";
import type { Block, TableColumn } from "./blocks.js";
import type { FontFiles } from "./fonts.js";

const MARGIN = 42;
const FOOTER_GAP = 16;
const SIZE = { title: 15, heading: 10.5, subheading: 9, body: 8.5, small: 7, table: 7 } as const;
const LINE_GAP = 1;
const CELL_PAD = 2.2;
const LABEL_SHARE = 0.3;
const GREY = "#555555";
const RULE = "#9a9a9a";

export interface DocumentMeta {
  title: string;
  lang: string;
  /** Fixed, so the same report always gives the same PDF content. */
  createdAt: Date;
  /** Letters read better larger than the dense pre-report. */
  textScale?: number;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private readonly size: Record<keyof typeof SIZE, number>;

  constructor(fonts: FontFiles, meta: DocumentMeta) {
    const scale = meta.textScale ?? 1;
    this.size = { ...SIZE, body: SIZE.body * scale, small: SIZE.small * scale, table: SIZE.table * scale };
    this.doc = new PDFDocument({
      size: "A4",
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_GAP },
      bufferPages: true,
      lang: meta.lang,
      // no built-in Helvetica: it has no Cyrillic and would only cost time
      font: null as unknown as string,
      info: { Title: meta.title, Author: "Saqbol", Creator: "Saqbol", CreationDate: meta.createdAt },
    });
    this.doc.registerFont("regular", fonts.regular);
    this.doc.registerFont("bold", fonts.bold);
    this.doc.font("regular").fontSize(this.size.body);
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", resolve);
      this.doc.on("error", reject);
    });
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  render(blocks: readonly Block[]): this {
    for (const block of blocks) this.block(block);
    return this;
  }

  private block(block: Block): void {
    const { doc } = this;
    switch (block.type) {
      case "title":
        doc
          .font("bold")
          .fontSize(this.size.title)
          .fillColor("black")
          .text(block.text, this.left, doc.y, { width: this.width });
        doc.moveDown(0.3);
        return;
      case "heading": {
        doc.moveDown(0.3);
        // a heading must not be the last line of a page: keep room for what follows it
        this.ensureSpace(this.lineHeight(this.size.heading) + 4 + this.lineHeight(this.size.body) * 4);
        doc
          .font("bold")
          .fontSize(this.size.heading)
          .fillColor("black")
          .text(block.text, this.left, doc.y, { width: this.width });
        const y = doc.y + 1;
        doc
          .moveTo(this.left, y)
          .lineTo(this.left + this.width, y)
          .lineWidth(0.5)
          .strokeColor(RULE)
          .stroke();
        doc.y = y + 3;
        return;
      }
      case "subheading":
        this.ensureSpace(this.lineHeight(this.size.subheading) + this.lineHeight(this.size.body) * 2);
        doc.moveDown(0.2);
        doc
          .font("bold")
          .fontSize(this.size.subheading)
          .fillColor("black")
          .text(block.text, this.left, doc.y, { width: this.width });
        return;
      case "fields":
        this.fields(block.rows, block.indent ?? 0);
        return;
      case "paragraph":
        doc
          .font(block.bold ? "bold" : "regular")
          .fontSize(block.small ? this.size.small : this.size.body)
          .fillColor(block.small ? GREY : "black")
          .text(block.text, this.left, doc.y, { width: this.width, lineGap: LINE_GAP });
        doc.moveDown(0.2);
        return;
      case "list":
        doc.font("regular").fontSize(this.size.body).fillColor("black");
        for (const item of block.items) {
          const h = doc.heightOfString(item, { width: this.width - 10, lineGap: LINE_GAP });
          this.ensureSpace(Math.min(h, this.lineHeight(this.size.body) * 2));
          const y = doc.y;
          doc.text("•", this.left, y, { width: 10, lineBreak: false });
          doc.text(item, this.left + 10, y, { width: this.width - 10, lineGap: LINE_GAP });
        }
        return;
      case "table":
        this.table(block.columns, block.rows, block.footer);
        return;
      case "space":
        doc.moveDown(block.lines ?? 1);
        return;
    }
  }

  private lineHeight(size: number): number {
    return size * 1.2 + LINE_GAP;
  }

  private fields(rows: ReadonlyArray<[string, string]>, indent: number): void {
    const { doc } = this;
    const left = this.left + this.width * indent;
    const width = this.width * (1 - indent);
    const labelWidth = Math.round(width * (indent ? 0.25 : LABEL_SHARE));
    const valueWidth = width - labelWidth - 6;
    doc.fontSize(this.size.body);
    for (const [label, value] of rows) {
      const h = Math.max(
        doc.font("regular").heightOfString(label, { width: labelWidth, lineGap: LINE_GAP }),
        doc.font("regular").heightOfString(value, { width: valueWidth, lineGap: LINE_GAP }),
      );
      this.ensureSpace(h);
      const y = doc.y;
      doc.fillColor(GREY).text(label, left, y, { width: labelWidth, lineGap: LINE_GAP });
      doc.fillColor("black").text(value, left + labelWidth + 6, y, { width: valueWidth, lineGap: LINE_GAP });
      doc.y = y + h + 1;
    }
  }

  private table(columns: readonly TableColumn[], rows: readonly string[][], footer?: string[]): void {
    const { doc } = this;
    const total = columns.reduce((sum, c) => sum + c.share, 0);
    const widths = columns.map((c) => (c.share / total) * this.width);
    const measure = (cells: readonly string[], font: "regular" | "bold") =>
      Math.max(
        ...cells.map((text, i) =>
          doc
            .font(font)
            .fontSize(this.size.table)
            .heightOfString(text || " ", { width: widths[i]! - 2 * CELL_PAD }),
        ),
      ) +
      2 * CELL_PAD;
    const draw = (cells: readonly string[], font: "regular" | "bold", fill?: string) => {
      const h = measure(cells, font);
      const y = doc.y;
      let x = this.left;
      if (fill) doc.rect(x, y, this.width, h).fill(fill);
      doc.font(font).fontSize(this.size.table).fillColor("black");
      cells.forEach((text, i) => {
        const w = widths[i]!;
        doc.text(text, x + CELL_PAD, y + CELL_PAD, { width: w - 2 * CELL_PAD, align: columns[i]?.align ?? "left" });
        x += w;
      });
      doc.rect(this.left, y, this.width, h).lineWidth(0.4).strokeColor(RULE).stroke();
      doc.y = y + h;
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = measure(headers, "bold");
    this.ensureSpace(headerHeight + measure(rows[0] ?? headers, "regular"));
    draw(headers, "bold", "#ececec");
    for (const row of rows) {
      if (doc.y + measure(row, "regular") > this.bottom) {
        doc.addPage();
        draw(headers, "bold", "#ececec");
      }
      draw(row, "regular");
    }
    if (footer) {
      if (doc.y + measure(footer, "bold") > this.bottom) {
        doc.addPage();
        draw(headers, "bold", "#ececec");
      }
      draw(footer, "bold", "#f6f6f6");
    }
    doc.x = this.left;
    doc.moveDown(0.4);
  }

  /** Writes a footer line on every page; call once, after all content. */
  footer(text: (page: number, pages: number) => string): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      // below the bottom margin pdfkit would start a new page; lift the margin while writing there
      doc.page.margins.bottom = 0;
      doc
        .font("regular")
        .fontSize(this.size.small)
        .fillColor(GREY)
        .text(text(i + 1, range.count), this.left, doc.page.height - MARGIN, {
          width: this.width,
          align: "center",
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  async toBuffer(): Promise<Buffer> {
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}
