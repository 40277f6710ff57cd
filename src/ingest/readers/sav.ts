// SPSS system files (.sav, and .zsav with zlib blocks) record by record. Our own reader, after
// PSPP's description of the format, checked value for value against R haven (ReadStat) and
// PSPP on the fixtures in test/fixtures/formats (made by make.R). The npm readers were tried
// first: sav-reader 2.0.8 decodes every text as UTF-8 (a Windows-1252 file, as older or
// Swedish-locale SPSS writes, loses å ä ö) and refuses .zsav; @codious/sav-reader-writer's
// reader is an empty stub; no other reader is in the registry.
//
// Rows are the strings a CSV export would hold: numbers in full ("1", "1.076"), dates as ISO
// dates, texts without SPSS's trailing padding, and system- and user-missing values empty.
// Variable labels are the questions and value labels the answer texts (SourceColumn); the
// decoder lets a config name either a code or its label.
import { open, type FileHandle } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { DataError, LagesbildError, msg, type Location, type Message } from '../../errors.js';
import { openError } from '../source.js';
import { textDecoder } from '../decoder.js';
import type { ReadOptions, ReadResult, RowHandlers, SourceColumn, SourceHeader } from '../source.js';

/** One variable's slice of a record, and how its bytes become text. */
interface Variable {
  name: string;
  label?: string;
  /** 0 = numeric; else the string width in bytes. */
  width: number;
  /** Offset of its first 8-byte slot in a record. */
  slot: number;
  /** SPSS format type of its print format (dates are 20, 22, 23 …). */
  formatType: number;
  missing: MissingSpec;
  /** String byte ranges within the record (several for a very long string). */
  pieces: { offset: number; length: number }[];
  valueLabels?: Map<string, string>;
}

interface MissingSpec {
  values: number[];
  strings: string[];
  range: [number, number] | null;
}

/** -DBL_MAX: the system-missing value. */
const SYSMIS = -Number.MAX_VALUE;

export async function readSav(path: string, file: string, handlers: RowHandlers, opts: ReadOptions = {}, note?: Message): Promise<ReadResult> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw openError(err, file);
  }
  const at: Location = { file, record: true };
  try {
    const src = new ByteSource(handle);
    const dict = await readDictionary(src, file, opts);
    const columns: SourceColumn[] = dict.variables.map((v) => ({
      name: v.name,
      ...(v.label ? { label: v.label } : {}),
      ...(v.valueLabels && v.valueLabels.size > 0 ? { valueLabels: v.valueLabels } : {}),
    }));
    const header: SourceHeader = {
      format: 'sav',
      file,
      columns,
      names: columns.map((c) => c.name),
      at,
      decimalComma: false,
      encoding: dict.encoding,
      delimiter: null,
      note,
    };
    handlers.onHeader(header);
    const rows = await readRecords(src, dict, file, handlers, opts);
    return { rows, header };
  } catch (err) {
    if (err instanceof LagesbildError) throw err;
    if (err instanceof RangeError || err instanceof TypeError) throw damaged(file);
    throw err;
  } finally {
    await handle.close();
  }
}

function damaged(file: string, where = ''): DataError {
  return new DataError(msg('sav.damaged', { where }), { file }, msg('sav.damaged.hint'));
}

// ── Bytes ──────────────────────────────────────────────────────────────────────────────────

/** Buffered sequential reads from a file, in either byte order. */
class ByteSource {
  private buf = Buffer.alloc(0);
  private pos = 0;
  /** File offset of buf[0]. */
  private base = 0;
  le = true;

  constructor(private readonly handle: FileHandle) {}

  get offset(): number {
    return this.base + this.pos;
  }

