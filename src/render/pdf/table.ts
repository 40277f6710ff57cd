// Tables: optional caption, header row, rows, notes and source line. Splits between rows
// (at least two rows on each side), repeating the header row, marked as a pagination
// artifact, on every continuation page.

import type { TableSpec } from '../../report/model.js';
import type { DrawContext, Flowable } from './flow.js';
import { artifact, Slot } from './struct.js';
import { CONTENT, type TextStyle, type Theme } from './theme.js';
import { type Doc, drawLine, textWidth, wrap } from './text.js';

const PAD_X = 4;
const PAD_Y = 3.2;
const CAPTION_GAP = 5;
const NOTES_GAP = 5;
const MIN_ROWS = 2;
/** Tables this short are kept on one page. */
const KEEP_WHOLE_ROWS = 8;

interface CellLayout {
  lines: string[];
  style: TextStyle;
}

interface RowLayout {
  cells: CellLayout[];
  height: number;
  emphasis: boolean;
  slot: Slot;
}

/** Everything about a table that does not depend on where it is split. */
export interface TableLayout {
  spec: TableSpec;
  widths: number[];
  caption: { lines: string[]; slot: Slot } | null;
  header: RowLayout;
  rows: RowLayout[];
  notes: { lines: string[]; slot: Slot }[];
  source: { lines: string[]; slot: Slot } | null;
  tableSlot: Slot;
  theme: Theme;
}

function rowHeight(cells: CellLayout[]): number {
  return Math.max(...cells.map((c) => Math.max(1, c.lines.length) * c.style.leading)) + 2 * PAD_Y;
}

/** First column as wide as its content needs (within limits), the others share the rest. */
function columnWidths(doc: Doc, spec: TableSpec, theme: Theme): number[] {
  const n = spec.columns.length;
  if (n <= 1) return [CONTENT.width];
  const firstTexts = [spec.columns[0]?.header ?? '', ...spec.rows.map((r) => r.header)];
  const natural = Math.max(...firstTexts.map((t) => textWidth(doc, t, theme.cellEmphasis))) + 2 * PAD_X + 1;
  const first = Math.min(Math.max(natural, 90), CONTENT.width * 0.42);
  const rest = (CONTENT.width - first) / (n - 1);
  return [first, ...Array.from({ length: n - 1 }, () => rest)];
}

export interface TableInput {
  spec: TableSpec;
  /** "Tabell 3. …" (table blocks) or null (a figure's numbers). */
  caption: string | null;
  /** "Källa: …", or null when the surrounding figure prints it. */
  source: string | null;
  /** The element the table, its notes and source belong to (a Div). */
  group: Slot;
}

export function layoutTable(doc: Doc, theme: Theme, input: TableInput): TableLayout {
  const { spec } = input;
  const widths = columnWidths(doc, spec, theme);
  const tableSlot = new Slot('Table', (d) => input.group.get(d));
  const cell = (text: string, col: number, style: TextStyle): CellLayout => ({
    lines: wrap(doc, text, style, (widths[col] ?? 0) - 2 * PAD_X),
    style,
  });
  const headerCells = spec.columns.map((c, i) => cell(c.header, i, theme.cellHead));
  const rows = spec.rows.map((r) => {
    const body = r.emphasis ? theme.cellEmphasis : theme.cell;
    const cells = [cell(r.header, 0, r.emphasis ? theme.cellEmphasis : theme.cellHead), ...r.cells.map((c, i) => cell(c, i + 1, body))];
    return { cells, height: rowHeight(cells), emphasis: r.emphasis ?? false, slot: new Slot('TR', (d) => tableSlot.get(d)) };
  });
  const para = (text: string, style: TextStyle) => ({
    lines: wrap(doc, text, style, CONTENT.width),
    slot: new Slot('P', (d) => input.group.get(d)),
  });
  return {
    spec,
    widths,
    caption: input.caption
      ? { lines: wrap(doc, input.caption, theme.caption, CONTENT.width), slot: new Slot('Caption', (d) => tableSlot.get(d)) }
      : null,
    header: { cells: headerCells, height: rowHeight(headerCells), emphasis: false, slot: new Slot('TR', (d) => tableSlot.get(d)) },
    rows,
    notes: spec.notes.map((n) => para(n, theme.small)),
    source: input.source ? para(input.source, theme.small) : null,
    tableSlot,
    theme,
  };
}

export class TableFlowable implements Flowable {
  readonly keepWithNext = false;

  constructor(
    private readonly t: TableLayout,
    readonly spaceBefore: number,
    private readonly from = 0,
    private readonly to = t.rows.length,
  ) {}

  private get first(): boolean {
    return this.from === 0;
  }

  private get last(): boolean {
    return this.to === this.t.rows.length;
  }

