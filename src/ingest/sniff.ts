// Guess a CSV file's encoding and delimiter from its first bytes, the way a person would:
// UTF-8 (with or without BOM) unless the bytes are not valid UTF-8, then Windows-1252 (what
// Swedish Excel writes); the delimiter that splits the header into the most columns.
import { isAscii } from 'node:buffer';
import { open } from 'node:fs/promises';
import { DataError, msg } from '../errors.js';
import { openError } from './source.js';
import { textDecoder } from './decoder.js';
import { utf16Origin, type Utf16 } from './utf16.js';

export type Encoding = 'utf-8' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t';

export interface Sniffed {
  /** For an undecided file, updated by the reader once it has decided. */
  encoding: Encoding;
  /**
   * The sample was plain ASCII and no encoding was forced: ASCII reads the same in both
   * encodings, so the reader decides at the first non-ASCII byte (a Windows-1252 "Ö" far
   * down a county file sorted by municipality).
   */
  undecided: boolean;
  delimiter: Delimiter;
  /** The file starts with a UTF-8 byte order mark. */
  bom: boolean;
  /** File size in bytes. */
  size: number;
  /** The first line is Excel's "sep=X" (it named the delimiter; the header is the next line). */
  sepLine: boolean;
  /**
   * Lines above the header that are not the "sep=" line: a title, an export date (lines with
   * no column separator, above the first line that has one). The readers skip them.
   */
  titleLines: number;
  /** The header's line (1 unless a "sep=" line or title lines come first). */
  headerLine: number;
  /** The file is UTF-16 and was read through a UTF-8 copy (utf16.ts): its own encoding. */
  transcodedFrom?: Utf16;
}

/** At most this many title lines are looked for above the header. */
const MAX_TITLE_LINES = 10;

const SAMPLE_BYTES = 64 * 1024;
/** Excel's first line naming the column separator: sep=; (sometimes in quotes). */
const SEP_LINE = /^"?sep=(.)"?[ \t]*(?:\r\n|\n|\r)/i;
const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/** `path` is read; messages name `file` (they differ for standard input). */
export async function sniffFile(path: string, file: string, force?: { encoding?: Encoding; delimiter?: Delimiter }): Promise<Sniffed> {
  const handle = await openForReading(path, file);
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    await handle.read(buf, 0, buf.length, 0);
    const transcodedFrom = utf16Origin(path);
    // A UTF-8 copy of a UTF-16 file (utf16.ts) is UTF-8, whatever --encoding says.
    if (transcodedFrom) return { ...sniffBuffer(buf, file, size, { ...force, encoding: 'utf-8' }), transcodedFrom };
    return sniffBuffer(buf, file, size, force);
  } finally {
    await handle.close();
  }
}

async function openForReading(path: string, file: string) {
  try {
    return await open(path, 'r');
  } catch (err) {
    throw openError(err, file);
  }
}

export function sniffBuffer(
  buf: Buffer,
  file: string,
  size: number,
  force?: { encoding?: Encoding; delimiter?: Delimiter },
): Sniffed {
  if (size === 0) throw new DataError(msg('data.empty'), { file }, msg('data.empty.hint'));
  const nul = buf.indexOf(0);
  if (nul !== -1) throw nulError(file, countLines(buf, nul));
  const control = controlBytes(buf);
  if (control.count > Math.max(2, buf.length / 100)) {
    throw new DataError(
      msg('data.binary'),
      { file, line: countLines(buf, control.first) },
      msg('data.exportCsv.hint'),
    );
  }
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const undecided = force?.encoding === undefined && isAscii(buf);
  const invalid = invalidUtf8At(buf);
  if (force?.encoding === undefined && invalid !== -1 && hasUtf8Letters(buf)) {
    // Windows-1252 text almost never holds a valid UTF-8 sequence: both means a mixed file,
    // which read either way would show "Ã¥" or "�" in place of å.
    throw new DataError(
      msg('data.mixedEncoding'),
      { file, line: countLines(buf, invalid) },
      msg('data.mixedEncoding.hint'),
    );
  }
  const encoding = force?.encoding ?? (invalid === -1 ? 'utf-8' : 'windows-1252');
  const text = textDecoder(encoding).decode(buf).replace(/^\uFEFF/, '');
  const sep = SEP_LINE.exec(text);
  if (sep && !DELIMITERS.includes(sep[1] as Delimiter) && force?.delimiter === undefined) {
    throw new DataError(
      msg('data.sepLine', { sep: sep[1]! }),
      { file, line: 1 },
      msg('data.sepLine.hint'),
    );
  }
  const named = sep ? (sep[1] as Delimiter) : undefined;
  const afterSep = sep ? text.slice(sep[0].length) : text;
  const titles = titleLinesOf(afterSep, force?.delimiter ?? named);
  const firstLine = sep ? 2 : 1;
  const delimiter = force?.delimiter ?? named ?? guessDelimiter(titles.header, file, firstLine + titles.lines);
  return { encoding, undecided, delimiter, bom, size, sepLine: sep !== null, titleLines: titles.count, headerLine: firstLine + titles.lines };
}

/**
 * Title lines above the header ("Trygghetsenkät 2024 – alla svar", "Anmälda brott, misshandel,
 * per 100 000 invånare" above a Brå table, an export date, blank lines between). The header is
 * the first line that has a separator (`delimiter`, or the one it has most of) and as many
 * fields as the line below it (which may only add empty ones, as Excel writes them); the lines
 * above it are titles if each has at most half its fields by any separator — a title may
 * hold a comma; a misshapen row, or a header written with another separator, is no title. Without such a header within the first lines,
 * the first line with a separator is the header (and without one, the first line, whose
 * missing separator is then the error). `count` is the title lines that are records (blank
 * lines are not), `lines` every line before the header.
 */