  /** Make `n` bytes available; false at the end of the file. */
  async ensure(n: number): Promise<boolean> {
    if (this.buf.length - this.pos >= n) return true;
    const rest = this.buf.subarray(this.pos);
    const size = Math.max(n, 1 << 20);
    const next = Buffer.alloc(rest.length + size);
    rest.copy(next);
    const { bytesRead } = await this.handle.read(next, rest.length, size, this.base + this.buf.length);
    this.base += this.pos;
    this.buf = next.subarray(0, rest.length + bytesRead);
    this.pos = 0;
    return this.buf.length >= n;
  }

  async need(n: number, file: string): Promise<void> {
    if (!(await this.ensure(n))) throw damaged(file);
  }

  async int(file: string): Promise<number> {
    await this.need(4, file);
    const v = this.le ? this.buf.readInt32LE(this.pos) : this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  async double(file: string): Promise<number> {
    await this.need(8, file);
    const v = this.le ? this.buf.readDoubleLE(this.pos) : this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  async bytes(n: number, file: string): Promise<Buffer> {
    await this.need(n, file);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return Buffer.from(b);
  }

  /** The bytes buffered from the current position on (consumed), or null at the end. */
  async chunk(): Promise<Buffer | null> {
    if (!(await this.ensure(1))) return null;
    const b = this.buf.subarray(this.pos);
    this.pos = this.buf.length;
    return b;
  }

  async seek(offset: number): Promise<void> {
    this.buf = Buffer.alloc(0);
    this.pos = 0;
    this.base = offset;
  }

  async readAt(offset: number, n: number, file: string): Promise<Buffer> {
    const b = Buffer.alloc(n);
    const { bytesRead } = await this.handle.read(b, 0, n, offset);
    if (bytesRead < n) throw damaged(file);
    return b;
  }
}

// ── Dictionary ─────────────────────────────────────────────────────────────────────────────

interface Dictionary {
  variables: Variable[];
  /** Record length in 8-byte slots. */
  slots: number;
  compression: 0 | 1 | 2;
  bias: number;
  le: boolean;
  encoding: string;
}

interface RawVariable {
  slot: number;
  width: number;
  name: string;
  labelBytes?: Buffer;
  missingCount: number;
  missingRaw: Buffer[];
  formatType: number;
}

async function readDictionary(src: ByteSource, file: string, opts: ReadOptions): Promise<Dictionary> {
  const head = await src.bytes(176, file);
  const magic = head.toString('latin1', 0, 4);
  if (magic !== '$FL2' && magic !== '$FL3') throw new DataError(msg('sav.notSav'), { file });
  const layout = head.readInt32LE(64);
  src.le = layout === 2 || layout === 3;
  if (!src.le && head.readInt32BE(64) !== 2 && head.readInt32BE(64) !== 3) throw damaged(file, 'unknown byte order');
  const int = (o: number) => (src.le ? head.readInt32LE(o) : head.readInt32BE(o));
  const compression = int(72);
  if (compression !== 0 && compression !== 1 && compression !== 2) throw damaged(file, `unknown compression ${compression}`);
  const bias = src.le ? head.readDoubleLE(84) : head.readDoubleBE(84);

  const raw: RawVariable[] = [];
  let slot = 0;
  /** Value labels: raw 8-byte values, applied to the variables at these slot numbers. */
  const labelSets: { pairs: [Buffer, Buffer][]; slots: number[] }[] = [];
  let longNames = new Map<string, string>();
  let veryLong = new Map<string, number>();
  let encodingName: string | null = null;
  let codePage: number | null = null;
  const longLabels: Buffer[] = [];
  const longMissing: Buffer[] = [];

  for (;;) {
    const type = await src.int(file);
    if (type === 2) {
      const width = await src.int(file);
      const hasLabel = await src.int(file);
      const missingCount = await src.int(file);
      const print = await src.int(file);
      await src.int(file); // write format
      const name = (await src.bytes(8, file)).toString('latin1');
      let labelBytes: Buffer | undefined;
      if (hasLabel === 1) {
        const len = await src.int(file);
        labelBytes = await src.bytes(len, file);
        await src.bytes(pad4(len) - len, file);
      }
      const missingRaw: Buffer[] = [];
      for (let i = 0; i < Math.abs(missingCount); i++) missingRaw.push(await src.bytes(8, file));
      if (width !== -1) raw.push({ slot, width, name, labelBytes, missingCount, missingRaw, formatType: (print >> 16) & 0xff });
      slot++;
    } else if (type === 3) {
      const count = await src.int(file);
      const pairs: [Buffer, Buffer][] = [];
      for (let i = 0; i < count; i++) {
        const value = await src.bytes(8, file);
        await src.need(1, file);
        const len = (await src.bytes(1, file))[0]!;
        const label = await src.bytes(len, file);
        await src.bytes(pad8(len + 1) - len - 1, file);
        pairs.push([value, label]);
      }
      if ((await src.int(file)) !== 4) throw damaged(file, 'value labels without their variables');
      const n = await src.int(file);
      const slots: number[] = [];
      for (let i = 0; i < n; i++) slots.push((await src.int(file)) - 1);
      labelSets.push({ pairs, slots });
    } else if (type === 6) {
      const lines = await src.int(file);
      await src.bytes(lines * 80, file);
    } else if (type === 7) {
      const subtype = await src.int(file);
      const size = await src.int(file);
      const count = await src.int(file);
      const data = await src.bytes(size * count, file);
      if (subtype === 3 && data.length >= 32) codePage = src.le ? data.readInt32LE(28) : data.readInt32BE(28);
      else if (subtype === 13) longNames = pairsOf(data.toString('latin1'), '\t', (v) => v);
      else if (subtype === 14) veryLong = pairsOf(data.toString('latin1').replace(/\0/g, ''), '\t', Number);
      else if (subtype === 20) encodingName = data.toString('latin1').trim();
      else if (subtype === 21) longLabels.push(data);
      else if (subtype === 22) longMissing.push(data);
    } else if (type === 999) {
      await src.int(file);
      break;
    } else {
      throw damaged(file, `unknown record type ${type}`);
    }
  }

  const encoding = opts.encoding ?? encodingOf(encodingName, codePage, file);
  const decoder = textDecoder(encoding);
  const text = (b: Buffer) => decoder.decode(b).replace(/[ \0]+$/, '');
  // Names are stored in the file's encoding too: the long name map is keyed by short name.
  const longNameMap = new Map([...longNames].map(([k, v]) => [text(Buffer.from(k, 'latin1')), text(Buffer.from(v, 'latin1'))]));
  const veryLongMap = new Map([...veryLong].map(([k, v]) => [text(Buffer.from(k, 'latin1')), v]));

  const variables: Variable[] = [];
  const bySlot = new Map<number, Variable>();
  const byName = new Map<string, Variable>();
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    const shortName = text(Buffer.from(r.name, 'latin1'));
    const v: Variable = {
      name: longNameMap.get(shortName) ?? shortName,
      width: r.width,
      slot: r.slot,
      formatType: r.formatType,
      missing: { values: [], strings: [], range: null },
      pieces: [],
    };
    if (r.labelBytes) v.label = text(r.labelBytes);
    const fullWidth = veryLongMap.get(shortName);
    if (r.width > 0 && fullWidth !== undefined && fullWidth > 255) {
      // A very long string: segments counted per 252 bytes, each full one holding 255 bytes of text.
      const segments = Math.ceil(fullWidth / 252);
      for (let k = 0; k < segments; k++) {
        const seg = raw[i + k];
        if (!seg) throw damaged(file, 'a very long text variable is incomplete');
        const length = k < segments - 1 ? 255 : fullWidth - 255 * (segments - 1);
        v.pieces.push({ offset: seg.slot * 8, length });
      }
      v.width = fullWidth;
      i += segments - 1;
    } else if (r.width > 0) {
      v.pieces.push({ offset: r.slot * 8, length: r.width });
    }
    readMissing(v, r, src.le, text);
    variables.push(v);
    bySlot.set(r.slot, v);
    byName.set(v.name, v);
  }

  for (const set of labelSets) {
    for (const s of set.slots) {
      const v = bySlot.get(s);
      if (!v) throw damaged(file, 'value labels for a variable that does not exist');
      v.valueLabels ??= new Map();
      for (const [value, label] of set.pairs) {
        const key = v.width === 0 ? numberText(src.le ? value.readDoubleLE(0) : value.readDoubleBE(0)) : text(value);
        v.valueLabels.set(key, text(label));
      }
    }
  }
  for (const data of longLabels) readLongLabels(data, src.le, text, byName);
  for (const data of longMissing) readLongMissing(data, src.le, text, byName);

  if (compression === 2) await skipToZlibData(src, file);
  return { variables, slots: slot, compression: compression as 0 | 1 | 2, bias, le: src.le, encoding };
}

function pad4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

function pad8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function pairsOf<V>(s: string, sep: string, value: (v: string) => V): Map<string, V> {
  const out = new Map<string, V>();
  for (const part of s.split(sep)) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq), value(part.slice(eq + 1)));
  }
  return out;
}

