// The figures table as CSV (one tidy row per record), Swedish-Excel CSV, or JSON.
// Column names and meanings are documented in README.md ("The figures table").
import type { FigureRecord, FiguresStream } from '../../analysis/types.js';
import { csvNumber, svColumns } from './figures-sv.js';
import { writeNumber } from './number-bytes.js';

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
  if (format === 'csv') return Buffer.concat([...plainCsvChunks(table, true, false)]).toString('utf8');
  return [...swedishExcelPieces(table, indicatorLabels, true)].join('');
}

/** How figuresCsvChunks cuts the file. */
export interface ChunkOptions {
  /** Begin with the header line (default); without it, only the records' lines: a part of the file made on another thread. */
  header?: boolean;
  /**
   * The plain CSV's pieces take turns in two buffers: a piece is valid only until the piece
   * after the next one is asked for, as writePieces uses them (src/cli/outputs.ts). Fresh
   * memory for every piece is a page fault per 4 KB written (42 MB for the bench's 248 367
   * figures), and page faults are slow on the virtual machines this runs on.
   */
  reusePieces?: boolean;
}

/**
 * The CSV formats as UTF-8 bytes, a few thousand lines at a time: a whole country's table
 * (millions of records) is written to its file piece by piece, never held as one string.
 */
export function* figuresCsvChunks(table: FiguresStream, format: 'csv' | 'excel-sv', indicatorLabels: Readonly<Record<string, string>> = {}, opts: ChunkOptions = {}): Generator<Buffer> {
  const header = opts.header ?? true;
  if (format === 'csv') {
    yield* plainCsvChunks(table, header, opts.reusePieces ?? false);
    return;
  }
  for (const piece of swedishExcelPieces(table, indicatorLabels, header)) yield Buffer.from(piece, 'utf8');
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
function* plainCsvChunks(table: FiguresStream, header: boolean, reusePieces: boolean): Generator<Buffer> {
  const out = new CsvBytes(PIECE_BYTES, reusePieces);
  if (header) out.bytes(Buffer.from(`${csvLine(FIGURE_COLUMNS, ',')}\n`, 'utf8'));
  for (const r of table.records) {
    LINE_WRITERS[r.kind](r, out);
    if (out.length >= PIECE_BYTES) yield out.take();
  }
  if (out.length > 0) yield out.take();
}

type Kind = FigureRecord['kind'];
type Column = (typeof FIGURE_COLUMNS)[number];

/**
 * The columns each kind of record has (the others are always empty). Writing a line reads
 * only these: reading all 52 names off records of seven shapes was a third of the writing time.
 */
const KIND_FIELDS = {
  estimate: ['kind', 'indicator', 'area', 'year', 'pooled_years', 'group', 'n', 'x', 'estimate', 'se', 'ci_lower', 'ci_upper', 'ci_method', 'df', 'deff', 'n_eff', 'suppressed', 'suppression', 'flag'],
  change: ['kind', 'comparison', 'indicator', 'area', 'group', 'year_from', 'year_to', 'from', 'to', 'estimate_from', 'estimate_to', 'diff', 'diff_ci_lower', 'diff_ci_upper', 'p', 'q', 'significant', 'suppressed'],
  trend: ['kind', 'indicator', 'area', 'group', 'years', 'odds_ratio_per_year', 'or_ci_lower', 'or_ci_upper', 'p', 'q', 'cochran_armitage_p', 'significant', 'suppressed'],
  follow_up: ['kind', 'indicator', 'area', 'group', 'year', 'estimate', 'ci_lower', 'ci_upper', 'mdc', 'suppressed'],
  goal: ['kind', 'indicator', 'area', 'group', 'year', 'year_from', 'year_to', 'estimate_from', 'estimate_to', 'diff', 'diff_ci_lower', 'diff_ci_upper', 'p', 'q', 'significant', 'suppressed', 'target', 'target_year', 'ci_lower', 'ci_upper', 'required_change', 'remaining', 'mdc', 'detectable', 'status'],
  response: ['kind', 'area', 'year', 'pooled_years', 'group', 'n', 'population', 'rate', 'suppressed', 'suppression', 'flag'],
  association: ['kind', 'indicator', 'factor', 'area', 'year', 'group', 'estimate_with', 'estimate_without', 'ratio', 'ratio_ci_lower', 'ratio_ci_upper', 'p', 'q', 'significant', 'suppressed', 'flag'],
} as const satisfies { [K in Kind]: readonly (keyof Extract<FigureRecord, { kind: K }> & Column)[] };

/** A field added to a kind of record and not listed above fails to compile here. */
type Unlisted = { [K in Kind]: Exclude<keyof Extract<FigureRecord, { kind: K }>, (typeof KIND_FIELDS)[K][number]> }[Kind];
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

interface LinePlan {
  /** The kind's fields in column order. */
  fields: readonly string[];
  /** Commas after each field: one, plus one per empty column up to the next field (or the line's end). */
  commasAfter: readonly number[];
}

const LINE_PLANS = Object.fromEntries(
  Object.entries(KIND_FIELDS).map(([kind, names]) => {
    const at = names.map((f) => FIGURE_COLUMNS.indexOf(f)).sort((a, b) => a - b);
    const fields = at.map((c) => FIGURE_COLUMNS[c]!);
    const commasAfter = at.map((c, i) => (i + 1 < at.length ? at[i + 1]! : FIGURE_COLUMNS.length) - c - (i + 1 < at.length ? 0 : 1));
    return [kind, { fields, commasAfter }];
  }),
) as unknown as Record<Kind, LinePlan>;

type LineWriter = (r: FigureRecord, out: CsvBytes) => void;

/**
 * One line writer per kind, made from its plan: each reads its fields by name (`r.n`, not
 * `r[name]`), so every read sees one shape of record and is a direct load. A single loop over
 * the names did the same work through V8's megamorphic lookups: writing the bench's 248 367
 * records took 650 ms with it, 529 ms with these (then 356 and 268 ms once compiled).
 */
const LINE_WRITERS = Object.fromEntries(
  Object.entries(LINE_PLANS).map(([kind, plan]) => {
    const steps = plan.fields.map((f, i) => `v = r.${f}; if (v !== null && v !== undefined) out.value(v); out.commas(${plan.commasAfter[i]});`);
    // The names are the identifiers of KIND_FIELDS above, never data.
    return [kind, new Function('r', 'out', `let v;\n${steps.join('\n')}\nout.byte(10);`) as LineWriter];
  }),
) as Record<Kind, LineWriter>;

/** A growing byte buffer for one piece of a CSV, with each distinct text encoded once. */
class CsvBytes {
  private buf: Buffer;
  /** With `reuse`: the buffer of the piece before, to be the next piece's (see ChunkOptions.reusePieces). */
  private spare: Buffer | null = null;
  length = 0;
  private readonly encoded = new Map<string, Buffer>();

  constructor(
    private readonly size: number,
    private readonly reuse = false,
  ) {
    this.buf = Buffer.allocUnsafe(size + 4096);
  }

  /** A field's value as csvLine writes it. */
  value(v: unknown): void {
    if (typeof v === 'number') this.number(v);
    else if (typeof v === 'boolean') this.ascii(v ? 'true' : 'false');
    else if (Array.isArray(v)) this.bytes(Buffer.from(quoted(v.join(';'), ','), 'utf8'));
    else this.text(String(v));
  }

  /** A number as String(v) writes it (see number-bytes.ts: most of the table's bytes). */
  number(v: number): void {
    // writeNumber's room: the longest String(v) of a double is 24 characters (−1.7976931348623157e+308).
    if (this.length + 25 > this.buf.length) this.grow(25);
    const end = writeNumber(this.buf, this.length, v);
    if (end >= 0) this.length = end;
    else this.ascii(String(v));
  }

  /** `count` commas (the empty columns between two fields). */
  commas(count: number): void {
    if (this.length + count > this.buf.length) this.grow(count);
    // A loop, not buf.fill: fill's argument checks cost more than the few bytes it writes.
    const buf = this.buf;
    const end = this.length + count;
    for (let at = this.length; at < end; at++) buf[at] = 0x2c;
    this.length = end;
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
    if (bytes.length > 64) {
      bytes.copy(this.buf, this.length);
      this.length += bytes.length;
      return;
    }
    // Short texts (codes, names) byte by byte: Buffer.copy's checks cost more than the copy.
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < bytes.length; i++) buf[at++] = bytes[i]!;
    this.length = at;
  }

  /** The bytes so far, and an empty piece (in new memory, or with `reuse` in the buffer of the piece before this one). */
  take(): Buffer {
    const piece = this.buf.subarray(0, this.length);
    const next = this.reuse ? this.spare : null;
    if (this.reuse) this.spare = this.buf;
    this.buf = next ?? Buffer.allocUnsafe(this.size + 4096);
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
function* swedishExcelPieces(table: FiguresStream, indicatorLabels: Readonly<Record<string, string>>, header: boolean): Generator<string> {
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
  let lines = header ? [`\uFEFF${csvLine(columns.map((c) => c.header), delimiter)}`] : [];
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
