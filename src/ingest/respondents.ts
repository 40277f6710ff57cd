// Turn rows (of any format: see source.ts) into respondents as the config describes them:
// area, wave, weight, design, groups, and one value per indicator (yes / no / missing /
// outside the population).
// Everything the config names is resolved against the header once; per row only array
// indexing and Map look-ups remain.
import { ConfigError, DataError, type Location } from '../errors.js';
import { dependencyOrder, printable, scaleOf } from '../config/load.js';
import { isDerived, localize, type GroupVariable, type Indicator, type ProjectConfig } from '../config/schema.js';
import { nameOf, withLabels } from './labels.js';
import type { SourceColumn, SourceHeader } from './source.js';

export const YES = 1;
export const NO = 0;
export const MISSING = -1;
/** Not in the indicator's population (e.g. never had a partner): outside its domain. */
export const OUTSIDE = -2;

export interface Respondent {
  area: string;
  year: number;
  weight: number;
  stratum: string;
  /** Primary sampling unit; null = the respondent is its own PSU. */
  psu: string | null;
  /** Index into config.groups.gender.values, or -1 when not given. */
  gender: number;
  /** Index into config.groups.grade.values, or -1 when not given (or no grade variable). */
  grade: number;
  /** Id column value, only for duplicate checks; never written anywhere. */
  id: string | null;
  /** One value per config indicator, in config order: YES, NO, MISSING or OUTSIDE. */
  values: Int8Array;
}

/** A problem found in a row. `kind` groups identical problems for summaries. */
export interface RowProblem {
  kind: 'area' | 'year' | 'weight' | 'group' | 'answer' | 'population' | 'design';
  message: string;
  hint?: string;
  location: Location;
  /** Grouping key beyond kind: column and offending value (values are shown truncated). */
  key: string;
}

export type ProblemSink = (p: RowProblem) => void;

/** The default sink: the first problem stops the run. */
export const throwOnProblem: ProblemSink = (p) => {
  throw new DataError(p.message, p.location, p.hint);
};

interface ColumnRef {
  index: number;
  name: string;
  column: SourceColumn;
}

/** What a file's rows do not hold but the file as a whole has: its wave, its municipality. */
export interface FileFacts {
  /** The survey year when the config names no year column (from --year, the config or the file name). */
  year?: number;
  /** The municipality when the config names no area column (project.area or --area-name). */
  area?: string;
}

export interface RowDecoder {
  /** Decode one row; returns null when the row has a problem (already sent to the sink). */
  decode(fields: string[], line: number): Respondent | null;
}

/**
 * Resolve the config against a file's header. Throws ConfigError (with the file and the
 * config key) when a column the config names is not in the header.
 */