/** The file's character encoding: record 7.20 by name, else record 7.3's code page. */
function encodingOf(name: string | null, codePage: number | null, file: string): string {
  const candidates = [name, codePage === 65001 ? 'utf-8' : codePage === 2 || codePage === 20127 ? 'windows-1252' : codePage ? `windows-${codePage}` : null];
  for (const c of candidates) {
    if (!c) continue;
    try {
      return textDecoder(c).encoding;
    } catch {
      // try the next
    }
  }
  if (name === null && codePage === null) return 'windows-1252';
  throw new DataError(msg('sav.encoding', { name: String(name ?? codePage) }), { file }, msg('sav.encoding.hint'));
}

function readMissing(v: Variable, r: RawVariable, le: boolean, text: (b: Buffer) => string): void {
  const dbl = (b: Buffer) => (le ? b.readDoubleLE(0) : b.readDoubleBE(0));
  if (r.width === 0) {
    let values = r.missingRaw;
    if (r.missingCount < 0) {
      v.missing.range = [dbl(values[0]!), dbl(values[1]!)];
      values = values.slice(2);
    }
    v.missing.values = values.map(dbl);
  } else {
    v.missing.strings = r.missingRaw.map(text);
  }
}

/** Record 7.21: value labels of strings longer than 8 bytes. */
function readLongLabels(data: Buffer, le: boolean, text: (b: Buffer) => string, byName: Map<string, Variable>): void {
  const int = (o: number) => (le ? data.readInt32LE(o) : data.readInt32BE(o));
  let o = 0;
  while (o + 4 <= data.length) {
    const nameLen = int(o);
    const name = text(data.subarray(o + 4, o + 4 + nameLen));
    o += 4 + nameLen + 4; // name, width
    const n = int(o);
    o += 4;
    const v = byName.get(name);
    for (let i = 0; i < n; i++) {
      const valueLen = int(o);
      const value = text(data.subarray(o + 4, o + 4 + valueLen));
      o += 4 + valueLen;
      const labelLen = int(o);
      const label = text(data.subarray(o + 4, o + 4 + labelLen));
      o += 4 + labelLen;
      if (v) (v.valueLabels ??= new Map()).set(value, label);
    }
  }
}

