// One entry to every data file, whatever its format. The format is told by the file's first
// bytes, not its name (a renamed file is read as what it is, and the user is told); each
// reader (readers/csv, readers/xlsx, readers/sav) hands on the same thing: a header of column
// names, with the question and answer texts a format carries, and rows of strings with their
// positions. Row decoding and checks (respondents.ts) are shared by all formats.
import { mkdtempSync, rmSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DataError, ioCause, msg, type Location, type Message } from '../errors.js';
import type { Delimiter, Encoding, Sniffed } from './sniff.js';
import { utf16Of, utf8Copy } from './utf16.js';

export type Format = 'csv' | 'xlsx' | 'sav';

/** `-` on the command line: the data comes on standard input. */
export const STDIN = '-';
/** How messages name standard input. */
export const STDIN_NAME = '<stdin>';

export interface SourceColumn {
  name: string;
  /** The question as the pupils read it (an SPSS variable label). */
  label?: string;
  /** Answer code as the rows hold it → answer text (SPSS value labels). */
  valueLabels?: ReadonlyMap<string, string>;
}

export interface SourceHeader {
  format: Format;
  /** The file as messages name it. */
  file: string;
  columns: SourceColumn[];
  /** The column names, in order (`columns[i].name`). */
  names: string[];
  /**
   * What every location in this file starts from: `{ file }` (CSV lines), `{ file, sheet }`
   * (Excel cells) or `{ file, record: true }` (SPSS records). Rows add line and column.
   */
  at: Location;
  /** The header's line (CSV; 2 after a "sep=" line) or row (Excel); none for SPSS. */
  headerLine?: number;
  /**
   * Whether "1,5" in a text cell is the number 1.5: in semicolon CSV (Swedish Excel) and in
   * Excel's own text cells; not in comma CSV, where it is a mistake.
   */
  decimalComma: boolean;
  /** CSV: the text encoding read (or forced); SPSS: the file's character encoding (a WHATWG label). */
  encoding: Encoding | string | null;
  /** CSV only. */
  delimiter: Delimiter | null;
  /** Excel only: the sheet read. */
  sheet?: string;
  /** Excel only: rows above the header with one value (a title, an export date), skipped. */
  titleRows?: number;
  /** The line (Excel: row) of a second header row joined to the header (see joinSubHeader). */
  subHeaderLine?: number;
  /**
   * Excel only, without --sheet: other sheets named like a wave ("2024", "VT 2023"), not read.
   * A workbook with a sheet per year would otherwise lose its later years without a word.
   */
  otherWaves?: string[];
  /** CSV only: what was sniffed (validate looks at the raw header line). */
  sniffed?: Sniffed;
  /** Why the file was read as something its name does not say (a renamed file). */
  note?: Message;
}

export interface RowHandlers {
  /** Called once with the header; may throw to stop (e.g. a missing column). */
  onHeader(header: SourceHeader): void;
  /**
   * Called per data row; `fields` may be reused memory, valid only during the call. `line` is
   * the row's position: CSV line, Excel row or SPSS record number (see SourceHeader.at).
   */
  onRow(fields: string[], line: number): void;
  /**
   * A CSV row with fewer fields than the header: without this, the reader throws `error`
   * (readRows' notesBelow holds it, as it may be a note under the table).
   */
  onShortRow?(fields: string[], line: number, error: DataError): void;
}

export interface ReadOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  /** Excel: the sheet to read (default the first). */
  sheet?: string;
  /** Stop after this many data rows (validate's quick look, init's preview). */
  maxRows?: number;
  /**
   * A table of figures (the config's population, sources and reference values): lines under it
   * that are notes ("Källa: SCB") are skipped, not read as rows (see NotesBelow).
   */
  notesBelow?: boolean;
}

export interface ReadResult {
  rows: number;
  header: SourceHeader;
  /** With notesBelow: the lines (Excel: rows) under the table read as notes and skipped. */
  notes?: number[];
}

/**
 * The header's line (CSV) or row (Excel) when a title stood above it and was skipped (see
 * Sniffed.titleLines and readXlsx); null when the header is the first line (after "sep=").
 */
export function titleAbove(h: Pick<SourceHeader, 'format' | 'headerLine' | 'sniffed' | 'titleRows'>): number | null {
  if (h.format === 'csv') return h.sniffed !== undefined && h.sniffed.titleLines > 0 ? h.sniffed.headerLine : null;
  return h.format === 'xlsx' && (h.titleRows ?? 0) > 0 && h.headerLine !== undefined ? h.headerLine : null;
}

