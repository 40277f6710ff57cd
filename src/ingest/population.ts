// The population file (config `population.file`): pupils per municipality, year, gender and
// school year, a small table read by the same readers as the survey (CSV with its encoding
// and delimiter sniffed, UTF-8 or Windows-1252, `,` or `;`; or Excel). Codes are those of
// `groups` (or their aliases); counts are whole numbers, written as people write them ("1 234").
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { groupValueCode, localize, type GroupVariable, type ProjectConfig } from '../config/schema.js';
import { ConfigError, DataError, msg, type Location } from '../errors.js';
import { readRows, type OnSkippedRows, type ReadOptions } from './source.js';

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

/** What a sum row says in its municipality, gender or school-year cell. */
const SUM_WORDS = /^(totalt|total|summa|sum|samtliga|alla)$/iu;

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
export async function loadPopulation(config: ProjectConfig, configPath: string, opts: ReadOptions = {}, onSkipped?: OnSkippedRows): Promise<PopulationFile> {
  const spec = config.population!;
  const file = isAbsolute(spec.file) ? spec.file : join(dirname(configPath), spec.file);
  try {
    await stat(file);
  } catch {
    throw new ConfigError(msg('population.notFound', { file: spec.file }), { file: configPath, field: 'population.file' }, msg('population.notFound.hint'));
  }
  let wanted: Column[] = config.groups.grade ? ['area', 'year', 'gender', 'grade', 'count'] : ['area', 'year', 'gender', 'count'];
  const index = new Map<Column, number>();
  // A wide table has a count column per school year ("Åk 8", "Åk 9") or per gender ("Flickor",
  // "Pojkar") instead of that column and `count`, as school offices keep such tables.
  let wide: { role: 'grade' | 'gender'; columns: { index: number; value: number }[] } | null = null;
  const lines = new Map<string, number>();
  const rows: PopulationRow[] = [];
  const gender = codes(config.groups.gender);
  const grade = config.groups.grade ? codes(config.groups.grade) : null;
  let delimiter = ',';
  let base: Location = { file };
  /** Sum rows ("Totalt", "Summa"), skipped: the counts are the group rows'. */
  const sums: number[] = [];
  const { notes } = await readRows(
    file,
    {
      onHeader: (header) => {
        delimiter = header.delimiter ?? ',';
        base = header.at;
        const names = header.names.map((h) => h.trim().toLowerCase());
        const headerAt = { ...base, line: header.headerLine ?? 1 };
        wide = wideColumns(config, header.names, names, headerAt);
        if (wide) wanted = wanted.filter((c) => c !== wide!.role && c !== 'count');
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
        const cell = (i: number) => (fields[i] ?? '').trim();
        // Excel's blank rows under a table are not rows of counts.
        if (wanted.every((c) => value(c) === '') && (wide === null || wide.columns.every((w) => cell(w.index) === ''))) return;
        // A sum row, as Excel tables have them ("Totalt" for a municipality, a gender or a school year; "Summa" at the end).
        const isSum = (c: 'area' | 'gender' | 'grade', map: Map<string, number> | null) => index.has(c) && SUM_WORDS.test(value(c)) && !map?.has(value(c));
        if (isSum('area', null) || isSum('gender', gender) || isSum('grade', grade)) {
          sums.push(line);
          return;
        }
        const area = value('area');
        if (area === '') throw new DataError(msg('population.noArea'), at('area'), msg('population.noArea.hint'));
        if (!/^\d{4}$/.test(value('year'))) throw new DataError(msg('population.year', { value: value('year').slice(0, 20) }), at('year'), msg('population.year.hint'));
        const year = Number(value('year'));
        const add = (g: number, k: number, countText: string, countAt: Location) => {
          const count = parseCount(countText);
          if (count === null) throw new DataError(msg('population.count', { value: countText.slice(0, 20) }), countAt, msg('population.count.hint'));
          const key = JSON.stringify([year, area, g, k]);
          const seen = lines.get(key);
          if (seen !== undefined) throw new DataError(msg('population.twice', { line: seen }), { ...base, line }, msg('population.twice.hint'));
          lines.set(key, line);
          rows.push({ year, area, gender: g, grade: k, count });
        };
        const g = wide?.role === 'gender' ? -1 : groupValue(gender, value('gender'), at('gender'), config.groups.gender);
        const k = wide?.role === 'grade' || !grade ? -1 : groupValue(grade, value('grade'), at('grade'), config.groups.grade!);
        if (wide === null) return add(g, k, value('count'), at('count'));
        // One count per value column; an empty cell is no count, as a missing row is.
        for (const w of wide.columns) {
          if (cell(w.index) === '') continue;
          const countAt = { ...base, line, column: w.index + 1, field: 'count' };
          if (wide.role === 'grade') add(g, w.value, cell(w.index), countAt);
          else add(w.value, k, cell(w.index), countAt);
        }
      },
    },
    { ...opts, notesBelow: true },
  );
  if (notes?.length) onSkipped?.(notes.map((line) => ({ ...base, line })));
  if (sums.length > 0) onSkipped?.(sums.map((line) => ({ ...base, line })), 'sums');
  if (rows.length === 0) throw new DataError(msg('population.noRows'), base, msg('population.noRows.hint'));
  return { file, path: resolve(file), delimiter, rows };
}

/**
 * The count columns of a wide table: without a `count` column, the columns named by a value of
 * groups.grade (or else groups.gender) — its code, label or alias — when the table has no
 * column for that group itself. Null for the long table (one row per group, a count column).
 */
function wideColumns(config: ProjectConfig, header: readonly string[], names: readonly string[], headerAt: Location): { role: 'grade' | 'gender'; columns: { index: number; value: number }[] } | null {
  if (names.some((h) => (COLUMNS.count as readonly string[]).includes(h))) return null;
  for (const role of ['grade', 'gender'] as const) {
    const variable = role === 'grade' ? config.groups.grade : config.groups.gender;
    if (variable === undefined || names.some((h) => (COLUMNS[role] as readonly string[]).includes(h))) continue;
    const columns = header.flatMap((h, index) => {
      const code = groupValueCode(variable, h);
      return code === null ? [] : [{ index, value: variable.values.findIndex((v) => v.code === code) }];
    });
    if (columns.length === 0) continue;
    // Registers count every pupil as a girl or a boy: a value the tables do not report has no count.
    const unreported = columns.find((c) => !variable.values[c.value]!.report);
    if (unreported) {
      const group = { sv: localize(variable.label, 'sv').toLowerCase(), en: localize(variable.label, 'en').toLowerCase() };
      throw new DataError(msg('population.notReported', { value: header[unreported.index]!.trim(), group }), { ...headerAt, column: unreported.index + 1, field: role }, msg('population.notReportedColumn.hint'));
    }
    return { role, columns };
  }
  return null;
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