/** Record 7.22: missing values of strings longer than 8 bytes. */
function readLongMissing(data: Buffer, le: boolean, text: (b: Buffer) => string, byName: Map<string, Variable>): void {
  const int = (o: number) => (le ? data.readInt32LE(o) : data.readInt32BE(o));
  let o = 0;
  while (o + 4 <= data.length) {
    const nameLen = int(o);
    const name = text(data.subarray(o + 4, o + 4 + nameLen));
    o += 4 + nameLen;
    const n = data[o]!;
    const valueLen = int(o + 1);
    o += 5;
    const v = byName.get(name);
    for (let i = 0; i < n; i++) {
      v?.missing.strings.push(text(data.subarray(o, o + valueLen)));
      o += valueLen;
    }
  }
}

// ── Records ────────────────────────────────────────────────────────────────────────────────

/** The data as a sequence of byte chunks: the file after the dictionary, or its inflated zlib blocks. */
type Chunks = () => Promise<Buffer | null>;

async function skipToZlibData(src: ByteSource, file: string): Promise<void> {
  // The zlib header: its own offset, then where the trailer is and how long.
  await src.bytes(24, file);
}

async function zlibChunks(src: ByteSource, file: string, le: boolean): Promise<Chunks> {
  const start = src.offset - 24;
  const head = await src.readAt(start, 24, file);
  const i64 = (b: Buffer, o: number) => Number(le ? b.readBigInt64LE(o) : b.readBigInt64BE(o));
  const trailerAt = i64(head, 8);
  const trailerLen = i64(head, 16);
  if (trailerLen < 24) throw damaged(file, 'compressed data without its index');
  const trailer = await src.readAt(trailerAt, trailerLen, file);
  const blocks = (le ? trailer.readInt32LE(20) : trailer.readInt32BE(20)) >>> 0;
  const list: { at: number; size: number }[] = [];
  for (let k = 0; k < blocks; k++) {
    const o = 24 + k * 24;
    if (o + 24 > trailer.length) throw damaged(file, 'compressed data index is cut off');
    list.push({ at: i64(trailer, o + 8), size: (le ? trailer.readInt32LE(o + 20) : trailer.readInt32BE(o + 20)) >>> 0 });
  }
  let k = 0;
  return async () => {
    if (k >= list.length) return null;
    const { at, size } = list[k++]!;
    try {
      return inflateSync(await src.readAt(at, size, file));
    } catch (err) {
      if (err instanceof LagesbildError) throw err;
      throw damaged(file, 'a compressed block cannot be unpacked');
    }
  };
}