export function compileDecoder(config: ProjectConfig, source: SourceHeader, sink: ProblemSink = throwOnProblem, facts: FileFacts = {}): RowDecoder {
  const file = source.file;
  const col = (name: string, key: string): ColumnRef => resolveColumn(source, name, key);
  const area = config.columns.area ? col(config.columns.area, 'columns.area') : null;
  const year = config.columns.year ? col(config.columns.year, 'columns.year') : null;
  // factsFor (facts.ts) gives both, or says what is missing, before any file is read.
  if ((!area && facts.area === undefined) || (!year && facts.year === undefined)) throw new Error('compileDecoder: no municipality or year for this file');
  const areaName = area ? nameOf(area.column) : null;
  const id = config.columns.id ? col(config.columns.id, 'columns.id') : null;
  const weight = config.design.weight ? col(config.design.weight, 'design.weight') : null;
  const stratum = config.design.strata ? col(config.design.strata, 'design.strata') : null;
  const cluster = config.design.cluster ? col(config.design.cluster, 'design.cluster') : null;
  const stratumName = stratum ? nameOf(stratum.column) : null;
  const clusterName = cluster ? nameOf(cluster.column) : null;
  const gender = compileGroup(config.groups.gender, col(config.groups.gender.column, 'groups.gender.column'), file, 'groups.gender');
  const grade = config.groups.grade ? compileGroup(config.groups.grade, col(config.groups.grade.column, 'groups.grade.column'), file, 'groups.grade') : null;
  const decimalComma = source.decimalComma;

  const order = dependencyOrder(config.indicators)!;
  const indexOf = new Map(config.indicators.map((ind, i) => [ind.id, i]));
  const steps = order.map((ind) => compileIndicator(config, ind, indexOf, col, file));

  const respondent: Respondent = {
    area: '',
    year: 0,
    weight: 1,
    stratum: '',
    psu: null,
    gender: -1,
    grade: -1,
    id: null,
    values: new Int8Array(config.indicators.length),
  };
  const loc = (line: number, c: ColumnRef): Location => ({ ...source.at, line, column: c.index + 1, field: printable(c.name) });
  // Names go into reports, file names and messages; checked once per run of equal values.
  let lastArea = '';
  let lastStratum = '';
  const badName = (value: string, c: ColumnRef, line: number, kind: RowProblem['kind']): null =>
    fail(kind, `${shown(value)} holds a control character`, loc(line, c), `${c.name}=${clip(value)}`, 'Remove it from the file: it is invisible, and often left behind by copying from another program');

  return {
    decode(fields, line) {
      const r = respondent;
      if (area) {
        const areaValue = areaName!(fields[area.index]!.trim());
        if (areaValue === '') return fail('area', `no municipality (empty ${area.name})`, loc(line, area), area.name, 'Every row needs the municipality name');
        if (areaValue !== lastArea) {
          if (CONTROL.test(areaValue)) return badName(areaValue, area, line, 'area');
          lastArea = areaValue;
        }
        r.area = areaValue;
      } else r.area = facts.area!;

      const yearText = year ? fields[year.index]!.trim() : '';
      const y = year ? parseYear(yearText) : facts.year!;
      if (y === null) {
        const m = /^(\d{4})\s*[/–-]\s*\d{2,4}$/.exec(yearText);
        return fail(
          'year',
          `${shown(yearText)} is not a survey year`,
          loc(line, year!),
          `${year!.name}=${clip(yearText)}`,
          m ? `Use a four-digit year such as ${m[1]} (the year the survey was answered)` : 'Use a four-digit year such as 2023',
        );
      }
      r.year = y;

      if (weight) {
        const w = parseWeight(fields[weight.index]!, decimalComma);
        if (typeof w === 'string') return fail('weight', w, loc(line, weight), weight.name, weightHint(fields[weight.index]!, decimalComma));
        r.weight = w;
      }
      r.stratum = stratum ? stratumName!(fields[stratum.index]!.trim()) : '';
      if (stratum && r.stratum !== lastStratum) {
        if (CONTROL.test(r.stratum)) return badName(r.stratum, stratum, line, 'design');
        lastStratum = r.stratum;
      }
      r.psu = cluster ? clusterName!(fields[cluster.index]!.trim()) : null;
      if (cluster && r.psu === '') return fail('design', `no cluster (empty ${cluster.name})`, loc(line, cluster), cluster.name, 'Every row needs its PSU (e.g. school)');
      if (cluster && CONTROL.test(r.psu!)) return badName(r.psu!, cluster, line, 'design');
      r.id = id ? fields[id.index]! : null;

      const g = gender.map.get(fields[gender.ref.index]!);
      if (g === undefined) return groupProblem(gender, fields, line);
      r.gender = g;
      if (grade) {
        const k = grade.map.get(fields[grade.ref.index]!);
        if (k === undefined) return groupProblem(grade, fields, line);
        r.grade = k;
      } else r.grade = -1;

      for (const step of steps) {
        const v = step(fields, r.values);
        if (typeof v !== 'number') return v === null ? null : fail(v.kind, v.message, loc(line, v.column), v.key, v.hint);
      }
      return r;
    },
  };

  function fail(kind: RowProblem['kind'], message: string, location: Location, key: string, hint?: string): null {
    // Messages quote the config too (labels, answers): all of it must stay on one line.
    sink({ kind, message: printable(message), location, key, hint: hint === undefined ? undefined : printable(hint) });
    return null;
  }

  function groupProblem(group: CompiledGroup, fields: string[], line: number): null {
    const value = fields[group.ref.index]!;
    const expected = group.variable.values.map((v) => v.code);
    return fail(
      'group',
      `${shown(value)} is not a value of ${localize(group.variable.label, 'en').toLowerCase()}`,
      loc(line, group.ref),
      `${group.ref.name}=${clip(value)}`,
      nearMatchHint(value, [...group.map.keys()]) ?? `Expected one of: ${expected.join(', ')}; add it as a value or alias under groups in lagesbild.yaml`,
    );
  }
}

