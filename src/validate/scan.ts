// The checks ingest does not make, on the raw rows of each file: garbled å ä ö, weights with
// decimal commas, empty columns Excel adds at the end, repeated column names and repeated
// respondent ids. One extra streaming pass per file; nothing but counts and line numbers is kept
// (and, for duplicate ids, one entry per respondent: see DuplicateIds).
import { open } from 'node:fs/promises';
import type { Indicator, ProjectConfig } from '../config/schema.js';
import { ConfigError, LagesbildError } from '../errors.js';
import type { Delimiter, Sniffed } from '../ingest/sniff.js';
import { displayName, localPath, readRows, titleAbove, type Format, type ReadOptions, type SourceHeader } from '../ingest/source.js';
import { Tally, type OwnFinding } from './findings.js';
import { textDecoder } from '../ingest/decoder.js';
import { otherOptionTest } from '../ingest/respondents.js';
import { scaleOf } from '../config/read.js';

export interface FileCheck {
  file: string;
  /** Null when the file could not be opened. */
  format: Format | null;
  /** Excel: the sheet read. */
  sheet?: string;
  /** The header's line or row when a title above it was skipped (see titleAbove). */
  headerBelowTitle?: number;
  /** The line or row of the header's second row, joined to it (see joinSubHeader). */
  subHeaderLine?: number;
  /** Data rows read (up to the error when the file could not be read to the end). */
  rows: number;
  /** What was detected (or forced): the text encoding of a CSV, the character encoding of an SPSS file; null for Excel. */
  encoding: string | null;
  delimiter: Delimiter | null;
  bom: boolean;
  /** The file could not be read to the end: see its read-error finding. */
  failed: boolean;
}

/**
 * "å" written as UTF-8 and read back as Windows-1252 (or Latin-1) becomes "Ã¥": "Ã" followed by
 * what the second byte of a two-byte UTF-8 letter (0x80–0xBF) decodes to in either code page.
 * No Swedish word has "Ã" before any of these.
 */
const MOJIBAKE = /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;
/** The Unicode replacement character: a converter met bytes it could not read and dropped them. */
const REPLACEMENT = '\uFFFD';
const DECIMAL_COMMA = /^\s*\+?\d*,\d+\s*$/;

/** Every column name the config reads. */
export function configColumns(config: ProjectConfig): Set<string> {
  const names = [
    config.columns.area,
    config.columns.year,
    config.columns.id,
    config.design.weight,
    config.design.strata,
    config.design.cluster,
    config.groups.gender.column,
    config.groups.grade?.column,
  ];
  for (const ind of config.indicators) {
    names.push(ind.column);
    if (ind.population && 'column' in ind.population) names.push(ind.population.column);
  }
  return new Set(names.filter((n): n is string => n !== undefined));
}

/**
 * Repeated respondent ids within a municipality and wave (ids often restart at 1 each year or
 * in each municipality's file). Only validate does this check: it keeps one map entry per
 * respondent, which the reporting commands must not (their memory is bounded by cells).
 * Entries hold the first row's file and line, never anything printed but line numbers.
 */
export class DuplicateIds {
  private readonly seen = new Map<string, number>();
  private readonly files: string[] = [];
  readonly tally = new Tally();

  constructor(readonly column: string) {}

  /** Register a file; returns its number for `check`. */
  file(name: string): number {
    this.files.push(name);
    return this.files.length - 1;
  }

  check(fileNo: number, line: number, key: string): void {
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, fileNo * 2 ** 32 + line);
      return;
    }
    const firstFile = this.files[Math.floor(first / 2 ** 32)]!;
    this.tally.hit({ file: this.files[fileNo]!, line, field: this.column, firstAt: { file: firstFile, line: first % 2 ** 32 } });
  }

  finding(): OwnFinding | null {
    const { count, locations } = this.tally;
    return count === 0 ? null : { code: 'duplicate-id', severity: 'error', column: this.column, count, locations };
  }
}

export interface ScanResult {
  check: FileCheck;
  findings: OwnFinding[];
  /** Why the file could not be read to the end. */
  error?: LagesbildError;
}