async function readRecords(src: ByteSource, dict: Dictionary, file: string, handlers: RowHandlers, opts: ReadOptions): Promise<number> {
  const chunks: Chunks = dict.compression === 2 ? await zlibChunks(src, file, dict.le) : () => src.chunk();
  const recordBytes = dict.slots * 8;
  const record = Buffer.alloc(recordBytes);
  const fields = new Array<string>(dict.variables.length).fill('');
  const cell = dict.variables.map((v) => cellReader(v, dict.le, dict.encoding));
  let filled = 0;
  let rows = 0;
  let done = false;
  // Bytecode state: the current block of 8 commands and the next one to run.
  let commands: Buffer | null = null;
  let next = 8;
  const le = dict.le;
  const sysmis = Buffer.alloc(8);
  if (le) sysmis.writeDoubleLE(SYSMIS);
  else sysmis.writeDoubleBE(SYSMIS);

  const emit = () => {
    rows++;
    for (let i = 0; i < cell.length; i++) fields[i] = cell[i]!(record);
    handlers.onRow(fields, rows);
    filled = 0;
    if (opts.maxRows !== undefined && rows >= opts.maxRows) done = true;
  };
  /** Put one 8-byte value into the record; a full record is handed on. */
  const slot = (unit: Buffer, at: number) => {
    unit.copy(record, filled, at, at + 8);
    filled += 8;
    if (filled === recordBytes) emit();
  };

  let rest = Buffer.alloc(0);
  while (!done) {
    const chunk = await chunks();
    if (chunk === null) break;
    const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let o = 0;
    if (dict.compression === 0) {
      while (!done && o + recordBytes <= data.length) {
        data.copy(record, 0, o, o + recordBytes);
        o += recordBytes;
        filled = recordBytes;
        emit();
      }
    } else {
      while (!done) {
        if (next === 8) {
          if (o + 8 > data.length) break;
          commands = data.subarray(o, o + 8);
          o += 8;
          next = 0;
        }
        const c = commands![next]!;
        if (c === 253) {
          if (o + 8 > data.length) break;
          slot(data, o);
          o += 8;
        } else if (c === 0) {
          // padding
        } else if (c === 252) {
          done = true;
          break;
        } else if (c === 254) {
          record.fill(0x20, filled, filled + 8);
          filled += 8;
          if (filled === recordBytes) emit();
        } else if (c === 255) {
          slot(sysmis, 0);
        } else {
          if (le) record.writeDoubleLE(c - dict.bias, filled);
          else record.writeDoubleBE(c - dict.bias, filled);
          filled += 8;
          if (filled === recordBytes) emit();
        }
        next++;
      }
    }
    rest = Buffer.from(data.subarray(o));
  }
  if (!done && filled > 0) {
    throw new DataError(msg('sav.cutOff', { record: rows + 1 }), { file, record: true, line: rows + 1 }, msg('data.cutOff.hint'));
  }
  if (!done && dict.compression === 0 && rest.length > 0) {
    throw new DataError(msg('sav.cutOff', { record: rows + 1 }), { file, record: true, line: rows + 1 }, msg('data.cutOff.hint'));
  }
  return rows;
}

