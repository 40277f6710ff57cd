// Reference values (config `references`): published figures from other surveys (national or
// regional), one CSV file per set with the columns indicator, year, group, estimate and
// optionally ci_lower, ci_upper and n (CSV, or any format the survey files may have). Read
// once, checked against the config, and handed to
// the analysis, which compares the municipality with them where their uncertainty is known.
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { configGroupKeys, localize, type ProjectConfig } from '../config/schema.js';
import { configFileName } from '../config/file-name.js';
import { ConfigError, DataError, LimitError, msg, type Location } from '../errors.js';
import { readRows, type OnSkippedRows } from '../ingest/source.js';
// Numbers as the other sources' tables are read: a decimal comma or point, `..` for none.
import { parseNumber } from '../sources/load.js';

/** A reference file is a small table: a few indicators × groups × years. */
export const MAX_REFERENCE_ROWS = 10_000;
export const MAX_REFERENCE_BYTES = 2 * 1024 * 1024;

export interface ReferenceValue {
  /** Index into config.references. */
  set: number;
  indicator: string;
  year: number;
  group: string;
  /** As a proportion (0–1), whatever the file's unit. */
  estimate: number;
  ciLower: number | null;
  ciUpper: number | null;
  n: number | null;
}

const REQUIRED = ['indicator', 'year', 'group', 'estimate'] as const;
const OPTIONAL = ['ci_lower', 'ci_upper', 'n'] as const;

/** Every reference set of the config, read relative to the config file. */
export async function loadReferences(config: ProjectConfig, configPath: string, onSkipped?: OnSkippedRows): Promise<ReferenceValue[]> {
  const dir = dirname(configPath);
  const out: ReferenceValue[] = [];
  for (const [set, spec] of config.references.entries()) {
    const path = isAbsolute(spec.file) ? spec.file : join(dir, spec.file);
    out.push(...(await readReferenceFile(config, set, path, { file: configPath, field: `references[${set}].file` }, onSkipped)));
  }
  return out;
}

async function readReferenceFile(config: ProjectConfig, set: number, path: string, from: Location, onSkipped?: OnSkippedRows): Promise<ReferenceValue[]> {
  const spec = config.references[set]!;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ConfigError(msg('reference.notFound', { file: spec.file }), from, msg('config.relativeToConfig.hint'));
  }
  if (size > MAX_REFERENCE_BYTES) {
    throw new LimitError(msg('reference.tooLarge', { kb: Math.round(size / 1024), max: MAX_REFERENCE_BYTES / 1024 }), { file: path }, msg('reference.tooLarge.hint'));
  }
  const unit = spec.unit;
  const indicators = new Set(config.indicators.map((i) => i.id));
  const groups = new Set(configGroupKeys(config));
  const scale = unit === 'percent' ? 100 : 1;
  const rows: ReferenceValue[] = [];
  const seen = new Map<string, number>();
  let column: Record<string, number> = {};
  let base: Location = { file: path };
  const { notes } = await readRows(path, {
    onHeader: (header) => {
      base = header.at;
      const lower = header.names.map((h) => h.trim().toLowerCase());
      column = Object.fromEntries([...REQUIRED, ...OPTIONAL].map((c) => [c, lower.indexOf(c)]));
      const missing = REQUIRED.filter((c) => column[c]! < 0);
      if (missing.length > 0) {
        throw new DataError(msg('reference.missingColumns', { columns: missing }), { ...base, line: header.headerLine }, msg('reference.missingColumns.hint', { required: [...REQUIRED], optional: [...OPTIONAL] }));
      }
    },
    onRow: (fields, line) => {
      if (rows.length >= MAX_REFERENCE_ROWS) throw new LimitError(msg('reference.tooManyRows', { max: MAX_REFERENCE_ROWS }), { ...base, line });
      const at = (c: string): Location => ({ ...base, line, column: column[c]! + 1, field: c });
      const text = (c: string) => (column[c]! < 0 ? '' : (fields[column[c]!] ?? '').trim());
      // A cell quoted in a message, cut short (a long one is not a value anyone meant).
      const clip = (c: string) => text(c).slice(0, 40);
      const indicator = text('indicator');
      if (!indicators.has(indicator)) throw new DataError(msg('reference.unknownIndicator', { value: clip('indicator') }), at('indicator'), msg('reference.unknownIndicator.hint', { config: configFileName(config) }));
      const year = Number(text('year'));
      if (!/^\d{4}$/.test(text('year'))) throw new DataError(msg('reference.notYear', { value: clip('year') }), at('year'), msg('reference.notYear.hint'));
      const group = text('group');
      if (!groups.has(group)) throw new DataError(msg('reference.unknownGroup', { value: group.slice(0, 60) }), at('group'), msg('reference.unknownGroup.hint', { examples: [...groups].slice(1, 3) }));
      const share = (c: string, required: boolean): number | null => {
        // "55,0 %" is how a percentage is written in a table; in a file of proportions it is a mistake.
        const written = text(c);
        const number = written.replace(/\s*%$/u, '');
        if (number !== written && unit !== 'percent') throw new DataError(msg('reference.notNumber', { value: clip(c) }), at(c), msg('reference.percentSign.hint'));
        const v = parseNumber(number);
        if (v === undefined || (v === null && required)) throw new DataError(msg('reference.notNumber', { value: clip(c) }), at(c), msg('reference.notNumber.hint', { unit }));
        if (v === null) return null;
        if (v < 0 || v > scale) throw new DataError(msg('reference.outOfRange', { value: clip(c), max: scale }), at(c), msg('reference.outOfRange.hint', { unit }));
        // 10,1 % is 0.101, not 0.10099999999999999.
        return Number((v / scale).toPrecision(12));
      };
      const estimate = share('estimate', true)!;
      const ciLower = share('ci_lower', false);
      const ciUpper = share('ci_upper', false);
      if ((ciLower === null) !== (ciUpper === null)) throw new DataError(msg('reference.oneEnd'), at(ciLower === null ? 'ci_lower' : 'ci_upper'), msg('reference.oneEnd.hint'));
      if (ciLower !== null && !(ciLower <= estimate && estimate <= ciUpper!)) throw new DataError(msg('reference.outsideInterval'), at('estimate'), msg('reference.outsideInterval.hint'));
      const nText = text('n');
      const n = nText === '' ? null : parseNumber(nText);
      if (n === undefined || (n !== null && !(Number.isInteger(n) && n > 0))) throw new DataError(msg('reference.notCount', { value: clip('n') }), at('n'), msg('reference.notCount.hint'));
      const key = `${indicator}\u0000${year}\u0000${group}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new DataError(msg('reference.duplicate', { indicator, year, group, line: earlier }), { ...base, line }, msg('reference.duplicate.hint'));
      seen.set(key, line);
      rows.push({ set, indicator, year, group, estimate, ciLower, ciUpper, n });
    },
  }, { notesBelow: true });
  if (notes?.length) onSkipped?.(notes.map((line) => ({ ...base, line })));
  if (rows.length === 0) throw new DataError(msg('reference.empty'), base, msg('reference.empty.hint'));
  // Proportions in a file said to hold percentages would all be read as under 1 %.
  if (unit === 'percent' && rows.every((r) => r.estimate <= 0.01) && rows.some((r) => r.estimate > 0)) {
    throw new DataError(msg('reference.proportions', { label: { sv: localize(spec.label, 'sv'), en: localize(spec.label, 'en') } }), base, msg('reference.proportions.hint', { set }));
  }
  return rows;
}