/**
 * Told where rows of a config table were skipped, one location per line: notes under it
 * (ReadOptions.notesBelow), or sum rows ("Totalt", "Summa") of a population table.
 */
export type OnSkippedRows = (rows: Location[], kind?: 'notes' | 'sums') => void;

/** A reader of one format. */
export type ReadRows = (path: string, name: string, handlers: RowHandlers, opts: ReadOptions, note?: Message) => Promise<ReadResult>;

/**
 * Every file, whatever its format: its header, then its rows, one at a time and never kept.
 * `shownAs`: how messages name the file when not by its path (a file named relative to the config).
 */
export async function readRows(file: string, handlers: RowHandlers, opts: ReadOptions = {}, shownAs?: string): Promise<ReadResult> {
  const { path, name, format, note } = await openSource(file, shownAs);
  const reader = await readerFor(format);
  if (!opts.notesBelow) return reader(path, name, handlers, opts, note);
  const below = new NotesBelow(handlers);
  const { header } = await reader(path, name, below, opts, note);
  const notes = below.end();
  return { rows: below.rows, header, notes };
}

/**
 * Notes under a table, as people write them in Excel below their figures: "Källa: SCB",
 * "* Preliminära siffror", on their own rows. A row is held back when it has one value (in any
 * column; Swedish Excel writes "Källa: SCB;;;;") or, in a CSV, fewer fields than the header
 * ("Källa: Brå, anmälda brott" in a comma file). If a row of the table follows, the held rows
 * were rows after all: they are handed on, and a short one is the error it always was. At the
 * end of the file they are notes, if each has one value, or if they stand apart from the table
 * (a blank line between): the lines are returned and nothing of them is read.
 */
class NotesBelow implements RowHandlers {
  private held: { fields: string[]; line: number; error: DataError | null }[] = [];
  /** The line of the last row handed on (or of the header). */
  private lastLine = 0;
  rows = 0;

  constructor(private readonly inner: RowHandlers) {}

  onHeader(header: SourceHeader): void {
    this.lastLine = header.headerLine ?? 1;
    this.inner.onHeader(header);
  }

  onRow(fields: string[], line: number): void {
    if (valuesIn(fields) === 1) {
      this.held.push({ fields: [...fields], line, error: null });
      return;
    }
    this.handOn();
    this.pass(fields, line);
  }

  onShortRow(fields: string[], line: number, error: DataError): void {
    this.held.push({ fields: [...fields], line, error });
  }

  /** At the end of the file: the lines skipped as notes. */
  end(): number[] {
    const first = this.held[0];
    if (first === undefined) return [];
    const apart = first.line > this.lastLine + 1;
    if (!this.held.every((h) => valuesIn(h.fields) === 1 || (apart && h.error !== null))) {
      this.handOn();
      return [];
    }
    return this.held.map((h) => h.line);
  }

  private handOn(): void {
    const held = this.held;
    this.held = [];
    for (const h of held) {
      if (h.error) throw h.error;
      this.pass(h.fields, h.line);
    }
  }

  private pass(fields: string[], line: number): void {
    this.rows++;
    this.lastLine = line;
    this.inner.onRow(fields, line);
  }
}

function valuesIn(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) if (f.trim() !== '') n++;
  return n;
}

/** A file to read: the path to open, its name in messages, its format and why, if the name says otherwise. */
export async function openSource(file: string, shownAs?: string): Promise<{ path: string; name: string; format: Format; note?: Message }> {
  const path = await localPath(file);
  const name = shownAs ?? displayName(file);
  const { format, note } = await detectFormat(path, name, file === STDIN ? undefined : file);
  return { path, name, format, note };
}

/**
 * LAGESBILD_CSV_READER=csv-parse reads CSV with the reference reader (readers/csv-reference.ts)
 * instead of the byte-level one: to compare the two on a file that reads unexpectedly.
 */
export function csvReference(): boolean {
  return process.env.LAGESBILD_CSV_READER === 'csv-parse';
}

export async function readerFor(format: Format): Promise<ReadRows> {
  // Loaded on first use: a CSV-only run never loads the Excel library.
  switch (format) {
    case 'csv':
      return csvReference() ? (await import('./readers/csv-reference.js')).readCsvReference : (await import('./readers/csv.js')).readCsv;
    case 'xlsx':
      return (await import('./readers/xlsx.js')).readXlsx;
    case 'sav':
      return (await import('./readers/sav.js')).readSav;
  }
}

