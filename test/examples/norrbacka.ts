// Shared helpers for the example tests: load the bundled configs and CSVs, and decode every
// pupil's answers by the config's own scales (throwing on any value the config does not map).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { ProjectConfig, type GroupVariable, type Indicator } from '../../src/config/schema.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE_DIR = join(ROOT, 'examples', 'norrbacka');
export const TEMPLATE_PATH = join(ROOT, 'templates', 'codebook', 'standard.yaml');
export const EXAMPLE_CONFIG_PATH = join(EXAMPLE_DIR, 'lagesbild.yaml');
export const GENERATOR_PATH = join(EXAMPLE_DIR, 'generate.mjs');
export const WAVES = [2019, 2021, 2023] as const;

export const dataFile = (year: number, dir = join(EXAMPLE_DIR, 'data')): string => join(dir, `enkat-${year}.csv`);

export function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

export function loadConfig(path: string): ProjectConfig {
  return ProjectConfig.parse(readYaml(path));
}

export interface Table {
  header: string[];
  rows: string[][];
}

export function readTable(path: string): Table {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8')) as string[][];
  if (header === undefined) throw new Error(`${path} is empty`);
  return { header, rows };
}

/** Every column a config names: the ones the report reads from each CSV. */
export function configColumns(config: ProjectConfig): string[] {
  const named = [
    config.columns.area,
    config.columns.year,
    config.columns.id,
    config.design.weight,
    config.design.strata,
    config.design.cluster,
    config.groups.gender.column,
    config.groups.grade?.column,
    ...config.indicators.flatMap((ind) => [
      ind.column,
      ind.population && 'column' in ind.population ? ind.population.column : undefined,
    ]),
  ];
  return [...new Set(named.filter((c): c is string => c !== undefined))];
}

export type State = 'yes' | 'no' | 'missing' | 'outside';

export interface Pupil {
  year: number;
  area: string;
  /** Code of the gender / grade value (aliases resolved). */
  gender: string;
  grade: string;
  /** Per extra breakdown (groups.extra) id, the value's code, or '' when not given. */
  extra: Map<string, string>;
  weight: number;
  /** Indicator id → state, for every indicator of the config (derived ones too). */
  states: Map<string, State>;
}

function groupLookup(group: GroupVariable): Map<string, string> {
  const map = new Map<string, string>();
  for (const v of group.values) for (const text of [v.code, ...v.aliases]) map.set(text, v.code);
  return map;
}

function answerLookup(config: ProjectConfig, ind: Indicator): Map<string, State> {
  const scale = typeof ind.answers === 'string' ? config.answer_scales[ind.answers] : ind.answers;
  if (scale === undefined) throw new Error(`${ind.id}: unknown scale ${String(ind.answers)}`);
  const map = new Map<string, State>();
  for (const a of scale.no) map.set(a, 'no');
  for (const a of ind.yes ?? scale.yes) map.set(a, 'yes');
  for (const a of scale.missing) map.set(a, 'missing');
  return map;
}

/** any_of: yes if one part is yes, no if all are no; all_of the other way round; else missing. */
function combine(parts: State[], any: boolean): State {
  const decisive: State = any ? 'yes' : 'no';
  const other: State = any ? 'no' : 'yes';
  if (parts.includes(decisive)) return decisive;
  return parts.every((s) => s === other) ? other : 'missing';
}

/** Decode a CSV table with a config; throws on a value the config does not map. */
export function decode(config: ProjectConfig, table: Table, file: string): Pupil[] {
  const index = (name: string): number => {
    const i = table.header.indexOf(name);
    if (i === -1) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const genders = groupLookup(config.groups.gender);
  const grades = config.groups.grade ? groupLookup(config.groups.grade) : new Map<string, string>();
  const extras = config.groups.extra.map((e) => ({ id: e.id, column: e.column, values: groupLookup(e), missing: new Set(e.missing) }));
  const byId = new Map(config.indicators.map((ind) => [ind.id, ind]));
  const lookups = new Map(config.indicators.filter((ind) => ind.column !== undefined).map((ind) => [ind.id, answerLookup(config, ind)]));

  return table.rows.map((row, r) => {
    const at = (name: string): string => row[index(name)]!;
    const where = `${file}:${r + 2}`;
    const gender = genders.get(at(config.groups.gender.column));
    const grade = config.groups.grade ? grades.get(at(config.groups.grade.column)) : '';
    if (gender === undefined || grade === undefined) throw new Error(`${where}: unmapped gender or grade`);
    const states = new Map<string, State>();
    // Each indicator after those it depends on: its parts, and the indicator its population names.
    const stateOf = (id: string): State => {
      const known = states.get(id);
      if (known !== undefined) return known;
      const ind = byId.get(id)!;
      const pop = ind.population;
      let state: State | undefined;
      if (pop && 'column' in pop && !pop.values.includes(at(pop.column))) state = 'outside';
      else if (pop && 'indicator' in pop && stateOf(pop.indicator) !== pop.answer) state = 'outside';
      else if (ind.column === undefined) state = combine((ind.any_of ?? ind.all_of ?? []).map(stateOf), ind.any_of !== undefined);
      else {
        state = lookups.get(ind.id)!.get(at(ind.column));
        if (state === undefined) throw new Error(`${where}: "${at(ind.column)}" is not an answer of ${ind.id}`);
      }
      states.set(id, state);
      return state;
    };
    for (const ind of config.indicators) stateOf(ind.id);
    const extra = new Map<string, string>();
    for (const e of extras) {
      const value = at(e.column);
      const code = e.values.get(value) ?? (e.missing.has(value) ? '' : undefined);
      if (code === undefined) throw new Error(`${where}: "${value}" is not a value of ${e.id}`);
      extra.set(e.id, code);
    }
    return {
      year: Number(at(config.columns.year)),
      area: at(config.columns.area),
      gender,
      grade,
      extra,
      weight: Number(at(config.design.weight!)),
      states,
    };
  });
}

export interface Estimate {
  p: number;
  /** Kish effective sample size, for a simple (design-effect aware) z test. */
  nEff: number;
  n: number;
}

/** Weighted share of yes among pupils with a yes/no answer to `id`. */
export function estimate(pupils: Pupil[], id: string, keep: (p: Pupil) => boolean = () => true): Estimate {
  let sw = 0;
  let swy = 0;
  let sw2 = 0;
  let n = 0;
  for (const pupil of pupils) {
    const s = pupil.states.get(id);
    if (!keep(pupil) || (s !== 'yes' && s !== 'no')) continue;
    n++;
    sw += pupil.weight;
    sw2 += pupil.weight ** 2;
    if (s === 'yes') swy += pupil.weight;
  }
  return { p: swy / sw, nEff: (sw * sw) / sw2, n };
}

/** z statistic of the change from `a` to `b` (independent samples). */
export function zChange(a: Estimate, b: Estimate): number {
  return (b.p - a.p) / Math.sqrt((a.p * (1 - a.p)) / a.nEff + (b.p * (1 - b.p)) / b.nEff);
}
