// The CSV tokenizer: bytes in, records out as byte ranges, nothing decoded that nobody asks for.
//
// Why our own and not a library: the reader must read exactly as before (csv-parse with the
// options of csv-reference.ts stays the reference, and a differential test runs both over the
// fuzz and bad-input corpora), give every error its file:line:column, and hand on bytes so that
// answers can be looked up without a string per field. udsv and papaparse (the fastest
// maintained JavaScript parsers we measured) take strings, not bytes, and report neither
// csv-parse's lines nor its errors; csv-parse itself cuts every field out as a string. This
// is one tight loop over the bytes, and it is the product's core.
//
// What "exactly as csv-parse" means, and how it is kept:
// - Quotes: a field that starts with " is quoted, "" inside is one quote, the closing quote
//   must be followed by the delimiter, a line break or the end; a quote inside an unquoted
//   field is an error. Records end at CRLF, LF or CR (mixed files); empty lines and records
//   of only blanks are skipped; a UTF-8 byte order mark (two, if the decoder left one) too.
// - Lines are counted as csv-parse counts them: every CR and LF byte is a line, except the LF
//   of a CRLF that ends a record (inside quotes a CRLF counts two).
// - The file is checked in the same 256 KiB chunks as the reference's read stream (NUL bytes,
//   invalid UTF-8, the encoding of a file whose sample was ASCII), each chunk before any
//   record ending in it, and a record is handed on in the chunk in which csv-parse, which
//   keeps the last two bytes of a chunk (three inside quotes) for the next, would hand it on.
// - The longest record (MAX_RECORD_CHARS) is measured as csv-parse measures it (see
//   LongRecord), only for records long enough to come near it.
import { isAscii, isUtf8 } from 'node:buffer';
import { DataError, msg } from '../../errors.js';
import { countLines, invalidUtf8At, nulError, utf8CharLength, type Encoding, type Sniffed } from '../sniff.js';
import { textDecoder } from '../decoder.js';

/** A longer record is almost always an unterminated quote swallowing the file. */
export const MAX_RECORD_CHARS = 1_000_000;
/** The reference reads 256 KiB at a time; its checks and errors follow these chunks. */
export const CHUNK_BYTES = 256 * 1024;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Byte classes in the inner loop: one load and one compare per byte. */
const PLAIN = 0;
const DELIMITER = 1;
const BREAK = 2;
const QUOTE_CLASS = 3;

/** The parse errors of the reference, by csv-parse's codes (readers/csv.ts words them). */
export type ParseErrorCode = 'INVALID_OPENING_QUOTE' | 'CSV_INVALID_CLOSING_QUOTE' | 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE';

export class CsvParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    /** csv-parse's line counter where parsing stopped. */
    readonly line: number,
    /** Fields completed in the record (csv-parse's `column`). */
    readonly column: number,
  ) {
    super(code);
  }
}

/**
 * One record: its fields as byte ranges of `buf`, valid only during the call. Fields are
 * decoded to text only when asked (`text`).
 */
export class CsvRecord {
  buf: Buffer = Buffer.alloc(0);
  count = 0;
  /** Field i is buf[starts[i], ends[i]) (inside its quotes). */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1 when field i holds doubled quotes ("") to be undone. */
  escaped = new Uint8Array(64);
  /** csv-parse's line counter when the record ended (the line of its last byte). */
  endLine = 0;
  /** CR and LF bytes inside its quoted fields: the record spans lines. */
  innerBreaks = 0;
  /** Byte offset in the file where the record starts. */
  offset = 0;
  private scratch = Buffer.alloc(256);

  constructor(private readonly decode: (bytes: Buffer) => string) {}

  /** Field i as text. */
  text(i: number): string {
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    if (s === e) return '';
    return this.decode(this.escaped[i] ? this.unescaped(i) : this.buf.subarray(s, e));
  }

