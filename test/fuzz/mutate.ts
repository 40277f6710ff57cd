// Mutations for fuzzing: the kinds of damage real survey exports show (lost or doubled
// delimiters, stray quotes, random bytes, truncation, other encodings and line endings) as
// fast-check arbitraries, applied to a valid CSV; and the check every outcome must pass.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { EXIT, LagesbildError } from '../../src/errors.js';
import { dataFile } from '../examples/norrbacka.js';

/**
 * Positions are fractions of the current length, so a mutation applies to any text; drawn
 * without fast-check's usual bias towards small values, which would keep hitting the header.
 */
export const at = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

export type CsvMutation =
  | { op: 'dropDelimiter' | 'doubleDelimiter' | 'insertQuote' | 'truncate' | 'deleteLine' | 'duplicateLine' | 'blankLine'; at: number }
  | { op: 'insertBytes'; at: number; bytes: Uint8Array }
  | { op: 'random' | 'randomBody'; bytes: Uint8Array }
  | { op: 'replaceField'; at: number; text: string }
  | { op: 'encode'; to: 'latin1' | 'utf16le' | 'utf16le-bom' | 'utf8-bom' | 'crlf' | 'cr' }
  | { op: 'delimiter'; to: ';' | '\t' | '|' | ' ' };

/** A field value people or programs put in CSVs by mistake. */
const fieldText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 12, unit: 'binary' }),
  fc.constantFrom('', ' ', '"', '""', '\n', '\r\n', ',', ';', '-1', '0', '1,5', 'NaN', '1e400', '2023/24', '=1+1', 'Ja ', 'nej', '\u00a0', '\ufeff', '\u202e'),
);