// ── Cells ──────────────────────────────────────────────────────────────────────────────────

/** Seconds from SPSS's day zero (14 October 1582) to 1970-01-01. */
const SPSS_EPOCH = 12219379200;
const DATE_TYPES = new Set([20, 23, 24, 28, 29, 30, 38, 39]);
const DATETIME_TYPES = new Set([22, 41]);
const TIME_TYPES = new Set([21, 25, 40]);

function cellReader(v: Variable, le: boolean, encoding: string): (record: Buffer) => string {
  if (v.width === 0) {
    const { values, range } = v.missing;
    const missing = (x: number) => values.includes(x) || (range !== null && x >= range[0] && x <= range[1]);
    const show = DATE_TYPES.has(v.formatType) ? dateText : DATETIME_TYPES.has(v.formatType) ? dateTimeText : TIME_TYPES.has(v.formatType) ? timeText : numberText;
    const offset = v.pieces.length ? v.pieces[0]!.offset : v.slot * 8;
    return (record) => {
      const x = le ? record.readDoubleLE(offset) : record.readDoubleBE(offset);
      if (x === SYSMIS || Number.isNaN(x) || missing(x)) return '';
      return show(x);
    };
  }
  const decoder = textDecoder(encoding);
  const ascii = encoding === 'utf-8' || encoding === 'windows-1252';
  const missing = new Set(v.missing.strings);
  const pieces = v.pieces;
  return (record) => {
    const bytes = pieces.length === 1 ? record.subarray(pieces[0]!.offset, pieces[0]!.offset + pieces[0]!.length) : Buffer.concat(pieces.map((p) => record.subarray(p.offset, p.offset + p.length)));
    let end = bytes.length;
    while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
    const part = bytes.subarray(0, end);
    // Plain ASCII (most answer codes) reads the same in either encoding, without a decoder.
    const s = ascii && isAscii(part) ? part.toString('latin1') : decoder.decode(part);
    return missing.size > 0 && missing.has(s) ? '' : s;
  };
}

function isAscii(b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return false;
  return true;
}

/** A number as text that reads back as the same number: "1", "1.076". */
export function numberText(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

function isoDate(seconds: number): Date {
  return new Date((seconds - SPSS_EPOCH) * 1000);
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(seconds: number): string {
  const d = isoDate(seconds);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function dateTimeText(seconds: number): string {
  const d = isoDate(seconds);
  return `${dateText(seconds)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function timeText(seconds: number): string {
  const s = Math.round(seconds);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
