// The population file (config `population.file`): pupils per municipality, year, gender and
// school year, a small table read by the same readers as the survey (CSV with its encoding
// and delimiter sniffed, UTF-8 or Windows-1252, `,` or `;`; or Excel). Codes are those of
// `groups` (or their aliases); counts are whole numbers, written as people write them ("1 234").
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { localize, type GroupVariable, type ProjectConfig } from '../config/schema.js';
import { ConfigError, DataError, msg, type Location } from '../errors.js';
import { readRows, type ReadOptions } from './source.js';

/** One row of the population file: value indices into groups.gender / groups.grade (−1: no school years). */
export interface PopulationRow {
  year: number;
  area: string;
  gender: number;
  grade: number;
  count: number;
}

export interface PopulationFile {
  /** The file as messages name it: beside the config as the config is named. */
  file: string;
  /** Its full path (a survey input that is this file is a mistake). */
  path: string;
  /** Its delimiter (`,` for Excel), so that a message can show a row as the file writes it. */
  delimiter: string;
  rows: PopulationRow[];
}

/** The columns, by their English names and the Swedish ones a coordinator may write. */
const COLUMNS = {
  area: ['area', 'kommun'],
  year: ['year', 'år', 'ar'],
  gender: ['gender', 'kön', 'kon'],
  grade: ['grade', 'årskurs', 'arskurs'],
  count: ['count', 'antal'],
} as const;
type Column = keyof typeof COLUMNS;

/** Reads `population.file`, relative to the config file's folder. */
export async function loadPopulation(config: ProjectConfig, configPath: string, opts: ReadOptions = {}): Promise<PopulationFile> {
  const spec = config.population!;
  const file = isAbsolute(spec.file) ? spec.file : join(dirname(configPath), spec.file);
  try {
    await stat(file);
  } catch {
    throw new ConfigError(msg('population.notFound', { file: spec.file }), { file: configPath, field: 'population.file' }, msg('population.notFound.hint'));
  }
  const wanted: Column[] = config.groups.grade ? ['area', 'year', 'gender', 'grade', 'count'] : ['area', 'year', 'gender', 'count'];
  const index = new Map<Column, number>();
  const lines = new Map<string, number>();
  const rows: PopulationRow[] = [];
  const gender = codes(config.groups.gender);
  const grade = config.groups.grade ? codes(config.groups.grade) : null;
  let delimiter = ',';
  let base: Location = { file };
  await readRows(
    file,
    {
      onHeader: (header) => {
        delimiter = header.delimiter ?? ',';
        base = header.at;
        const names = header.names.map((h) => h.trim().toLowerCase());
        const headerAt = { ...base, line: header.headerLine ?? 1 };
        for (const c of wanted) {
          const i = names.findIndex((h) => (COLUMNS[c] as readonly string[]).includes(h));
          if (i === -1) throw new DataError(msg('population.noColumn', { column: c }), headerAt, msg('population.noColumn.hint', { en: wanted, sv: wanted.map((w) => COLUMNS[w][1]) }));
          index.set(c, i);
        }
        if (!config.groups.grade) {
          const extra = names.findIndex((h) => (COLUMNS.grade as readonly string[]).includes(h));
          if (extra !== -1) throw new ConfigError(msg('population.gradeColumn'), { ...headerAt, column: extra + 1 }, msg('population.gradeColumn.hint'));
        }
      },
      onRow: (fields, line) => {
        const at = (c: Column): Location => ({ ...base, line, column: index.get(c)! + 1, field: c });
        const value = (c: Column) => (fields[index.get(c)!] ?? '').trim();
        // Excel's blank rows under a table are not rows of counts.
        if (wanted.every((c) => value(c) === '')) return;
        const area = value('area');
        if (area === '') throw new DataError(msg('population.noArea'), at('area'), msg('population.noArea.hint'));
        if (!/^\d{4}$/.test(value('year'))) throw new DataError(msg('population.year', { value: value('year').slice(0, 20) }), at('year'), msg('population.year.hint'));
        const year = Number(value('year'));
        const g = groupValue(gender, value('gender'), at('gender'), config.groups.gender);
        const k = grade ? groupValue(grade, value('grade'), at('grade'), config.groups.grade!) : -1;
        const count = parseCount(value('count'));
        if (count === null) throw new DataError(msg('population.count', { value: value('count').slice(0, 20) }), at('count'), msg('population.count.hint'));
        const key = JSON.stringify([year, area, g, k]);
        const seen = lines.get(key);
        if (seen !== undefined) throw new DataError(msg('population.twice', { line: seen }), { ...base, line }, msg('population.twice.hint'));
        lines.set(key, line);
        rows.push({ year, area, gender: g, grade: k, count });
      },
    },
    opts,
  );
  if (rows.length === 0) throw new DataError(msg('population.noRows'), base, msg('population.noRows.hint'));
  return { file, path: resolve(file), delimiter, rows };
}

/** Value index by code and alias. */
function codes(variable: GroupVariable): Map<string, number> {
  const map = new Map<string, number>();
  variable.values.forEach((v, i) => {
    map.set(v.code, i);
    for (const a of v.aliases) map.set(a, i);
  });
  return map;
}

function groupValue(map: Map<string, number>, text: string, at: Location, variable: GroupVariable): number {
  const i = map.get(text);
  const group = { sv: localize(variable.label, 'sv').toLowerCase(), en: localize(variable.label, 'en').toLowerCase() };
  if (i === undefined) {
    throw new DataError(msg('population.group', { value: text.slice(0, 40), group }), at, msg('population.group.hint', { codes: variable.values.filter((v) => v.report).map((v) => v.code) }));
  }
  // Registers count every pupil as a girl or a boy: a value the tables do not report has no count.
  if (!variable.values[i]!.report) throw new DataError(msg('population.notReported', { value: text, group }), at, msg('population.notReported.hint'));
  return i;
}

/** A whole number ≥ 0, with spaces (also no-break) between thousands allowed; null otherwise. */
export function parseCount(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+$/.test(s) ? Number(s) : null;
}
