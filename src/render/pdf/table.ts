// Tables: optional caption, header row, rows, notes and source line. Splits between rows
// (at least two rows on each side), repeating the header row, marked as a pagination
// artifact, on every continuation page.

import type { CellTone, TableSpec } from '../../report/model.js';
import { CELL_TONES } from '../charts/palette.js';
import type { DrawContext, Flowable } from './flow.js';
import { artifact, Slot } from './struct.js';
import { CONTENT, type TextStyle, type Theme } from './theme.js';
import { type Doc, drawLine, textWidth, wordWidth, wrap } from './text.js';

const PAD_X = 4;
const PAD_Y = 2.5;
const CAPTION_GAP = 5;
const NOTES_GAP = 4;
/** Between the notes and the source line. */
const PARA_GAP = 1.5;
/** Rows a split leaves at least on each side. */
const MIN_ROWS = 3;
/** Tables up to this height are kept on one page (a split of a short table reads badly). */
const KEEP_WHOLE_HEIGHT = 0.45 * (CONTENT.bottom - CONTENT.top);

interface CellLayout {
  lines: string[];
  style: TextStyle;
}

interface RowLayout {
  cells: CellLayout[];
  height: number;
  emphasis: boolean;
  /** Per body cell (not the row header), its tint or null. */
  tones: (CellTone | null)[];
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

/** The widest word in any of `texts`: a column narrower than this would break a word. */
function longestWord(doc: Doc, texts: string[], style: TextStyle): number {
  return Math.max(0, ...texts.flatMap((t) => t.split(/[ \t\n]+/).map((w) => wordWidth(doc, w, style))));
}

/**
 * First column as wide as its content needs (within limits). The others share the rest
 * equally, except that a column is never narrower than its longest word; the columns that
 * need more take it from the others.
 */
function columnWidths(doc: Doc, spec: TableSpec, theme: Theme): number[] {
  const n = spec.columns.length;
  if (n <= 1) return [CONTENT.width];
  const firstTexts = [spec.columns[0]?.header ?? '', ...spec.rows.map((r) => r.header)];
  const natural = Math.max(...firstTexts.map((t) => textWidth(doc, t, theme.cellEmphasis))) + 2 * PAD_X + 1;
  const first = Math.min(Math.max(natural, 90), CONTENT.width * 0.42);
  const rest = CONTENT.width - first;
  const minima = spec.columns.slice(1).map((c, i) => {
    const cells = (emphasis: boolean) => spec.rows.filter((r) => (r.emphasis ?? false) === emphasis).map((r) => r.cells[i] ?? '');
    const widest = Math.max(
      longestWord(doc, [c.header], theme.cellHead),
      longestWord(doc, cells(false), theme.cell),
      longestWord(doc, cells(true), theme.cellEmphasis),
    );
    return widest + 2 * PAD_X;
  });
  if (minima.reduce((a, b) => a + b, 0) >= rest) {
    const total = minima.reduce((a, b) => a + b, 0);
    return [first, ...minima.map((m) => (m * rest) / total)];
  }
  // Fix the columns whose minimum exceeds an equal share of what is left, until none does.
  const widths: (number | null)[] = minima.map(() => null);
  for (;;) {
    const open = widths.flatMap((w, i) => (w === null ? [i] : []));
    const share = (rest - widths.reduce<number>((a, w) => a + (w ?? 0), 0)) / open.length;
    const wide = open.filter((i) => (minima[i] ?? 0) > share);
    if (wide.length === 0) return [first, ...widths.map((w) => w ?? share)];
    for (const i of wide) widths[i] = minima[i] ?? 0;
  }
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
    return { cells, height: rowHeight(cells), emphasis: r.emphasis ?? false, tones: r.tones ?? [], slot: new Slot('TR', (d) => tableSlot.get(d)) };
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
    header: { cells: headerCells, height: rowHeight(headerCells), emphasis: false, tones: [], slot: new Slot('TR', (d) => tableSlot.get(d)) },
    rows,
    notes: spec.notes.map((n) => para(n, theme.small)),
    source: input.source ? para(input.source, theme.small) : null,
    tableSlot,
    theme,
  };
}

function captionBlockHeight(t: TableLayout): number {
  return t.caption ? t.caption.lines.length * t.theme.caption.leading + CAPTION_GAP : 0;
}

/** Notes and source under the last part. */
function footBlockHeight(t: TableLayout): number {
  const paras = [...t.notes, ...(t.source ? [t.source] : [])];
  if (paras.length === 0) return 0;
  return NOTES_GAP + paras.reduce((h, p) => h + p.lines.length * t.theme.small.leading + PARA_GAP, 0);
}

/** The whole table, unsplit. */
function wholeHeight(t: TableLayout): number {
  return captionBlockHeight(t) + t.header.height + t.rows.reduce((h, r) => h + r.height, 0) + footBlockHeight(t);
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
    return this.first ? captionBlockHeight(this.t) : 0;
  }

  private heightFor(from: number, to: number, last: boolean): number {
    let h = this.captionHeight() + this.t.header.height;
    for (let i = from; i < to; i++) h += this.t.rows[i]?.height ?? 0;
    return h + (last ? footBlockHeight(this.t) : 0);
  }

  height(): number {
    return this.heightFor(this.from, this.to, this.last);
  }

  private splittable(): boolean {
    return wholeHeight(this.t) > KEEP_WHOLE_HEIGHT && this.to - this.from >= 2 * MIN_ROWS;
  }

  minHeight(): number {
    if (!this.splittable()) return this.height();
    return this.heightFor(this.from, this.from + MIN_ROWS, false);
  }

  split(avail: number): [Flowable, Flowable] | null {
    if (!this.splittable()) return null;
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
      y += captionBlockHeight(t);
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
        row.tones.forEach((tone, i) => {
          if (tone !== null) doc.rect(this.cellLeft(i + 1), rowTop, this.t.widths[i + 1] ?? 0, row.height).fill(CELL_TONES[tone]);
        });
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
        y += p.lines.length * theme.small.leading + PARA_GAP;
      }
    }
  }

  private cellLeft(col: number): number {
    return CONTENT.left + this.t.widths.slice(0, col).reduce((a, b) => a + b, 0);
  }

  private drawCell(doc: Doc, c: CellLayout, col: number, rowTop: number): void {
    const left = this.cellLeft(col);
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