  private captionHeight(): number {
    return this.first && this.t.caption ? this.t.caption.lines.length * this.t.theme.caption.leading + CAPTION_GAP : 0;
  }

  private footHeight(last: boolean): number {
    if (!last) return 0;
    const paras = [...this.t.notes, ...(this.t.source ? [this.t.source] : [])];
    if (paras.length === 0) return 0;
    return NOTES_GAP + paras.reduce((h, p) => h + p.lines.length * this.t.theme.small.leading + 1.5, 0);
  }

  private heightFor(from: number, to: number, last: boolean): number {
    let h = this.captionHeight() + this.t.header.height;
    for (let i = from; i < to; i++) h += this.t.rows[i]?.height ?? 0;
    return h + this.footHeight(last);
  }

  height(): number {
    return this.heightFor(this.from, this.to, this.last);
  }

  minHeight(): number {
    if (this.t.rows.length <= KEEP_WHOLE_ROWS || this.to - this.from < 2 * MIN_ROWS) return this.height();
    return this.heightFor(this.from, this.from + MIN_ROWS, false);
  }

  split(avail: number): [Flowable, Flowable] | null {
    if (this.t.rows.length <= KEEP_WHOLE_ROWS || this.to - this.from < 2 * MIN_ROWS) return null;
    let k = this.from;
    while (k < this.to && this.heightFor(this.from, k + 1, false) <= avail) k++;
    k = Math.min(k, this.to - MIN_ROWS);
    if (k - this.from < MIN_ROWS) return null;
    return [new TableFlowable(this.t, this.spaceBefore, this.from, k), new TableFlowable(this.t, 0, k, this.to)];
  }

  draw(ctx: DrawContext, top: number): void {
    const { doc, theme } = ctx;
    const t = this.t;
    let y = top;

    if (this.first && t.caption) {
      const caption = t.caption;
      caption.slot.mark(doc, () => {
        caption.lines.forEach((line, i) => drawLine(doc, line, theme.caption, CONTENT.left, y + i * theme.caption.leading));
      });
      y += this.captionHeight();
    }

    // Header row: tagged on the first part, a pagination artifact when repeated.
    const headerTop = y;
    artifact(doc, 'Layout', () => {
      doc.rect(CONTENT.left, headerTop, CONTENT.width, t.header.height).fill(theme.accentTint);
      this.rule(doc, headerTop + t.header.height, 0.9, theme.ink);
    });
    if (this.first) {
      t.header.cells.forEach((c, col) => {
        const cellSlot = new Slot('TH', (d) => t.header.slot.get(d), { scope: 'Column' });
        cellSlot.mark(doc, () => this.drawCell(doc, c, col, headerTop));
      });
    } else {
      artifact(doc, 'Pagination', () => t.header.cells.forEach((c, col) => this.drawCell(doc, c, col, headerTop)));
    }
    y += t.header.height;

    for (let r = this.from; r < this.to; r++) {
      const row = t.rows[r] as RowLayout;
      const rowTop = y;
      artifact(doc, 'Layout', () => {
        if (row.emphasis) this.rule(doc, rowTop, 0.8, theme.ink);
        this.rule(doc, rowTop + row.height, 0.4, theme.rule);
      });
      row.cells.forEach((c, col) => {
        const cellSlot =
          col === 0
            ? new Slot('TH', (d) => row.slot.get(d), { scope: 'Row' })
            : new Slot('TD', (d) => row.slot.get(d));
        cellSlot.mark(doc, () => this.drawCell(doc, c, col, rowTop));
      });
      y += row.height;
    }

    if (this.last) {
      y += NOTES_GAP;
      for (const p of [...t.notes, ...(t.source ? [t.source] : [])]) {
        const paraTop = y;
        p.slot.mark(doc, () =>
          p.lines.forEach((line, i) => drawLine(doc, line, theme.small, CONTENT.left, paraTop + i * theme.small.leading)),
        );
        y += p.lines.length * theme.small.leading + 1.5;
      }
    }
  }

  private drawCell(doc: Doc, c: CellLayout, col: number, rowTop: number): void {
    const left = CONTENT.left + this.t.widths.slice(0, col).reduce((a, b) => a + b, 0);
    const width = this.t.widths[col] ?? 0;
    const align = col === 0 ? 'left' : (this.t.spec.columns[col]?.align ?? 'left');
    c.lines.forEach((line, i) =>
      drawLine(doc, line, c.style, left + PAD_X, rowTop + PAD_Y + i * c.style.leading, align, width - 2 * PAD_X),
    );
  }

  private rule(doc: Doc, y: number, width: number, color: string): void {
    doc.save().lineWidth(width).strokeColor(color).moveTo(CONTENT.left, y).lineTo(CONTENT.right, y).stroke().restore();
  }
}