export function displayName(file: string): string {
  return file === STDIN ? STDIN_NAME : file;
}

// ── Format by content ──────────────────────────────────────────────────────────────────────

const EXTENSIONS: Record<string, Format> = { '.csv': 'csv', '.txt': 'csv', '.tsv': 'csv', '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.sav': 'sav', '.zsav': 'sav' };

/**
 * The format from the first bytes. Formats we cannot read get an error that says what the
 * file is and how to save it in a form we can; a file whose name says otherwise gets a note.
 */
export async function detectFormat(path: string, name: string, fileName?: string): Promise<{ format: Format; note?: Message }> {
  const head = await firstBytes(path, name, 4096);
  const format = formatOf(head, name);
  const claimed = fileName === undefined ? undefined : EXTENSIONS[extname(fileName).toLowerCase()];
  if (claimed === undefined || claimed === format) return { format };
  return { format, note: msg('format.note', { name, format: msg(`format.${format}`), ext: extname(fileName!) }) };
}

function formatOf(head: Buffer, name: string): Format {
  const ascii = head.toString('latin1');
  if (ascii.startsWith('$FL2') || ascii.startsWith('$FL3')) return 'sav';
  if (ascii.startsWith('PK\u0003\u0004')) {
    if (ascii.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) {
      throw new DataError(msg('format.ods'), { file: name }, msg('format.ods.hint'));
    }
    if (ascii.includes('mimetypeapplication/vnd.oasis.opendocument') || ascii.includes('word/')) {
      throw new DataError(msg('format.document'), { file: name }, msg('format.exportData.hint'));
    }
    // Excel writes [Content_Types].xml first, LibreOffice its docProps; both have xl/ entries.
    return 'xlsx';
  }
  if (head.subarray(0, 8).equals(OLE2)) {
    throw new DataError(
      msg('format.xls'),
      { file: name },
      msg('format.xls.hint'),
    );
  }
  if (ascii.startsWith('%PDF')) throw new DataError(msg('format.pdf'), { file: name }, msg('format.exportData.hint'));
  if (head[0] === 0x1f && head[1] === 0x8b) throw new DataError(msg('format.gzip'), { file: name }, msg('format.gzip.hint'));
  if (ascii.includes('SPSS PORT FILE') || /^.{0,200}SPSSPORT/s.test(ascii)) {
    throw new DataError(msg('format.por'), { file: name }, msg('format.por.hint'));
  }
  return 'csv';
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function firstBytes(path: string, name: string, n: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw openError(err, name);
  }
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } catch (err) {
    throw openError(err, name);
  } finally {
    await handle.close();
  }
}

export function openError(err: unknown, name: string): DataError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DataError(msg('data.notFound'), { file: name }, msg('data.notFound.hint'));
  if (code === 'EISDIR') return new DataError(msg('data.isFolder'), { file: name }, msg('data.isFolder.hint'));
  const cause = ioCause(err);
  return new DataError(msg('data.cannotRead', { cause: cause.text, code: cause.code }), { file: name }, cause.hint);
}

// ── Standard input ─────────────────────────────────────────────────────────────────────────

let stdinCopy: Promise<string> | null = null;

/**
 * A path to read: the file itself, or for `-` a copy of standard input, and for UTF-16 text a
 * UTF-8 copy. Standard input can be read only once, but the format check, validate's two passes
 * and init's preview each read the data again: it is copied to a private temporary file,
 * removed when the process exits.
 */
export async function localPath(file: string): Promise<string> {
  const path = file === STDIN ? await (stdinCopy ??= copyStdin()) : file;
  // Excel's "Unicode text" is UTF-16: read through a UTF-8 copy (see utf16.ts).
  const encoding = utf16Of(await firstBytes(path, displayName(file), 512));
  return encoding === null ? path : utf8Copy(path, displayName(file), encoding);
}

async function copyStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new DataError(msg('stdin.tty'), { file: STDIN_NAME }, msg('stdin.tty.hint'));
  }
  const dir = mkdtempSync(join(tmpdir(), 'lagesbild-stdin-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'stdin');
  await pipeline(process.stdin, createWriteStream(path, { mode: 0o600 }));
  if ((await stat(path)).size === 0) throw new DataError(msg('stdin.empty'), { file: STDIN_NAME }, msg('stdin.empty.hint'));
  return path;
}
