// Respondents straight from a CSV's bytes: only the columns the config reads are looked at,
// and each of their values is looked up by its bytes. A cell's meaning depends on its text
// alone (see Cell in respondents.ts), so the text is decoded and `code` called once per
// distinct value of a column, and every later row costs a hash of a few bytes. Weights,
// which rarely repeat, are read as numbers from the bytes. Problems and everything else go
// through the same decoder as every other format, so rows, messages and sums are the same.
import type { ProjectConfig } from '../../config/schema.js';
import type { Location, Message } from '../../errors.js';
import { compileDecoder, MAX_WEIGHT, MIN_WEIGHT, type FileFacts, type ProblemSink, type Respondent, type RowDecoder } from '../respondents.js';
import type { ReadOptions } from '../source.js';
import { scanCsv, type CsvSegment, type ScanResult } from './csv.js';
import type { CsvRecord } from './csv-scan.js';

/** decodeRows (decode.ts) for a CSV file: `path` is read, messages name `file`. */
export async function decodeCsv(
  path: string,
  file: string,
  config: ProjectConfig,
  facts: FileFacts,
  sink: ProblemSink,
  opts: ReadOptions,
  onRespondent: (r: Respondent, line: number, at: Location) => void,
  note?: Message,
  segment?: CsvSegment,
): Promise<ScanResult> {
  let cells: ByteCells | null = null;
  let at: Location = { file };
  return scanCsv(path, file, opts, note, {
    onHeader(header) {
      cells = new ByteCells(compileDecoder(config, header, sink, facts));
      at = header.at;
    },
    onRecord(record, line) {
      const r = cells!.decode(record, line);
      if (r) onRespondent(r, line, at);
    },
  }, segment);
}

/** A decoder's cells read from records' bytes. */
export class ByteCells {
  private readonly codes: Float64Array;
  /** Per cell: its column, and its values seen so far by their bytes (null: a number read from the bytes). */
  private readonly columns: Int32Array;
  private readonly tables: (ByteTable | null)[];
  private readonly decimalComma: boolean;
  private record: CsvRecord | null = null;
  /** A cell's text, for the decoder to describe a problem (made once, not per row). */
  private readonly raw = (c: number): string => this.record!.text(this.columns[c]!);

  constructor(private readonly decoder: RowDecoder) {
    this.codes = new Float64Array(decoder.cells.length);
    this.columns = Int32Array.from(decoder.cells, (c) => c.index);
    this.tables = decoder.cells.map((c) => (c.numeric ? null : new ByteTable()));
    this.decimalComma = decoder.cells.some((c) => c.numeric?.decimalComma === true);
  }

  decode(record: CsvRecord, line: number): Respondent | null {
    const codes = this.codes;
    const columns = this.columns;
    const tables = this.tables;
    const { buf, starts, ends, escaped } = record;
    for (let c = 0; c < codes.length; c++) {
      const i = columns[c]!;
      const table = tables[c]!;
      if (escaped[i]) {
        codes[c] = this.slow(record, c, i, table);
        continue;
      }
      const s = starts[i]!;
      const e = ends[i]!;
      if (table === null) {
        const v = plainDecimal(buf, s, e, this.decimalComma);
        // Anything but a plain weight in range (empty, zero, signs, exponents) is read as text.
        codes[c] = v >= MIN_WEIGHT && v <= MAX_WEIGHT ? v : this.decoder.cells[c]!.code(record.text(i));
        continue;
      }
      let h = 0x811c9dc5;
      for (let p = s; p < e; p++) h = Math.imul(h ^ buf[p]!, 0x01000193);
      h |= 0;
      // The table's find(), inlined: this is the loop every row runs for every cell.
      const slots = table.slots;
      const mask = slots.length - 1;
      const n = e - s;
      let k = -1;
      for (let j = h & mask; ; j = (j + 1) & mask) {
        const x = slots[j]!;
        if (x < 0) break;
        if (table.hashes[x] === h && table.lengths[x] === n) {
          const o = table.offsets[x]!;
          const pool = table.pool;
          let q = 0;
          while (q < n && pool[o + q] === buf[s + q]) q++;
          if (q === n) {
            k = x;
            break;
          }
        }
      }
      if (k >= 0) codes[c] = table.values[k]!;
      else {
        const v = this.decoder.cells[c]!.code(record.text(i));
        table.add(buf, s, e, h, v);
        codes[c] = v;
      }
    }
    this.record = record;
    return this.decoder.compose(codes, line, this.raw);
  }