/** Scan one file's raw rows. Read errors are returned, not thrown, with what was found up to them. */
export async function scanFile(file: string, config: ProjectConfig, opts: ReadOptions, ids: DuplicateIds | null): Promise<ScanResult> {
  const name = displayName(file);
  const check: FileCheck = { file: name, format: null, rows: 0, encoding: null, delimiter: null, bom: false, failed: false };
  const used = configColumns(config);
  const mojibake = new Tally();
  const replacement = new Tally();
  const decimalComma = new Tally();
  const header: { names: string[]; duplicates: OwnFinding[] } = { names: [], duplicates: [] };
  let sniffedAt: Sniffed | null = null;
  let source: SourceHeader | null = null;
  let weight = -1;
  let idCols: [number, number, number] | null = null;
  const fileNo = ids?.file(file) ?? -1;
  const others = otherOptionChecks(config);

  const cells = (fields: string[], line: number) => {
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const where = { ...source!.at, line, column: i + 1, field: header.names[i] };
      if (f.includes('Ã') && MOJIBAKE.test(f)) mojibake.hit(where);
      if (f.includes(REPLACEMENT)) replacement.hit(where);
    }
  };

  let error: LagesbildError | undefined;
  try {
    await readRows(
      file,
      {
        onHeader: (h) => {
          source = h;
          sniffedAt = h.sniffed ?? null;
          Object.assign(check, { format: h.format, sheet: h.sheet, encoding: h.encoding, delimiter: h.delimiter, bom: h.sniffed?.bom ?? false });
          const below = titleAbove(h);
          if (below !== null) check.headerBelowTitle = below;
          if (h.subHeaderLine !== undefined) check.subHeaderLine = h.subHeaderLine;
          const names = h.names;
          header.names = names;
          header.duplicates = duplicateHeaders(names, used, h);
          if (h.headerLine !== undefined) cells(names, h.headerLine);
          const idx = (name: string | undefined) => (name === undefined ? -1 : names.indexOf(name));
          for (const o of others) {
            o.at = idx(o.column);
            if (o.at === -1) continue;
            try {
              o.test = otherOptionTest(config, o.indicator, h.columns[o.at]!, name);
            } catch (err) {
              // Value labels that contradict the scale: ingest reports it.
              if (!(err instanceof ConfigError)) throw err;
              o.at = -1;
            }
          }
          // Only semicolon CSV reads "1,5" as a number: elsewhere it is an error ingest reports.
          weight = h.format === 'csv' && h.decimalComma ? idx(config.design.weight) : -1;
          const id = idx(config.columns.id);
          if (ids && id !== -1) idCols = [idx(config.columns.year), idx(config.columns.area), id];
        },
        onRow: (fields, line) => {
          check.rows++;
          cells(fields, line);
          if (weight !== -1 && DECIMAL_COMMA.test(fields[weight]!)) decimalComma.hit({ ...source!.at, line, column: weight + 1, field: config.design.weight });
          for (const o of others) {
            if (o.at === -1) continue;
            const raw = fields[o.at]!;
            let other = o.known.get(raw);
            if (other === undefined) {
              other = o.test(raw);
              // Cells repeat (the same options ticked); pupils' own words rarely do.
              if (o.known.size < 10_000) o.known.set(raw, other);
            }
            if (other) o.tally.hit({ ...source!.at, line, column: o.at + 1, field: o.column });
          }
          if (idCols && ids) {
            const [y, a, i] = idCols;
            const id = fields[i]!.trim();
            // An empty id is not an id: ingest decides whether such a row is otherwise valid.
            if (id !== '') ids.check(fileNo, line, `${y === -1 ? '' : fields[y]!.trim()}\u0000${a === -1 ? '' : fields[a]!.trim()}\u0000${id}`);
          }
        },
      },
      opts,
    );
  } catch (err) {
    if (!(err instanceof LagesbildError)) throw err;
    error = err;
    check.failed = true;
  }

  const findings: OwnFinding[] = [];
  const sniffed = sniffedAt as Sniffed | null;
  // With garbled letters the note that å ä ö read correctly would be wrong.
  if (sniffed?.encoding === 'windows-1252' && mojibake.count === 0) findings.push({ code: 'windows-1252', severity: 'info', count: 1, locations: [{ file: name }] });
  if (mojibake.count > 0) {
    findings.push({ code: 'mojibake', severity: 'error', encoding: sniffed?.encoding ?? 'utf-8', count: mojibake.count, locations: mojibake.locations });
  }
  if (replacement.count > 0) findings.push({ code: 'replacement-char', severity: 'warning', count: replacement.count, locations: replacement.locations });
  if (sniffed) {
    const trailing = await trailingEmptyColumns(await localPath(file), sniffed);
    const line = sniffed.headerLine;
    if (trailing > 0) findings.push({ code: 'trailing-empty-columns', severity: 'info', columns: trailing, count: 1, locations: [{ file: name, line }] });
  }
  const read = source as SourceHeader | null;
  if (read?.otherWaves && read.sheet !== undefined) findings.push({ code: 'other-waves', severity: 'warning', sheet: read.sheet, others: read.otherWaves, count: 1, locations: [{ file: name }] });
  findings.push(...header.duplicates);
  if (decimalComma.count > 0) {
    findings.push({ code: 'decimal-comma-weights', severity: 'info', column: config.design.weight!, count: decimalComma.count, locations: decimalComma.locations });
  }
  for (const { indicators, column, counts, tally } of others) {
    if (tally.count > 0) findings.push({ code: 'other-options', severity: 'info', indicators, column, counts, count: tally.count, locations: tally.locations });
  }
  return { check, findings, error };
}

