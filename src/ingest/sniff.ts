// Guess a CSV file's encoding and delimiter from its first bytes, the way a person would:
// UTF-8 (with or without BOM) unless the bytes are not valid UTF-8, then Windows-1252 (what
// Swedish Excel writes); the delimiter that splits the header into the most columns.
import { open } from 'node:fs/promises';
import { DataError } from '../errors.js';

export type Encoding = 'utf-8' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t';

export interface Sniffed {
  encoding: Encoding;
  delimiter: Delimiter;
  /** The file starts with a UTF-8 byte order mark. */
  bom: boolean;
  /** File size in bytes. */
  size: number;
}

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS: Delimiter[] = [',', ';', '\t'];

export async function sniffFile(file: string, force?: { encoding?: Encoding; delimiter?: Delimiter }): Promise<Sniffed> {
  const handle = await openForReading(file);
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    await handle.read(buf, 0, buf.length, 0);
    return sniffBuffer(buf, file, size, force);
  } finally {
    await handle.close();
  }
}

async function openForReading(file: string) {
  try {
    return await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError('file not found', { file }, 'Check the path and spelling');
    if (code === 'EISDIR') throw new DataError('is a folder, not a CSV file', { file }, 'Pass the CSV files inside it (e.g. folder/*.csv)');
    throw new DataError(`cannot read the file (${code ?? 'unknown error'})`, { file });
  }
}

export function sniffBuffer(
  buf: Buffer,
  file: string,
  size: number,
  force?: { encoding?: Encoding; delimiter?: Delimiter },
): Sniffed {
  if (size === 0) throw new DataError('the file is empty', { file }, 'Export the survey again, with a header row and one row per respondent');
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new DataError('the file is UTF-16 encoded', { file, line: 1 }, 'Save it as "CSV UTF-8" (in Excel: Spara som → CSV UTF-8)');
  }
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    const line = countLines(buf, nul);
    throw new DataError('the file contains NUL bytes: it is not a text CSV file (a spreadsheet or binary file?)', { file, line }, 'Export the data as CSV (comma or semicolon separated text)');
  }
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const encoding = force?.encoding ?? (isUtf8Prefix(buf) ? 'utf-8' : 'windows-1252');
  const text = new TextDecoder(encoding).decode(buf);
  const delimiter = force?.delimiter ?? guessDelimiter(headerLine(text.replace(/^\uFEFF/, '')), file);
  return { encoding, delimiter, bom, size };
}

/** Valid UTF-8, allowing the sample to end in the middle of a multi-byte character. */
function isUtf8Prefix(buf: Buffer): boolean {
  for (let cut = 0; cut < 4 && cut < buf.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, buf.length - cut));
      return true;
    } catch {
      // Try again without the last bytes: they may be a character cut by the sample.
    }
  }
  return false;
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

function guessDelimiter(header: string, file: string): Delimiter {
  const counts = DELIMITERS.map((d) => countOutsideQuotes(header, d));
  const best = Math.max(...counts);
  if (best === 0) {
    throw new DataError(
      'could not find a column separator in the header (no comma, semicolon or tab)',
      { file, line: 1 },
      'The file needs a header row with the column names, separated by , or ; (or use --delimiter)',
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

function countLines(buf: Buffer, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (buf[i] === 0x0a) n++;
  return n;
}

export function delimiterName(d: Delimiter): string {
  return d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'tab';
}
