// The figures table as CSV (one tidy row per record), Swedish-Excel CSV, or JSON.
// Column names and meanings are documented in README.md ("The figures table").
import { stringify } from 'csv-stringify/sync';
import type { FigureRecord, FiguresTable } from '../../analysis/types.js';

export const FIGURE_COLUMNS = [
  'kind',
  'comparison',
  'indicator',
  'area',
  'year',
  'pooled_years',
  'group',
  'n',
  'x',
  'estimate',
  'se',
  'ci_lower',
  'ci_upper',
  'ci_method',
  'df',
  'deff',
  'n_eff',
  'suppressed',
  'suppression',
  'flag',
  'year_from',
  'year_to',
  'from',
  'to',
  'estimate_from',
  'estimate_to',
  'diff',
  'diff_ci_lower',
  'diff_ci_upper',
  'p',
  'q',
  'significant',
  'years',
  'odds_ratio_per_year',
  'or_ci_lower',
  'or_ci_upper',
  'cochran_armitage_p',
  'mdc',
] as const;

export type FiguresFormat = 'csv' | 'json' | 'excel-sv';

export function exportFigures(table: FiguresTable, format: FiguresFormat): string {
  if (format === 'json') return `${JSON.stringify({ meta: table.meta, records: table.records }, null, 2)}\n`;
  const excel = format === 'excel-sv';
  const rows = table.records.map((r) => FIGURE_COLUMNS.map((c) => cell(fieldOf(r, c), excel)));
  const text = stringify([[...FIGURE_COLUMNS], ...rows], { delimiter: excel ? ';' : ',', record_delimiter: excel ? 'windows' : 'unix' });
  // Excel needs the BOM to read UTF-8 (å ä ö) correctly.
  return excel ? `\uFEFF${text}` : text;
}

function fieldOf(r: FigureRecord, column: (typeof FIGURE_COLUMNS)[number]): unknown {
  return (r as unknown as Record<string, unknown>)[column];
}

function cell(v: unknown, excel: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return excel ? String(v).replace('.', ',') : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return v.join(';');
  return neutraliseFormula(String(v));
}

/** A text starting with = + - @ (or tab/CR) would run as a formula in a spreadsheet. */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