  /** Field i's bytes with "" undone (only for fields that have them); valid until the next call. */
  unescaped(i: number): Buffer {
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    if (this.scratch.length < e - s) this.scratch = Buffer.alloc(2 * (e - s));
    const out = this.scratch;
    let n = 0;
    for (let p = s; p < e; p++) {
      const b = this.buf[p]!;
      out[n++] = b;
      if (b === QUOTE) p++;
    }
    return out.subarray(0, n);
  }

  /** Every field as text. */
  fields(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.text(i);
    return out;
  }

  /** Whether every field is blank (JavaScript's trim: csv-parse's skip_records_with_empty_values). */
  isBlank(): boolean {
    for (let i = 0; i < this.count; i++) if (!this.isBlankField(i)) return false;
    return true;
  }

  /** Whether field i is empty or white space only (as String.prototype.trim sees white space). */
  isBlankField(i: number): boolean {
    const buf = this.buf;
    let ascii = true;
    for (let p = this.starts[i]!, e = this.ends[i]!; p < e; p++) {
      const b = buf[p]!;
      if (b >= 0x80) ascii = false;
      else if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
    }
    return ascii || this.text(i).trim() === '';
  }

  /** Line breaks inside the record's values, each of CRLF, CR, LF counted once. */
  lineBreaks(): number {
    if (this.innerBreaks === 0) return 0;
    let n = 0;
    const buf = this.buf;
    for (let i = 0; i < this.count; i++) {
      for (let p = this.starts[i]!, e = this.ends[i]!; p < e; p++) {
        const b = buf[p]!;
        if (b === LF) n++;
        else if (b === CR) {
          n++;
          if (p + 1 < e && buf[p + 1] === LF) p++;
        }
      }
    }
    return n;
  }

  grow(): void {
    const n = this.starts.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.starts = grow32(this.starts);
    this.ends = grow32(this.ends);
    const e = new Uint8Array(n);
    e.set(this.escaped);
    this.escaped = e;
  }
}

/** Return STOP from onRecord to end the scan (enough rows read). */
export const STOP = 1;

export interface ScanOptions {
  delimiter: number;
  /** Called for every record that is not skipped; may throw (a row error) or return STOP. */
  onRecord(record: CsvRecord): void | typeof STOP;
  /**
   * A segment of the file (readers/csv-segments.ts): the first chunk pushed starts at byte
   * `start`, which begins a record (no byte order mark is looked for), and the scan ends
   * before the first record that starts at or after byte `end`. Line numbers then count from
   * the segment's start: a segment's errors are reported by reading the file whole.
   */
  segment?: { start: number; end: number };
}

/**
 * The chunk checks and the tokenizer. `push` each chunk of the file in order, then `end`.
 * Errors are thrown: DataError for the encoding checks, CsvParseError for the CSV syntax.
 */
export class CsvScanner {
  readonly record: CsvRecord;
  /** csv-parse's line counter at the start of the unread part. */
  private lines = 1;
  /** Line (counting LF only, as the reference's decoder does) at the start of the next chunk. */
  private chunkLine = 1;
  private buf: Buffer = Buffer.alloc(0);
  /** The memory `buf` lives in: chunks are read into it. */
  private storage: Buffer = Buffer.alloc(0);
  /** Start of the record being read, in `buf`. */
  private pos = 0;
  /** File offset of buf[0]. */
  private base = 0;
  private bomChecked = false;
  private undecided: boolean;
  /** UTF-8 bytes of a character cut by the end of the previous chunk. */
  private pendingUtf8: Buffer | null = null;
  private stopped = false;
  private readonly classes = new Uint8Array(256);
  private readonly long = new LongRecord();
  /** Where a segment's scan ended (see ScanOptions.segment): the offset of the next record. */
  private endedAt = -1;
  private readonly segmentEnd: number;

