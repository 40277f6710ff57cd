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
  'population',
  'rate',
] as const;

export type FiguresFormat = 'csv' | 'json' | 'excel-sv';

/**
 * `indicatorLabels` (Swedish label per indicator id, from the config) name the indicators in
 * the Swedish-Excel CSV.
 */
export function exportFigures(table: FiguresTable, format: FiguresFormat, indicatorLabels: Readonly<Record<string, string>> = {}): string {
  if (format === 'json') return `${JSON.stringify({ meta: table.meta, records: table.records }, null, 2)}\n`;
  return [...csvPieces(table, format, indicatorLabels)].join('');
}

/**
 * The CSV formats as UTF-8 bytes, a few thousand lines at a time: a whole country's table
 * (millions of records) is written to its file piece by piece, never held as one string.
 */
export function* figuresCsvChunks(table: FiguresTable, format: 'csv' | 'excel-sv', indicatorLabels: Readonly<Record<string, string>> = {}): Generator<Buffer> {
  for (const piece of csvPieces(table, format, indicatorLabels)) yield Buffer.from(piece, 'utf8');
}

const LINES_PER_PIECE = 8192;

function* csvPieces(table: FiguresTable, format: 'csv' | 'excel-sv', indicatorLabels: Readonly<Record<string, string>>): Generator<string> {
  // For Swedish Excel: Swedish headers and words, semicolons, decimal commas, numbers rounded
  // (4 decimals for proportions and p-values), Ja/Nej, `..` where suppressed, and a UTF-8 BOM
  // (without it Excel misreads å, ä and ö).
  const excel = format === 'excel-sv';
  const delimiter = excel ? ';' : ',';
  const newline = excel ? '\r\n' : '\n';
  const columns = excel ? svColumns({ table, indicatorLabels }) : null;
  const line = columns
    ? (r: FigureRecord): string =>
        csvLine(
          columns.map((c) => {
            const v = c.value(r);
            if (v === null) return '';
            if (typeof v === 'number') return c.kind === 'text' ? String(v) : csvNumber(v, c.kind);
            return neutraliseFormula(v);
          }),
          delimiter,
        )
    : plainLine;
  let lines = [csvLine(columns ? columns.map((c) => c.header) : FIGURE_COLUMNS, delimiter)];
  if (excel) lines[0] = `\uFEFF${lines[0]}`;
  for (const r of table.records) {
    lines.push(line(r));
    if (lines.length === LINES_PER_PIECE) {
      yield `${lines.join(newline)}${newline}`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join(newline)}${newline}`;
}

/**
 * One CSV line as csv-stringify writes it: a value with the delimiter, a quote or a line
 * break in quotes, its quotes doubled. (Written here: a table of a whole country has millions
 * of lines, and csv-stringify spent most of the export's time on its options per field.)
 */
function csvLine(fields: readonly string[], delimiter: string): string {
  const out = new Array<string>(fields.length);
  for (let i = 0; i < fields.length; i++) out[i] = quoted(fields[i]!, delimiter);
  return out.join(delimiter);
}

function quoted(v: string, delimiter: string): string {
  return v.includes('"') || v.includes(delimiter) || v.includes('\n') || v.includes('\r') ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * A record as one line of the plain CSV, built field by field: the table has millions of
 * cells, most of them empty, and this is most of the time `figures` spends writing it.
 */
function plainLine(r: FigureRecord): string {
  const record = r as unknown as Record<string, unknown>;
  let line = cell(record[FIGURE_COLUMNS[0]]);
  for (let c = 1; c < FIGURE_COLUMNS.length; c++) line += `,${cell(record[FIGURE_COLUMNS[c]!])}`;
  return line;
}

/** A value as csvLine would write it in the plain CSV. A number's digits never need quotes. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return quoted(Array.isArray(v) ? v.join(';') : neutraliseFormula(String(v)), ',');
}

/** A text starting with = + - @ (or tab/CR) would run as a formula in a spreadsheet. */
export function neutraliseFormula(s: string): string {
  const c = s.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d ? `'${s}` : s;
}