interface CompiledGroup {
  variable: GroupVariable;
  ref: ColumnRef;
  /** Answer text → value index (-1 = not given). */
  map: Map<string, number>;
}

function compileGroup(variable: GroupVariable, ref: ColumnRef, file: string, key: string): CompiledGroup {
  const map = new Map<string, number>();
  variable.values.forEach((v, i) => {
    map.set(v.code, i);
    for (const a of v.aliases) map.set(a, i);
  });
  for (const m of variable.missing) map.set(m, -1);
  const name = (i: number) => (i === -1 ? 'missing' : `"${variable.values[i]!.code}"`);
  return { variable, ref, map: withLabels(map, ref.column, file, key, name) };
}

type Step = (fields: string[], values: Int8Array) => number | null | StepProblem;
interface StepProblem {
  kind: RowProblem['kind'];
  message: string;
  hint: string;
  column: ColumnRef;
  key: string;
}

function compileIndicator(
  config: ProjectConfig,
  ind: Indicator,
  indexOf: Map<string, number>,
  col: (name: string, key: string) => ColumnRef,
  file: string,
): Step {
  const slot = indexOf.get(ind.id)!;
  const key = `indicators[${slot}]`;
  const inPopulation = compilePopulation(ind, indexOf, col, key, file);

  if (isDerived(ind)) {
    const parts = (ind.any_of ?? ind.all_of)!.map((id) => indexOf.get(id)!);
    const any = ind.any_of !== undefined;
    return (fields, values) => {
      if (!inPopulation(fields, values)) return (values[slot] = OUTSIDE);
      return (values[slot] = any ? anyOf(values, parts) : allOf(values, parts));
    };
  }

  const column = col(ind.column!, `${key}.column`);
  const scale = scaleOf(config, ind);
  const scaleName = typeof ind.answers === 'string' ? `answer_scales.${ind.answers}` : `${key}.answers`;
  const named = new Map<string, number>();
  for (const a of scale.no) named.set(a, NO);
  for (const a of scale.yes) named.set(a, YES);
  for (const a of scale.missing) named.set(a, MISSING);
  const answers = withLabels(named, column.column, file, scaleName, (v) => (v === YES ? 'yes' : v === NO ? 'no' : 'missing'));
  return (fields, values) => {
    if (!inPopulation(fields, values)) return (values[slot] = OUTSIDE);
    const raw = fields[column.index]!;
    const v = answers.get(raw);
    if (v !== undefined) return (values[slot] = v);
    return {
      kind: 'answer',
      message: `${shown(raw)} is not an answer of ${ind.id}`,
      hint: nearMatchHint(raw, [...answers.keys()]) ?? `Expected one of: ${[...answers.keys()].map((a) => (a === '' ? '(empty)' : a)).join(', ')}; add it to ${scaleName} in lagesbild.yaml (yes, no or missing)`,
      column,
      key: `${column.name}=${clip(raw)}`,
    };
  };
}

/** Population filter as a row predicate; indicators it depends on are decoded first. */
function compilePopulation(
  ind: Indicator,
  indexOf: Map<string, number>,
  col: (name: string, key: string) => ColumnRef,
  key: string,
  file: string,
): (fields: string[], values: Int8Array) => boolean {
  const pop = ind.population;
  if (!pop) return () => true;
  if ('column' in pop) {
    const c = col(pop.column, `${key}.population.column`);
    const allowed = withLabels(new Map(pop.values.map((v) => [v, true])), c.column, file, `${key}.population.values`);
    return (fields) => allowed.has(fields[c.index]!);
  }
  const slot = indexOf.get(pop.indicator)!;
  const want = pop.answer === 'yes' ? YES : NO;
  return (_fields, values) => values[slot] === want;
}

function anyOf(values: Int8Array, parts: number[]): number {
  let missing = false;
  for (const p of parts) {
    const v = values[p]!;
    if (v === YES) return YES;
    if (v !== NO) missing = true;
  }
  return missing ? MISSING : NO;
}