  constructor(
    private readonly sniffed: Sniffed,
    private readonly file: string,
    private readonly opts: ScanOptions,
  ) {
    this.undecided = sniffed.undecided;
    this.base = opts.segment?.start ?? 0;
    this.bomChecked = this.base > 0;
    this.segmentEnd = opts.segment?.end ?? Infinity;
    this.classes[opts.delimiter] = DELIMITER;
    this.classes[CR] = BREAK;
    this.classes[LF] = BREAK;
    this.classes[QUOTE] = QUOTE_CLASS;
    this.record = new CsvRecord((bytes) => this.decodeText(bytes));
  }

  get encoding(): Encoding {
    return this.sniffed.encoding;
  }

  get done(): boolean {
    return this.stopped;
  }

  /** No non-ASCII byte read yet in a file whose sample was ASCII: the encoding is still open. */
  get undecidedYet(): boolean {
    return this.undecided;
  }

  /** The file offset of the first record at or after the segment's end; -1 before it is reached. */
  get stoppedAt(): number {
    return this.endedAt;
  }

  /** The text of bytes in the file's encoding (decided by now: they were scanned). */
  decodeText(bytes: Buffer): string {
    if (this.sniffed.encoding === 'utf-8') return bytes.toString('utf8');
    return isAscii(bytes) ? bytes.toString('latin1') : (cp1252 ??= textDecoder('windows-1252')).decode(bytes);
  }