  /** A field with doubled quotes: looked up by its bytes with the quotes undone. */
  private slow(record: CsvRecord, c: number, i: number, table: ByteTable | null): number {
    const cell = this.decoder.cells[c]!;
    if (table === null) return cell.code(record.text(i));
    const bytes = record.unescaped(i);
    const h = hashBytes(bytes, 0, bytes.length);
    const k = table.find(bytes, 0, bytes.length, h);
    if (k >= 0) return table.values[k]!;
    const v = cell.code(record.text(i));
    // text() undid the quotes in the same scratch buffer: the same bytes again.
    const again = record.unescaped(i);
    table.add(again, 0, again.length, h, v);
    return v;
  }
}

/** FNV-1a over the bytes. */
function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let p = s; p < e; p++) h = Math.imul(h ^ buf[p]!, 0x01000193);
  return h | 0;
}

/**
 * Byte strings → numbers, open addressing. Bounded: a column with more distinct values than
 * it holds (an id used as cluster) is decoded as text for the values it has no room for.
 */
class ByteTable {
  private static readonly MAX_ENTRIES = 8192;
  private static readonly MAX_BYTES = 256 * 1024;
  slots = new Int32Array(64).fill(-1);
  hashes = new Int32Array(32);
  offsets = new Int32Array(32);
  lengths = new Int32Array(32);
  values = new Float64Array(32);
  pool = new Uint8Array(1024);
  private used = 0;
  private size = 0;

  find(buf: Uint8Array, s: number, e: number, h: number): number {
    const mask = this.slots.length - 1;
    const n = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = this.slots[i]!;
      if (k < 0) return -1;
      if (this.hashes[k] === h && this.lengths[k] === n) {
        const o = this.offsets[k]!;
        const pool = this.pool;
        let j = 0;
        while (j < n && pool[o + j] === buf[s + j]) j++;
        if (j === n) return k;
      }
    }
  }

  add(buf: Uint8Array, s: number, e: number, h: number, v: number): void {
    const n = e - s;
    if (this.size >= ByteTable.MAX_ENTRIES || this.used + n > ByteTable.MAX_BYTES) return;
    if (this.size === this.hashes.length) this.growEntries();
    if (this.used + n > this.pool.length) {
      const pool = new Uint8Array(Math.max(2 * this.pool.length, this.used + n));
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    const k = this.size++;
    this.pool.set(buf.subarray(s, e), this.used);
    this.hashes[k] = h;
    this.offsets[k] = this.used;
    this.lengths[k] = n;
    this.values[k] = v;
    this.used += n;
    if (2 * this.size > this.slots.length) this.rehash();
    else this.place(k);
  }

  private place(k: number): void {
    const mask = this.slots.length - 1;
    let i = this.hashes[k]! & mask;
    while (this.slots[i]! >= 0) i = (i + 1) & mask;
    this.slots[i] = k;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let k = 0; k < this.size; k++) this.place(k);
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.hashes = grow32(this.hashes);
    this.offsets = grow32(this.offsets);
    this.lengths = grow32(this.lengths);
    const values = new Float64Array(n);
    values.set(this.values);
    this.values = values;
  }
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * "123", "1.25" (or "1,25" where commas are decimal) with at most 15 digits, read exactly as
 * Number() reads the text: both digit strings are exact doubles below 2^53 and one division
 * rounds correctly. NaN for any other form (the caller then reads the text).
 */
export function plainDecimal(buf: Uint8Array, s: number, e: number, decimalComma: boolean): number {
  if (e - s > 16 || s === e) return NaN;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (let p = s; p < e; p++) {
    const b = buf[p]!;
    if (b >= 0x30 && b <= 0x39) {
      m = m * 10 + (b - 0x30);
      digits++;
    } else if (point < 0 && p > s && (b === 0x2e || (decimalComma && b === 0x2c))) point = p;
    else return NaN;
  }
  if (digits > 15) return NaN;
  return point < 0 ? m : m / POW10[e - point - 1]!;
}