function titleLinesOf(text: string, delimiter: Delimiter | undefined): { count: number; lines: number; header: string } {
  const separators = delimiter ? [delimiter] : DELIMITERS;
  // The first lines: text (a quoted value may hold line breaks) and how many lines it spans.
  const segments: { text: string; lines: number }[] = [];
  for (let rest = text; segments.length <= MAX_TITLE_LINES + 1; ) {
    const line = headerLine(rest);
    segments.push({ text: line, lines: 1 + (line.match(/\r\n|\r|\n/g)?.length ?? 0) });
    if (line.length === rest.length) break; // the end of the sample
    rest = rest.slice(line.length + (rest.startsWith('\r\n', line.length) ? 2 : 1));
  }
  // Blank as the readers skip a row: every field empty or spaces (";;;;" under an Excel title).
  const emptyField = (f: string) => /^\s*("\s*")?\s*$/u.test(f);
  const blank = (s: string, d: Delimiter) => splitOutsideQuotes(s, d).every(emptyField);
  const fields = (s: string, d: Delimiter) => countOutsideQuotes(s, d) + 1;
  const filled = (s: string, d: Delimiter) => splitOutsideQuotes(s, d).filter((f) => !emptyField(f)).length;
  const before = (j: number, d: Delimiter) => {
    let lines = 0;
    for (let i = 0; i < j; i++) lines += segments[i]!.lines;
    return { count: segments.slice(0, j).filter((x) => !blank(x.text, d)).length, lines };
  };
  for (let j = 0; j < segments.length && j <= MAX_TITLE_LINES; j++) {
    const line = segments[j]!.text;
    const d = separators.reduce((a, b) => (countOutsideQuotes(line, b) > countOutsideQuotes(line, a) ? b : a));
    // A header names two columns or more ("Trygghetsenkät 2024;;;;" is a title).
    if (filled(line, d) < 2) continue;
    const width = fields(line, d);
    const next = segments.slice(j + 1).find((x) => !blank(x.text, d))?.text;
    const matches = next === undefined || fields(next, d) === width || (fields(next, d) > width && splitOutsideQuotes(next, d).slice(width).every(emptyField));
    // With any separator: a header written with another one (mixed delimiters) is no title.
    const titlesAbove = segments.slice(0, j).every((x) => blank(x.text, d) || 2 * Math.max(...DELIMITERS.map((s2) => filled(x.text, s2))) <= width);
    if (matches && titlesAbove) return { ...before(j, d), header: line };
    if (matches) break;
  }
  // The rule before: lines with no separator at all are titles.
  for (let j = 0; j < segments.length && j <= MAX_TITLE_LINES; j++) {
    const line = segments[j]!.text;
    const d = separators.find((s2) => countOutsideQuotes(line, s2) > 0);
    if (d !== undefined) return { ...before(j, d), header: line };
  }
  return { count: 0, lines: 0, header: headerLine(text) };
}

/** A line's fields, split at `d` outside quotes (quotes kept: only blankness is asked of them). */
function splitOutsideQuotes(line: string, d: string): string[] {
  const out: string[] = [];
  let inQuotes = false;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === d) {
      out.push(line.slice(from, i));
      from = i + 1;
    }
  }
  out.push(line.slice(from));
  return out;
}

export function nulError(file: string, line: number): DataError {
  return new DataError(
    msg('data.nul'),
    { file, line },
    msg('data.exportCsv.hint'),
  );
}

/** C0 control characters other than tab, CR and LF (NUL is checked before). */
function controlBytes(buf: Buffer): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) {
      if (first === -1) first = i;
      count++;
    }
  }
  return { count, first };
}

/** Whether the bytes hold a multi-byte UTF-8 character (an å, ä or ö written as UTF-8). */
function hasUtf8Letters(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0xc2 && utf8CharLength(buf, i) >= 2) return true;
  return false;
}

/**
 * Length of the valid UTF-8 character at `i`; 0 when the bytes there are not valid UTF-8;
 * -1 when the buffer ends inside a character that is valid so far (more bytes may follow).
 */
export function utf8CharLength(buf: Uint8Array, i: number): number {
  const b = buf[i]!;
  if (b < 0x80) return 1;
  // Lead byte → length and the range allowed for the second byte (no overlongs, no surrogates).
  let len: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) len = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < len; k++) {
    if (i + k >= buf.length) return -1;
    const c = buf[i + k]!;
    if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return 0;
  }
  return len;
}

/** Offset of the first byte from `from` on that is not valid UTF-8, or -1 (a character cut at the end counts as valid). */
export function invalidUtf8At(buf: Uint8Array, from = 0): number {
  for (let i = from; i < buf.length; ) {
    if (buf[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8CharLength(buf, i);
    if (len === 0) return i;
    if (len === -1) return -1;
    i += len;
  }
  return -1;
}

function headerLine(text: string): string {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

function guessDelimiter(header: string, file: string, line: number): Delimiter {
  const counts = DELIMITERS.map((d) => countOutsideQuotes(header, d));
  const best = Math.max(...counts);
  if (best === 0) {
    throw new DataError(
      msg('data.noDelimiter'),
      { file, line },
      msg('data.noDelimiter.hint'),
    );
  }
  return DELIMITERS[counts.indexOf(best)]!;
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === ch) n++;
  }
  return n;
}

/** The 1-based line of byte offset `end`. */
export function countLines(buf: Uint8Array, end: number): number {
  let n = 1;
  for (let i = buf.indexOf(10); i !== -1 && i < end; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

export function delimiterName(d: Delimiter): string {
  return d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'tab';
}
