// Response rates (config `population`): respondents against the pupils of the population file
// for every area (the county included) × wave × group of "Totalt" and its parts, with
// disclosure control. A response cell is treated as a proportion: its base is the population
// (register numbers, public like every base) and its count the respondents, so the same
// rules apply as everywhere: no rate for a group of fewer than min_base pupils, none that
// reveals 1–max_small_count respondents or non-respondents, and secondary suppression
// through the margins (total = Σ genders = Σ school years, gender = Σ its school years,
// school year = Σ its genders, county = Σ municipalities).
import type { ProjectConfig } from '../config/schema.js';
import { msg, type Message } from '../errors.js';
import { applyDisclosure, type DisclosureCell, type DisclosureRelation } from '../stats/index.js';
import type { SurveySums } from './accumulate.js';
import type { PopulationCounts } from './poststrata.js';
import { LOW_RESPONSE, type GroupKey, type ResponseRecord } from './types.js';

/** A group of the figures table, as figures.ts describes it. */
export interface ResponseGroup {
  key: GroupKey;
  index: number;
  kind: 'total' | 'gender' | 'grade' | 'cross';
  gender: number;
  grade: number;
  reported: boolean;
}

export interface ResponseUnit {
  name: string;
  members: string[];
  county: boolean;
}

export interface ResponseWave {
  year: number;
  years: number[];
  pooled: boolean;
}

export function responseRecords(
  sums: SurveySums,
  population: PopulationCounts,
  config: ProjectConfig,
  units: readonly ResponseUnit[],
  waves: readonly ResponseWave[],
  allGroups: readonly ResponseGroup[],
): { records: ResponseRecord[]; warnings: Message[] } {
  const groups = allGroups.filter((g) => g.kind === 'total' || g.reported);
  const K = config.groups.grade?.values.length ?? 0;
  const cellsOf = (g: ResponseGroup): number[] => {
    const genders = config.groups.gender.values.map((v, i) => (v.report && (g.gender < 0 || g.gender === i) ? i : -1)).filter((i) => i >= 0);
    if (K === 0) return genders;
    const grades = config.groups.grade!.values.map((v, i) => (v.report && (g.grade < 0 || g.grade === i) ? i : -1)).filter((i) => i >= 0);
    return genders.flatMap((gi) => grades.map((ki) => gi * K + ki));
  };
  const records: ResponseRecord[] = [];
  const cells: DisclosureCell[] = [];
  const key = (area: string, wave: ResponseWave, group: GroupKey) => `${area}\u0000${wave.year}\u0000${group}`;
  for (const unit of units) {
    for (const wave of waves) {
      for (const group of groups) {
        let pupils = 0;
        for (const year of wave.years) for (const area of unit.members) for (const cell of cellsOf(group)) pupils += population.count(year, area, cell) ?? 0;
        const n = sums.respondents(unit.members, wave.years, group.index);
        if (pupils === 0) continue;
        records.push({
          kind: 'response',
          area: unit.name,
          year: wave.year,
          pooled_years: wave.pooled ? wave.years : null,
          group: group.key,
          n,
          population: pupils,
          rate: n / pupils,
          suppressed: false,
          suppression: null,
          flag: n / pupils < LOW_RESPONSE ? 'low_response' : null,
        });
        cells.push({ key: key(unit.name, wave, group.key), n: pupils, x: n, published: true });
      }
    }
  }
  const present = new Set(cells.map((c) => c.key));
  const relations: DisclosureRelation[] = [];
  const relate = (total: string, parts: string[]) => {
    if (!present.has(total)) return;
    const shown = parts.filter((p) => present.has(p));
    if (shown.length > 0) relations.push({ total, parts: shown });
  };
  const of = (kind: ResponseGroup['kind']) => groups.filter((g) => g.kind === kind);
  const county = units.find((u) => u.county);
  for (const wave of waves) {
    for (const unit of units) {
      const k = (g: ResponseGroup) => key(unit.name, wave, g.key);
      const total = k(groups[0]!);
      relate(total, of('gender').map(k));
      relate(total, of('grade').map(k));
      for (const g of of('gender')) relate(k(g), of('cross').filter((c) => c.gender === g.gender).map(k));
      for (const s of of('grade')) relate(k(s), of('cross').filter((c) => c.grade === s.grade).map(k));
    }
    if (county) {
      for (const g of groups) {
        relate(
          key(county.name, wave, g.key),
          units.filter((u) => !u.county).map((u) => key(u.name, wave, g.key)),
        );
      }
    }
  }
  const disclosure = applyDisclosure(cells, relations, {
    minBase: config.disclosure.min_base,
    maxSmallCount: config.disclosure.max_small_count,
    secondary: config.disclosure.secondary,
  });
  records.forEach((r, i) => {
    const d = disclosure.cells.get(cells[i]!.key);
    if (!d?.suppressed) return;
    r.suppressed = true;
    r.suppression = d.reason;
    r.n = r.rate = null;
    r.flag = null;
  });
  return { records, warnings: populationWarnings(sums, population, config) };
}

/**
 * What the population file says that a user should know, cell by cell (its rows): more
 * respondents than pupils (a count from another date or the wrong school year?), and —
 * post-stratified — pupils nobody in the survey represents.
 */
function populationWarnings(sums: SurveySums, population: PopulationCounts, config: ProjectConfig): Message[] {
  const K = config.groups.grade?.values.length ?? 0;
  const cellName = (cell: number) =>
    K === 0 ? config.groups.gender.values[cell]!.code : `${config.groups.gender.values[Math.floor(cell / K)]!.code} ${config.groups.grade!.values[cell % K]!.code}`;
  const warnings: Message[] = [];
  for (const c of population.cells()) {
    if (!sums.areas.includes(c.area) || !sums.years.includes(c.year)) continue;
    const respondents = sums.cellRespondents(c.year, c.area, c.cell);
    const group = `${c.area} ${c.year} ${cellName(c.cell)}`;
    if (respondents > c.count) warnings.push(msg('warning.population.exceeds', { group, respondents, pupils: c.count, file: population.file }));
    if (sums.postStrata && respondents === 0 && c.count > 0) warnings.push(msg('warning.population.nobody', { group, pupils: c.count, file: population.file }));
  }
  return warnings;
}
