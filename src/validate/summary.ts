// What the data holds, from the accumulated sums (counts only, never rows): respondents per
// municipality × wave × gender × school year, the share of missing answers per indicator,
// groups too small to report, and indicators where "yes" never occurs.
import { scaleOf } from '../config/load.js';
import { configFileName } from '../config/file-name.js';
import { isDerived, localize, type LocalizedText, type ProjectConfig } from '../config/schema.js';
import type { SurveySums } from '../analysis/accumulate.js';
import type { GroupKey } from '../analysis/types.js';
import type { OwnFinding } from './findings.js';
import type { Location } from '../errors.js';

export interface GroupValueLabel {
  code: string;
  label: LocalizedText;
  /** Shown as its own group in reports. */
  report: boolean;
}

export interface RespondentRow {
  area: string;
  year: number;
  /** Per gender × school year (gender-major; one cell per gender without a school-year variable). */
  cells: number[];
  /** Respondents in no cell: gender or school year not given (or a school year not reported). */
  other: number;
  total: number;
}

export interface RespondentTable {
  genders: GroupValueLabel[];
  /** Empty when the config has no school-year variable. */
  grades: GroupValueLabel[];
  rows: RespondentRow[];
}

export interface MissingShare {
  indicator: string;
  /** Respondents in the indicator's population (in a gender group). */
  inPopulation: number;
  answered: number;
  yes: number;
  /** (inPopulation − answered) / inPopulation; null when nobody is in the population. */
  share: number | null;
}

export interface SmallGroup {
  area: string;
  year: number;
  group: GroupKey;
  label: { sv: string; en: string };
  n: number;
}

export function respondentTable(sums: SurveySums, config: ProjectConfig): RespondentTable {
  const L = sums.layout;
  const genders = config.groups.gender.values.map(valueLabel);
  const grades = config.groups.grade?.values.map(valueLabel) ?? [];
  const rows: RespondentRow[] = [];
  for (const area of sums.areas) {
    for (const year of sums.years) {
      const total = sums.allRespondents([area], [year]);
      if (total === 0) continue;
      const cells: number[] = [];
      for (let g = 0; g < L.genders; g++) {
        if (L.grades === 0) cells.push(sums.respondents([area], [year], L.gender(g)));
        else for (let k = 0; k < L.grades; k++) cells.push(sums.respondents([area], [year], L.cross(g, k)));
      }
      rows.push({ area, year, cells, other: total - cells.reduce((a, b) => a + b, 0), total });
    }
  }
  return { genders, grades, rows };
}

/**
 * Missing answers per indicator over all municipalities and waves. Counted over the gender
 * groups, which together hold every respondent in a group: a reported gender with a reported
 * school year (when the config has school years), or a gender value not reported on its own.
 * The sums keep no group for the others (no gender, or no school year).
 */
export function missingShares(sums: SurveySums, config: ProjectConfig): MissingShare[] {
  const L = sums.layout;
  return config.indicators.map((ind, i) => {
    let inPopulation = 0;
    let answered = 0;
    let yes = 0;
    for (let g = 0; g < L.genders; g++) {
      for (const s of sums.domain(sums.areas, sums.years, L.gender(g), i)) {
        inPopulation += s.nAll;
        answered += s.n;
        yes += s.x;
      }
    }
    return { indicator: ind.id, inPopulation, answered, yes, share: inPopulation === 0 ? null : (inPopulation - answered) / inPopulation };
  });
}

/** Respondents in a gender group (those the missing shares count; see missingShares). */
export function groupedRespondents(sums: SurveySums): number {
  const L = sums.layout;
  let n = 0;
  for (let g = 0; g < L.genders; g++) n += sums.respondents(sums.areas, sums.years, L.gender(g));
  return n;
}

/**
 * Indicators read from a column where nobody answered yes, or nobody answered at all (nobody
 * in the population, when a filter keeps nobody), with the config key to check.
 */
export function answerFindings(shares: MissingShare[], config: ProjectConfig, locate?: (path: (string | number)[]) => Location): OwnFinding[] {
  const out: OwnFinding[] = [];
  const at = (path: (string | number)[]) => (locate ? [locate(path)] : []);
  config.indicators.forEach((ind, i) => {
    if (isDerived(ind)) return;
    const s = shares[i]!;
    if (s.answered === 0) {
      const path = s.inPopulation === 0 && ind.population ? ['indicators', i, 'population'] : ['indicators', i, 'column'];
      out.push({ code: 'no-answers', severity: 'warning', indicator: ind.id, inPopulation: s.inPopulation, config: configFileName(config), count: 1, locations: at(path) });
    } else if (s.yes === 0) {
      const yes = ind.yes !== undefined ? ['indicators', i, 'yes'] : typeof ind.answers === 'string' ? ['answer_scales', ind.answers, 'yes'] : ['indicators', i, 'answers', 'yes'];
      out.push({ code: 'no-yes-answers', severity: 'warning', indicator: ind.id, yes: scaleOf(config, ind).yes, answered: s.answered, config: configFileName(config), count: 1, locations: at(yes) });
    }
  });
  return out;
}

/**
 * Reported groups (Totalt, each reported gender and school year, and their crossings) with
 * respondents but fewer than disclosure.min_base: their percentages will be shown as "..".
 * The count is of respondents; an indicator's base (valid answers) can only be smaller.
 */
export function smallGroups(sums: SurveySums, config: ProjectConfig): SmallGroup[] {
  const L = sums.layout;
  const min = config.disclosure.min_base;
  const genders = config.groups.gender.values;
  const grades = config.groups.grade?.values ?? [];
  const label = (t: LocalizedText) => ({ sv: localize(t, 'sv'), en: localize(t, 'en') });
  const groups: { key: GroupKey; index: number; label: { sv: string; en: string } }[] = [{ key: 'total', index: 0, label: { sv: 'Totalt', en: 'Total' } }];
  genders.forEach((v, g) => v.report && groups.push({ key: `gender=${v.code}`, index: L.gender(g), label: label(v.label) }));
  grades.forEach((v, k) => v.report && groups.push({ key: `grade=${v.code}`, index: L.grade(k), label: label(v.label) }));
  genders.forEach((gv, g) =>
    grades.forEach((kv, k) => {
      if (!gv.report || !kv.report) return;
      const a = label(gv.label);
      const b = label(kv.label);
      groups.push({ key: `gender=${gv.code};grade=${kv.code}`, index: L.cross(g, k), label: { sv: `${a.sv} ${b.sv}`, en: `${a.en} ${b.en}` } });
    }),
  );
  const out: SmallGroup[] = [];
  for (const area of sums.areas) {
    for (const year of sums.years) {
      for (const group of groups) {
        const n = sums.respondents([area], [year], group.index);
        if (n > 0 && n < min) out.push({ area, year, group: group.key, label: group.label, n });
      }
    }
  }
  return out;
}

function valueLabel(v: { code: string; label: LocalizedText; report: boolean }): GroupValueLabel {
  return { code: v.code, label: v.label, report: v.report };
}
