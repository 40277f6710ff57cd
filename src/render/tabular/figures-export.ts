// The figures table as CSV (one tidy row per record), Swedish-Excel CSV, or JSON.
// Column names and meanings are documented in README.md ("The figures table").
import type { FigureRecord, FiguresTable } from '../../analysis/types.js';
import { csvNumber, svColumns } from './figures-sv.js';

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
  'target',
  'target_year',
  'required_change',
  'remaining',
  'detectable',
  'status',
] as const;

export type FiguresFormat = 'csv' | 'json' | 'excel-sv';

/**
 * `indicatorLabels` (Swedish label per indicator id, from the config) name the indicators in
 * the Swedish-Excel CSV.
 */
export function exportFigures(table: FiguresTable, format: FiguresFormat, indicatorLabels: Readonly<Record<string, string>> = {}): string {
  if (format === 'json') return `${JSON.stringify({ meta: table.meta, records: table.records }, null, 2)}\n`;
  if (format === 'excel-sv') return swedishExcelCsv(table, indicatorLabels);
  const lines = [csvLine(FIGURE_COLUMNS, ',')];
  const fields = new Array<string>(FIGURE_COLUMNS.length);
  for (const r of table.records) {
    for (let c = 0; c < FIGURE_COLUMNS.length; c++) fields[c] = cell(fieldOf(r, FIGURE_COLUMNS[c]!));
    lines.push(csvLine(fields, ','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * For Swedish Excel: Swedish headers and words, semicolons, decimal commas, numbers rounded
 * (4 decimals for proportions and p-values), Ja/Nej, `..` where suppressed, and a UTF-8 BOM
 * (without it Excel misreads å, ä and ö).
 */
function swedishExcelCsv(table: FiguresTable, indicatorLabels: Readonly<Record<string, string>>): string {
  const columns = svColumns({ table, indicatorLabels });
  const lines = [csvLine(columns.map((c) => c.header), ';')];
  for (const r of table.records) {
    lines.push(
      csvLine(
        columns.map((c) => {
          const v = c.value(r);
          if (v === null) return '';
          if (typeof v === 'number') return c.kind === 'text' ? String(v) : csvNumber(v, c.kind);
          return neutraliseFormula(v);
        }),
        ';',
      ),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * One CSV line as csv-stringify writes it: a value with the delimiter, a quote or a line
 * break in quotes, its quotes doubled. (Written here: a table of a whole country has millions
 * of lines, and csv-stringify spent most of the export's time on its options per field.)
 */
function csvLine(fields: readonly string[], delimiter: string): string {
  const out = new Array<string>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const v = fields[i]!;
    out[i] = v.includes('"') || v.includes(delimiter) || v.includes('\n') || v.includes('\r') ? `"${v.replaceAll('"', '""')}"` : v;
  }
  return out.join(delimiter);
}

function fieldOf(r: FigureRecord, column: (typeof FIGURE_COLUMNS)[number]): unknown {
  return (r as unknown as Record<string, unknown>)[column];
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return v.join(';');
  return neutraliseFormula(String(v));
}

/** A text starting with = + - @ (or tab/CR) would run as a formula in a spreadsheet. */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