  /**
   * Room for the next chunk, after what is left of the record being read (moved to the front,
   * so reading costs no copy of the chunk and no new buffer): read into it, then `filled`.
   */
  space(n: number): Buffer {
    const rest = this.buf.length - this.pos;
    if (this.storage.length < rest + n) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.storage.length, rest + n));
      this.buf.copy(bigger, 0, this.pos);
      this.storage = bigger;
    } else if (this.pos > 0) this.storage.copyWithin(0, this.pos, this.buf.length);
    this.base += this.pos;
    this.buf = this.storage.subarray(0, rest);
    this.pos = 0;
    return this.storage.subarray(rest, rest + n);
  }

  /** The first `n` bytes of the last `space` hold the next chunk of the file. */
  filled(n: number): void {
    if (this.stopped) return;
    const rest = this.buf.length;
    this.buf = this.storage.subarray(0, rest + n);
    this.check(this.buf.subarray(rest));
    this.parse(false);
  }

  /** The next chunk of the file (a copy of it: see `space`). */
  push(chunk: Buffer): void {
    chunk.copy(this.space(chunk.length));
    this.filled(chunk.length);
  }

  end(): void {
    if (this.stopped) return;
    if (this.pendingUtf8 !== null) {
      throw new DataError(msg('data.cutOff'), { file: this.file, line: this.chunkLine }, msg('data.cutOff.hint'));
    }
    this.parse(true);
    this.stopped = true;
  }

  /** What the reference's decoder checks in each chunk before the parser sees it. */
  private check(chunk: Buffer): void {
    const line = this.chunkLine;
    const nul = chunk.indexOf(0);
    if (nul !== -1) throw nulError(this.file, line + countLines(chunk, nul) - 1);
    if (this.undecided && !isAscii(chunk)) {
      let first = 0;
      while (chunk[first]! < 0x80) first++;
      this.undecided = false;
      // One character decides: a valid UTF-8 sequence, or a Windows-1252 letter.
      this.sniffed.encoding = utf8CharLength(chunk, first) === 0 ? 'windows-1252' : 'utf-8';
    }
    if (this.sniffed.encoding === 'utf-8' && !this.validUtf8(chunk)) {
      throw new DataError(
        msg('data.mixedEncoding'),
        { file: this.file, line: line + countLines(chunk, Math.max(0, invalidUtf8At(chunk, leadingContinuation(chunk)))) - 1 },
        msg('data.mixedEncoding.hint'),
      );
    }
    this.chunkLine = line + countLines(chunk, chunk.length) - 1;
  }

  /** As a streaming fatal TextDecoder: a character cut at the end waits for the next chunk. */
  private validUtf8(chunk: Buffer): boolean {
    const data = this.pendingUtf8 ? Buffer.concat([this.pendingUtf8, chunk]) : chunk;
    this.pendingUtf8 = null;
    let end = data.length;
    // A lead byte in the last three whose character is valid so far but not complete.
    for (let i = Math.max(0, data.length - 3); i < data.length; i++) {
      if (data[i]! >= 0xc0 && utf8CharLength(data, i) === -1) {
        end = i;
        break;
      }
    }
    if (!isUtf8(end === data.length ? data : data.subarray(0, end))) return false;
    if (end < data.length) this.pendingUtf8 = Buffer.from(data.subarray(end));
    return true;
  }

  /**
   * How far csv-parse would get in this buffer: it handles a byte only with two more bytes of
   * text after it (three inside quotes). Its text is the UTF-8 encoding of what was decoded
   * so far, which for Windows-1252 is longer than the bytes; a cut UTF-8 character is not yet
   * decoded. Returns the first position it would not handle, for 2 and 3 bytes of look-ahead.
   */
  private limits(final: boolean): [number, number] {
    const buf = this.buf;
    if (final) return [buf.length, buf.length];
    const end = buf.length - (this.pendingUtf8?.length ?? 0);
    const cp1252 = this.sniffed.encoding === 'windows-1252';
    const out: [number, number] = [0, 0];
    for (const [k, need] of [
      [0, 2],
      [1, 3],
    ] as const) {
      // The last position p whose following text has at least `need` bytes.
      let text = 0;
      let p = end - 1;
      while (p >= this.pos && text < need) {
        const b = buf[p]!;
        text += cp1252 && b >= 0x80 ? cp1252Utf8Length(b) : 1;
        p--;
      }
      out[k] = text >= need ? p + 1 : this.pos;
    }
    return out;
  }

  /** Read every record that ends in the buffer (all of them at the end of the file). */
  private parse(final: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    const classes = this.classes;
    const rec = this.record;
    rec.buf = buf;
    const [limit2, limit3] = this.limits(final);
    let pos = this.pos;

    if (!this.bomChecked) {
      if (len < 3 && !final) return;
      this.bomChecked = true;
      // The reference's decoder drops one UTF-8 BOM, csv-parse (bom: true) another.
      if (this.sniffed.encoding === 'utf-8') for (let k = 0; k < 2 && isBom(buf, pos); k++) pos += 3;
      this.pos = pos;
    }

    // The record being read, and where csv-parse would have stopped in it (more data needed).
    // Both are set by two assignments, not `[partial, upTo] = [a, b]`: that makes an array and
    // reads it back, and each of the seven places, reached for the first time at the end of a
    // chunk, sent the optimised scanner back to the interpreter (seven compilations of it in a
    // 10 000-row run).
    let start = pos;
    let count = 0;
    let partial = -1;
    let upTo = -1;
    records: while (pos < len) {
      if (this.base + pos >= this.segmentEnd) {
        // The next segment's first record: this segment is read.
        this.endedAt = this.base + pos;
        this.pos = pos;
        this.stopped = true;
        return;
      }
      start = pos;
      const lines = this.lines;
      count = 0;
      let inner = 0;
      let p = pos;
      // Empty lines: a line break before any field is skipped, as csv-parse does.
      const first = buf[p]!;
      if (first === CR || first === LF) {
        if (p >= limit2) break;
        p += first === CR && buf[p + 1] === LF ? 2 : 1;
        this.lines++;
        pos = this.pos = p;
        continue;
      }
      for (;;) {
        // At the start of a field.
        if (count === rec.starts.length) rec.grow();
        if (p >= len) {
          if (!final) {
            partial = p;
            upTo = p;
            break records;
          }
          // The end of the file ends the record (a delimiter before it leaves an empty field).
          rec.starts[count] = rec.ends[count] = p;
          rec.escaped[count] = 0;
          count++;
          break;
        }
        let b = buf[p]!;
        if (b === QUOTE) {
          // A quoted field: up to the quote that is not doubled.
          const open = p;
          let escaped = 0;
          p++;
          for (;;) {
            while (p < len && (b = buf[p]!) !== QUOTE) {
              if (b === CR || b === LF) inner++;
              p++;
            }
            if (p + 1 < len && buf[p + 1] === QUOTE) {
              escaped = 1;
              p += 2;
              continue;
            }
            break;
          }
          if (p >= len || (p + 1 >= len && !final)) {
            if (!final) {
              partial = open;
              upTo = Math.min(p, limit3);
              break records;
            }
            this.checkLong(start, count, open, p);
            throw new CsvParseError('CSV_QUOTE_NOT_CLOSED', lines + inner, count);
          }
          // The closing quote: csv-parse handles it only with three bytes after it.
          if (p >= limit3) {
            partial = open;
            upTo = limit3;
            break records;
          }
          rec.starts[count] = open + 1;
          rec.ends[count] = p;
          rec.escaped[count] = escaped;
          p++;
          b = p < len ? buf[p]! : LF;
          const c = classes[b]!;
          if (c === DELIMITER) {
            count++;
            p++;
            continue;
          }
          if (c === BREAK) {
            count++;
            if (p >= len) break;
            if (p >= limit2) {
              partial = -1;
              upTo = p;
              break records;
            }
            p += b === CR && buf[p + 1] === LF ? 2 : 1;
            break;
          }
          this.checkLong(start, count, open, p - 1);
          throw new CsvParseError('CSV_INVALID_CLOSING_QUOTE', lines + inner, count);
        }
        // An unquoted field: up to a delimiter or line break; a quote in it is an error.
        const s = p;
        let c = PLAIN;
        while (p < len && (c = classes[buf[p]!]!) === PLAIN) p++;
        rec.starts[count] = s;
        rec.ends[count] = p;
        rec.escaped[count] = 0;
        if (p >= len) {
          if (!final) {
            partial = s;
            upTo = Math.min(p, limit2);
            break records;
          }
          count++;
          break;
        }
        if (c === QUOTE_CLASS) {
          // A quote at the start of a field opens it (above); anywhere else it is an error.
          if (p >= limit2) {
            partial = s;
            upTo = limit2;
            break records;
          }
          this.checkLong(start, count, s, p);
          throw new CsvParseError('INVALID_OPENING_QUOTE', lines + inner, count);
        }
        count++;
        if (c === DELIMITER) {
          p++;
          continue;
        }
        // A line break ends the record.
        if (p >= limit2) {
          partial = -1;
          upTo = p;
          break records;
        }
        p += buf[p] === CR && buf[p + 1] === LF ? 2 : 1;
        break;
      }
      // A whole record.
      this.checkLong(start, count, -1, p);
      rec.count = count;
      rec.endLine = lines + inner;
      rec.innerBreaks = inner;
      rec.offset = this.base + start;
      this.lines = lines + inner + 1;
      pos = this.pos = p;
      if (!rec.isBlank() && this.opts.onRecord(rec) === STOP) {
        this.stopped = true;
        return;
      }
    }
    this.pos = pos;
    // Waiting for the rest of a record: csv-parse would have counted what it read of it so far.
    if (upTo >= 0) this.checkLong(start, count, partial, upTo);
  }

  /** A record longer than LONG_RECORD bytes so far is measured exactly (see LongRecord). */
  private checkLong(start: number, count: number, partial: number, upTo: number): void {
    if (upTo - start > LONG_RECORD) this.long.check(this, this.record, start, count, partial, upTo);
  }

  /** For LongRecord: the record's text length as csv-parse counts it. */
  utf8Length(b: number): number {
    return this.sniffed.encoding === 'windows-1252' && b >= 0x80 ? cp1252Utf8Length(b) : 1;
  }

  /** For LongRecord: whether a byte starts a character (UTF-16 units it adds to a JavaScript string). */
  utf16Units(b: number): number {
    if (this.sniffed.encoding === 'windows-1252') return 1;
    if ((b & 0xc0) === 0x80) return 0;
    return b >= 0xf0 ? 2 : 1;
  }

  /** For LongRecord: csv-parse's line counter at the record's start. */
  get recordLine(): number {
    return this.lines;
  }
}

