// Reads the config's other sources (`sources`): small tables of figures from police reports,
// social services or the women's shelter, with a label column and one column per year or
// group. The numbers are taken as written (a decimal comma or point, spaces between
// thousands; `..`, `–` or an empty cell for a missing value): nothing is estimated from them.
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { OtherSource, ProjectConfig } from '../config/schema.js';
import { ConfigError, DataError, LimitError, msg, type Location } from '../errors.js';
import { readRows, type OnSkippedRows } from '../ingest/source.js';

/** "Small tables": more would not be a chart or table a reader can take in. */
export const MAX_SOURCE_ROWS = 30;
export const MAX_SOURCE_COLUMNS = 30;
export const MAX_SOURCE_BYTES = 1024 * 1024;

export interface SourceRow {
  label: string;
  /** One per column; null where the source has no value. */
  values: (number | null)[];
}

export interface SourceTable {
  /** The config's entry (texts in both languages; the report picks one). */
  spec: OtherSource;
  /** The file as the config names it. */
  file: string;
  /** The label column's header ("Område") and the value columns' headers ("2019", …). */
  labelHeader: string;
  columns: string[];
  rows: SourceRow[];
  /** Decimals as written in the file (the most any value has, at most 2). */
  decimals: number;
  chart: 'line' | 'bar' | 'none';
}

const MISSING = new Set(['', '..', '.', '–', '—', '-', 'x', 'X']);

/** Every other source of the config, read relative to the config file. */
export async function loadSources(config: ProjectConfig, configPath: string, onSkipped?: OnSkippedRows): Promise<SourceTable[]> {
  const dir = dirname(configPath);
  const tables: SourceTable[] = [];
  for (const [i, spec] of config.sources.entries()) {
    tables.push(await readSource(spec, resolve(dir, spec.file), { file: configPath, field: `sources[${i}].file` }, onSkipped));
  }
  return tables;
}

async function readSource(spec: OtherSource, path: string, from: { file: string; field: string }, onSkipped?: OnSkippedRows): Promise<SourceTable> {
  const name = spec.file;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ConfigError(msg('source.notFound', { file: name }), from, msg('config.relativeToConfig.hint'));
  }
  if (size > MAX_SOURCE_BYTES) {
    throw new LimitError(msg('source.tooLarge', { kb: Math.round(size / 1024), max: MAX_SOURCE_BYTES / 1024 }), { file: name }, msg('source.small.hint'));
  }
  let header: string[] = [];
  let at: Location = { file: name };
  const rows: SourceRow[] = [];
  const labels = new Map<string, number>();
  let decimals = 0;
  const { notes } = await readRows(
    path,
    {
      onHeader: (h) => {
        // An SPSS file holds respondents, not a table of figures.
        if (h.format === 'sav') throw new DataError(msg('source.sav'), { file: name }, msg('source.sav.hint'));
        header = h.names;
        at = h.at;
        const first = { ...at, line: h.headerLine ?? 1 };
        if (header.length < 2) throw new DataError(msg('source.tooFewColumns'), first, msg('source.tooFewColumns.hint'));
        if (header.length - 1 > MAX_SOURCE_COLUMNS) throw new LimitError(msg('source.tooManyColumns', { count: header.length - 1, max: MAX_SOURCE_COLUMNS }), first);
        header.forEach((title, c) => {
          if (c > 0 && title === '') throw new DataError(msg('source.noHeader'), { ...first, column: c + 1 }, msg('source.noHeader.hint'));
        });
      },
      onRow: (fields, line) => {
        if (rows.length >= MAX_SOURCE_ROWS) throw new LimitError(msg('source.tooManyRows', { max: MAX_SOURCE_ROWS }), { ...at, line }, msg('source.tooManyRows.hint'));
        const label = (fields[0] ?? '').trim();
        // Empty rows (an Excel sheet's blank lines) are no series.
        if (label === '' && fields.every((f) => f.trim() === '')) return;
        if (label === '') throw new DataError(msg('source.noLabel'), { ...at, line, column: 1 }, msg('source.noLabel.hint'));
        const seen = labels.get(label);
        if (seen !== undefined) throw new DataError(msg('source.sameLabel', { label, line: seen, excel: at.sheet !== undefined }), { ...at, line, column: 1 }, msg('source.sameLabel.hint'));
        labels.set(label, line);
        const values = header.slice(1).map((_, c) => {
          const text = (fields[c + 1] ?? '').trim();
          const value = parseNumber(text);
          if (value === undefined) {
            throw new DataError(msg('source.notNumber', { text: text.slice(0, 40), column: header[c + 1]! }), { ...at, line, column: c + 2, field: header[c + 1] }, msg('source.notNumber.hint'));
          }
          if (value !== null) decimals = Math.max(decimals, decimalsOf(text));
          return value;
        });
        rows.push({ label, values });
      },
    },
    { notesBelow: true },
    name,
  );
  if (notes?.length) onSkipped?.(notes.map((line) => ({ ...at, line })));
  if (rows.length === 0) throw new DataError(msg('source.noRows'), { file: name }, msg('source.noRows.hint'));
  const columns = header.slice(1);
  const years = columns.every((c) => /^(19|20)\d\d$/.test(c));
  const chart = spec.chart ?? (years && columns.length >= 2 ? 'line' : 'bar');
  if (chart === 'line' && columns.length < 2) {
    throw new ConfigError(msg('source.lineNeedsYears'), from, msg('source.lineNeedsYears.hint'));
  }
  return { spec, file: name, labelHeader: header[0] ?? '', columns, rows, decimals: Math.min(2, decimals), chart };
}

/** A number as people write one in a table; null for a missing value; undefined when it is no number. */
export function parseNumber(text: string): number | null | undefined {
  if (MISSING.has(text)) return null;
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-');
  // Both separators: the last one is the decimal mark ("1.234,5" or "1,234.5").
  if (s.includes(',') && s.includes('.')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else s = s.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

function decimalsOf(text: string): number {
  const m = /[.,](\d+)\s*$/.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  // "1 234" has no decimals; "1.234" written with a point and three digits is read as 1.234.
  return m ? m[1]!.length : 0;
}
