// A TableSpec as a real Word table: a header row that repeats on every page, rows that do not
// break across pages, numbers aligned right, the row-header column first. Only horizontal
// rules, like the PDF's tables; the column widths follow the longest text in each column.

import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { CellTone, TableSpec } from '../../report/model.js';
import { CELL_TONES } from '../charts/palette.js';
import { type DocxTheme, STYLE, TEXT_WIDTH_TWIPS } from './styles.js';

/** Estimated advance of a character of 9 pt Arial (regular, bold), in twips; a column is at least MIN_CHARS wide. */
const CHAR_TWIPS = 105;
const BOLD_CHAR_TWIPS = 115;
const MIN_CHARS = 4;
/** Cell padding left and right, in twips. */
const CELL_PADDING = 85;

export function wordTable(spec: TableSpec, theme: DocxTheme): Table {
  const widths = columnWidths(spec);
  const rule = (size: number, color: string) => ({ style: BorderStyle.SINGLE, size, color });
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const align = (i: number) => (spec.columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (text: string, i: number, style: string, opts: { bold?: boolean; keepNext?: boolean; tone?: CellTone | null } = {}) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      ...(opts.tone ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: CELL_TONES[opts.tone].slice(1) } } : {}),
      children: [new Paragraph({ style, alignment: align(i), keepNext: opts.keepNext, children: [new TextRun({ text, bold: opts.bold || undefined })] })],
    });

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.columns.map((c, i) => cell(c.header, i, STYLE.tableHead)),
  });
  // The last row keeps with the notes and source under the table.
  const last = spec.rows.length - 1;
  const body = spec.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: [row.header, ...row.cells].map((text, i) => cell(text, i, STYLE.tableText, { bold: row.emphasis, keepNext: r === last, tone: i === 0 ? null : row.tones?.[i - 1] })),
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
    borders: {
      top: rule(8, theme.ink),
      bottom: rule(8, theme.ink),
      insideHorizontal: rule(4, theme.rule),
      left: none,
      right: none,
      insideVertical: none,
    },
    tableLook: { firstRow: true, firstColumn: true, lastRow: false, lastColumn: false, noHBand: true, noVBand: true },
  });
}

/**
 * Twips per column, summing to the text width. Each column wants its longest cell on one line
 * and needs at least its longest word (header words in bold), so words never break. When not
 * every want fits, number columns keep theirs and text columns (row labels, long headers)
 * start from their need and share the room left by how much more they want, wrapping at
 * spaces.
 */
export function columnWidths(spec: TableSpec): number[] {
  const cellsOf = (i: number) => spec.rows.map((r) => (i === 0 ? r.header : (r.cells[i - 1] ?? '')));
  const words = (t: string) => t.split(/\s+/).filter(Boolean);
  const longest = (texts: string[], perChar: number) => Math.max(MIN_CHARS * CHAR_TWIPS, ...texts.map((t) => t.length * perChar));
  const need = spec.columns.map((c, i) => 2 * CELL_PADDING + longest([...words(c.header).map((w) => w), ...cellsOf(i).flatMap(words)], BOLD_CHAR_TWIPS));
  const want = spec.columns.map((_, i) => Math.max(need[i]!, 2 * CELL_PADDING + longest(cellsOf(i), CHAR_TWIPS)));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // Numbers never wrap when it can be helped: text columns give way first.
  const numeric = spec.columns.map((c) => c.align === 'right');
  const floor = numeric.map((isNumber, i) => (isNumber ? want[i]! : need[i]!));
  const base = sum(want) <= TEXT_WIDTH_TWIPS ? want : sum(floor) <= TEXT_WIDTH_TWIPS ? floor : sum(need) <= TEXT_WIDTH_TWIPS ? need : null;
  let widths: number[];
  if (base === null) {
    widths = need.map((n) => (n / sum(need)) * TEXT_WIDTH_TWIPS);
  } else {
    // The room left goes where text still wraps, else to every column by its width.
    const more = want.map((w, i) => w - base[i]!);
    const share = sum(more) > 0 ? more : base;
    const room = TEXT_WIDTH_TWIPS - sum(base);
    widths = base.map((b, i) => b + (share[i]! / sum(share)) * room);
  }
  const whole = widths.map(Math.floor);
  // Whole twips: the rounding remainder goes to the first column.
  whole[0] = (whole[0] ?? 0) + TEXT_WIDTH_TWIPS - sum(whole);
  return whole;
}