function allOf(values: Int8Array, parts: number[]): number {
  let missing = false;
  for (const p of parts) {
    const v = values[p]!;
    if (v === NO) return NO;
    if (v !== YES) missing = true;
  }
  return missing ? MISSING : YES;
}

function resolveColumn(source: SourceHeader, name: string, key: string): ColumnRef {
  const { names: header, file } = source;
  const first = header.indexOf(name);
  if (first === -1) {
    const near = header.find((h) => h.toLowerCase() === name.toLowerCase() || h.replace(/\s+/g, '') === name.replace(/\s+/g, ''));
    throw new ConfigError(
      `column "${printable(name)}" (${key} in the config) is not in the header`,
      headerLocation(source),
      near ? `The file has "${clip(near)}": correct the spelling in the config` : `Check ${key} in the config; the file has ${header.length} columns: ${clipList(header)}`,
    );
  }
  if (header.indexOf(name, first + 1) !== -1) {
    throw new DataError(
      `the header has two columns named "${printable(name)}" (columns ${first + 1} and ${header.indexOf(name, first + 1) + 1})`,
      { ...headerLocation(source), column: header.indexOf(name, first + 1) + 1 },
      'Rename one of them so the config can tell them apart',
    );
  }
  return { index: first, name, column: source.columns[first]! };
}

/** Where the column names are: the CSV's header line, the sheet's first row; SPSS has no line. */
function headerLocation(source: SourceHeader): Location {
  if (source.format === 'sav') return { file: source.file };
  return { ...source.at, line: source.headerLine ?? 1 };
}

export function parseYear(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const y = Number(text);
  return y >= 1900 && y <= 2100 ? y : null;
}

/** A positive finite weight, or the reason it is not one. */
export function parseWeight(raw: string, decimalComma: boolean): number | string {
  const text = raw.trim();
  if (text === '') return 'empty weight';
  const normalised = decimalComma ? text.replace(',', '.') : text;
  if (!/^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) {
    return /^-/.test(normalised) ? `negative weight ${shown(text)}` : `${shown(text)} is not a number`;
  }
  const w = Number(normalised);
  if (!Number.isFinite(w)) return `${shown(text)} is not a finite number`;
  if (w === 0) return 'weight is 0';
  return w;
}

function weightHint(raw: string, decimalComma: boolean): string {
  if (!decimalComma && /^\s*\d+,\d+\s*$/.test(raw)) {
    return 'The weight has a decimal comma in a comma-separated file: write 1.5, or save the file with semicolons (Swedish Excel), where 1,5 is read as 1.5';
  }
  return 'Weights must be positive numbers (respondents with no weight should be removed or given one by whoever made the weights)';
}

/** "differs only by spaces or letter case" — the commonest reason an answer matches nothing. */
function nearMatchHint(raw: string, known: string[]): string | undefined {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const match = known.find((k) => k !== '' && norm(k) === norm(raw));
  if (match === undefined) return undefined;
  const what = raw.trim() !== raw ? 'spaces at the start or end' : 'spaces or upper/lower case';
  return `It differs from "${match}" only by ${what}: clean the file, or add ${shown(raw)} to the answers in lagesbild.yaml`;
}

/** C0 controls and DEL. (C1 controls are left to validate: they mostly come from "Ã\u0085" mojibake.) */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Longer than this, a cell is probably free text (a column mapped by mistake). */
const MAX_QUOTED = 40;

/**
 * A cell as a message shows it: quoted, on one plain line. A long one is described by its
 * length instead, so that no message repeats what a respondent wrote in a free-text answer.
 */
function shown(s: string): string {
  return s.length > MAX_QUOTED ? `a text of ${s.length} characters` : `"${printable(s)}"`;
}

/** A name or grouping key from the file: cut short, on one plain line. */
function clip(s: string, max = MAX_QUOTED): string {
  return printable(s.length > max ? `${s.slice(0, max)}…` : s);
}

function clipList(names: string[]): string {
  const listed = names.slice(0, 12).map((n) => clip(n)).join(', ');
  return names.length > 12 ? `${listed}, … (${names.length - 12} more)` : listed;
}