/**
 * Indicators of options ticked in one cell whose other parts count as something (config
 * other_options), one check per column, scale and other_options: the rows where such a part
 * is ticked are counted (a pupil's own words, or an option the scale spells otherwise than
 * the file, which would then count wrongly without a word).
 */
function otherOptionChecks(config: ProjectConfig) {
  const checks = new Map<
    string,
    { indicator: Indicator; indicators: string[]; column: string; counts: 'no' | 'missing'; test: (raw: string) => boolean; known: Map<string, boolean>; at: number; tally: Tally }
  >();
  for (const ind of config.indicators) {
    if (ind.several_answers !== true || ind.other_options === undefined || ind.column === undefined) continue;
    const scale = scaleOf(config, ind);
    const key = JSON.stringify([ind.column, ind.other_options, [...scale.yes, ...scale.no, ...scale.missing].sort()]);
    const check = checks.get(key);
    if (check) check.indicators.push(ind.id);
    // The test is made from the file's column (its value labels) when the header is read.
    else checks.set(key, { indicator: ind, indicators: [ind.id], column: ind.column, counts: ind.other_options, test: () => false, known: new Map(), at: -1, tally: new Tally() });
  }
  return [...checks.values()];
}

/** Names that occur twice, except those the config reads (ingest stops on those with its own error). */
function duplicateHeaders(names: string[], used: Set<string>, h: SourceHeader): OwnFinding[] {
  const positions = new Map<string, number[]>();
  names.forEach((n, i) => {
    if (n !== '') positions.set(n, [...(positions.get(n) ?? []), i + 1]);
  });
  return [...positions]
    .filter(([name, cols]) => cols.length > 1 && !used.has(name))
    .map(([name, cols]) => ({
      code: 'duplicate-header',
      severity: 'warning',
      name,
      columns: cols,
      count: 1,
      locations: [{ ...h.at, line: h.headerLine, column: cols[1]! }],
    }));
}

/**
 * Empty columns at the end of the header (";;;" from Excel). Ingest drops them silently, so
 * they are counted on the header line itself: the delimiters after its last name.
 */
async function trailingEmptyColumns(file: string, sniffed: Sniffed): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(64 * 1024, sniffed.size));
    await handle.read(buf, 0, buf.length, 0);
    const text = textDecoder(sniffed.encoding).decode(buf).replace(/^\uFEFF/, '');
    const line = text.split(/\r\n|\n|\r/, sniffed.headerLine)[sniffed.headerLine - 1] ?? '';
    let n = 0;
    for (let i = line.length - 1; i >= 0; i--) {
      if (line[i] === sniffed.delimiter) n++;
      else if (line[i] !== ' ' && line[i] !== '"') break;
    }
    return n;
  } finally {
    await handle.close();
  }
}
