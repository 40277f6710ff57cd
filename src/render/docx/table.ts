// A TableSpec as a real Word table: a header row that repeats on every page, rows that do not
// break across pages, numbers aligned right, the row-header column first. Only horizontal
// rules, like the PDF's tables; the column widths follow the longest text in each column.

import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { TableSpec } from '../../report/model.js';
import { type DocxTheme, STYLE, TEXT_WIDTH_TWIPS } from './styles.js';

/** Widths in characters: a column is never narrower than MIN nor, before scaling, wider than MAX. */
const MIN_CHARS = 4;
const MAX_CHARS = 40;
/** Cell padding left and right, in twips. */
const CELL_PADDING = 85;

export function wordTable(spec: TableSpec, theme: DocxTheme): Table {
  const widths = columnWidths(spec);
  const rule = (size: number, color: string) => ({ style: BorderStyle.SINGLE, size, color });
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const align = (i: number) => (spec.columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (text: string, i: number, style: string, bold = false) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      children: [new Paragraph({ style, alignment: align(i), children: [new TextRun({ text, bold: bold || undefined })] })],
    });

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.columns.map((c, i) => cell(c.header, i, STYLE.tableHead)),
  });
  const body = spec.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [row.header, ...row.cells].map((text, i) => cell(text, i, STYLE.tableText, row.emphasis)),
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
 * Twips per column, summing to the text width: each column's share follows its longest text
 * (header words count once each, since headers wrap), the row-header column at least as wide
 * as its longest label allows.
 */
export function columnWidths(spec: TableSpec): number[] {
  const longest = (texts: string[]) => Math.max(0, ...texts.map((t) => t.length));
  const chars = spec.columns.map((c, i) => {
    const cells = spec.rows.map((r) => (i === 0 ? r.header : (r.cells[i - 1] ?? '')));
    const headerWord = longest(c.header.split(/\s+/));
    return Math.min(MAX_CHARS, Math.max(MIN_CHARS, headerWord, longest(cells)));
  });
  const total = chars.reduce((a, b) => a + b, 0);
  const widths = chars.map((c) => Math.floor((c / total) * TEXT_WIDTH_TWIPS));
  // Whole twips: the rounding remainder goes to the first column.
  widths[0] = (widths[0] ?? 0) + TEXT_WIDTH_TWIPS - widths.reduce((a, b) => a + b, 0);
  return widths;
}