export const csvMutation: fc.Arbitrary<CsvMutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('dropDelimiter', 'doubleDelimiter', 'insertQuote', 'truncate', 'deleteLine', 'duplicateLine', 'blankLine'), at }),
  fc.record({ op: fc.constant('insertBytes'), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  // Not a mutation but noise: a whole random file, or the real header over random rows.
  fc.record({ op: fc.constantFrom('random', 'randomBody'), bytes: fc.uint8Array({ maxLength: 400 }) }),
  fc.record({ op: fc.constant('replaceField'), at, text: fieldText }),
  fc.record({ op: fc.constant('encode'), to: fc.constantFrom('latin1', 'utf16le', 'utf16le-bom', 'utf8-bom', 'crlf', 'cr') }),
  fc.record({ op: fc.constant('delimiter'), to: fc.constantFrom(';', '\t', '|', ' ') }),
) as fc.Arbitrary<CsvMutation>;

export const csvMutations = fc.array(csvMutation, { minLength: 1, maxLength: 4 });

const COMMA = 0x2c;
const LF = 0x0a;

/** Index of the byte equal to `value` nearest at or after `from` (wrapping), or -1. */
function nearest(buf: Buffer, value: number, from: number): number {
  const i = buf.indexOf(value, from);
  return i !== -1 ? i : buf.indexOf(value);
}

function lineBounds(buf: Buffer, pos: number): [number, number] {
  const start = buf.lastIndexOf(LF, pos - 1) + 1;
  const nl = buf.indexOf(LF, pos);
  return [start, nl === -1 ? buf.length : nl + 1];
}

export function applyCsvMutation(buf: Buffer, m: CsvMutation): Buffer {
  const pos = 'at' in m ? Math.floor(m.at * buf.length) : 0;
  switch (m.op) {
    case 'dropDelimiter': {
      const i = nearest(buf, COMMA, pos);
      return i === -1 ? buf : Buffer.concat([buf.subarray(0, i), buf.subarray(i + 1)]);
    }
    case 'doubleDelimiter': {
      const i = nearest(buf, COMMA, pos);
      return i === -1 ? buf : Buffer.concat([buf.subarray(0, i), Buffer.from(','), buf.subarray(i)]);
    }
    case 'insertQuote':
      return Buffer.concat([buf.subarray(0, pos), Buffer.from('"'), buf.subarray(pos)]);
    case 'insertBytes':
      return Buffer.concat([buf.subarray(0, pos), Buffer.from(m.bytes), buf.subarray(pos)]);
    case 'random':
      return Buffer.from(m.bytes);
    case 'randomBody':
      return Buffer.concat([buf.subarray(0, buf.indexOf(LF) + 1), Buffer.from(m.bytes)]);
    case 'truncate':
      return buf.subarray(0, pos);
    case 'deleteLine': {
      const [s, e] = lineBounds(buf, pos);
      return Buffer.concat([buf.subarray(0, s), buf.subarray(e)]);
    }
    case 'duplicateLine': {
      const [s, e] = lineBounds(buf, pos);
      return Buffer.concat([buf.subarray(0, e), buf.subarray(s, e), buf.subarray(e)]);
    }
    case 'blankLine': {
      const [s] = lineBounds(buf, pos);
      return Buffer.concat([buf.subarray(0, s), Buffer.from(pos % 2 ? ',,,,\n' : '\n'), buf.subarray(s)]);
    }
    case 'replaceField': {
      // The field around pos: from the previous delimiter or line start to the next.
      let s = pos;
      while (s > 0 && buf[s - 1] !== COMMA && buf[s - 1] !== LF) s--;
      let e = pos;
      while (e < buf.length && buf[e] !== COMMA && buf[e] !== LF) e++;
      return Buffer.concat([buf.subarray(0, s), Buffer.from(m.text), buf.subarray(e)]);
    }
    case 'encode': {
      const text = buf.toString('utf8');
      switch (m.to) {
        case 'latin1':
          return Buffer.from(text, 'latin1');
        case 'utf16le':
          return Buffer.from(text, 'utf16le');
        case 'utf16le-bom':
          return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        case 'utf8-bom':
          return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
        case 'crlf':
          return Buffer.from(text.replace(/\r?\n/g, '\r\n'));
        case 'cr':
          return Buffer.from(text.replace(/\r?\n/g, '\r'));
      }
      break;
    }
    case 'delimiter':
      return Buffer.from(buf.toString('latin1').replaceAll(',', m.to), 'latin1');
  }
  return buf;
}

const DOCUMENTED_ERRORS = new Set<number>(Object.values(EXIT).filter((c) => c !== EXIT.ok));
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/**
 * Run `fn`: it succeeds, or throws one of our typed errors with a documented exit code and a
 * message that fits on one plain line. Anything else (a TypeError, a RangeError, a plain
 * Error) fails the property, and fast-check shrinks it to the smallest input that does it.
 */
export async function expectCleanOutcome(fn: () => Promise<unknown>): Promise<'ok' | LagesbildError> {
  try {
    await fn();
    return 'ok';
  } catch (err) {
    if (!(err instanceof LagesbildError)) throw err;
    expect(DOCUMENTED_ERRORS.has(err.exitCode), `exit code ${err.exitCode}`).toBe(true);
    const line = err.toLine();
    expect(line, 'the message is one plain line').not.toMatch(UNPRINTABLE);
    expect(line.length).toBeGreaterThan(0);
    return err;
  }
}

const ROWS_PER_AREA = 4;

/** A small valid file: the first rows of every municipality from a coded (2019) and a text (2021) wave. */
export function sampleCsv(): Buffer {
  const lines: string[] = [];
  for (const year of [2019, 2021]) {
    const [header, ...rows] = readFileSync(dataFile(year), 'utf8').trimEnd().split('\n');
    if (lines.length === 0) lines.push(header!);
    const taken = new Map<string, number>();
    for (const row of rows) {
      const area = row.split(',')[2]!;
      const n = taken.get(area) ?? 0;
      if (n < ROWS_PER_AREA) lines.push(row);
      taken.set(area, n + 1);
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}