/**
 * A record of more than this many bytes may come near MAX_RECORD_CHARS (a byte is at most
 * three bytes of csv-parse's UTF-8 text): from here on it is measured exactly.
 */
const LONG_RECORD = Math.floor(MAX_RECORD_CHARS / 3);

/**
 * csv-parse's record size limit, measured as it measures: before each byte it appends to a
 * field it compares the UTF-16 length of the record's finished fields plus the UTF-8 length
 * of the field so far with the limit. Checked from the record's start up to a position.
 */
class LongRecord {
  /**
   * Throws CSV_MAX_RECORD_SIZE if csv-parse would have stopped before `upTo`: `count` fields
   * of the record starting at `start` are finished, and a field being read starts at
   * `partial` (-1: none).
   */
  check(scan: CsvScanner, rec: CsvRecord, start: number, count: number, partial: number, upTo: number): void {
    const buf = rec.buf;
    let recordLength = 0;
    const over = (from: number, to: number, quoted: boolean): boolean => {
      // Content bytes from..to as csv-parse appends them: a doubled quote once.
      let field = 0;
      for (let p = from; p < to; p++) {
        const b = buf[p]!;
        if (quoted && b === QUOTE) {
          if (p + 1 < to && buf[p + 1] === QUOTE) p++;
          else continue;
        }
        for (let k = scan.utf8Length(b); k > 0; k--) {
          if (recordLength + field > MAX_RECORD_CHARS) return true;
          field++;
        }
      }
      return false;
    };
    let fieldStart = start;
    for (let i = 0; i < count; i++) {
      const s = rec.starts[i]!;
      const e = rec.ends[i]!;
      const quoted = s === fieldStart + 1 && buf[fieldStart] === QUOTE;
      if (over(s, e, quoted)) throw new CsvParseError('CSV_MAX_RECORD_SIZE', scan.recordLine, i);
      for (let p = s; p < e; p++) {
        const b = buf[p]!;
        if (quoted && b === QUOTE) p++;
        recordLength += scan.utf16Units(b);
      }
      fieldStart = (quoted ? e + 1 : e) + 1;
    }
    if (partial >= 0 && partial < upTo) {
      const quoted = buf[partial] === QUOTE;
      if (over(quoted ? partial + 1 : partial, upTo, quoted)) throw new CsvParseError('CSV_MAX_RECORD_SIZE', scan.recordLine, count);
    }
  }
}

function isBom(buf: Buffer, p: number): boolean {
  return buf[p] === 0xef && buf[p + 1] === 0xbb && buf[p + 2] === 0xbf;
}

let cp1252: ReturnType<typeof textDecoder> | undefined;

/** Windows-1252 byte ≥ 0x80 → length of its character in UTF-8 (the 0x80–0x9F letters are 2 or 3). */
function cp1252Utf8Length(b: number): number {
  if (b >= 0xa0) return 2;
  return CP1252_HIGH_LENGTHS[b - 0x80]!;
}

const CP1252_HIGH_LENGTHS = (() => {
  const out = new Uint8Array(32);
  const text = textDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
  for (let i = 0; i < 32; i++) out[i] = Buffer.byteLength(text[i]!, 'utf8');
  return out;
})();

/** Bytes at the start of a chunk that continue a character begun in the previous chunk. */
function leadingContinuation(chunk: Buffer): number {
  let i = 0;
  while (i < 3 && i < chunk.length && (chunk[i]! & 0xc0) === 0x80) i++;
  return i;
}
