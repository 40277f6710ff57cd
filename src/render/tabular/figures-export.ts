// The figures table as CSV (one tidy row per record), Swedish-Excel CSV, or JSON.
// Column names and meanings are documented in README.md ("The figures table").
import type { FigureRecord, FiguresStream } from '../../analysis/types.js';
import { csvNumber, svColumns } from './figures-sv.js';

export const FIGURE_COLUMNS = [
  'kind',
  'comparison',
  'indicator',
  'factor',
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
  'estimate_with',
  'estimate_without',
  'ratio',
  'ratio_ci_lower',
  'ratio_ci_upper',
] as const;

export type FiguresFormat = 'csv' | 'json' | 'excel-sv';

/**
 * `indicatorLabels` (Swedish label per indicator id, from the config) name the indicators in
 * the Swedish-Excel CSV.
 */
export function exportFigures(table: FiguresStream, format: FiguresFormat, indicatorLabels: Readonly<Record<string, string>> = {}): string {
  if (format === 'json') return Buffer.concat([...jsonChunks(table)]).toString('utf8');
  if (format === 'csv') return Buffer.concat([...plainCsvChunks(table)]).toString('utf8');
  return [...swedishExcelPieces(table, indicatorLabels)].join('');
}

/**
 * The CSV formats as UTF-8 bytes, a few thousand lines at a time: a whole country's table
 * (millions of records) is written to its file piece by piece, never held as one string.
 */
export function* figuresCsvChunks(table: FiguresStream, format: 'csv' | 'excel-sv', indicatorLabels: Readonly<Record<string, string>> = {}): Generator<Buffer> {
  if (format === 'csv') {
    yield* plainCsvChunks(table);
    return;
  }
  for (const piece of swedishExcelPieces(table, indicatorLabels)) yield Buffer.from(piece, 'utf8');
}

/**
 * The JSON file, `{ meta, records }` exactly as JSON.stringify(…, null, 2) writes it, a piece
 * of records at a time: a country's records as one string would exceed what V8 can hold.
 */
export function* jsonChunks(table: FiguresStream): Generator<Buffer> {
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  let piece = `{\n  "meta": ${indent(JSON.stringify(table.meta, null, 2), '  ')},\n  "records": [`;
  let first = true;
  for (const r of table.records) {
    piece += `${first ? '' : ','}\n    ${indent(JSON.stringify(r, null, 2), '    ')}`;
    first = false;
    if (piece.length >= PIECE_BYTES) {
      yield Buffer.from(piece, 'utf8');
      piece = '';
    }
  }
  yield Buffer.from(`${piece}${first ? ']' : '\n  ]'}\n}\n`, 'utf8');
}

/** Bytes per piece of the plain CSV (a piece ends after the line that reaches it). */
const PIECE_BYTES = 1 << 20;

/**
 * The plain CSV written straight into bytes: the table has millions of cells, most of them
 * empty, and building a string per line (and a string per piece) was most of the time and
 * the garbage of writing it. Texts are few (indicators, areas, groups, methods, reasons) and
 * each is encoded once; numbers are ASCII. The bytes are those csvLine would give.
 */
function* plainCsvChunks(table: FiguresStream): Generator<Buffer> {
  const out = new CsvBytes(PIECE_BYTES);
  out.bytes(Buffer.from(`${csvLine(FIGURE_COLUMNS, ',')}\n`, 'utf8'));
  const last = FIGURE_COLUMNS.length - 1;
  for (const r of table.records) {
    const record = r as unknown as Record<string, unknown>;
    for (let c = 0; c <= last; c++) {
      const v = record[FIGURE_COLUMNS[c]!];
      if (v !== null && v !== undefined) {
        if (typeof v === 'number') out.ascii(String(v));
        else if (typeof v === 'boolean') out.ascii(v ? 'true' : 'false');
        else if (Array.isArray(v)) out.bytes(Buffer.from(quoted(v.join(';'), ','), 'utf8'));
        else out.text(String(v));
      }
      out.byte(c === last ? 0x0a : 0x2c);
    }
    if (out.length >= PIECE_BYTES) yield out.take();
  }
  if (out.length > 0) yield out.take();
}

/** A growing byte buffer for one piece of a CSV, with each distinct text encoded once. */
class CsvBytes {
  private buf: Buffer;
  length = 0;
  private readonly encoded = new Map<string, Buffer>();

  constructor(private readonly size: number) {
    this.buf = Buffer.allocUnsafe(size + 4096);
  }

  byte(b: number): void {
    if (this.length === this.buf.length) this.grow(1);
    this.buf[this.length++] = b;
  }

  /** An ASCII string (a number's digits, true, false). */
  ascii(s: string): void {
    if (this.length + s.length > this.buf.length) this.grow(s.length);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.length = at;
  }

  /** A text field as csvLine writes it (formula characters neutralised, quoted if need be), in UTF-8. */
  text(s: string): void {
    let bytes = this.encoded.get(s);
    if (bytes === undefined) {
      bytes = Buffer.from(quoted(neutraliseFormula(s), ','), 'utf8');
      // Texts repeat across the table (indicators, areas, groups); free texts would not be kept.
      if (this.encoded.size < 65_536) this.encoded.set(s, bytes);
    }
    this.bytes(bytes);
  }

  bytes(bytes: Buffer): void {
    if (this.length + bytes.length > this.buf.length) this.grow(bytes.length);
    bytes.copy(this.buf, this.length);
    this.length += bytes.length;
  }

  /** The bytes so far (a buffer of their own), and a fresh piece. */
  take(): Buffer {
    const piece = this.buf.subarray(0, this.length);
    this.buf = Buffer.allocUnsafe(this.size + 4096);
    this.length = 0;
    return piece;
  }

  private grow(need: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.length + need));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }
}

const LINES_PER_PIECE = 8192;

/** The Swedish-Excel CSV as strings, a few thousand lines at a time. */
function* swedishExcelPieces(table: FiguresStream, indicatorLabels: Readonly<Record<string, string>>): Generator<string> {
  // Swedish headers and words, semicolons, decimal commas, numbers rounded (4 decimals for
  // proportions and p-values), Ja/Nej, `..` where suppressed, and a UTF-8 BOM (without it
  // Excel misreads å, ä and ö).
  const delimiter = ';';
  const newline = '\r\n';
  const columns = svColumns({ table, indicatorLabels });
  const line = (r: FigureRecord): string =>
    csvLine(
      columns.map((c) => {
        const v = c.value(r);
        if (v === null) return '';
        if (typeof v === 'number') return c.kind === 'text' ? String(v) : csvNumber(v, c.kind);
        return neutraliseFormula(v);
      }),
      delimiter,
    );
  let lines = [`\uFEFF${csvLine(columns.map((c) => c.header), delimiter)}`];
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

/** A text starting with = + - @ (or tab/CR) would run as a formula in a spreadsheet. */
export function neutraliseFormula(s: string): string {
  const c = s.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d ? `'${s}` : s;
}
